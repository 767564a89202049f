import { checkManifests, withCrdDefaults } from '../../lib/validation';
import { DURATION_FIELDS } from '../../lib/validation/duration-fields';
import { servedSchema } from '../../lib/validation/schema-defaults';

const es = (spec: Record<string, unknown>, name = 'db') => ({
  apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name, namespace: 'team-a' },
  spec: { secretStoreRef: { name: 'aws', kind: 'SecretStore' }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }], ...spec },
});
const store = (spec: Record<string, unknown>) => ({
  apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', metadata: { name: 'aws', namespace: 'team-a' },
  spec: { provider: { aws: { service: 'SecretsManager', region: 'eu-west-1' } }, ...spec },
});
const password = (spec: Record<string, unknown>) => ({
  apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', metadata: { name: 'pw', namespace: 'team-a' }, spec,
});

function messages(manifests: unknown[]): string[] {
  return checkManifests(manifests).map((p) => p.message);
}

const FIX_VALUE = 'Fix: change the value to one the schema of the served version accepts.';
const GO = 'Allowed: a Go duration such as "30s", "15m", "1h" or "1h30m" (units ns, us, µs, ms, s, m, h; no day unit, no spaces), or "0". ' +
  'Fix: write it in hours, minutes and seconds (24h, not 1d): ESO decodes this field with Go\'s time.ParseDuration and fails on anything else.';

describe('defaults before validation, as the API server', () => {
  test('a required field with a schema default may be omitted (Password without allowRepeat)', () => {
    // GIVEN a Password generator without allowRepeat (required, default false)
    // WHEN / THEN accepted, as the API server accepts it
    expect(messages([password({ length: 32 })])).toEqual([]);
  });

  test('a non-nullable null with a default gets the default; without a default it is pruned', () => {
    // GIVEN refreshInterval null (default 1h0m0s) and refreshPolicy null (no default)
    const object = es({ refreshInterval: null, refreshPolicy: null });
    // WHEN checked THEN accepted; defaulted as the API server stores it
    expect(messages([object])).toEqual([]);
    const stored = withCrdDefaults<unknown>(object) as { spec: Record<string, unknown> };
    expect(stored.spec.refreshInterval).toBe('1h0m0s');
    expect('refreshPolicy' in stored.spec).toBe(false);
  });

  test('a null where the schema is nullable is kept and accepted; a wrong type there is still reported', () => {
    // GIVEN status.refreshTime (nullable: true) null, status.binding (not nullable, no default) null, then refreshTime a number
    const withStatus = (status: Record<string, unknown>) => ({ ...es({}), status });
    // WHEN / THEN
    expect(messages([withStatus({ refreshTime: null, binding: null })])).toEqual([]);
    expect((withCrdDefaults<unknown>(withStatus({ refreshTime: null, binding: null })) as { status: unknown }).status).toEqual({ refreshTime: null });
    expect(messages([withStatus({ refreshTime: 5 })])).toEqual([
      `[ExternalSecret team-a/db] status.refreshTime: received an integer. Allowed: a string. ${FIX_VALUE}`,
    ]);
  });

  test('a null on a required field without a default is pruned, then reported as missing', () => {
    // GIVEN remoteRef.key null
    // WHEN / THEN
    expect(messages([es({ data: [{ secretKey: 'k', remoteRef: { key: null } }] })])).toEqual([
      '[ExternalSecret team-a/db] spec.data[0].remoteRef.key: received undefined. Allowed: a value: the schema requires this field. Fix: set it.',
    ]);
  });

  test('defaults apply inside array items and only where the parent exists', () => {
    // GIVEN dataFrom items with and without rewrite.merge, and no target
    const object = es({ dataFrom: [{ extract: { key: 'a' } }, { extract: { key: 'b' }, rewrite: [{ merge: {} }] }] });
    // WHEN defaulted
    const stored = withCrdDefaults<unknown>(object) as { spec: { dataFrom: Record<string, unknown>[]; target: unknown } };
    // THEN the merge inside an item of an array inside an item gets its defaults, no rewrite is invented for the first item
    expect(stored.spec.dataFrom[0]).toEqual({ extract: { key: 'a' } });
    expect((stored.spec.dataFrom[1].rewrite as unknown[])[0]).toEqual({ merge: { conflictPolicy: 'Error', into: '', priorityPolicy: 'Strict', strategy: 'Extract' } });
    expect(stored.spec.target).toEqual({ creationPolicy: 'Owner', deletionPolicy: 'Retain' });
    expect(object.spec).not.toHaveProperty('target');
  });

  test('a value that breaks a rule is still reported after defaulting', () => {
    // GIVEN Password length as a string
    // WHEN / THEN
    expect(messages([password({ length: '32' })])).toEqual([
      `[Password team-a/pw] spec.length: received a string. Allowed: an integer. ${FIX_VALUE}`,
    ]);
  });
});

describe('Go durations where ESO parses them', () => {
  test.each([['1h30m'], ['0'], ['300ms'], ['0s'], ['-5m']])('ExternalSecret refreshInterval %j is accepted', (value) => {
    expect(messages([es({ refreshInterval: value })])).toEqual([]);
  });

  test('"1d", "1 hour" and "" are refused on every duration field, without echoing the value', () => {
    // GIVEN bad durations on an ExternalSecret, its sync windows, a store and a PushSecret
    const push = {
      apiVersion: 'external-secrets.io/v1alpha1', kind: 'PushSecret', metadata: { name: 'p', namespace: 'team-a' },
      spec: { refreshInterval: '', secretStoreRefs: [{ name: 'aws', kind: 'SecretStore' }], selector: { secret: { name: 's' } }, data: [{ match: { secretKey: 'k', remoteRef: { remoteKey: 'r' } } }] },
    };
    const found = messages([
      es({ refreshInterval: '1d', syncWindows: { kind: 'deny', windows: [{ schedule: '@daily', duration: '1 hour' }] } }),
      store({ refreshInterval: '7d', retrySettings: { retryInterval: '10sec' } }),
      push,
    ]);
    // THEN
    expect(found).toEqual([
      `[ExternalSecret team-a/db] spec.refreshInterval: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
      `[ExternalSecret team-a/db] spec.syncWindows.windows[0].duration: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
      `[SecretStore team-a/aws] spec.refreshInterval: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
      `[SecretStore team-a/aws] spec.retrySettings.retryInterval: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
      `[PushSecret team-a/p] spec.refreshInterval: received a string that is not a Go duration (an empty duration). ${GO}`,
    ]);
  });

  test('a negative store refreshInterval (seconds or duration) is refused as ESO\'s webhook does', () => {
    // GIVEN
    const expected = (prop: string) => `[SecretStore team-a/aws] ${prop}: received a negative duration. Allowed: zero (the controller's default) or a positive number of seconds or Go duration. ` +
      'Fix: remove the sign; ESO\'s admission webhook refuses a negative store refreshInterval.';
    // WHEN / THEN
    expect(messages([store({ refreshInterval: -30 })])).toEqual([expected('spec.refreshInterval')]);
    expect(messages([store({ refreshInterval: '-1h' })])).toEqual([expected('spec.refreshInterval')]);
    expect(messages([store({ refreshInterval: 3600 }), { ...store({ refreshInterval: '1h' }), metadata: { name: 'other', namespace: 'team-a' } }])).toEqual([]);
  });

  test('generators and cluster kinds: Webhook timeout, ClusterExternalSecret refreshTime and its ExternalSecret spec', () => {
    // GIVEN
    const webhook = { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Webhook', metadata: { name: 'w', namespace: 'team-a' },
      spec: { url: 'https://example.com', timeout: '30 s', result: {} } };
    const ces = { apiVersion: 'external-secrets.io/v1', kind: 'ClusterExternalSecret', metadata: { name: 'c' },
      spec: { refreshTime: '1d', namespaceSelectors: [{ matchLabels: { a: 'b' } }], externalSecretSpec: { refreshInterval: '2d', secretStoreRef: { name: 'x', kind: 'ClusterSecretStore' }, dataFrom: [{ extract: { key: 'k' } }] } } };
    // WHEN / THEN
    expect(messages([webhook, ces])).toEqual([
      `[Webhook team-a/w] spec.timeout: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
      `[ClusterExternalSecret c] spec.refreshTime: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
      `[ClusterExternalSecret c] spec.externalSecretSpec.refreshInterval: received a string that is not a Go duration (a unit Go does not know). ${GO}`,
    ]);
  });
});

describe('duplicate objects', () => {
  const DUPLICATE = 'Allowed: one object per API group, kind, namespace and name in one input. Fix: rename or remove one of the two (applied together, the second silently replaces the first).';

  test('two objects with one group, kind, namespace and name are reported at the second, across versions of the group', () => {
    // GIVEN the same ExternalSecret twice (once as v1beta1), and the same ConfigMap twice
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'team-a' } };
    // WHEN / THEN
    expect(messages([es({}), cm, es({ refreshInterval: '5m' }), cm])).toEqual([
      `[ExternalSecret team-a/db] metadata.name: received the same group, kind, namespace and name as manifest 0. ${DUPLICATE}`,
      `[ConfigMap team-a/c] metadata.name: received the same group, kind, namespace and name as manifest 1. ${DUPLICATE}`,
    ]);
    expect(messages([es({}), { ...es({}), apiVersion: 'external-secrets.io/v1beta1' }])[0]).toBe(
      `[ExternalSecret team-a/db] metadata.name: received the same group, kind, namespace and name as manifest 0. ${DUPLICATE}`);
  });

  test('other namespaces, kinds, groups and generateName objects are distinct', () => {
    // GIVEN objects that differ in one part of the key
    const other = { ...es({}), metadata: { name: 'db', namespace: 'team-b' } };
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'db', namespace: 'team-a' } };
    const generated = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'db-', namespace: 'team-a' } };
    // WHEN / THEN
    expect(messages([es({}), other, cm, generated, generated])).toEqual([]);
  });
});

describe('the duration field list matches the pinned CRDs', () => {
  test('every listed field exists in its served schema as a string (or int-or-string) field', () => {
    // GIVEN the list of fields ESO parses with time.ParseDuration
    for (const [key, fields] of Object.entries(DURATION_FIELDS)) {
      const [group, version, kind] = key.split('/');
      const schema = servedSchema(`${group}/${version}`, kind);
      // WHEN each path is followed through the schema THEN it ends on a string field
      expect(schema).toBeDefined();
      for (const field of fields) {
        let node: Record<string, unknown> | undefined = schema as Record<string, unknown>;
        for (const part of field.path) {
          node = part === '[]' ? node?.items as Record<string, unknown> : (node?.properties as Record<string, Record<string, unknown>> | undefined)?.[part];
        }
        expect([key, field.path.join('.'), node?.type ?? (node?.['x-kubernetes-int-or-string'] === true ? 'int-or-string' : undefined)])
          .toEqual([key, field.path.join('.'), field.nonNegative === true ? 'int-or-string' : 'string']);
      }
    }
    expect(Object.values(DURATION_FIELDS).flat()).toHaveLength(20);
  });
});
