import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  AwsIdentityMode, ClusterDeclaration, ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, EsoAuthModel, MetadataPolicy,
  NullBytePolicy, RefreshPolicy, SecretBackend, SecretsDeclaration, StoreScope, TemplateMergePolicy, WorkloadIdentity,
} from '../../lib/core';
import { WorkloadServiceAccount } from '../../lib/k8s';
import { PlatformOutputs, SecretsPlatformManifests, SecretsPlatformManifestsProps } from '../../lib/platform/k8s';
import { findManifest, synthValid } from '../helpers/eso-schema';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const TENANT = '00000000-0000-0000-0000-000000000001';

function awsDeclaration() {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', properties: ['password'], tags: { 'managed-by': 'external-secrets' } });
  return { declaration, prod, db };
}

function render(declaration: SecretsDeclaration, cluster: ClusterDeclaration, extra: Partial<SecretsPlatformManifestsProps> = {}) {
  const chart = new Chart(Testing.app(), 'test');
  const platform = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster, ...extra });
  return { chart, platform };
}

describe('SecretsPlatformManifests', () => {
  test('a controller-identity store is a ClusterSecretStore with no auth block, admitting only its consumers\' namespaces', () => {
    // GIVEN
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'secrets-manager', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('a', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'password', secret: db, property: 'password' }] });
    declaration.addExternalSecret('b', { name: 'db', namespace: 'billing', store, data: [{ secretKey: 'password', secret: db, property: 'password' }] });
    // WHEN
    const manifests = synthValid(render(declaration, prod).chart);
    // THEN
    expect(findManifest(manifests, 'ClusterSecretStore', 'secrets-manager').spec).toEqual({
      conditions: [{ namespaces: ['billing', 'shop'] }],
      provider: { aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None' } },
    });
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
  });

  test('a store nobody uses admits no namespace', () => {
    const { declaration, prod } = awsDeclaration();
    declaration.addAwsStore('sm', { name: 'unused', service: SecretBackend.AWS_SECRETS_MANAGER });
    const manifests = synthValid(render(declaration, prod).chart);
    expect(findManifest(manifests, 'ClusterSecretStore', 'unused').spec?.conditions).toEqual([
      { namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'DoesNotExist' }] } },
    ]);
  });

  test('a per-store service account carries the literal role ARN and the store pins its namespace', () => {
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('primary', { name: 'primary', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    declaration.addExternalSecret('a', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'password', secret: db }] });
    const manifests = synthValid(render(declaration, prod).chart);
    expect(findManifest(manifests, 'ServiceAccount', 'eso-primary')).toEqual(expect.objectContaining({
      metadata: { name: 'eso-primary', namespace: 'external-secrets', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/shop-primary-eso' } },
      automountServiceAccountToken: false,
    }));
    expect((findManifest(manifests, 'ClusterSecretStore', 'primary').spec as { provider: unknown }).provider).toEqual({
      aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None', auth: { jwt: { serviceAccountRef: { name: 'eso-primary', namespace: 'external-secrets' } } } },
    });
  });

  test('a namespaced store is one SecretStore and one service account per tenant namespace', () => {
    const { declaration, prod } = awsDeclaration();
    const store = declaration.addAwsStore('tenant', { name: 'tenant', service: SecretBackend.AWS_PARAMETER_STORE, scope: StoreScope.NAMESPACED });
    const a = declaration.addParameter('a', { name: '/team-a/db' });
    const b = declaration.addParameter('b', { name: '/team-b/db' });
    declaration.addExternalSecret('a', { name: 'db', namespace: 'team-a', store, data: [{ secretKey: 'v', secret: a }] });
    declaration.addExternalSecret('b', { name: 'db', namespace: 'team-b', store, data: [{ secretKey: 'v', secret: b }] });
    const manifests = synthValid(render(declaration, prod).chart);
    const stores = manifests.filter((m) => m.kind === 'SecretStore');
    expect(stores.map((s) => [s.metadata?.namespace, (s.spec as { provider: { aws: { auth: unknown; service: string } } }).provider.aws])).toEqual([
      ['team-a', { region: 'eu-west-1', service: 'ParameterStore', sessionTagsPolicy: 'None', auth: { jwt: { serviceAccountRef: { name: 'eso-tenant', namespace: 'team-a' } } } }],
      ['team-b', { region: 'eu-west-1', service: 'ParameterStore', sessionTagsPolicy: 'None', auth: { jwt: { serviceAccountRef: { name: 'eso-tenant', namespace: 'team-b' } } } }],
    ]);
    expect(manifests.filter((m) => m.kind === 'ServiceAccount').map((m) => [m.metadata?.namespace, m.metadata?.annotations])).toEqual([
      ['team-a', { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/shop-tenant-team-a-eso' }],
      ['team-b', { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/shop-tenant-team-b-eso' }],
    ]);
    expect(findManifest(manifests, 'ExternalSecret', 'db').spec?.secretStoreRef).toEqual({ kind: 'SecretStore', name: 'tenant' });
  });

  test('Pod Identity stores carry no auth block and no service account is annotated', () => {
    const declaration = new SecretsDeclaration({ name: 'pi', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const cluster = declaration.addEksCluster('prod', { clusterName: 'p', identityMode: AwsIdentityMode.POD_IDENTITY });
    const secret = declaration.addSecretsManagerSecret('s', { name: 's' });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
    const manifests = synthValid(render(declaration, cluster).chart);
    expect((findManifest(manifests, 'ClusterSecretStore', 'sm').spec as { provider: unknown }).provider).toEqual({ aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None' } });
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
  });

  test('ExternalSecrets render data, extract, anchored finds, the target name and the template', () => {
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const config = declaration.addSecretsManagerSecret('config', { name: 'shop/config' });
    declaration.addSecretsManagerSecret('feature-a', { name: 'shop/feature-a' });
    declaration.addExternalSecret('app', {
      name: 'app', namespace: 'shop', store, targetSecretName: 'app-env',
      data: [{ secretKey: 'password', secret: db, property: 'password', version: 'AWSPREVIOUS' }],
      extract: [{ secret: config }],
      find: [{ nameRegexp: 'shop/feature-.*' }],
      template: { type: 'Opaque', labels: { team: 'shop' } },
    });
    const manifests = synthValid(render(declaration, prod).chart);
    const spec = findManifest(manifests, 'ExternalSecret', 'app').spec as Record<string, unknown>;
    expect(spec.data).toEqual([{ secretKey: 'password', remoteRef: { key: 'shop/db', property: 'password', version: 'AWSPREVIOUS' } }]);
    expect(spec.dataFrom).toEqual([{ extract: { key: 'shop/config' } }, { find: { name: { regexp: '^shop/feature-.*$' } } }]);
    expect(spec.target).toEqual({ name: 'app-env', creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { engineVersion: 'v2', mergePolicy: 'Replace', type: 'Opaque', metadata: { labels: { team: 'shop' } } } });
    expect(spec.refreshInterval).toBe('1h');
  });

  test('the rendered Secret is usable from cdk8s-plus and Reloader wiring is derived', () => {
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const es = declaration.addExternalSecret('app', { name: 'app', namespace: 'shop', store, targetSecretName: 'app-env', data: [{ secretKey: 'password', secret: db, property: 'password' }] });
    const { chart, platform } = render(declaration, prod);
    const deployment = new kplus.Deployment(chart, 'api', { metadata: { namespace: 'shop' } });
    deployment.addContainer({ image: 'api:1', envVariables: { DB_PASSWORD: platform.externalSecret(es).envValue('password') } });
    platform.reloadOnChange(deployment, [es]);
    const manifests = synthValid(chart);
    const rendered = manifests.find((m) => m.kind === 'Deployment')!;
    expect(rendered.metadata?.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'app-env' });
    expect(JSON.stringify(rendered.spec)).toContain('"secretKeyRef":{"key":"password","name":"app-env"}');
  });

  test('PushSecrets push the named Kubernetes Secret to the declared container', () => {
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addPushSecret('push', { name: 'push-db', namespace: 'shop', store, sourceSecretName: 'generated-db', destination: db });
    const manifests = synthValid(render(declaration, prod).chart);
    const push = findManifest(manifests, 'PushSecret', 'push-db');
    expect(push.apiVersion).toBe('external-secrets.io/v1alpha1');
    expect(push.spec).toEqual(expect.objectContaining({
      secretStoreRefs: [{ kind: 'ClusterSecretStore', name: 'sm' }],
      selector: { secret: { name: 'generated-db' } },
      data: [{ match: { remoteRef: { remoteKey: 'shop/db' } }, conversionStrategy: 'None' }],
      deletionPolicy: 'None', refreshInterval: '1h0m0s', updatePolicy: 'Replace',
    }));
  });

  test('objects of other clusters are not rendered, and asking for them fails', () => {
    const { declaration, prod, db } = awsDeclaration();
    const dr = declaration.addEksCluster('dr', { clusterName: 'dr', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DR' });
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const es = declaration.addExternalSecret('app', { name: 'app', namespace: 'shop', store, clusters: [prod], data: [{ secretKey: 'k', secret: db }] });
    const { chart, platform } = render(declaration, dr);
    expect(synthValid(chart).filter((m) => m.kind === 'ExternalSecret')).toEqual([]);
    expect(() => platform.externalSecret(es)).toThrow(
      '[test/platform] externalSecret: received "app". Allowed: an element declared on cluster "dr". Fix: ask the renderer of a cluster the element is on, or add the cluster to its clusters.');
  });

  test('adding to the declaration after a renderer rendered it fails where the element is added', () => {
    // GIVEN a rendered declaration
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('app', { name: 'app', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    render(declaration, prod);
    // WHEN a store is added afterwards THEN (the chart would silently miss it)
    expect(() => declaration.addAwsStore('late', { name: 'late', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT })).toThrow(
      '[shop/stores/late] id: received "late". Allowed: elements added before the first renderer (here test/platform) renders the declaration. ' +
      'Fix: declare every cluster, secret, store and consumer first (in the shared declaration module), then create the renderers.');
  });

  test('fails at synth when the chart lacks a service account the cloud side trusts', () => {
    // GIVEN a per-store identity whose service account the chart loses (rendered from the declaration, then removed)
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('late', { name: 'late', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    declaration.addExternalSecret('app', { name: 'app', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    const { chart } = render(declaration, prod);
    const platform = chart.node.findChild('platform');
    platform.node.tryRemoveChild('ServiceAccount-store-late');
    // WHEN / THEN
    expect(() => synthValid(chart)).toThrow(
      'Validation failed with the following errors:\n  [test/platform] trustedServiceAccounts: received "external-secrets:eso-late". ' +
      'Allowed: only service accounts this chart emits: every one the cloud side trusts on this cluster must be emitted (it emits: none). ' +
      'Fix: emit it in this chart as a WorkloadServiceAccount carrying the identity (stores with EsoAuthModel.EXISTING_SERVICE_ACCOUNT leave that to you), and render the chart from the same, complete declaration as the cloud side.');
  });

  test('fails at synth when another service account in the chart carries an identity that does not trust it', () => {
    // GIVEN a per-store identity, and a workload service account annotated with its role by hand
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('primary', { name: 'primary', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    declaration.addExternalSecret('a', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    const { chart } = render(declaration, prod);
    new WorkloadServiceAccount(chart, 'reader', {
      name: 'reader', namespace: 'shop', identity: WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/shop-primary-eso'),
    });
    // WHEN / THEN
    expect(() => synthValid(chart)).toThrow(
      'Validation failed with the following errors:\n  [test/platform] test/reader.identity: received "shop:reader". ' +
      'Allowed: the service account this identity trusts: "external-secrets:eso-primary" (STS or Entra ID would refuse the token of any other). ' +
      'Fix: annotate only the trusted service account, or declare a store (StoreScope.NAMESPACED) for this namespace so it gets its own identity.');
  });

  test('an outputs file without the client ID: the error names cloudOutputs, the output, the file and the stack', () => {
    const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
    const aks = declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/issuer/' });
    const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    const secret = declaration.addKeyVaultSecret('s', { vault, name: 'db' });
    const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
    const cloudOutputs = PlatformOutputs.fromJson({ cloud: { eso_client_id_other: 'x' } }, 'cloud', 'outputs.json');
    expect(() => render(declaration, aks, { cloudOutputs })).toThrow(
      '[test/platform] cloudOutputs: received "eso_client_id_store_kv". Allowed: an output "eso_client_id_store_kv" of stack "cloud" in outputs.json. '
      + 'Fix: apply the cloud side first, then run: cdktf output cloud --outputs-file outputs.json.');
  });

  test('fails for a per-store Azure identity without its client ID, naming the Terraform output', () => {
    const declaration = new SecretsDeclaration({ name: 'az', azure: { tenantId: TENANT } });
    const aks = declaration.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/issuer/' });
    const vault = declaration.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    const secret = declaration.addKeyVaultSecret('s', { vault, name: 'db' });
    const store = declaration.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    declaration.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
    expect(() => render(declaration, aks)).toThrow(
      '[test/platform] azureClientIds: received "store-kv". Allowed: the client ID of the user-assigned identity the cloud side created for this store ' +
      '(Azure assigns it at apply time, so it cannot be derived). Fix: pass cloudOutputs: PlatformOutputs.fromFile(<file>, <stack>) after running ' +
      'cdktf output <stack> --outputs-file <file> (output "eso_client_id_store_kv"), or azureClientIds: { "store-kv": <client id> }, ' +
      'or use EsoAuthModel.CONTROLLER, where the Helm release carries the client ID.');
    const manifests = synthValid(render(declaration, aks, { azureClientIds: { 'store-kv': '11111111-2222-3333-4444-555555555555' } }).chart);
    expect(findManifest(manifests, 'ServiceAccount', 'eso-kv').metadata?.annotations).toEqual({
      'azure.workload.identity/client-id': '11111111-2222-3333-4444-555555555555', 'azure.workload.identity/tenant-id': TENANT,
    });
    expect((findManifest(manifests, 'ClusterSecretStore', 'kv').spec as { provider: unknown }).provider).toEqual({
      azurekv: {
        authType: 'WorkloadIdentity', tenantId: TENANT, vaultUrl: 'https://shop-kv.vault.azure.net/',
        serviceAccountRef: { name: 'eso-kv', namespace: 'external-secrets' }, environmentType: 'PublicCloud', useAzureSDK: false,
      },
    });
  });

  test('emits application namespaces on request, never the ESO namespace', () => {
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('a', { name: 'a', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    declaration.addExternalSecret('b', { name: 'b', namespace: 'external-secrets', store, data: [{ secretKey: 'k', secret: db }] });
    const manifests = synthValid(render(declaration, prod, { createNamespaces: true }).chart);
    expect(manifests.filter((m) => m.kind === 'Namespace').map((m) => m.metadata?.name)).toEqual(['shop']);
  });
});

describe('a declared ExternalSecret can say what the ExternalSecret construct can', () => {
  test('target policies, immutability, refresh policy, template merge and fetch options are rendered when set', () => {
    // GIVEN an ExternalSecret with every option the declaration offers
    const { declaration, prod, db } = awsDeclaration();
    const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    declaration.addExternalSecret('app', {
      name: 'app', namespace: 'shop', store,
      refreshPolicy: RefreshPolicy.ON_CHANGE, creationPolicy: CreationPolicy.ORPHAN, deletionPolicy: DeletionPolicy.DELETE, immutable: true,
      data: [{ secretKey: 'password', secret: db, property: 'password', decodingStrategy: DecodingStrategy.BASE64, metadataPolicy: MetadataPolicy.NONE }],
      extract: [{ secret: db, conversionStrategy: ConversionStrategy.UNICODE, version: 'AWSCURRENT' }],
      find: [{ nameRegexp: 'shop/.*', nullBytePolicy: NullBytePolicy.FAIL }],
      template: { type: 'Opaque', mergePolicy: TemplateMergePolicy.MERGE, data: { url: 'postgres://app:{{ .password }}@db' } },
    });
    // WHEN rendering
    const manifests = synthValid(render(declaration, prod).chart);
    // THEN
    const spec = findManifest(manifests, 'ExternalSecret', 'app').spec as Record<string, unknown>;
    expect(spec.refreshPolicy).toBe('OnChange');
    expect(spec.target).toEqual(expect.objectContaining({
      name: 'app', creationPolicy: 'Orphan', deletionPolicy: 'Delete', immutable: true,
      template: expect.objectContaining({ type: 'Opaque', mergePolicy: 'Merge' }),
    }));
    expect(spec.data).toEqual([{ secretKey: 'password', remoteRef: expect.objectContaining({ key: 'shop/db', property: 'password', decodingStrategy: 'Base64', metadataPolicy: 'None' }) }]);
    expect(spec.dataFrom).toEqual([
      { extract: expect.objectContaining({ key: 'shop/db', conversionStrategy: 'Unicode', version: 'AWSCURRENT' }) },
      { find: expect.objectContaining({ name: { regexp: '^shop/.*$' }, nullBytePolicy: 'Fail' }) },
    ]);
  });
});
