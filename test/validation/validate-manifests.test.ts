import { App, Chart } from 'cdk8s';
import { ConfigurationError, ManifestValidationError } from '../../lib/core/errors';
import { checkManifests, validateManifests } from '../../lib/validation';
import { ExternalSecret, SecretStore, SecretStoreProvider } from '../../lib/k8s';

const validEs = {
  apiVersion: 'external-secrets.io/v1',
  kind: 'ExternalSecret',
  metadata: { name: 'db', namespace: 'team-a' },
  spec: {
    secretStoreRef: { name: 'aws', kind: 'SecretStore' },
    data: [{ secretKey: 'password', remoteRef: { key: 'db', property: 'password' } }],
  },
};

function withSpec(spec: Record<string, unknown>) {
  return { ...validEs, spec: { ...validEs.spec, ...spec } };
}

function messages(manifests: unknown[]): string[] {
  return checkManifests(manifests).map((p) => p.message);
}

describe('validateManifests', () => {
  test('accepts a valid ExternalSecret, a ServiceAccount and a Deployment', () => {
    // GIVEN valid objects
    const manifests = [
      validEs,
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'sa', namespace: 'team-a' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { selector: { matchLabels: { app: 'api' } }, template: { spec: { containers: [{ name: 'api', image: 'api:1' }] } } } },
    ];
    // WHEN checked THEN there is no problem
    expect(checkManifests(manifests)).toEqual([]);
    expect(() => validateManifests(manifests)).not.toThrow();
  });

  test('accepts what the library synthesizes', () => {
    // GIVEN an ExternalSecret construct in a chart
    const chart = new Chart(new App(), 'c', { namespace: 'team-a' });
    const store = new SecretStore(chart, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
    new ExternalSecret(chart, 'db', {
      store,
      data: [{ secretKey: 'password', remoteRef: { key: 'db', property: 'password' } }],
    });
    // WHEN validated THEN both pass
    expect(chart.toJson().map((m: { kind: string }) => m.kind)).toEqual(['SecretStore', 'ExternalSecret']);
    expect(checkManifests(chart.toJson())).toEqual([]);
  });

  test('rejects a misspelt field (the API server would drop it silently) and suggests the declared one', () => {
    // GIVEN refreshInterval misspelt
    // WHEN / THEN
    expect(messages([withSpec({ refreshIntreval: '1h' })])).toEqual([
      '[ExternalSecret team-a/db] spec.refreshIntreval: received a string. Allowed: the fields the schema declares here: "data", "dataFrom", ' +
      '"refreshInterval", "refreshPolicy", "secretStoreRef", "syncWindows", "target". Fix: rename it to "refreshInterval" (the API server would drop an unknown field silently).',
    ]);
  });

  test('rejects an unknown field far from any declared one, at the root too', () => {
    // GIVEN a nested unknown field and an unknown top-level field
    const bad = { ...withSpec({ data: [{ secretKey: 'a', remoteRef: { key: 'x', zzzzzzzz: 'y' } }] }), specs: {} };
    // WHEN / THEN
    expect(messages([bad])).toEqual([
      '[ExternalSecret team-a/db] specs: received an object. Allowed: the fields the schema declares here: "apiVersion", "kind", "metadata", "spec", "status". ' +
      'Fix: rename it to "spec" (the API server would drop an unknown field silently).',
      '[ExternalSecret team-a/db] spec.data[0].remoteRef.zzzzzzzz: received a string. Allowed: the fields the schema declares here: "conversionStrategy", ' +
      '"decodingStrategy", "key", "metadataPolicy", "nullBytePolicy", "property", "version". Fix: remove it (the API server would drop an unknown field silently).',
    ]);
  });

  test('rejects a wrong enum value', () => {
    // GIVEN an unknown creationPolicy
    // WHEN / THEN
    expect(messages([withSpec({ target: { creationPolicy: 'Sometimes' } })])).toEqual([
      '[ExternalSecret team-a/db] spec.target.creationPolicy: received a string. Allowed: one of "Owner", "Orphan", "Merge", "None", "CreateOrMerge". ' +
      'Fix: change the value to one the schema of the served version accepts.',
    ]);
  });

  test('rejects a missing required field and a missing name', () => {
    // GIVEN a remoteRef without key, and no metadata.name
    const bad = { ...withSpec({ data: [{ secretKey: 'a', remoteRef: { property: 'p' } }] }), metadata: { namespace: 'team-a' } };
    // WHEN / THEN
    expect(messages([bad])).toEqual([
      '[ExternalSecret team-a/<manifest 0>] metadata.name: received undefined. Allowed: a value: the schema requires this field. Fix: set it.',
      '[ExternalSecret team-a/<manifest 0>] spec.data[0].remoteRef.key: received undefined. Allowed: a value: the schema requires this field. Fix: set it.',
    ]);
  });

  test('rejects a value of the wrong type, and an int-or-string of another type once, naming both branches', () => {
    // GIVEN an ExternalSecret refreshInterval (a string) and a store refreshInterval (int or string) as booleans
    const store = { apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', metadata: { name: 'aws', namespace: 'team-a' },
      spec: { refreshInterval: true, provider: { aws: { service: 'SecretsManager', region: 'eu-west-1' } } } };
    // WHEN / THEN
    expect(messages([withSpec({ refreshInterval: true }), store])).toEqual([
      '[ExternalSecret team-a/db] spec.refreshInterval: received a boolean. Allowed: a string. Fix: change the value to one the schema of the served version accepts.',
      '[SecretStore team-a/aws] spec.refreshInterval: received a boolean. Allowed: an integer or a string. Fix: change the value to one the schema of the served version accepts.',
    ]);
  });

  test('evaluates the CRD CEL rules (has, filter, size, in)', () => {
    // GIVEN a PushSecret breaking two rules of spec.dataTo[] and a store with a reserved session tag
    const push = {
      apiVersion: 'external-secrets.io/v1alpha1', kind: 'PushSecret', metadata: { name: 'p', namespace: 'n' },
      spec: {
        secretStoreRefs: [{ kind: 'ClusterSecretStore', name: 'a' }], selector: { secret: { name: 's' } },
        dataTo: [{ storeRef: { kind: 'ClusterSecretStore' }, remoteKey: 'x', rewrite: [{ regexp: { source: 'a', target: 'b' } }] }],
      },
    };
    const store = {
      apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'aws' },
      spec: { provider: { aws: { service: 'SecretsManager', region: 'eu-west-1', customSessionTags: { esoNamespace: 'x' } } } },
    };
    const openBao = {
      apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: 'bao' },
      spec: { provider: { openBao: { server: 'https://bao', auth: {} } } },
    };
    // WHEN / THEN
    expect(messages([push, store, openBao])).toEqual([
      '[PushSecret n/p] spec.dataTo[0]: received ["storeRef","remoteKey","rewrite","conversionStrategy"]. Allowed: an object for which the CRD rule ' +
      '`has(self.storeRef) && (has(self.storeRef.name) || has(self.storeRef.labelSelector))` holds (storeRef must specify either name or labelSelector). ' +
      'Fix: set the fields the rule asks for.',
      '[PushSecret n/p] spec.dataTo[0]: received ["storeRef","remoteKey","rewrite","conversionStrategy"]. Allowed: an object for which the CRD rule ' +
      '`!has(self.remoteKey) || !has(self.rewrite) || size(self.rewrite) == 0` holds (remoteKey and rewrite are mutually exclusive: rewrite is only ' +
      'supported in per-key mode (without remoteKey)). Fix: set the fields the rule asks for.',
      '[ClusterSecretStore aws] spec.provider.aws.customSessionTags: received ["esoNamespace"]. Allowed: an object for which the CRD rule ' +
      '`!(\'esoNamespace\' in self) && !(\'esoStoreName\' in self) && !(\'esoStoreKind\' in self)` holds (customSessionTags cannot contain ' +
      'automatically injected reserved keys: esoNamespace, esoStoreName, esoStoreKind). Fix: set the fields the rule asks for.',
      '[ClusterSecretStore bao] spec.provider.openBao.auth: received []. Allowed: an object for which the CRD rule ' +
      '`[has(self.appRole),has(self.tokenSecretRef),has(self.userPass)].filter(x,x==true).size() == 1` holds (exactly one of the fields in [appRole tokenSecretRef userPass] must be set). ' +
      'Fix: set the fields the rule asks for.',
    ]);
  });

  test('rejects v1beta1 (not served by the pinned release)', () => {
    // GIVEN a v1beta1 ExternalSecret
    // WHEN / THEN
    expect(messages([{ ...validEs, apiVersion: 'external-secrets.io/v1beta1' }])).toEqual([
      '[ExternalSecret team-a/db] apiVersion: received "external-secrets.io/v1beta1". Allowed: a served version: "external-secrets.io/v1". Fix: emit "external-secrets.io/v1".',
    ]);
  });

  test('rejects an ESO kind the bundle does not have', () => {
    // GIVEN an invented ESO kind
    // WHEN / THEN
    expect(messages([{ apiVersion: 'external-secrets.io/v1', kind: 'SecretThing', metadata: { name: 'x' } }])).toEqual([
      '[SecretThing x] apiVersion: received "external-secrets.io/v1". Allowed: an ESO kind of the pinned CRD bundle. Fix: check the kind and group.',
    ]);
  });

  test('rejects invalid core objects naming the type, never the value', () => {
    // GIVEN a Deployment with a string replica count and a Secret whose data value is not a string
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api' }, spec: { replicas: 'two', selector: {}, template: {} } };
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 12345 } };
    // WHEN
    const found = messages([deployment, secret]);
    // THEN
    expect(found).toEqual([
      '[Deployment api] spec.replicas: received a string. Allowed: an integer. Fix: change the value to one the schema of the served version accepts.',
      '[Secret s] data.password: received an integer. Allowed: a string. Fix: change the value to one the schema of the served version accepts.',
    ]);
    expect(found.join('\n')).not.toContain('12345');
  });

  test('rejects kinds without a schema and values that are not objects', () => {
    // GIVEN a Prometheus ServiceMonitor and a string
    // WHEN / THEN
    expect(messages([{ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'a' } }, 'oops'])).toEqual([
      '[ServiceMonitor a] kind: received "monitoring.coreos.com/v1 ServiceMonitor". Allowed: an ESO kind of the pinned CRD bundle (external-secrets.io, ' +
      'generators.external-secrets.io), an Argo CD (argoproj.io) or Flux Kustomization (kustomize.toolkit.fluxcd.io) kind, or a core Kubernetes kind. Fix: validate other custom resources with their own schemas, and pass only these kinds to validateManifests().',
      '[manifest 1] manifest: received a string. Allowed: a Kubernetes object with string apiVersion and kind, as returned by chart.toJson(). ' +
      'Fix: pass the objects of chart.toJson() (or of every chart of the app).',
    ]);
  });

  test('throws one ManifestValidationError listing every problem', () => {
    // GIVEN two bad manifests and a good one
    const manifests = [withSpec({ refreshIntreval: '1h' }), { ...validEs, metadata: { name: 'other', namespace: 'team-a' } }, { ...validEs, apiVersion: 'external-secrets.io/v1beta1', metadata: { name: 'old', namespace: 'team-a' } }];
    // WHEN
    let error: unknown;
    try {
      validateManifests(manifests);
    } catch (e) {
      error = e;
    }
    // THEN
    expect(error).toBeInstanceOf(ManifestValidationError);
    expect((error as ManifestValidationError).problems).toHaveLength(2);
    expect((error as ManifestValidationError).problems[0]).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      '2 problems in 3 manifests:\n' +
      '  [ExternalSecret team-a/db] spec.refreshIntreval: received a string. Allowed: the fields the schema declares here: "data", "dataFrom", ' +
      '"refreshInterval", "refreshPolicy", "secretStoreRef", "syncWindows", "target". Fix: rename it to "refreshInterval" (the API server would drop an unknown field silently).\n' +
      '  [ExternalSecret team-a/old] apiVersion: received "external-secrets.io/v1beta1". Allowed: a served version: "external-secrets.io/v1". Fix: emit "external-secrets.io/v1".');
  });
});
