import { Chart, Testing as K8sTesting } from 'cdk8s';
import { CaProviderType, Duration, EsoAuthModel, SecretsDeclaration, StoreScope, VaultServerCaProvider } from '../../lib/core';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

const ISSUER = 'https://oidc.example.com/clusters/pub/';

function lab(caProvider: VaultServerCaProvider) {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('pub', { clusterName: 'pub', oidcIssuerUrl: ISSUER });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200', caProvider });
  d.addVaultAuth('pub', { server, cluster, kind: 'jwt' as never });
  return { d, cluster, server };
}

describe('a Vault server\'s CA from a Secret or ConfigMap', () => {
  test('ClusterSecretStores name its namespace (the controller\'s by default); SecretStores and generators read their own', () => {
    // GIVEN
    const { d, cluster, server } = lab({ type: CaProviderType.CONFIG_MAP, name: 'vault-ca', key: 'ca.crt' });
    const secret = d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'], managedElsewhere: true });
    const shared = d.addVaultStore('shared', { name: 'shared', server });
    const team = d.addVaultStore('team', { name: 'team', server, scope: StoreScope.NAMESPACED, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const dynamic = d.addVaultDynamicSecret('creds', { name: 'creds', server, path: 'database/creds/app', leaseTtl: Duration.hours(1) });
    d.addExternalSecret('a', { name: 'a', namespace: 'ops', store: shared, data: [{ secretKey: 'p', secret, property: 'password' }] });
    d.addExternalSecret('b', { name: 'b', namespace: 'team', store: team, refreshInterval: Duration.minutes(10), dynamicSecrets: [dynamic] });
    // WHEN
    const chart = new Chart(K8sTesting.app(), 'k8s');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster });
    const manifests = synthValid(chart);
    // THEN
    const provider = (kind: string, name: string) => ((findManifest(manifests, kind, name).spec as { provider: Record<string, { caProvider?: unknown }> }).provider);
    expect(provider('ClusterSecretStore', 'shared').vault.caProvider).toEqual({ type: 'ConfigMap', name: 'vault-ca', key: 'ca.crt', namespace: 'external-secrets' });
    expect(provider('SecretStore', 'team').vault.caProvider).toEqual({ type: 'ConfigMap', name: 'vault-ca', key: 'ca.crt' });
    const generator = findManifest(manifests, 'VaultDynamicSecret', 'creds').spec as { provider: { caProvider?: unknown } };
    expect(generator.provider.caProvider).toEqual({ type: 'ConfigMap', name: 'vault-ca', key: 'ca.crt' });
  });

  test('an explicit namespace is used by ClusterSecretStores', () => {
    const { d, cluster, server } = lab({ type: CaProviderType.SECRET, name: 'vault-tls', key: 'ca.crt', namespace: 'vault' });
    const secret = d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'], managedElsewhere: true });
    const store = d.addVaultStore('shared', { name: 'shared', server });
    d.addExternalSecret('a', { name: 'a', namespace: 'ops', store, data: [{ secretKey: 'p', secret, property: 'password' }] });
    const chart = new Chart(K8sTesting.app(), 'k8s');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster });
    const css = findManifest(synthValid(chart), 'ClusterSecretStore', 'shared').spec as { provider: { vault: { caProvider?: unknown } } };
    expect(css.provider.vault.caProvider).toEqual({ type: 'Secret', name: 'vault-tls', key: 'ca.crt', namespace: 'vault' });
  });

  test('bad input: with caBundle, a bad name, key or namespace', () => {
    const d = new SecretsDeclaration({ name: 'lab' });
    const ca = { type: CaProviderType.SECRET, name: 'vault-tls', key: 'ca.crt' };
    expect(() => d.addVaultServer('a', { address: 'https://v.example.com', caProvider: ca, caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=' }))
      .toThrow('[lab/vaultServers/a] caProvider: received an object. Allowed: caProvider or caBundle, not both. Fix: read the CA from the Secret or ConfigMap, or give it inline as caBundle, not both.');
    expect(() => d.addVaultServer('b', { address: 'https://v.example.com', caProvider: { ...ca, key: 'ca/crt' } }))
      .toThrow('[lab/vaultServers/b] caProvider.key: received "ca/crt". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as "ca_crt".');
    expect(() => d.addVaultServer('c', { address: 'https://v.example.com', caProvider: { ...ca, name: 'Vault TLS' } }))
      .toThrow('[lab/vaultServers/c] caProvider.name: received "Vault TLS".');
    expect(() => d.addVaultServer('d', { address: 'https://v.example.com', caProvider: { ...ca, namespace: 'Vault' } }))
      .toThrow('[lab/vaultServers/d] caProvider.namespace: received "Vault".');
    expect(() => d.addVaultServer('e', { address: 'https://v.example.com', caProvider: { ...ca, type: 'File' as never } }))
      .toThrow('[lab/vaultServers/e] caProvider.type: received "File". Allowed: one of "Secret", "ConfigMap" (CaProviderType). Fix: pass one of "Secret", "ConfigMap" (CaProviderType).');
  });
});
