import { Chart, Testing } from 'cdk8s';
import { Duration } from '../../lib/core/duration';
import { ClusterExternalSecret, ClusterSecretStore, LabelSelectorOperator } from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

function setup(): { c: Chart; store: ReturnType<typeof ClusterSecretStore.fromClusterSecretStoreName> } {
  const c = new Chart(Testing.app(), 'test', { namespace: 'platform' });
  return { c, store: ClusterSecretStore.fromClusterSecretStoreName(c, 'global', 'global') };
}

describe('ClusterExternalSecret', () => {
  test('renders namespaceSelectors only, ES name/metadata and refreshTime', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN
    const ces = new ClusterExternalSecret(c, 'ces', {
      name: 'registry',
      store,
      namespaceSelectors: [{ matchLabels: { registry: 'true' } }, { matchExpressions: [{ key: 'team', operator: LabelSelectorOperator.EXISTS }] }],
      externalSecretName: 'registry-creds',
      externalSecretLabels: { app: 'registry' },
      refreshTime: Duration.minutes(5),
      refreshInterval: Duration.hours(1),
    });
    ces.addData({ secretKey: 'token', remoteRef: { key: 'registry/token' } });
    ces.addSecretAnnotation('reloader.stakater.com/match', 'true');
    // THEN
    const m = synthValid(c);
    const obj = findManifest(m, 'ClusterExternalSecret', 'registry');
    expect(obj.apiVersion).toBe('external-secrets.io/v1');
    expect(obj.metadata).toEqual({ name: 'registry' });
    const spec = obj.spec as Record<string, unknown>;
    expect(spec.namespaceSelector).toBeUndefined();
    expect(spec.namespaces).toBeUndefined();
    expect(spec).toEqual({
      externalSecretName: 'registry-creds',
      externalSecretMetadata: { labels: { app: 'registry' } },
      namespaceSelectors: [{ matchLabels: { registry: 'true' } }, { matchExpressions: [{ key: 'team', operator: 'Exists' }] }],
      refreshTime: '5m',
      externalSecretSpec: {
        secretStoreRef: { name: 'global', kind: 'ClusterSecretStore' },
        refreshInterval: '1h',
        target: { creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { engineVersion: 'v2', mergePolicy: 'Replace', metadata: { labels: { app: 'registry' }, annotations: { 'reloader.stakater.com/match': 'true' } } } },
        data: [{ secretKey: 'token', remoteRef: { key: 'registry/token' } }],
      },
    });
    expect(ces.targetSecretName).toBe('registry-creds');
    expect(m).toMatchSnapshot();
  });

  test('fails without namespace selectors, and at synth without data', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN / THEN
    expect(() => new ClusterExternalSecret(c, 'none', { store, namespaceSelectors: [] })).toThrow(
      '[test/none] spec.namespaceSelectors: received []. Allowed: at least one label selector (selectors are ORed). Fix: pass namespaceSelectors, for example [{ matchLabels: { "team": "a" } }].');
    new ClusterExternalSecret(c, 'empty', { store, namespaceSelectors: [{ matchLabels: { a: 'b' } }] });
    expect(() => Testing.synth(c)).toThrow('[test/empty] spec.data: received []. Allowed: at least one entry in data or dataFrom. Fix: pass data or dataFrom in the props, or call addData() or addDataFrom().');
  });

  test('fails for a bad externalSecretName and a bad secretKey', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN / THEN
    expect(() => new ClusterExternalSecret(c, 'n', { store, namespaceSelectors: [{ matchLabels: { team: 'a' } }], externalSecretName: 'Bad' })).toThrow(
      '[test/n] spec.externalSecretName: received "Bad". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "bad".');
    expect(() => new ClusterExternalSecret(c, 'k', { store, namespaceSelectors: [ClusterExternalSecret.ALL_NAMESPACES], data: [{ secretKey: 'a b', remoteRef: { key: 'x' } }] })).toThrow(
      '[test/k] spec.externalSecretSpec.data[0].secretKey: received "a b". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as "a_b".');
  });
});
