/**
 * Azure-only: an AKS cluster with workload identity and KMS etcd encryption, a Key Vault (RBAC,
 * purge protection, firewall default Deny with only the AKS node subnet and the Terraform runner
 * allowed), ESO authenticating as its own controller identity (federated credential on the AKS
 * issuer), and secrets synced into two application namespaces through one ClusterSecretStore whose
 * `conditions` admit exactly those two namespaces.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import { Duration, InitialValue, SecretsDeclaration } from '../../lib/core';

/** Entra tenant of the vault, the cluster and the identities. */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Subscription the resources live in. */
export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
/** Resource group of the cluster, the vaults and the identities. */
export const RESOURCE_GROUP = 'rg-payments-prod';
/** Azure region. */
export const LOCATION = 'westeurope';
/**
 * The AKS node subnet (created with the `Microsoft.KeyVault` service endpoint, outside this example):
 * the only network the vault firewall admits for ESO.
 */
export const NODE_SUBNET_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-payments-network`
  + '/providers/Microsoft.Network/virtualNetworks/vnet-payments-prod/subnets/aks-nodes';
/** Public address Terraform runs from: it writes the initial secret values through the vault's data plane. */
export const TERRAFORM_RUNNER_IP = '203.0.113.10/32';

export const declaration = new SecretsDeclaration({
  name: 'payments',
  azure: { tenantId: TENANT_ID },
});

/** The cluster; its issuer is the `oidc_issuer_url` output of the `azure-only-cluster` stack. */
export const cluster = declaration.addAksCluster('prod', {
  clusterName: 'aks-payments-prod',
  oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/5a6b7c8d-1e2f-4a3b-9c8d-7e6f5a4b3c2d/`,
});

export const vault = declaration.addKeyVault('payments', {
  name: 'kv-payments-prod',
  resourceGroupName: RESOURCE_GROUP,
  location: LOCATION,
  allowedSubnetIds: [NODE_SUBNET_ID],
  allowedIpRules: [TERRAFORM_RUNNER_IP],
});

export const database = declaration.addKeyVaultSecret('database', {
  vault,
  name: 'payments-database',
  contentType: 'application/json',
  properties: ['username', 'password', 'host'],
  initialValue: InitialValue.sensitiveVariable('payments_database_credentials'),
});

export const ledgerApiKey = declaration.addKeyVaultSecret('ledger-api-key', {
  vault,
  name: 'ledger-api-key',
});

/** One ClusterSecretStore; ESO authenticates as its controller identity (workload identity). */
export const store = declaration.addAzureKeyVaultStore('key-vault', {
  name: 'azure-key-vault',
  vault,
});

export const paymentsDatabase = declaration.addExternalSecret('payments-database', {
  name: 'database-credentials',
  namespace: 'payments',
  store,
  refreshInterval: Duration.hours(1),
  data: [
    { secretKey: 'DB_USER', secret: database, property: 'username' },
    { secretKey: 'DB_PASSWORD', secret: database, property: 'password' },
    { secretKey: 'DB_HOST', secret: database, property: 'host' },
  ],
  workloads: ['payments-api'],
});

export const ledgerCredentials = declaration.addExternalSecret('ledger-api-key', {
  name: 'ledger-api-key',
  namespace: 'ledger',
  store,
  refreshInterval: Duration.minutes(15),
  data: [{ secretKey: 'api-key', secret: ledgerApiKey }],
  workloads: ['ledger-worker'],
});

/** The security team's Log Analytics workspace: Key Vault's AuditEvent logs (every SecretGet) go there. */
export const AUDIT_WORKSPACE_ID = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-security/providers/Microsoft.OperationalInsights/workspaces/law-security`;

export const auditTrail = declaration.auditTrail({ azure: { logAnalyticsWorkspaceId: AUDIT_WORKSPACE_ID } });
