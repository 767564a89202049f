/**
 * Bootstrap credentials: an infrastructure controller (Crossplane, in `crossplane-system` on an AKS
 * management cluster) needs cloud credentials for AWS and Azure before it can manage anything. They
 * live in AWS Secrets Manager and Azure Key Vault; ESO syncs them into `crossplane-system`, and
 * `target.template` writes the credentials file each provider reads:
 *
 * - provider-aws: an INI profile (`[default]`, `aws_access_key_id`, `aws_secret_access_key`) in key `credentials`;
 * - provider-azure: the JSON service-principal document (`clientId`, `clientSecret`, `subscriptionId`,
 *   `tenantId`) in key `credentials`.
 *
 * Both stores come from this one declaration. The Key Vault store authenticates as the ESO
 * controller (Azure workload identity). The AWS store is cross-cloud: its IAM role trusts the AKS
 * OIDC issuer (registered as an IAM OIDC provider in the declaration's account), pinned on the
 * store's own service account (`external-secrets:eso-aws-bootstrap`) and the `sts.amazonaws.com`
 * audience; ESO requests that service account's token (`auth.jwt.serviceAccountRef`) and calls
 * `AssumeRoleWithWebIdentity`. That needs `EsoAuthModel.STORE_SERVICE_ACCOUNT`: the controller on
 * AKS has no AWS web-identity environment.
 *
 * Caveats of the cross-cloud read (not exercised against live accounts by the tests):
 * - ESO's AWS `jwt` auth does not depend on EKS: it reads `eks.amazonaws.com/role-arn` (and the optional
 *   `eks.amazonaws.com/audience`, default `sts.amazonaws.com`) from the referenced service account,
 *   creates a token for it with the TokenRequest API and calls STS itself. Users report it working
 *   from AKS (external-secrets/external-secrets#660). No EKS pod-identity webhook is needed.
 * - STS must reach the AKS issuer's discovery document and JWKS: AKS serves them publicly.
 * - The IAM OIDC provider URL is the issuer byte for byte (AKS issuers end with `/`); the trust
 *   condition keys drop the scheme and trailing slash. If STS answers `InvalidIdentityToken: No
 *   OpenIDConnect provider found`, compare the provider URL with the token's `iss` claim.
 * - No thumbprint is set: IAM validates the issuer's TLS chain against its trusted CAs.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import { Duration, EsoAuthModel, SecretBackend, SecretsDeclaration } from '../../lib/core';

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

/**
 * Crossplane provider-azure: the JSON service-principal credentials document. `toJson` (sprig, ESO
 * template engine v2) quotes and escapes each value, so a secret with a quote or a backslash stays valid JSON.
 */
export const AZURE_CREDENTIALS_TEMPLATE = [
  '{',
  '  "clientId": {{ .clientId | toJson }},',
  '  "clientSecret": {{ .clientSecret | toJson }},',
  '  "subscriptionId": {{ .subscriptionId | toJson }},',
  '  "tenantId": {{ .tenantId | toJson }}',
  '}',
  '',
].join('\n');

export const declaration = new SecretsDeclaration({
  name: 'bootstrap',
  aws: { accountId: '444455556666', region: 'eu-central-1' },
  azure: { tenantId: TENANT_ID },
});

/** The management cluster; its issuer is the cluster's `oidc_issuer_url`. */
export const cluster = declaration.addAksCluster('mgmt', {
  clusterName: 'aks-platform-mgmt',
  oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9/`,
});

// AWS side: a CMK-encrypted secret holding an access key of the Crossplane IAM user, set out of band.
const bootstrapKey = declaration.addKmsKey('bootstrap', { alias: 'platform/bootstrap' });
export const awsCredentials = declaration.addSecretsManagerSecret('aws-credentials', {
  name: 'platform/crossplane/aws-credentials',
  description: 'Access key Crossplane provider-aws starts with',
  kmsKey: bootstrapKey,
  properties: ['access_key_id', 'secret_access_key'],
});

// Azure side: a firewalled RBAC vault holding the service-principal credentials, set out of band.
export const vault = declaration.addKeyVault('bootstrap', {
  name: 'kv-platform-bootstrap',
  resourceGroupName: RESOURCE_GROUP,
  location: LOCATION,
  allowedSubnetIds: [NODE_SUBNET_ID],
});
export const azureCredentials = declaration.addKeyVaultSecret('azure-credentials', {
  vault,
  name: 'crossplane-azure-credentials',
  contentType: 'application/json',
  properties: ['clientId', 'clientSecret', 'subscriptionId', 'tenantId'],
});

/** Key Vault: the ESO controller's own workload identity. */
export const azureStore = declaration.addAzureKeyVaultStore('azure-bootstrap', {
  name: 'azure-bootstrap',
  vault,
});

/** Secrets Manager, read from AKS: the store's own service account, federated with IAM. */
export const awsStore = declaration.addAwsStore('aws-bootstrap', {
  name: 'aws-bootstrap',
  service: SecretBackend.AWS_SECRETS_MANAGER,
  authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
  clusters: [cluster],
});

export const awsProviderCredentials = declaration.addExternalSecret('aws-provider-credentials', {
  name: 'aws-provider-credentials',
  namespace: CONTROLLER_NAMESPACE,
  store: awsStore,
  refreshInterval: Duration.minutes(30),
  data: [
    { secretKey: 'access_key_id', secret: awsCredentials, property: 'access_key_id' },
    { secretKey: 'secret_access_key', secret: awsCredentials, property: 'secret_access_key' },
  ],
  template: { data: { credentials: AWS_CREDENTIALS_TEMPLATE } },
  workloads: ['provider-aws'],
});

export const azureProviderCredentials = declaration.addExternalSecret('azure-provider-credentials', {
  name: 'azure-provider-credentials',
  namespace: CONTROLLER_NAMESPACE,
  store: azureStore,
  refreshInterval: Duration.minutes(30),
  data: ['clientId', 'clientSecret', 'subscriptionId', 'tenantId'].map((property) => ({
    secretKey: property, secret: azureCredentials, property,
  })),
  template: { data: { credentials: AZURE_CREDENTIALS_TEMPLATE } },
  workloads: ['provider-azure'],
});
