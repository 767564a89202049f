/**
 * Routes the source architectures showed unchecked: an identity of another cluster, stores sharing a
 * Vault role with other audiences, a store admitting every namespace, workloads reading Secrets, a
 * Vault server's CA and release, names per cluster, a missing apply-time output.
 * Expected messages: `expected-holes.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import {
  CaProviderType, EsoAuthModel, EsoClusterAddons, PlatformOutputs, SecretBackend, SecretReaderAccess, SecretsDeclaration, SecretsPlatformManifests,
  StoreScope, VaultHelmRelease, VaultTokenReviewer, WorkloadIdentity,
} from '../../lib';
import type { BadInput } from './cases';

function shop() {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = d.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const stage = d.addEksCluster('stage', { clusterName: 'shop-stage', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/STAGE' });
  const secret = d.addSecretsManagerSecret('db', { name: 'shop/db' });
  const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  const es = d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, clusters: [prod], data: [{ secretKey: 'password', secret }] });
  return { d, prod, stage, secret, store, es };
}

function vaultLab() {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('pub', { clusterName: 'pub', oidcIssuerUrl: 'https://oidc.example.com/clusters/pub/' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  d.addVaultAuth('pub', { server, cluster, kubernetesHost: 'https://api.pub.example.com:6443', reviewer: VaultTokenReviewer.VAULT_IN_CLUSTER });
  const secret = d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'], managedElsewhere: true });
  return { d, server, secret };
}

function azureWithoutClientIdOutput() {
  const d = new SecretsDeclaration({ name: 'az', azure: { tenantId: '00000000-0000-0000-0000-000000000001' } });
  const aks = d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/issuer/' });
  const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
  const secret = d.addKeyVaultSecret('s', { vault, name: 'db' });
  const store = d.addAzureKeyVaultStore('kv', { name: 'kv', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  d.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  return { d, aks };
}

export const HOLES_CASES: BadInput[] = [
  ['holes: EsoClusterAddons given the controller role ARN of another cluster', () => {
    const { d, stage } = shop();
    const identity = WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/shop-prod-eso-controller');
    return new EsoClusterAddons(new TerraformStack(Testing.app(), 's'), 'addons', { declaration: d, cluster: stage, identity });
  }],
  ['holes: two stores sharing one Vault role, one asking for no audience', () => {
    const { d, server, secret } = vaultLab();
    const a = d.addVaultStore('a', { name: 'a', server, authModel: EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT });
    const b = d.addVaultStore('b', { name: 'b', server, authModel: EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT, audiences: [] });
    d.addExternalSecret('a', { name: 'a', namespace: 'app', store: a, data: [{ secretKey: 'p', secret, property: 'password' }] });
    d.addExternalSecret('b', { name: 'b', namespace: 'app', store: b, data: [{ secretKey: 'p', secret, property: 'password' }] });
    return d.plan();
  }],
  ['holes: admitAllNamespaces with namespaces', () => shop().d.addAwsStore('all', { name: 'all', service: SecretBackend.AWS_SECRETS_MANAGER, namespaces: ['ops'], admitAllNamespaces: true })],
  ['holes: admitAllNamespaces on a namespaced store', () => shop().d.addAwsStore('all', {
    name: 'all', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, admitAllNamespaces: true,
  })],
  ['holes: admitAllNamespaces not acknowledged', () => {
    const { d, secret } = shop();
    const store = d.addAwsStore('all', { name: 'all', service: SecretBackend.AWS_SECRETS_MANAGER, admitAllNamespaces: true });
    d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store, data: [{ secretKey: 'k', secret }] });
    return d.plan();
  }],
  ['holes: workload reading as the default service account', () => {
    const { d, es } = shop();
    return d.addWorkload('api', { name: 'api', namespace: 'shop', serviceAccountName: 'default', reads: [es] });
  }],
  ['holes: workload reading an ExternalSecret of another namespace', () => {
    const { d, es } = shop();
    return d.addWorkload('api', { name: 'api', namespace: 'ops', reads: [es] });
  }],
  ['holes: SecretReaderAccess without Secret names', () => new SecretReaderAccess(new Chart(K8sTesting.app(), 'c'), 'r', { namespace: 'shop', serviceAccountName: 'api', secretNames: [] })],
  ['holes: Vault server with both caProvider and caBundle', () => new SecretsDeclaration({ name: 'lab' }).addVaultServer('v', {
    address: 'https://vault.example.com', caBundle: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUIKLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
    caProvider: { type: CaProviderType.SECRET, name: 'vault-tls', key: 'ca.crt' },
  })],
  ['holes: VaultHelmRelease serving another address than the declared server', () => new VaultHelmRelease(new TerraformStack(Testing.app(), 's'), 'vault', {
    server: new SecretsDeclaration({ name: 'lab' }).addVaultServer('in-cluster', { address: 'http://vault.vault:8200', allowInsecureHttp: true }),
    values: { tls: { secretName: 'vault-tls' } },
  })],
  ['holes: the same ExternalSecret name twice on one cluster and namespace', () => {
    const { d, prod, secret, store } = shop();
    return d.addExternalSecret('db-2', { name: 'db', namespace: 'shop', store, clusters: [prod], targetSecretName: 'db-2', data: [{ secretKey: 'k', secret }] });
  }],
  ['holes: an outputs file without the client ID the store needs', () => {
    const { d, aks } = azureWithoutClientIdOutput();
    const cloudOutputs = PlatformOutputs.fromJson({ cloud: {} }, 'cloud', 'outputs.json');
    return new SecretsPlatformManifests(new Chart(K8sTesting.app(), 'c'), 'p', { declaration: d, cluster: aks, cloudOutputs });
  }],
];
