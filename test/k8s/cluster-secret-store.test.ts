import { Chart, Testing } from 'cdk8s';
import { Duration } from '../../lib/core/duration';
import { AwsAuth, ClusterSecretStore, LabelSelectorOperator, SecretStoreKind, SecretStoreProvider } from '../../lib/k8s';
import { anchorRegex } from '../../lib/k8s/cluster-secret-store';
import { findManifest, synthValid } from '../helpers/eso-schema';

const provider = SecretStoreProvider.awsSecretsManager({
  region: 'eu-west-1', auth: AwsAuth.serviceAccount({ serviceAccount: { name: 'eso', namespace: 'external-secrets' } }),
});

describe('ClusterSecretStore', () => {
  test('renders conditions with anchored regexes, drops the chart namespace', () => {
    // GIVEN a chart with a namespace (cluster-scoped objects must not carry it)
    const c = new Chart(Testing.app(), 'test', { namespace: 'team-a' });
    // WHEN
    const store = new ClusterSecretStore(c, 'store', {
      name: 'shared',
      provider,
      refreshInterval: Duration.hours(1),
      syncWave: -1,
      conditions: [
        { namespaces: ['team-a'], namespaceRegexes: ['team-b-.*', '^already$'] },
        { namespaceSelector: { matchLabels: { tier: 'prod' }, matchExpressions: [{ key: 'team', operator: LabelSelectorOperator.IN, values: ['a', 'b'] }] } },
      ],
    });
    // THEN
    const m = synthValid(c);
    const obj = findManifest(m, 'ClusterSecretStore', 'shared');
    expect(obj.metadata).toEqual({ name: 'shared', annotations: { 'argocd.argoproj.io/sync-wave': '-1' } });
    expect((obj.spec as { conditions: unknown }).conditions).toEqual([
      { namespaces: ['team-a'], namespaceRegexes: ['^team-b-.*$', '^already$'] },
      { namespaceSelector: { matchLabels: { tier: 'prod' }, matchExpressions: [{ key: 'team', operator: 'In', values: ['a', 'b'] }] } },
    ]);
    expect((obj.spec as { refreshInterval: unknown }).refreshInterval).toBe('1h');
    expect(store.storeKind).toBe(SecretStoreKind.CLUSTER_SECRET_STORE);
    expect(store.namespace).toBeUndefined();
    expect(m).toMatchSnapshot();
  });

  test('anchors regexes without double-anchoring', () => {
    // GIVEN / WHEN / THEN
    expect(anchorRegex('a')).toBe('^a$');
    expect(anchorRegex('^a')).toBe('^a$');
    expect(anchorRegex('a$')).toBe('^a$');
    expect(anchorRegex('^a$')).toBe('^a$');
    expect(anchorRegex('a\\$')).toBe('^a\\$$');
  });

  test('fromClusterSecretStoreName imports a store', () => {
    // GIVEN / WHEN
    const s = ClusterSecretStore.fromClusterSecretStoreName(Testing.chart(), 'i', 'global');
    // THEN
    expect(s).toMatchObject({ storeName: 'global', storeKind: SecretStoreKind.CLUSTER_SECRET_STORE });
    expect(s.namespace).toBeUndefined();
  });

  test('fails for an empty condition and an invalid regex', () => {
    // GIVEN / WHEN / THEN
    expect(() => new ClusterSecretStore(Testing.chart(), 'store', { provider, conditions: [{}] }))
      .toThrow('[test/store] spec.conditions[0]: received {}. Allowed: a condition with namespaces, namespaceRegexes or namespaceSelector. Fix: set at least one of them, or drop the condition.');
    expect(() => new ClusterSecretStore(Testing.chart(), 'store', { provider, conditions: [{ namespaceRegexes: ['team-(a'] }] }))
      .toThrow('[test/store] spec.conditions[0].namespaceRegexes[0]: received "team-(a". Allowed: a regular expression (RE2 syntax, as Go regexp.MatchString compiles it): error parsing regexp: missing closing ): `team-(a`. Fix: escape special characters, for example "^team-a-.*$".');
  });
});
