/**
 * Two-phase move from cloud secret managers to Vault, without touching workloads.
 *
 * Phase 1 (bootstrap): the management cluster (AKS) starts with the cloud stores: `azure-keyvault`
 * (Key Vault, the ESO controller's workload identity) and `aws-secretsmanager` (Secrets Manager,
 * federated from the AKS issuer). The `azure-credentials` ExternalSecret in `crossplane-system`
 * writes the Crossplane provider-azure credentials file from the Key Vault secret (and
 * `aws-credentials` the provider-aws access key from Secrets Manager).
 *
 * Phase 2 (production): Vault runs in the cluster (`http://vault.vault:8200`, a lab: the explicit
 * `allowInsecureHttp` opt-in) and becomes the central store `vault`. Its Kubernetes auth mount and
 * role are pinned (`kubernetes`, `external-secrets`), as an existing Vault would dictate. The SAME
 * ExternalSecret (name, namespace, target, template) now points at `vault`; only `secretStoreRef`
 * and each `remoteRef` change, so the Secret the workloads mount keeps its name and keys.
 *
 * Seeding Vault from the bootstrap values (once, before switching): copy the Key Vault secret's
 * properties into `secret/crossplane/azure-credentials`, e.g.
 * `kubectl -n crossplane-system get secret azure-credentials -o json | jq ...` then
 * `vault kv put secret/crossplane/azure-credentials clientId=… clientSecret=… subscriptionId=… tenantId=…`,
 * or a one-off PushSecret from the phase-1 Secret through a Vault store granted `create/update` on
 * that key only. The production declaration checks that the Vault secret declares every property
 * the ExternalSecret reads.
 *
 * Both declarations are engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) import them.
 */
import {
  Duration, EsoAuthModel, SecretBackend, SecretDeclaration, SecretsDeclaration, StoreDeclaration, VaultTokenReviewer,
} from '../../lib/core';

/** Entra tenant of the vault, the cluster and the identities. */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Subscription of the management cluster. */
export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
/** Resource group of the management cluster and the vault. */
export const RESOURCE_GROUP = 'rg-platform-mgmt';
/** Azure region. */
export const LOCATION = 'westeurope';
/** Namespace of the infrastructure controller. */
export const CONTROLLER_NAMESPACE = 'crossplane-system';
/** The AKS issuer. */
export const ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/`;
/** The Crossplane provider-azure credentials properties. */
export const AZURE_PROPERTIES = ['clientId', 'clientSecret', 'subscriptionId', 'tenantId'];

/** Crossplane provider-azure: the JSON service-principal credentials document. */
export const AZURE_CREDENTIALS_TEMPLATE = [
  '{',
  '  "clientId": {{ .clientId | toJson }},',
  '  "clientSecret": {{ .clientSecret | toJson }},',
  '  "subscriptionId": {{ .subscriptionId | toJson }},',
  '  "tenantId": {{ .tenantId | toJson }}',
  '}',
  '',
].join('\n');

/** Adds the `azure-credentials` ExternalSecret, identical in both phases except its store and secret. */
function addAzureCredentials(declaration: SecretsDeclaration, store: StoreDeclaration, secret: SecretDeclaration) {
  return declaration.addExternalSecret('azure-credentials', {
    name: 'azure-credentials',
    namespace: CONTROLLER_NAMESPACE,
    store,
    refreshInterval: Duration.minutes(30),
    data: AZURE_PROPERTIES.map((property) => ({ secretKey: property, secret, property })),
    template: { data: { credentials: AZURE_CREDENTIALS_TEMPLATE } },
    workloads: ['provider-azure'],
  });
}

// ---- phase 1: cloud stores --------------------------------------------------------------------

export const bootstrap = new SecretsDeclaration({
  name: 'tp-bootstrap',
  aws: { accountId: '444455556666', region: 'eu-central-1' },
  azure: { tenantId: TENANT_ID },
});
export const bootstrapCluster = bootstrap.addAksCluster('mgmt', { clusterName: 'aks-platform-mgmt', oidcIssuerUrl: ISSUER });
export const keyVault = bootstrap.addKeyVault('bootstrap', { name: 'kv-tp-bootstrap', resourceGroupName: RESOURCE_GROUP, location: LOCATION });
export const keyVaultCredentials = bootstrap.addKeyVaultSecret('azure-credentials', {
  vault: keyVault, name: 'crossplane-azure-credentials', contentType: 'application/json', properties: AZURE_PROPERTIES,
});
export const awsCredentials = bootstrap.addSecretsManagerSecret('aws-credentials', {
  name: 'platform/crossplane/aws-credentials', properties: ['access_key_id', 'secret_access_key'],
});
export const azureStore = bootstrap.addAzureKeyVaultStore('azure-keyvault', { name: 'azure-keyvault', vault: keyVault });
export const awsStore = bootstrap.addAwsStore('aws-secretsmanager', {
  name: 'aws-secretsmanager', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [bootstrapCluster],
});
export const bootstrapCredentials = addAzureCredentials(bootstrap, azureStore, keyVaultCredentials);
/** The AWS access key of provider-aws (moves to Vault the same way; not shown in phase 2). */
export const bootstrapAwsCredentials = bootstrap.addExternalSecret('aws-credentials', {
  name: 'aws-credentials',
  namespace: CONTROLLER_NAMESPACE,
  store: awsStore,
  refreshInterval: Duration.minutes(30),
  data: ['access_key_id', 'secret_access_key'].map((property) => ({ secretKey: property, secret: awsCredentials, property })),
  workloads: ['provider-aws'],
});

// ---- phase 2: Vault as the central store -------------------------------------------------------

export const production = new SecretsDeclaration({ name: 'tp-vault' });
export const productionCluster = production.addAksCluster('mgmt', { clusterName: 'aks-platform-mgmt', oidcIssuerUrl: ISSUER, tenantId: TENANT_ID });
/** Vault in the cluster, plain HTTP: a lab. Use TLS (`VaultHelmRelease` with `tls`) and https:// for real. */
export const vaultServer = production.addVaultServer('in-cluster', { address: 'http://vault.vault:8200', allowInsecureHttp: true });
/** The mount path is pinned (`kubernetes`); Vault in the cluster reviews tokens with its own service account. */
export const vaultAuth = production.addVaultAuth('mgmt', {
  server: vaultServer, cluster: productionCluster, mountPath: 'kubernetes', reviewer: VaultTokenReviewer.VAULT_IN_CLUSTER,
});
export const vaultCredentials = production.addVaultSecret('azure-credentials', {
  server: vaultServer, path: 'crossplane/azure-credentials', properties: AZURE_PROPERTIES,
});
/** The role is pinned (`external-secrets`); the store names the controller's service account with its namespace. */
export const vaultStore = production.addVaultStore('vault', {
  name: 'vault', server: vaultServer, role: 'external-secrets',
  authModel: EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT,
  audiences: [], // the existing role has no audience: ESO requests the API server's default audience
});
export const productionCredentials = addAzureCredentials(production, vaultStore, vaultCredentials);
