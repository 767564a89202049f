import { Chart, Testing } from 'cdk8s';
import { Duration } from '../../lib/core/duration';
import {
  ClusterSecretStore, ExternalSecret, GeneratorKind, PushSecret, PushSecretConversionStrategy, PushSecretDeletionPolicy, PushSecretSource,
  PushSecretUpdatePolicy, SecretStore, SecretStoreProvider,
} from '../../lib/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

function setup(): { c: Chart; store: SecretStore } {
  const c = new Chart(Testing.app(), 'test', { namespace: 'team-a' });
  return { c, store: new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) }) };
}

describe('PushSecret', () => {
  test('pushes an ExternalSecret-produced Secret to two stores (v1alpha1)', () => {
    // GIVEN
    const { c, store } = setup();
    const es = new ExternalSecret(c, 'es', { store, target: { name: 'src' }, data: [{ secretKey: 'k', remoteRef: { key: 'k' } }] });
    // WHEN
    const ps = new PushSecret(c, 'push', {
      name: 'push',
      stores: [store, ClusterSecretStore.fromClusterSecretStoreName(c, 'g', 'global')],
      source: PushSecretSource.fromSecret(es.secret),
      data: [{ secretKey: 'k', remoteKey: 'backup/k', property: 'value', conversionStrategy: PushSecretConversionStrategy.NONE }],
      deletionPolicy: PushSecretDeletionPolicy.DELETE,
      updatePolicy: PushSecretUpdatePolicy.IF_NOT_EXISTS,
      refreshInterval: Duration.hours(6),
    });
    // THEN
    const m = synthValid(c);
    const obj = findManifest(m, 'PushSecret', 'push');
    expect(obj.apiVersion).toBe('external-secrets.io/v1alpha1');
    expect(obj.spec).toEqual({
      secretStoreRefs: [{ name: 'aws', kind: 'SecretStore' }, { name: 'global', kind: 'ClusterSecretStore' }],
      selector: { secret: { name: 'src' } },
      data: [{ match: { secretKey: 'k', remoteRef: { remoteKey: 'backup/k', property: 'value' } }, conversionStrategy: 'None' }],
      deletionPolicy: 'Delete',
      updatePolicy: 'IfNotExists',
      refreshInterval: '6h',
    });
    expect(ps.stores).toHaveLength(2);
  });

  test('pushes generator output and label-selected Secrets', () => {
    // GIVEN
    const { c, store } = setup();
    // WHEN
    new PushSecret(c, 'gen', { name: 'gen', stores: [store], source: PushSecretSource.fromGenerator({ kind: GeneratorKind.PASSWORD, name: 'pw' }) })
      .addData({ secretKey: 'password', remoteKey: 'generated/pw' });
    new PushSecret(c, 'sel', { name: 'sel', stores: [store], source: PushSecretSource.fromSecretSelector({ matchLabels: { push: 'true' } }), data: [{ remoteKey: 'all' }] });
    // THEN
    const m = synthValid(c);
    expect((findManifest(m, 'PushSecret', 'gen').spec as { selector: unknown }).selector).toEqual({
      generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'pw' },
    });
    expect((findManifest(m, 'PushSecret', 'sel').spec as { selector: unknown }).selector).toEqual({ secret: { selector: { matchLabels: { push: 'true' } } } });
  });

  test('fails without stores, with a store of another namespace, and with a bad secretKey', () => {
    // GIVEN
    const { c, store } = setup();
    const source = PushSecretSource.fromSecretSelector({ matchLabels: { a: 'b' } });
    // WHEN / THEN
    expect(() => new PushSecret(c, 'none', { stores: [], source })).toThrow(
      '[test/none] spec.secretStoreRefs: received []. Allowed: at least one SecretStore or ClusterSecretStore. Fix: pass stores: [store].');
    expect(() => new PushSecret(c, 'x', { stores: [SecretStore.fromSecretStoreName(c, 'o', 'other', 'team-b')], source })).toThrow(
      '[test/x] spec.secretStoreRefs[0]: received "team-b/other". Allowed: a SecretStore in namespace "team-a" (a namespaced SecretStore only serves its own namespace), or a ClusterSecretStore. Fix: create the SecretStore in namespace "team-a", or use a ClusterSecretStore.');
    expect(() => new PushSecret(c, 'k', { stores: [store], source, data: [{ secretKey: 'a:b', remoteKey: 'r' }] })).toThrow(
      '[test/k] spec.data[0].match.secretKey: received "a:b". Allowed: a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters. Fix: use a key such as "a_b".');
  });
});
