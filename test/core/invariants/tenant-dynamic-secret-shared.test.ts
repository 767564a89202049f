import { Duration, SecretsDeclaration, StoreScope } from '../../../lib/core';
import { acknowledgedOf, violationsOf } from './fixtures';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** A Vault lab with tenants a and b, a namespaced Vault store and one dynamic database secret. */
function lab() {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
  const dynamic = d.addVaultDynamicSecret('db', { name: 'db', server, path: 'database/creds/app', leaseTtl: Duration.hours(1) });
  const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED, tokenTtl: Duration.hours(2) });
  d.addTenant('a', { namespaces: ['team-a'], groups: ['a-devs'] });
  d.addTenant('b', { namespaces: ['team-b'], groups: ['b-devs'] });
  const use = (id: string, namespace: string) => d.addExternalSecret(id, { name: 'db', namespace, store, refreshInterval: Duration.minutes(30), dynamicSecrets: [dynamic] });
  return { d, use };
}

describe('CES-TEN-9: a dynamic secret serves one tenant', () => {
  test('one dynamic secret used from two tenants\' namespaces fails at the first use', () => {
    const { d, use } = lab();
    use('a', 'team-a');
    use('b', 'team-b');
    expect(() => d.plan()).toThrow('[lab/externalSecrets/a] dynamicSecrets[0]: received "db". Allowed: a dynamic secret used from the namespaces of one tenant: '
      + '"db" is used from namespace "team-a" (tenant "a"), namespace "team-b" (tenant "b"), which would all get credentials of one engine role. '
      + 'Fix: declare one dynamic secret (one engine role) per tenant '
      + '(rule CES-TEN-9; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-TEN-9\', reason: \'…\', appliesTo: [\'db\'] })).');
  });

  test('a tenant\'s and a platform namespace sharing it fail too; acknowledged, it passes with the reason', () => {
    const { d, use } = lab();
    use('a', 'team-a');
    use('ops', 'ops');
    expect(violationsOf(d, 'CES-TEN-9').map(([subject]) => subject)).toEqual(['db']);
    d.acknowledge({ ruleId: 'CES-TEN-9', reason: 'the read-only reporting role is shared on purpose', appliesTo: ['db'] });
    expect(acknowledgedOf(d, 'CES-TEN-9')).toEqual([['db', 'the read-only reporting role is shared on purpose']]);
  });

  test('a dynamic secret used from one tenant\'s namespaces passes', () => {
    const { d, use } = lab();
    use('a', 'team-a');
    expect(violationsOf(d, 'CES-TEN-9')).toEqual([]);
  });

  test('a tenant cannot own what is not a secret (a store or a dynamic secret passed from JavaScript)', () => {
    const d = new SecretsDeclaration({ name: 'lab' });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
    const dynamic = d.addVaultDynamicSecret('db', { name: 'db', server, path: 'database/creds/app', leaseTtl: Duration.hours(1) });
    expect(() => d.addTenant('a', { namespaces: ['team-a'], groups: ['a-devs'], secrets: [dynamic as never] })).toThrow(
      '[lab/tenants/a] secrets[0]: received an object. Allowed: a secret declared with addSecretsManagerSecret / addParameter / addKeyVaultSecret / addGoogleSecret / addVaultSecret. '
      + 'Fix: pass a secret declared with addSecretsManagerSecret / addParameter / addKeyVaultSecret / addGoogleSecret / addVaultSecret.');
  });
});
