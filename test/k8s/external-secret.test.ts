import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Duration } from '../../lib/core/duration';
import {
  ClusterSecretStore, ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, ExternalSecret, GeneratorKind,
  MergeConflictPolicy, MetadataPolicy, NullBytePolicy, RefreshPolicy, Rewrite, SecretStore, SecretStoreProvider, SecretType,
  TemplateMergePolicy, TemplateScope,
} from '../../lib/k8s';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';

function setup(): { c: Chart; store: SecretStore; cluster: ClusterSecretStore } {
  const c = new Chart(Testing.app(), 'test', { namespace: 'team-a' });
  const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
  const cluster = new ClusterSecretStore(c, 'global', { name: 'global', provider: SecretStoreProvider.awsParameterStore({ region: 'eu-west-1' }) });
  return { c, store, cluster };
}

function specOf(m: K8sManifest[], name: string): Record<string, unknown> {
  return findManifest(m, 'ExternalSecret', name).spec as Record<string, unknown>;
}

describe('ExternalSecret', () => {
  test('renders data, target, refresh settings and the typed store reference', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN
    const es = new ExternalSecret(c, 'db', {
      name: 'db-credentials',
      store,
      refreshInterval: Duration.minutes(15),
      refreshPolicy: RefreshPolicy.PERIODIC,
      target: { name: 'db', creationPolicy: CreationPolicy.OWNER, deletionPolicy: DeletionPolicy.DELETE, immutable: false },
      data: [{
        secretKey: 'password',
        remoteRef: {
          key: 'prod/db', property: 'password', version: 'AWSCURRENT', decodingStrategy: DecodingStrategy.NONE,
          conversionStrategy: ConversionStrategy.DEFAULT, metadataPolicy: MetadataPolicy.NONE, nullBytePolicy: NullBytePolicy.FAIL,
        },
      }],
      syncWave: 0,
      annotations: { owner: 'team-a' },
    });
    es.addData({ secretKey: 'username', remoteRef: { key: 'prod/db', property: 'username' } });
    // THEN
    const m = synthValid(c);
    const obj = findManifest(m, 'ExternalSecret', 'db-credentials');
    expect(obj.apiVersion).toBe('external-secrets.io/v1');
    expect(obj.metadata).toEqual({ name: 'db-credentials', namespace: 'team-a', annotations: { 'owner': 'team-a', 'argocd.argoproj.io/sync-wave': '0' } });
    expect(obj.spec).toEqual({
      secretStoreRef: { name: 'aws', kind: 'SecretStore' },
      refreshInterval: '15m',
      refreshPolicy: 'Periodic',
      target: { name: 'db', creationPolicy: 'Owner', deletionPolicy: 'Delete', immutable: false },
      data: [
        {
          secretKey: 'password',
          remoteRef: {
            key: 'prod/db', property: 'password', version: 'AWSCURRENT', decodingStrategy: 'None', conversionStrategy: 'Default',
            metadataPolicy: 'None', nullBytePolicy: 'Fail',
          },
        },
        { secretKey: 'username', remoteRef: { key: 'prod/db', property: 'username' } },
      ],
    });
    expect(es.targetSecretName).toBe('db');
    expect(es.externalSecretName).toBe('db-credentials');
    expect(es.namespace).toBe('team-a');
    expect(es.secretKeys).toEqual(['password', 'username']);
    expect(m).toMatchSnapshot();
  });

  test('renders dataFrom extract, find, rewrites, generator and per-entry store', () => {
    // GIVEN
    const { c, store, cluster } = setup();
    // WHEN
    const es = new ExternalSecret(c, 'bulk', {
      store: cluster,
      target: { template: { type: SecretType.DOCKER_CONFIG_JSON, data: { '.dockerconfigjson': '{{ .config }}' }, mergePolicy: TemplateMergePolicy.REPLACE,
        templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'config', templateAs: TemplateScope.KEYS_AND_VALUES }] } }] } },
    });
    es.addDataFrom({ extract: { key: 'app/config', decodingStrategy: DecodingStrategy.AUTO }, rewrite: [Rewrite.regexp({ source: '^(.*)$', target: 'app_$1' })] });
    es.addDataFrom({ find: { nameRegexp: '^app/.*', tags: { env: 'prod' }, path: 'app' }, rewrite: [Rewrite.transform('{{ .value | upper }}'), Rewrite.merge({ conflictPolicy: MergeConflictPolicy.IGNORE })] });
    es.addDataFrom({ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' } });
    es.addDataFrom({ extract: { key: 'other' }, store });
    // THEN
    const m = synthValid(c);
    const spec = specOf(m, es.externalSecretName);
    expect(spec.secretStoreRef).toEqual({ name: 'global', kind: 'ClusterSecretStore' });
    expect(spec.dataFrom).toEqual([
      { extract: { key: 'app/config', decodingStrategy: 'Auto' }, rewrite: [{ regexp: { source: '^(.*)$', target: 'app_$1' } }] },
      { find: { name: { regexp: '^app/.*' }, tags: { env: 'prod' }, path: 'app' }, rewrite: [{ transform: { template: '{{ .value | upper }}' } }, { merge: { conflictPolicy: 'Ignore', into: '', priorityPolicy: 'Strict', strategy: 'Extract' } }] },
      { sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'pw' } } },
      { extract: { key: 'other' }, sourceRef: { storeRef: { name: 'aws', kind: 'SecretStore' } } },
    ]);
    expect(spec.target).toEqual({
      creationPolicy: 'Owner', deletionPolicy: 'Retain',
      template: {
        engineVersion: 'v2', type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': '{{ .config }}' }, mergePolicy: 'Replace',
        templateFrom: [{ configMap: { name: 'tpl', items: [{ key: 'config', templateAs: 'KeysAndValues' }] }, target: 'Data' }],
      },
    });
    expect(es.secretKeys).toBeUndefined();
  });

  test('its Secret is usable from cdk8s-plus workloads without retyping the name', () => {
    // GIVEN
    const { c, store } = setup();
    const es = new ExternalSecret(c, 'db', { store, target: { name: 'db-secret' }, data: [{ secretKey: 'password', remoteRef: { key: 'db' } }] });
    const deploy = new kplus.Deployment(c, 'app', { containers: [{ image: 'nginx:1.27' }] });
    // WHEN
    deploy.containers[0].env.addVariable('DB_PASSWORD', es.envValue('password'));
    deploy.containers[0].env.addVariable('DB_PASSWORD2', kplus.EnvValue.fromSecretValue({ secret: es.secret, key: 'password' }));
    deploy.containers[0].env.copyFrom(kplus.Env.fromSecret(es.secret));
    deploy.addVolume(kplus.Volume.fromSecret(c, 'vol', es.secret));
    // THEN
    const m = synthValid(c);
    const pod = (findManifest(m, 'Deployment', deploy.name).spec as { template: { spec: { containers: { env: unknown[]; envFrom: unknown[] }[]; volumes: unknown[] } } }).template.spec;
    expect(pod.containers[0].env).toEqual([
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'password' } } },
      { name: 'DB_PASSWORD2', valueFrom: { secretKeyRef: { name: 'db-secret', key: 'password' } } },
    ]);
    expect(pod.containers[0].envFrom).toEqual([{ secretRef: { name: 'db-secret' } }]);
    expect(pod.volumes).toEqual([expect.objectContaining({ secret: expect.objectContaining({ secretName: 'db-secret' }) })]);
    expect(es.secret).toBe(es.secret);
  });

  test('addSecretAnnotation creates a metadata-only template that keeps own metadata; keeps existing template data', () => {
    // GIVEN
    const { c, store } = setup();
    const plain = new ExternalSecret(c, 'plain', { store, labels: { app: 'web' }, data: [{ secretKey: 'a', remoteRef: { key: 'a' } }] });
    const templated = new ExternalSecret(c, 'templated', {
      store, data: [{ secretKey: 'a', remoteRef: { key: 'a' } }],
      target: { template: { data: { url: 'postgres://{{ .a }}' }, metadata: { labels: { kept: 'yes' } } } },
    });
    // WHEN
    plain.addSecretAnnotation('reloader.stakater.com/match', 'true');
    templated.addSecretAnnotation('reloader.stakater.com/match', 'true');
    plain.addSecretLabel('extra', 'x');
    // THEN
    const m = synthValid(c);
    expect((specOf(m, plain.externalSecretName).target as object)).toEqual({
      creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { engineVersion: 'v2', mergePolicy: 'Replace', metadata: { labels: { app: 'web', extra: 'x' }, annotations: { 'reloader.stakater.com/match': 'true' } } },
    });
    expect((specOf(m, templated.externalSecretName).target as object)).toEqual({
      creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { engineVersion: 'v2', mergePolicy: 'Replace', data: { url: 'postgres://{{ .a }}' }, metadata: { labels: { kept: 'yes' }, annotations: { 'reloader.stakater.com/match': 'true' } } },
    });
    expect(templated.secretKeys).toEqual(['url']);
  });

  test('the metadata-only template does not copy GitOps tooling annotations (sync waves) onto the Secret', () => {
    // GIVEN
    const { c, store } = setup();
    const es = new ExternalSecret(c, 'waved', {
      store, syncWave: 2, annotations: { team: 'shop' }, data: [{ secretKey: 'a', remoteRef: { key: 'a' } }],
    });
    // WHEN
    es.addSecretAnnotation('reloader.stakater.com/match', 'true');
    // THEN
    const m = synthValid(c);
    const rendered = m.find((o) => o.metadata?.name === es.externalSecretName)!;
    expect(rendered.metadata?.annotations).toEqual({ 'argocd.argoproj.io/sync-wave': '2', 'team': 'shop' });
    expect((rendered.spec?.target as { template: { metadata: unknown } }).template.metadata).toEqual({
      annotations: { 'team': 'shop', 'reloader.stakater.com/match': 'true' },
    });
  });

  test('fails for a key the ExternalSecret does not produce', () => {
    // GIVEN
    const { c, store } = setup();
    const es = new ExternalSecret(c, 'db', { store, data: [{ secretKey: 'password', remoteRef: { key: 'db' } }] });
    // WHEN / THEN
    expect(() => es.envValue('passwd')).toThrow('[test/db] key: received "passwd". Allowed: a key the ExternalSecret produces: "password". Fix: use one of these keys, or add it first with addData() (or template data).');
  });

  test('fails at synth with neither data nor dataFrom', () => {
    // GIVEN
    const { c, store } = setup();
    new ExternalSecret(c, 'empty', { store });
    // WHEN / THEN
    expect(() => Testing.synth(c)).toThrow('[test/empty] spec.data: received []. Allowed: at least one entry in data or dataFrom. Fix: pass data or dataFrom in the props, or call addData() or addDataFrom().');
  });

  test.each([
    [CreationPolicy.MERGE, DeletionPolicy.DELETE],
    [CreationPolicy.CREATE_OR_MERGE, DeletionPolicy.DELETE],
    [CreationPolicy.NONE, DeletionPolicy.DELETE],
    [CreationPolicy.NONE, DeletionPolicy.MERGE],
  ])('fails for creationPolicy %s with deletionPolicy %s', (creationPolicy, deletionPolicy) => {
    // GIVEN
    const { c, store } = setup();
    // WHEN / THEN
    expect(() => new ExternalSecret(c, 'es', { store, target: { creationPolicy, deletionPolicy } })).toThrow(
      `[test/es] spec.target.deletionPolicy: received "${deletionPolicy}". Allowed: a deletionPolicy compatible with creationPolicy "${creationPolicy}" (ESO rejects deletionPolicy "Delete" with creationPolicy "Merge", "CreateOrMerge" or "None", and deletionPolicy "Merge" with creationPolicy "None"). Fix: use DeletionPolicy.RETAIN, or CreationPolicy.OWNER if the Secret must be deleted with the ExternalSecret.`);
  });

  test('fails for a generator combined with extract or find, and for an empty dataFrom entry', () => {
    // GIVEN
    const { c, store } = setup();
    const es = new ExternalSecret(c, 'es', { store });
    // WHEN / THEN
    expect(() => es.addDataFrom({ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' }, extract: { key: 'x' } })).toThrow(
      '[test/es] spec.dataFrom[0].sourceRef.generatorRef: received "pw". Allowed: a generator source alone: ESO ignores extract and find when dataFrom[].sourceRef.generatorRef is set. Fix: remove extract and find from this entry, or move them to a separate dataFrom entry without a generator.');
    expect(() => es.addDataFrom({ generator: { kind: GeneratorKind.UUID, name: 'id' }, find: { path: 'x' } })).toThrow('[test/es] spec.dataFrom[0].sourceRef.generatorRef: received "id". Allowed: a generator source alone: ESO ignores extract and find when dataFrom[].sourceRef.generatorRef is set. Fix: remove extract and find from this entry, or move them to a separate dataFrom entry without a generator.');
    expect(() => es.addDataFrom({})).toThrow('[test/es] spec.dataFrom[0]: received {}. Allowed: an entry with extract, find or generator. Fix: set extract (one remote secret), find (a search) or generator.');
    expect(() => es.addDataFrom({ generator: { kind: GeneratorKind.UUID, name: 'id' }, store })).toThrow(
      '[test/es] spec.dataFrom[0].sourceRef.generatorRef: received "id". Allowed: spec.dataFrom[0].sourceRef.generatorRef or spec.dataFrom[0].sourceRef.storeRef, not both. Fix: read from a generator or from another store, not both.');
  });

  test('renders no spec.secretStoreRef when every value comes from a generator', () => {
    // GIVEN
    const { c } = setup();
    // WHEN
    const es = new ExternalSecret(c, 'es', { name: 'session', dataFrom: [{ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' } }] });
    // THEN
    const spec = specOf(synthValid(c), 'session');
    expect(spec.secretStoreRef).toBeUndefined();
    expect(spec.dataFrom).toEqual([{ sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'pw' } } }]);
    expect([es.store, es._remoteReads()]).toEqual([undefined, []]);
  });

  test('without a store, an entry reading from a store must name its own', () => {
    // GIVEN
    const { c, store } = setup();
    const es = new ExternalSecret(c, 'es', { name: 'mixed', dataFrom: [{ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' } }] });
    // WHEN
    es.addData({ secretKey: 'api', remoteRef: { key: 'prod/api' }, store });
    // THEN
    const spec = specOf(synthValid(c), 'mixed');
    expect(spec.secretStoreRef).toBeUndefined();
    expect(spec.data).toEqual([{ secretKey: 'api', remoteRef: expect.objectContaining({ key: 'prod/api' }), sourceRef: { storeRef: { name: 'aws', kind: 'SecretStore' } } }]);
    expect(es._remoteReads()).toEqual([{ store, key: 'prod/api', prop: 'spec.data[0].remoteRef.key' }]);
  });

  test('fails for data, extract or find without a store', () => {
    // GIVEN
    const { c } = setup();
    const fix = 'Allowed: an entry that reads from a store only when the ExternalSecret has a store or the entry names one; without a store, only generator entries (dataFrom[].generator). Fix: set store on the ExternalSecret (or on this entry), or produce this value with a generator.';
    // WHEN / THEN
    expect(() => new ExternalSecret(c, 'a', { data: [{ secretKey: 'k', remoteRef: { key: 'prod/db' } }] })).toThrow(
      `[test/a] spec.data[0].remoteRef.key: received "prod/db". ${fix}`);
    const es = new ExternalSecret(c, 'b', { dataFrom: [{ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' } }] });
    expect(() => es.addDataFrom({ extract: { key: 'prod/all' } })).toThrow(`[test/b] spec.dataFrom[1].extract.key: received "prod/all". ${fix}`);
    expect(() => es.addDataFrom({ find: { path: 'prod/' } })).toThrow(`[test/b] spec.dataFrom[1].find: received "prod/". ${fix}`);
  });

  test('fails for a namespaced SecretStore of another namespace', () => {
    // GIVEN
    const { c } = setup();
    const other = SecretStore.fromSecretStoreName(c, 'other', 'vault', 'team-b');
    // WHEN / THEN
    expect(() => new ExternalSecret(c, 'es', { store: other, data: [{ secretKey: 'a', remoteRef: { key: 'a' } }] })).toThrow(
      '[test/es] spec.secretStoreRef: received "team-b/vault". Allowed: a SecretStore in namespace "team-a" (a namespaced SecretStore only serves its own namespace), or a ClusterSecretStore. Fix: create the SecretStore in namespace "team-a", or use a ClusterSecretStore.');
  });

  test('fails for an invalid secretKey, target name and template key', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN / THEN
    expect(() => new ExternalSecret(c, 'k', { store, data: [{ secretKey: 'db password', remoteRef: { key: 'a' } }] })).toThrow(
      '[test/k] spec.data[0].secretKey: received "db password". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as "db_password".');
    expect(() => new ExternalSecret(c, 't', { store, target: { name: 'DB' } })).toThrow(
      '[test/t] spec.target.name: received "DB". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "db".');
    expect(() => new ExternalSecret(c, 'n', { store, name: 'db_creds' })).toThrow(
      '[test/n] metadata.name: received "db_creds". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "db-creds".');
    expect(() => new ExternalSecret(c, 'tk', { store, target: { template: { data: { 'a/b': 'x' } } } })).toThrow(
      '[test/tk] spec.target.template.data.a/b: received "a/b". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as "a_b".');
  });

  test('fails for an unparsable refresh interval', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN / THEN: durations from strings are parsed with the construct path and prop
    expect(() => new ExternalSecret(c, 'es', { store, refreshInterval: Duration.parse('1 hour', 'test/es', 'spec.refreshInterval') })).toThrow(
      '[test/es] spec.refreshInterval: received "1 hour". Allowed: a Go duration such as "30s", "15m", "1h" or "1h30m" (units ns, us, ms, s, m, h), or "0". Fix: use Duration.seconds(), Duration.minutes(), Duration.hours() or Duration.parse() with a valid string.');
  });
});
