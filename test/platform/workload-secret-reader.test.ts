import { Chart, Testing as K8sTesting } from 'cdk8s';
import { SecretBackend, SecretsDeclaration, renderAccessMatrix } from '../../lib/core';
import { SecretReaderAccess } from '../../lib/k8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

function shop() {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const stage = d.addEksCluster('stage', { clusterName: 'stage', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/STAGE' });
  const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
  const api = d.addSecretsManagerSecret('api', { name: 'shop/api' });
  const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  const dbEs = d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, clusters: [prod], data: [{ secretKey: 'password', secret: db }] });
  const apiEs = d.addExternalSecret('api', { name: 'api', namespace: 'shop', store, targetSecretName: 'api-key', data: [{ secretKey: 'key', secret: api }] });
  return { d, prod, stage, store, dbEs, apiEs };
}

describe('workloads reading their Secrets through the Kubernetes API', () => {
  test('the service account gets get on exactly the Secrets of its ExternalSecrets on each cluster', () => {
    // GIVEN
    const { d, prod, stage, dbEs, apiEs } = shop();
    d.addWorkload('checkout', { name: 'checkout', namespace: 'shop', serviceAccountName: 'checkout-sa', reads: [dbEs, apiEs] });
    // WHEN
    const render = (cluster: typeof prod) => {
      const chart = new Chart(K8sTesting.app(), cluster.id);
      new SecretsPlatformManifests(chart, 'platform', { declaration: d, cluster });
      return synthValid(chart);
    };
    const onProd = render(prod);
    const onStage = render(stage);
    // THEN
    expect(findManifest(onProd, 'Role', 'checkout-secret-reader')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role',
      metadata: { name: 'checkout-secret-reader', namespace: 'shop', labels: { 'app.kubernetes.io/part-of': 'external-secrets' } },
      rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['api-key', 'db'], verbs: ['get'] }],
    });
    expect(findManifest(onProd, 'RoleBinding', 'checkout-secret-reader')).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'checkout-secret-reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'checkout-sa', namespace: 'shop' }],
    });
    // stage has only the api ExternalSecret
    expect((findManifest(onStage, 'Role', 'checkout-secret-reader').rules as unknown[])).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['api-key'], verbs: ['get'] },
    ]);
    expect(renderAccessMatrix(d)).toContain('| prod, stage | shop | checkout | checkout-sa | `api-key`, `db` (get only) |');
  });

  test('bad input: the default service account, another namespace, nothing, an undeclared or repeated ExternalSecret', () => {
    const { d, store, dbEs } = shop();
    const other = d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store, data: [{ secretKey: 'k', secret: d.secrets[0] }] });
    expect(() => d.addWorkload('w1', { name: 'w1', namespace: 'shop', serviceAccountName: 'default', reads: [dbEs] })).toThrow(
      '[shop/workloads/w1] serviceAccountName: received "default". Allowed: a service account of the workload\'s own: every pod of the namespace that names none runs as "default", '
      + 'and would read the Secrets too. Fix: create a service account for the workload and name it here.');
    expect(() => d.addWorkload('w2', { name: 'w2', namespace: 'shop', reads: [other] })).toThrow(
      '[shop/workloads/w2] reads[0]: received "ops". Allowed: an ExternalSecret of the workload\'s namespace "shop" (this one\'s Secret is in "ops"; a Role grants in its own namespace only). '
      + 'Fix: declare the ExternalSecret in "shop", or the workload in "ops".');
    expect(() => d.addWorkload('w3', { name: 'w3', namespace: 'shop', reads: [] })).toThrow(
      '[shop/workloads/w3] reads: received []. Allowed: at least one ExternalSecret whose Secret the workload reads (a workload reading none needs no Role). '
      + 'Fix: list the ExternalSecrets whose Secrets it reads, or do not declare the workload.');
    const foreign = new SecretsDeclaration({ name: 'x' });
    expect(() => d.addWorkload('w4', { name: 'w4', namespace: 'shop', reads: [{ ...dbEs }] })).toThrow('[shop/workloads/w4] reads[0]: received "db".');
    expect(() => d.addWorkload('w5', { name: 'w5', namespace: 'shop', reads: [dbEs, dbEs] })).toThrow(
      '[shop/workloads/w5] reads[1]: received "db". Allowed: a value different from the one at reads[0] (it must be unique). Fix: list each ExternalSecret once.');
    expect(foreign.workloads).toEqual([]);
  });

  test('SecretReaderAccess refuses a Role without resourceNames', () => {
    const chart = new Chart(K8sTesting.app(), 'c');
    expect(() => new SecretReaderAccess(chart, 'r', { namespace: 'shop', serviceAccountName: 'api', secretNames: [] })).toThrow(
      '[c/r] secretNames: received []. Allowed: at least one Secret name (a Role without resourceNames would allow get on every Secret of the namespace). '
      + 'Fix: list the Secrets the workload reads.');
  });
});
