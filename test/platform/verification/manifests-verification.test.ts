import { ApiObject, Chart, JsonPatch, Testing } from 'cdk8s';
import { EsoAuthModel, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { awsStoreRenderer } from '../../../lib/platform/backends/aws-store';
import { SecretsPlatformManifests } from '../../../lib/platform/k8s';
import { synthValid } from '../../helpers/eso-schema';
import { FIX } from './helpers';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

/** A platform with a per-store identity, a controller-identity store, a tenant, an ExternalSecret and a PushSecret. */
function platform() {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', properties: ['password'] });
  const seed = declaration.addSecretsManagerSecret('seed', { name: 'shop/seed', tags: { 'managed-by': 'external-secrets' } });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  // A store nobody uses: rendered with the controller's identity, admitting no namespace.
  declaration.addAwsStore('shared', { name: 'shared', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addTenant('shop', { namespaces: ['shop'], groups: ['shop-devs'], secrets: [db, seed] });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'password', secret: db, property: 'password' }] });
  declaration.addPushSecret('seed', { name: 'seed', namespace: 'shop', store, sourceSecretName: 'seed', destination: seed });
  const chart = new Chart(Testing.app(), 'test');
  const manifests = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster: prod });
  return { chart, manifests };
}

/** The validation messages of the chart (as synth reports them). */
function validationErrors(chart: Chart): string[] {
  return chart.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
}

function object(scope: SecretsPlatformManifests, kind: string, name: string): ApiObject {
  return scope.node.findAll().find((c): c is ApiObject => c instanceof ApiObject && c.kind === kind && c.name === name)!;
}

afterEach(() => jest.restoreAllMocks());

describe('output verification: cluster side (CES-VER-12..17)', () => {
  test('the rendered objects pass and are valid', () => {
    const { chart } = platform();
    expect(validationErrors(chart)).toEqual([]);
    expect(synthValid(chart).map((m) => `${m.kind}/${m.metadata?.name}`)).toContain('RoleBinding/external-secrets-shop');
  });

  test('a store renderer that names another service account fails synth (CES-VER-12)', () => {
    // GIVEN a renderer bug: the store authenticates as the namespace's default service account
    const provider = awsStoreRenderer.provider;
    jest.spyOn(awsStoreRenderer, 'provider').mockImplementation((request) =>
      provider({ ...request, serviceAccount: request.serviceAccount && { name: 'default', namespace: 'kube-system' } }));
    expect(validationErrors(platform().chart)).toEqual([
      '[test/platform] store sm in ClusterSecretStore sm spec.provider serviceAccountRef: received "[{\\"name\\":\\"default\\",\\"namespace\\":\\"kube-system\\"}]". '
      + `Allowed: exactly the planned service account of identity "store-sm": external-secrets:eso-sm. ${FIX} (rule CES-VER-12).`,
    ]);
  });

  test('a store patched to another region or role fails synth (CES-VER-12)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'ClusterSecretStore', 'shared').addJsonPatch(JsonPatch.add('/spec/provider/aws/role', 'arn:aws:iam::999999999999:role/admin'));
    expect(validationErrors(chart)).toEqual([
      '[test/platform] store shared in ClusterSecretStore shared spec.provider.aws.role: received "arn:aws:iam::999999999999:role/admin". '
      + `Allowed: no value (identity "controller-prod"). ${FIX} (rule CES-VER-12).`,
    ]);
  });

  test('a store patched to static credentials from a Secret fails synth (CES-VER-12)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'ClusterSecretStore', 'shared').addJsonPatch(JsonPatch.add('/spec/provider/aws/auth', { secretRef: { accessKeyIdSecretRef: { name: 'keys', key: 'id' } } }));
    expect(validationErrors(chart)).toEqual([
      '[test/platform] store shared in ClusterSecretStore shared spec.provider.aws.auth.secretRef: received "static credentials from the Secret no value". '
      + `Allowed: the planned identity "controller-prod" only (workload identity, never a Secret holding credentials). ${FIX} (rule CES-VER-12).`,
      '[test/platform] store shared in ClusterSecretStore shared spec.provider.aws.auth.secretRef.accessKeyIDSecretRef: received "static credentials from the Secret keys". '
      + `Allowed: the planned identity "controller-prod" only (workload identity, never a Secret holding credentials). ${FIX} (rule CES-VER-12).`,
    ]);
  });

  test('a ClusterSecretStore admitting every namespace fails synth (CES-VER-17)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'ClusterSecretStore', 'sm').addJsonPatch(JsonPatch.remove('/spec/conditions'));
    expect(validationErrors(chart)).toEqual([
      `[test/platform] store sm in ClusterSecretStore sm spec.conditions: received "no value". Allowed: exactly the planned namespaces ["shop"]. ${FIX} (rule CES-VER-17).`,
    ]);
  });

  test('a service account annotated with another role fails synth (CES-VER-13)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'ServiceAccount', 'eso-sm').addJsonPatch(JsonPatch.replace('/metadata/annotations/eks.amazonaws.com~1role-arn', 'arn:aws:iam::111122223333:role/admin'));
    const errors = validationErrors(chart).filter((e) => e.includes('CES-VER-13'));
    expect(errors).toEqual([
      '[test/platform] service account external-secrets:eso-sm in ServiceAccount external-secrets/eso-sm metadata.annotations: received '
      + '"{\\"eks.amazonaws.com/role-arn\\":\\"arn:aws:iam::111122223333:role/admin\\"}". Allowed: exactly the annotations of identity "store-sm": '
      + `{"eks.amazonaws.com/role-arn":"arn:aws:iam::111122223333:role/shop-sm-eso"}. ${FIX} (rule CES-VER-13).`,
    ]);
  });

  test('a RoleBinding subject added to a tenant fails synth (CES-VER-14)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'RoleBinding', 'external-secrets-shop').addJsonPatch(JsonPatch.add('/subjects/-', { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' }));
    expect(validationErrors(chart)).toEqual([
      '[test/platform] tenant shop in RoleBinding shop/external-secrets-shop subjects: received "Group system:authenticated". '
      + `Allowed: only the tenant's declared groups: shop-devs. ${FIX} (rule CES-VER-14).`,
    ]);
  });

  test('a tenant Role that reads Secrets fails synth (CES-VER-14)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'Role', 'external-secrets-shop').addJsonPatch(JsonPatch.add('/rules/-', { apiGroups: [''], resources: ['secrets'], verbs: ['get'] }));
    expect(validationErrors(chart)).toEqual([
      '[test/platform] tenant shop in Role shop/external-secrets-shop rules: received "get on /secrets". Allowed: only the tenant rules: '
      + `external-secrets.io/externalsecrets create,delete,get,list,patch,update,watch; external-secrets.io/secretstores get,list,watch. ${FIX} (rule CES-VER-14).`,
    ]);
  });

  test('an ExternalSecret reading another key, or through another store, fails synth (CES-VER-15)', () => {
    const { chart, manifests } = platform();
    const es = object(manifests, 'ExternalSecret', 'db');
    es.addJsonPatch(JsonPatch.replace('/spec/data/0/remoteRef/key', 'billing/db'));
    es.addJsonPatch(JsonPatch.replace('/spec/secretStoreRef/name', 'shared'));
    expect(validationErrors(chart)).toEqual([
      `[test/platform] ExternalSecret shop/db in ExternalSecret shop/db spec.secretStoreRef: received "{\\"kind\\":\\"ClusterSecretStore\\",\\"name\\":\\"shared\\"}". Allowed: the planned store ClusterSecretStore/sm. ${FIX} (rule CES-VER-15).`,
      `[test/platform] ExternalSecret shop/db in ExternalSecret shop/db spec.data[0]: received "the remote key billing/db". Allowed: the declared keys ["shop/db"] through the planned store. ${FIX} (rule CES-VER-15).`,
    ]);
  });

  test('an ExternalSecret the platform emits without a declaration fails synth (CES-VER-15)', () => {
    const { chart, manifests } = platform();
    new ApiObject(manifests, 'Rogue', { apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'rogue', namespace: 'shop' } });
    expect(validationErrors(chart)).toEqual([
      `[test/platform] the platform in ExternalSecret shop/rogue: received "an ExternalSecret no declaration asks for". Allowed: the declared ExternalSecrets of this cluster. ${FIX} (rule CES-VER-15).`,
    ]);
  });

  test('a PushSecret writing another key fails synth (CES-VER-16)', () => {
    const { chart, manifests } = platform();
    object(manifests, 'PushSecret', 'seed').addJsonPatch(JsonPatch.replace('/spec/data/0/match/remoteRef/remoteKey', 'billing/seed'));
    expect(validationErrors(chart)).toEqual([
      `[test/platform] PushSecret shop/seed in PushSecret shop/seed spec.data[0]: received "the remote key billing/seed". Allowed: the declared destination shop/seed. ${FIX} (rule CES-VER-16).`,
    ]);
  });

  test('a generated secret patched to read through a store fails synth (CES-VER-15)', () => {
    // GIVEN an ExternalSecret of only generated values
    const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
    const pw = declaration.addPasswordGenerator('pw', { name: 'session' });
    declaration.addGeneratedSecret('web', { name: 'web', namespace: 'web', clusters: [prod], generated: [{ generator: pw }] });
    const chart = new Chart(Testing.app(), 'test');
    const manifests = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster: prod });
    expect(validationErrors(chart)).toEqual([]);
    // WHEN an override points it at a store
    object(manifests, 'ExternalSecret', 'web').addJsonPatch(JsonPatch.add('/spec/secretStoreRef', { kind: 'ClusterSecretStore', name: 'admin' }));
    // THEN
    expect(validationErrors(chart)).toEqual([
      '[test/platform] ExternalSecret web/web in ExternalSecret web/web spec: received "{\\"secretStoreRef\\":{\\"kind\\":\\"ClusterSecretStore\\",\\"name\\":\\"admin\\"},'
      + '\\"dataFrom\\":[{\\"sourceRef\\":{\\"generatorRef\\":{\\"apiVersion\\":\\"generators.external-secrets.io/v1alpha1\\",\\"kind\\":\\"Password\\",\\"name\\":\\"session\\"}}}]}". '
      + 'Allowed: no store and the declared generators [{"sourceRef":{"generatorRef":{"apiVersion":"generators.external-secrets.io/v1alpha1","kind":"Password","name":"session"}}}]. '
      + `${FIX} (rule CES-VER-15).`,
    ]);
  });
});
