import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Chart, Testing } from 'cdk8s';
import { EsoAuthModel, SecretsDeclaration } from '../../lib/core';
import { PlatformOutputs, SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

/** An AKS cluster with a per-store Azure identity (client ID known only after apply). */
function perStoreAzure() {
  const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
  const cluster = declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT}/x/` });
  const vault = declaration.addKeyVault('kv', { name: 'kv-az-prod', resourceGroupName: 'rg', location: 'westeurope' });
  const secret = declaration.addKeyVaultSecret('s', { vault, name: 's' });
  const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  declaration.addExternalSecret('s', { name: 's', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  return { declaration, cluster };
}

function writeOutputs(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'outputs-')), 'outputs.json');
  writeFileSync(file, content);
  return file;
}

describe('PlatformOutputs: the cloud side\'s outputs file feeds the Kubernetes side', () => {
  test('the client ID written by `cdktf output --outputs-file` annotates the store\'s service account', () => {
    // GIVEN the file cdktf writes (outputs nested by construct path)
    const file = writeOutputs(JSON.stringify({ 'az-cloud': { platform: { eso_client_id_store_kv: CLIENT_ID } } }));
    const { declaration, cluster } = perStoreAzure();
    // WHEN rendering with it
    const chart = new Chart(Testing.app(), 'c');
    new SecretsPlatformManifests(chart, 'p', { declaration, cluster, cloudOutputs: PlatformOutputs.fromFile(file, 'az-cloud') });
    // THEN
    expect(findManifest(synthValid(chart), 'ServiceAccount', 'eso-kv').metadata?.annotations).toEqual({
      'azure.workload.identity/client-id': CLIENT_ID, 'azure.workload.identity/tenant-id': TENANT,
    });
  });

  test('flat files are read too, and require() names the missing output and the command', () => {
    // GIVEN a flat outputs file without the output
    const outputs = PlatformOutputs.fromJson({ 'az-cloud': { other: 'x' } }, 'az-cloud', 'outputs.json');
    // THEN
    expect(outputs.output('other')).toBe('x');
    expect(() => outputs.require('eso_client_id_store_kv')).toThrow(
      '[PlatformOutputs] output: received "eso_client_id_store_kv". Allowed: an output "eso_client_id_store_kv" of stack "az-cloud" in outputs.json. '
      + 'Fix: apply the cloud side first, then run: cdktf output az-cloud --outputs-file outputs.json.');
  });

  test('a file without the stack, unreadable JSON or a missing file fail naming the command', () => {
    expect(() => PlatformOutputs.fromJson({ other: {} }, 'az-cloud', 'outputs.json')).toThrow(
      '[PlatformOutputs] stack: received "outputs.json". Allowed: the JSON written by cdktf output az-cloud --outputs-file <file>, holding the outputs of stack "az-cloud". '
      + 'Fix: run: cdktf output az-cloud --outputs-file <file>, and pass that file with the stack\'s name.');
    expect(() => PlatformOutputs.fromJson('{', 'az-cloud', 'outputs.json')).toThrow(
      '[PlatformOutputs] json: received "outputs.json". Allowed: the JSON written by cdktf output az-cloud --outputs-file <file>, holding the outputs of stack "az-cloud". '
      + 'Fix: run: cdktf output az-cloud --outputs-file <file>, and pass that file with the stack\'s name.');
    expect(() => PlatformOutputs.fromFile('/nonexistent/outputs.json', 'az-cloud')).toThrow(
      '[PlatformOutputs] file: received "/nonexistent/outputs.json". Allowed: the JSON written by cdktf output az-cloud --outputs-file <file>, holding the outputs of stack "az-cloud". '
      + 'Fix: run: cdktf output az-cloud --outputs-file <file>, and pass that file with the stack\'s name.');
  });
});
