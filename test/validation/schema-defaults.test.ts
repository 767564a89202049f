import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { addAllCharts } from '../../examples/all';
import { Duration } from '../../lib/core/duration';
import {
  AwsAuth, ClusterExternalSecret, ClusterSecretStore, ExternalSecret, KubernetesAuth, PushSecret, PushSecretSource, SecretStore,
  SecretStoreProvider, VaultAuth,
} from '../../lib/k8s';
import { withCrdDefaults } from '../../lib/validation';
import { K8sManifest, synthValid } from '../helpers/eso-schema';
import { withSchemaDefaults } from '../helpers/schema-defaults';

function esoObjects(manifests: readonly K8sManifest[]): K8sManifest[] {
  return manifests.filter((m) => /(^|\.)external-secrets\.io\//.test(m.apiVersion));
}

describe('withCrdDefaults (GitOps without drift)', () => {
  test('applying the CRD schema defaults to every ESO object of every example changes nothing', () => {
    // GIVEN every example chart
    const app = new App();
    addAllCharts(app);
    const objects = app.node.children.filter((c): c is Chart => c instanceof Chart).flatMap((c) => esoObjects(synthValid(c)));
    // WHEN the API server's defaulting (an independent implementation reading the CRD bundle) is applied
    // THEN every object is already what the cluster stores
    expect(objects.length).toBeGreaterThan(20);
    for (const o of objects) {
      expect(withSchemaDefaults(o)).toEqual(o);
    }
  });

  test('minimal constructs of every ESO kind render their defaulted fields', () => {
    // GIVEN
    const c = new Chart(Testing.app(), 'c', { namespace: 'team-a' });
    const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1', auth: AwsAuth.controllerIdentity() }) });
    const vault = new ClusterSecretStore(c, 'vault', { name: 'vault', provider: SecretStoreProvider.vault({ server: 'https://vault.example.com', auth: VaultAuth.kubernetes({ role: 'eso' }) }) });
    new ClusterSecretStore(c, 'k8s', {
      name: 'remote', provider: SecretStoreProvider.kubernetes({ server: { url: 'https://remote.example.com' }, auth: KubernetesAuth.token({ name: 'remote', key: 'token' }) }),
    });
    new ExternalSecret(c, 'es', { name: 'db', store, data: [{ secretKey: 'password', remoteRef: { key: 'db' } }] });
    new ClusterExternalSecret(c, 'ces', { name: 'shared', store: vault, namespaceSelectors: [{ matchLabels: { shared: 'true' } }], dataFrom: [{ extract: { key: 'shared' } }] });
    new PushSecret(c, 'push', { name: 'push', stores: [store], source: PushSecretSource.fromSecret(kplus.Secret.fromSecretName(c, 'local', 'local')), refreshInterval: Duration.minutes(5), data: [{ secretKey: 'token', remoteKey: 'local-token' }] });
    // WHEN
    const objects = esoObjects(synthValid(c));
    // THEN: the defaults the API server would add are already there, derived from the CRD bundle
    for (const o of objects) {
      expect(withSchemaDefaults(o)).toEqual(o);
    }
    const spec = (kind: string): Record<string, unknown> => objects.find((o) => o.kind === kind)!.spec as Record<string, unknown>;
    expect(spec('ExternalSecret')).toEqual(expect.objectContaining({ refreshInterval: '1h0m0s', target: { creationPolicy: 'Owner', deletionPolicy: 'Retain' } }));
    expect(spec('ClusterSecretStore')).toBeDefined();
    expect((spec('SecretStore').provider as { aws: unknown }).aws).toEqual(expect.objectContaining({ sessionTagsPolicy: 'None' }));
    expect(spec('PushSecret')).toEqual(expect.objectContaining({ deletionPolicy: 'None', updatePolicy: 'Replace', refreshInterval: '5m' }));
  });

  test('fills absent fields only, walks arrays and defaulted values, and leaves other objects alone', () => {
    // GIVEN
    const es = {
      apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'x' },
      spec: { refreshInterval: '15m', target: { deletionPolicy: 'Delete' }, dataFrom: [{ extract: { key: 'k' }, rewrite: [{ merge: {} }] }] },
    };
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    // WHEN
    const defaulted = withCrdDefaults(es);
    // THEN
    expect(defaulted.spec).toEqual({
      refreshInterval: '15m',
      target: { creationPolicy: 'Owner', deletionPolicy: 'Delete' },
      dataFrom: [{ extract: { key: 'k' }, rewrite: [{ merge: { conflictPolicy: 'Error', into: '', priorityPolicy: 'Strict', strategy: 'Extract' } }] }],
    });
    expect(es.spec.target).toEqual({ deletionPolicy: 'Delete' });
    expect(withCrdDefaults(configMap)).toBe(configMap);
    expect(withCrdDefaults({ apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: { name: 'old' } })).toEqual({ apiVersion: 'external-secrets.io/v1beta1', kind: 'ExternalSecret', metadata: { name: 'old' } });
  });
});
