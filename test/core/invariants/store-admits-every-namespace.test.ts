import { Chart, Testing as K8sTesting } from 'cdk8s';
import { SecretBackend, StoreScope } from '../../../lib/core';
import { SecretsPlatformManifests } from '../../../lib/platform/k8s';
import { findManifest, synthValid } from '../../helpers/eso-schema';
import { acknowledgedOf, twoTenants, violationsOf } from './fixtures';

describe('CES-LP-15 / CES-TEN-12: a ClusterSecretStore admitting every namespace', () => {
  test('is refused until acknowledged, then renders a ClusterSecretStore without conditions', () => {
    // GIVEN a platform store that every namespace may use (reads a secret of no tenant)
    const { d, prod, shared } = twoTenants();
    const store = d.addAwsStore('platform', { name: 'platform', service: SecretBackend.AWS_SECRETS_MANAGER, admitAllNamespaces: true });
    d.addExternalSecret('shared', { name: 'shared', namespace: 'ops', store, data: [{ secretKey: 'k', secret: shared }] });
    // WHEN / THEN
    expect(violationsOf(d, 'CES-LP-15')).toEqual([['platform',
      '[p/stores/platform] admitAllNamespaces: received true. Allowed: a ClusterSecretStore admitting the namespaces that use it (ops): admitting every namespace '
      + 'hands "shared" to any namespace, present or future. Fix: remove admitAllNamespaces (the namespaces of its ExternalSecrets are admitted), or list the namespaces in namespaces '
      + '(rule CES-LP-15; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-LP-15\', reason: \'…\', appliesTo: [\'platform\'] })).']]);
    expect(violationsOf(d, 'CES-TEN-12')).toEqual([]);
    d.acknowledge({ ruleId: 'CES-LP-15', appliesTo: ['platform'], reason: 'the bootstrap store serves every namespace during phase 1' });
    expect(acknowledgedOf(d, 'CES-LP-15')).toEqual([['platform', 'the bootstrap store serves every namespace during phase 1']]);
    const chart = new Chart(K8sTesting.app(), 'k8s');
    new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster: prod });
    const css = findManifest(synthValid(chart), 'ClusterSecretStore', 'platform');
    expect((css.spec as Record<string, unknown>).conditions).toBeUndefined();
  });

  test('reaching a tenant\'s secret is refused, acknowledged or not', () => {
    const { d, aDb } = twoTenants();
    const store = d.addAwsStore('platform', { name: 'platform', service: SecretBackend.AWS_SECRETS_MANAGER, admitAllNamespaces: true });
    d.addExternalSecret('a', { name: 'a', namespace: 'team-a', store, data: [{ secretKey: 'k', secret: aDb }] });
    d.acknowledge({ ruleId: 'CES-LP-15', appliesTo: ['platform'], reason: 'the bootstrap store serves every namespace during phase 1' });
    expect(violationsOf(d, 'CES-TEN-12')).toEqual([['platform',
      '[p/stores/platform] admitAllNamespaces: received true. Allowed: a store reaching no tenant\'s secrets when it admits every namespace: its identity is granted "a-db" of tenant "a", '
      + 'which every other tenant\'s namespaces could then read. Fix: remove admitAllNamespaces, or read the tenant\'s secrets through a store of the tenant\'s own (rule CES-TEN-12).']]);
    expect(() => d.plan()).toThrow('(rule CES-TEN-12)');
  });

  test('is a ClusterSecretStore option, exclusive with namespaces', () => {
    const { d } = twoTenants();
    expect(() => d.addAwsStore('ns', { name: 'ns', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, admitAllNamespaces: true }))
      .toThrow('[p/stores/ns] admitAllNamespaces: received true. Allowed: admitAllNamespaces only with StoreScope.CLUSTER (a SecretStore serves its own namespace). '
        + 'Fix: remove admitAllNamespaces, or declare a ClusterSecretStore (scope: StoreScope.CLUSTER).');
    expect(() => d.addAwsStore('both', { name: 'both', service: SecretBackend.AWS_SECRETS_MANAGER, namespaces: ['ops'], admitAllNamespaces: true }))
      .toThrow('[p/stores/both] admitAllNamespaces: received true. Allowed: admitAllNamespaces or namespaces, not both. '
        + 'Fix: list the namespaces the store admits, or admit every namespace with admitAllNamespaces: true, not both.');
  });
});
