/**
 * Bootstrap credentials: an infrastructure controller (Crossplane, in `crossplane-system` on an AKS
 * management cluster) needs cloud credentials for Azure and AWS before it can manage anything. They
 * live in Azure Key Vault and AWS Secrets Manager; ESO syncs them into `crossplane-system`.
 *
 * The shape is a real team's design: two ClusterSecretStores, `azure-keyvault` and
 * `aws-secretsmanager`, both on the ESO controller's own service account
 * (`external-secrets:external-secrets`), which carries both clouds at once:
 *
 * - Azure: an Entra user-assigned identity with a federated credential for
 *   `system:serviceaccount:external-secrets:external-secrets` on the AKS issuer; the store names the
 *   service account (`serviceAccountRef`), the ESO release puts the client-id on it.
 * - AWS: an IAM role trusting the AKS issuer (registered as an IAM OIDC provider in the declaration's
 *   account), pinned on the same subject and the `sts.amazonaws.com` audience; the store names the
 *   service account (`auth.jwt.serviceAccountRef`) and the ESO release puts the role ARN on it. ESO
 *   requests that service account's token and calls `AssumeRoleWithWebIdentity` itself: no EKS
 *   webhook is needed (external-secrets/external-secrets#660).
 *
 * Each identity is granted exactly the secrets the ExternalSecrets read. The Azure credentials are
 * one JSON document in Key Vault (the file Crossplane provider-azure reads, key `credentials`); the
 * AWS access key is formatted into provider-aws's INI profile by `target.template`.
 *
 * Caveats of the cross-cloud read (not exercised against live accounts by the tests):
 * - STS must reach the AKS issuer's discovery document and JWKS: AKS serves them publicly.
 * - No thumbprint is set: IAM validates the issuer's TLS chain against its trusted CAs.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import { CreationPolicy, EsoAuthModel, SecretBackend, SecretsDeclaration } from '../../lib/core';

/** Entra tenant of the vault, the cluster and the identities. */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Subscription of the management cluster and the vault. */
export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
/** Resource group of the management cluster, the vault and the ESO identity. */
export const RESOURCE_GROUP = 'rg-platform-mgmt';
/** Azure region. */
export const LOCATION = 'westeurope';
/** The management cluster's node subnet (with the `Microsoft.KeyVault` service endpoint). */
export const NODE_SUBNET_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-platform-network`
  + '/providers/Microsoft.Network/virtualNetworks/vnet-platform-mgmt/subnets/aks-nodes';
/** Namespace of the infrastructure controller. */
export const CONTROLLER_NAMESPACE = 'crossplane-system';

/** Crossplane provider-aws: an INI credentials file, profile `default`. */
export const AWS_CREDENTIALS_TEMPLATE = [
  '[default]',
  'aws_access_key_id = {{ .access_key_id }}',
  'aws_secret_access_key = {{ .secret_access_key }}',
  '',
].join('\n');


export const declaration = new SecretsDeclaration({
  name: 'bootstrap',
  aws: { accountId: '444455556666', region: 'us-east-1' },
  azure: { tenantId: TENANT_ID },
});

/** The management cluster; its issuer is the cluster's `oidc_issuer_url`. */
export const cluster = declaration.addAksCluster('mgmt', {
  clusterName: 'aks-platform-mgmt',
  oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/`,
});

// Azure side: a firewalled RBAC vault holding the service-principal credentials document, set out of band.
export const vault = declaration.addKeyVault('lab', {
  name: 'illm-k8s-lab-kv',
  vaultUrl: 'https://illm-k8s-lab-kv.vault.azure.net',
  resourceGroupName: RESOURCE_GROUP,
  location: LOCATION,
  allowedSubnetIds: [NODE_SUBNET_ID],
});
export const azureCredentials = declaration.addKeyVaultSecret('azure-credentials', {
  vault,
  name: 'crossplane-azure-credentials',
  contentType: 'application/json',
});

// AWS side: a CMK-encrypted secret holding an access key of the Crossplane IAM user, set out of band.
const bootstrapKey = declaration.addKmsKey('bootstrap', { alias: 'platform/bootstrap' });
export const awsCredentials = declaration.addSecretsManagerSecret('aws-credentials', {
  name: 'platform/crossplane/aws-credentials',
  description: 'Access key Crossplane provider-aws starts with',
  kmsKey: bootstrapKey,
  properties: ['access_key_id', 'secret_access_key'],
});

/** Key Vault, through the ESO controller's service account (named by the store). */
export const azureStore = declaration.addAzureKeyVaultStore('azure-keyvault', {
  name: 'azure-keyvault',
  vault,
  authModel: EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT,
});

/** Secrets Manager read from AKS, through the same service account (web identity with the AKS issuer). */
export const awsStore = declaration.addAwsStore('aws-secretsmanager', {
  name: 'aws-secretsmanager',
  service: SecretBackend.AWS_SECRETS_MANAGER,
  authModel: EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT,
  clusters: [cluster],
});

/** The provider-azure credentials file, as stored. */
export const azureProviderCredentials = declaration.addExternalSecret('azure-credentials', {
  name: 'azure-credentials',
  namespace: CONTROLLER_NAMESPACE,
  store: azureStore,
  creationPolicy: CreationPolicy.OWNER,
  data: [{ secretKey: 'credentials', secret: azureCredentials }],
  workloads: ['provider-azure'],
});

/** The provider-aws credentials file, formatted from the two keys. */
export const awsProviderCredentials = declaration.addExternalSecret('aws-credentials', {
  name: 'aws-credentials',
  namespace: CONTROLLER_NAMESPACE,
  store: awsStore,
  creationPolicy: CreationPolicy.OWNER,
  data: [
    { secretKey: 'access_key_id', secret: awsCredentials, property: 'access_key_id' },
    { secretKey: 'secret_access_key', secret: awsCredentials, property: 'secret_access_key' },
  ],
  template: { data: { credentials: AWS_CREDENTIALS_TEMPLATE } },
  workloads: ['provider-aws'],
});
