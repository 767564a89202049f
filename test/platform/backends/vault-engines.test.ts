import { Chart, Testing as K8sTesting } from 'cdk8s';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { Duration, SecretsDeclaration, StoreScope, VaultDatabasePlugin, VaultHttpMethod } from '../../../lib/core';
import { SecretsPlatformInfrastructure } from '../../../lib/platform';
import { SecretsPlatformManifests } from '../../../lib/platform/k8s';
import { findManifest, synthValid } from '../../helpers/eso-schema';
import { resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../../helpers/terraform';
import { policyRules } from '../../vault/helpers';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const CREATE = 'CREATE ROLE "{{name}}" WITH LOGIN PASSWORD \'{{password}}\' VALID UNTIL \'{{expiration}}\';';

/** An on-prem cluster whose apps read database credentials and certificates from engines declared with them. */
function declaration() {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
  const database = d.addVaultDatabaseEngine('db', {
    server,
    connection: { plugin: VaultDatabasePlugin.POSTGRESQL, connectionUrl: 'postgresql://{{username}}:{{password}}@pg.internal:5432/app', username: 'vault' },
    roles: [{ name: 'app', creationStatements: [CREATE], defaultTtl: Duration.hours(1), maxTtl: Duration.hours(4) }],
  });
  const pki = d.addVaultPkiEngine('pki', {
    server, maxLeaseTtl: Duration.days(30),
    roles: [{ name: 'web', allowedDomains: ['web.internal.example.com'], ttl: Duration.hours(24) }],
  });
  const creds = d.addVaultDynamicSecret('app-db', { name: 'app-db', engine: database, role: 'app' });
  const cert = d.addVaultDynamicSecret('web-cert', { name: 'web-cert', engine: pki, role: 'web', parameters: { common_name: 'web.internal.example.com' } });
  const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED, tokenTtl: Duration.days(2) });
  d.addExternalSecret('db', { name: 'db', namespace: 'app', store, refreshInterval: Duration.minutes(30), dynamicSecrets: [creds] });
  d.addExternalSecret('cert', { name: 'cert', namespace: 'app', store, refreshInterval: Duration.hours(12), dynamicSecrets: [cert] });
  return { d, cluster, database, pki, creds, cert };
}

describe('Vault engines declared with the dynamic secrets that use them', () => {
  test('the dynamic secrets derive server, path, method and lease from the engine role', () => {
    // GIVEN / WHEN
    const { creds, cert, d } = declaration();
    // THEN
    expect([creds.path, creds.method, creds.leaseTtl.toGoString()]).toEqual(['database/creds/app', VaultHttpMethod.GET, '1h']);
    expect([cert.path, cert.method, cert.leaseTtl.toGoString()]).toEqual(['pki/issue/web', VaultHttpMethod.POST, '24h']);
    expect(d.plan().identities.map((i) => [i.id, i.dynamicSecrets.map((x) => x.id)])).toEqual([['store-vault-app', ['app-db', 'web-cert']]]);
  });

  test('cdktf: the engines, a write-only root password from an ephemeral sensitive variable, and one policy rule per dynamic secret', () => {
    // GIVEN
    const { d } = declaration();
    const stack = new TerraformStack(Testing.app(), 'vault');
    new VaultProvider(stack, 'vault', { address: 'https://vault.example.com:8200' });
    // WHEN
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration: d });
    const json = synthTerraform(stack);
    // THEN
    expect(resourcesOf(json, 'vault_mount').map((m) => [m.path, m.type]).sort()).toEqual([['database', 'database'], ['pki', 'pki'], ['secret', 'kv']]);
    const connection = resourceWhere(json, 'vault_database_secret_backend_connection', 'name', 'default');
    expect(connection.allowed_roles).toEqual(['app']);
    expect(connection.postgresql).toMatchObject({ password_wo: '${var.vault_db_root_password_db}', password_wo_version: 1, username: 'vault' });
    expect(json.variable?.vault_db_root_password_db).toEqual(expect.objectContaining({ sensitive: true, ephemeral: true }));
    expect(resourceWhere(json, 'vault_database_secret_backend_role', 'name', 'app')).toMatchObject({ default_ttl: 3600, max_ttl: 14400 });
    expect(resourceWhere(json, 'vault_pki_secret_backend_role', 'name', 'web')).toMatchObject({ allowed_domains: ['web.internal.example.com'], allow_any_name: false, ttl: '86400' });
    expect(policyRules(resourcesOf(json, 'vault_policy')[0].policy)).toEqual({ 'database/creds/app': ['read'], 'pki/issue/web': ['update'] });
    expect(valueLeaks(json)).toEqual([]);
  });

  test('cdk8s: the generators carry the derived path and method, valid against the CRDs', () => {
    // GIVEN
    const { d } = declaration();
    const app = K8sTesting.app();
    const chart = new Chart(app, 'lab');
    // WHEN
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster: d.clusters[0] });
    const manifests = synthValid(chart);
    // THEN
    const db = findManifest(manifests, 'VaultDynamicSecret', 'app-db');
    const web = findManifest(manifests, 'VaultDynamicSecret', 'web-cert');
    expect([(db.spec as { path: string }).path, (db.spec as { method: string }).method]).toEqual(['database/creds/app', 'GET']);
    expect([(web.spec as { path: string }).path, (web.spec as { method: string }).method, (web.spec as { parameters: unknown }).parameters])
      .toEqual(['pki/issue/web', 'POST', { common_name: 'web.internal.example.com' }]);
  });
});
