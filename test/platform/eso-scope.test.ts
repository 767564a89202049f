import { TerraformStack, Testing } from 'cdktf';
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { SecretBackend, SecretsDeclaration, StoreScope } from '../../lib/core';
import { EsoClusterAddons } from '../../lib/platform';
import { expectValidEsoValues } from '../helpers/chart-schema';
import { helmValues, synthTerraform } from '../helpers/terraform';

function stack() {
  const s = new TerraformStack(Testing.app(), 'test');
  new HelmProvider(s, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
  return s;
}

/** One EKS cluster; a ClusterSecretStore read from `app`, optionally a SecretStore read from `batch` and a PushSecret. */
function declare(options: { secretStore?: boolean; push?: boolean } = {}) {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const cluster = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const secret = declaration.addSecretsManagerSecret('s', { name: 's' });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  if (options.secretStore) {
    const local = declaration.addAwsStore('local', { name: 'local', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED });
    declaration.addExternalSecret('b', { name: 'b', namespace: 'batch', store: local, data: [{ secretKey: 'k', secret }] });
  }
  if (options.push) {
    const target = declaration.addSecretsManagerSecret('t', { name: 't', tags: { 'managed-by': 'external-secrets' } });
    declaration.addPushSecret('p', { name: 'p', namespace: 'app', store, sourceSecretName: 'local', destination: target });
  }
  return { declaration, cluster };
}

describe('ESO scoped to what the declaration renders on the cluster', () => {
  test('only the reconcilers of the declared kinds are on', () => {
    // GIVEN a cluster with one ClusterSecretStore and nothing else
    const { declaration, cluster } = declare();
    const s = stack();
    // WHEN
    new EsoClusterAddons(s, 'addons', { declaration, cluster });
    // THEN
    const values = helmValues(synthTerraform(s), 'external-secrets');
    expect(values).toMatchObject({
      processClusterStore: true, processSecretStore: false, processPushSecret: false,
      processClusterExternalSecret: false, processClusterPushSecret: false, processClusterGenerator: false,
    });
    expectValidEsoValues(values);
  });

  test('SecretStores and PushSecrets on the cluster switch their reconcilers on', () => {
    const { declaration, cluster } = declare({ secretStore: true, push: true });
    const s = stack();
    new EsoClusterAddons(s, 'addons', { declaration, cluster });
    expect(helmValues(synthTerraform(s), 'external-secrets')).toMatchObject({
      processClusterStore: true, processSecretStore: true, processPushSecret: true, processClusterPushSecret: false,
    });
  });

  test('a reconciler the declaration does not need can be switched on for objects made outside it', () => {
    const { declaration, cluster } = declare();
    const s = stack();
    new EsoClusterAddons(s, 'addons', { declaration, cluster, eso: { values: { processClusterExternalSecret: true } } });
    expect(helmValues(synthTerraform(s), 'external-secrets').processClusterExternalSecret).toBe(true);
  });

  test('a scopedNamespace holding every declared namespaced object is accepted', () => {
    const { declaration, cluster } = declare();
    const s = stack();
    new EsoClusterAddons(s, 'addons', { declaration, cluster, eso: { values: { scopedNamespace: 'app' } } });
    expect(helmValues(synthTerraform(s), 'external-secrets').scopedNamespace).toBe('app');
  });

  test('ClusterSecretStore reconciler switched off while the declaration renders ClusterSecretStores', () => {
    const { declaration, cluster } = declare();
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, eso: { values: { processClusterStore: false } } })).toThrow(
      '[test/addons] values.processClusterStore: received false. Allowed: true or unset while the declaration renders ClusterSecretStores on cluster "prod" ("sm"): ' +
      'ESO would never sync them. Fix: remove values.processClusterStore (EsoClusterAddons derives it from the declaration), or take those objects off cluster "prod".');
  });

  test('SecretStore reconciler switched off through extraValues', () => {
    const { declaration, cluster } = declare({ secretStore: true });
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, eso: { extraValues: { processSecretStore: false } } })).toThrow(
      '[test/addons] extraValues.processSecretStore: received false. Allowed: true or unset while the declaration renders SecretStores on cluster "prod" ("local"): ' +
      'ESO would never sync them. Fix: remove extraValues.processSecretStore (EsoClusterAddons derives it from the declaration), or take those objects off cluster "prod".');
  });

  test('PushSecret reconciler switched off while PushSecrets are declared', () => {
    const { declaration, cluster } = declare({ push: true });
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, eso: { values: { processPushSecret: false } } })).toThrow(
      '[test/addons] values.processPushSecret: received false. Allowed: true or unset while the declaration renders PushSecrets on cluster "prod" ("app/p"): ' +
      'ESO would never sync them. Fix: remove values.processPushSecret (EsoClusterAddons derives it from the declaration), or take those objects off cluster "prod".');
  });

  test('scoped RBAC while ClusterSecretStores are declared', () => {
    const { declaration, cluster } = declare();
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, eso: { values: { scopedNamespace: 'app', scopedRbac: true } } })).toThrow(
      '[test/addons] values.scopedRbac: received true. Allowed: false or unset while the declaration renders ClusterSecretStores on cluster "prod" ("sm"): ' +
      'scoped RBAC turns their reconciler off. Fix: remove values.scopedRbac, or declare those stores with scope: StoreScope.NAMESPACED.');
  });

  test('scopedNamespace leaving declared namespaces out, through extraValues', () => {
    const { declaration, cluster } = declare({ secretStore: true });
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, eso: { extraValues: { scopedNamespace: 'app' } } })).toThrow(
      '[test/addons] extraValues.scopedNamespace: received "app". Allowed: a namespace holding every ExternalSecret, PushSecret and SecretStore the declaration renders on cluster "prod" ' +
      '(also in: "batch"): ESO would ignore the others. Fix: remove extraValues.scopedNamespace, or declare the objects of this cluster in one namespace.');
  });

  test('scopedNamespace leaving out the namespace of a generated secret (no store there)', () => {
    const { declaration, cluster } = declare();
    const pw = declaration.addPasswordGenerator('pw', { name: 'session' });
    declaration.addGeneratedSecret('g', { name: 'session', namespace: 'web', clusters: [cluster], generated: [{ generator: pw }] });
    expect(() => new EsoClusterAddons(stack(), 'addons', { declaration, cluster, eso: { values: { scopedNamespace: 'app' } } })).toThrow(
      '[test/addons] values.scopedNamespace: received "app". Allowed: a namespace holding every ExternalSecret, PushSecret and SecretStore the declaration renders on cluster "prod" ' +
      '(also in: "web"): ESO would ignore the others. Fix: remove values.scopedNamespace, or declare the objects of this cluster in one namespace.');
  });
});
