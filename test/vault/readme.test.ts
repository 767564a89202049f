// The lib/vault/README.md quick start, compiled and synthesized (the README must contain the block verbatim).
import { readFileSync } from 'fs';
import { join } from 'path';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import {
  VaultDynamicSecretPath, VaultKubernetesAuthMount, VaultKubernetesAuthRole, VaultKvMount, VaultKvSecret, VaultKvSecretValue,
} from '../../lib/vault';
import { valueLeaks } from '../helpers/terraform';
import { one, policyRules, synth } from './helpers';

function block(text: string, name: string): string {
  const match = new RegExp(`// DOCS_BLOCK_START:${name}\\n([\\s\\S]*?)\\n\\s*// DOCS_BLOCK_END`).exec(text);
  if (!match) {
    throw new Error(`no block ${name}`);
  }
  const lines = match[1].split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

describe('lib/vault README', () => {
  test('quick start: on-prem cluster, Vault outside, one namespace, KV read and DB credentials', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new VaultProvider(stack, 'vault', { address: 'https://vault.example.internal:8200' });
    const clusterCaPem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

    // DOCS_BLOCK_START:quick-start
    const kv = new VaultKvMount(stack, 'Kv', { path: 'secret' });
    const jenkinsAdmin = new VaultKvSecret(stack, 'JenkinsAdmin', {
      mount: kv,
      secretPath: 'jenkins/admin',
      properties: ['username', 'password'],
      value: VaultKvSecretValue.fromNewVariables(), // sensitive + ephemeral variables, data_json_wo
    });

    const auth = new VaultKubernetesAuthMount(stack, 'Rke2Auth', {
      clusterName: 'rke2-prod', // mount auth/kubernetes-rke2-prod
      kubernetesHost: 'https://rke2-prod.example.internal:6443',
      kubernetesCaCert: clusterCaPem,
      issuer: 'https://kubernetes.default.svc.cluster.local',
    }); // client JWT as reviewer: the store's service account needs system:auth-delegator

    const role = new VaultKubernetesAuthRole(stack, 'EsoJenkins', {
      mount: auth,
      roleName: 'eso-jenkins',
      serviceAccounts: [{ namespace: 'jenkins', name: 'eso-jenkins' }],
    }); // audience "vault", token TTL 1h

    jenkinsAdmin.grantRead(role); // path "secret/data/jenkins/admin" { read }
    VaultDynamicSecretPath.databaseCredentials('jenkins').grantUse(role); // path "database/creds/jenkins" { read }
    // DOCS_BLOCK_END

    const out = synth(stack);
    expect(policyRules(one(out, 'vault_policy', 'name', 'kubernetes-rke2-prod-eso-jenkins').policy)).toEqual({
      'database/creds/jenkins': ['read'],
      'secret/data/jenkins/admin': ['read'],
    });
    expect(valueLeaks(out)).toEqual([]);
    const readme = readFileSync(join(__dirname, '..', '..', 'lib', 'vault', 'README.md'), 'utf8');
    expect(readme).toContain(block(readFileSync(__filename, 'utf8'), 'quick-start'));
  });
});
