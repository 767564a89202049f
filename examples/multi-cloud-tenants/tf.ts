/**
 * Cloud side of the multi-cloud, multi-tenant example (cdktf). Three stacks:
 *
 * 1. `multi-cloud-tenants-aks`: the AKS cluster (OIDC issuer + workload identity) with KMS etcd
 *    encryption of Kubernetes Secrets by a rotating Key Vault key (`AksKmsEncryption`).
 * 2. `multi-cloud-tenants-gke`: the GKE cluster (workload identity pool `<project>.svc.id.goog`) with
 *    application-layer Secrets encryption by a rotating Cloud KMS key (`GkeSecretsEncryptionKey`:
 *    only the GKE service agent may use the key).
 * 3. `multi-cloud-tenants-secrets`: everything the declaration derives: the Key Vault and its
 *    secrets, one Entra identity per tenant store (Key Vault Secrets User on the tenant's secrets),
 *    the Secret Manager secrets (no value in state), `secretAccessor` per secret for each tenant's
 *    GKE direct principal and on-prem pool principal, the on-prem cluster's workload identity pool,
 *    and the on-prem Vault side: the KV v2 mount `secret`, the JWT auth mount `jwt-onprem` trusting
 *    the RKE2 issuer, the tenants' KV keys (created empty, values written out of band, never in
 *    state), and per tenant a Vault role bound to exactly its store's service account with a policy
 *    granting `read` on the tenant's own key only.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AksKmsEncryption, AzureKeyVault, AzurePrincipal, KeyVaultNetworkAction } from '../../lib/azure';
import { GcpProject, GkeSecretsEncryptionKey } from '../../lib/gcp';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { AZURE_LOCATION, GCP_PROJECT, GCP_REGION, RESOURCE_GROUP, SUBSCRIPTION_ID, TENANT_ID, VAULT_ADDRESS, aks, declaration, gke } from './declaration';

/** The example's stacks. */
export interface MultiCloudTenantsStacks {
  /** The AKS cluster with KMS etcd encryption. */
  readonly aksStack: TerraformStack;
  /** The GKE cluster with application-layer Secrets encryption. */
  readonly gkeStack: TerraformStack;
  /** The declaration's cloud side (the three backends). */
  readonly secretsStack: TerraformStack;
  /** The rendered declaration. */
  readonly infrastructure: SecretsPlatformInfrastructure;
}

/** Adds the example's stacks to a cdktf app. */
export function addMultiCloudTenantsStacks(app: App): MultiCloudTenantsStacks {
  // 1. AKS with KMS etcd encryption (a user-assigned control-plane identity holds the key grant before the cluster exists).
  const aksStack = new TerraformStack(app, 'multi-cloud-tenants-aks');
  new AzurermProvider(aksStack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const aksIdentity = new UserAssignedIdentity(aksStack, 'aks-identity', { name: `id-${aks.clusterName}`, resourceGroupName: RESOURCE_GROUP, location: AZURE_LOCATION });
  const kmsVault = new AzureKeyVault(aksStack, 'kms-vault', {
    vaultName: 'kv-platform-aks-kms', resourceGroupName: RESOURCE_GROUP, location: AZURE_LOCATION, tenantId: TENANT_ID,
    networkAcls: { defaultAction: KeyVaultNetworkAction.ALLOW }, tags: { ...declaration.tags },
  });
  const kms = new AksKmsEncryption(aksStack, 'kms', { vault: kmsVault, keyName: 'aks-etcd', clusterIdentity: AzurePrincipal.fromUserAssignedIdentity(aksIdentity) });
  const aksCluster = new KubernetesCluster(aksStack, 'cluster', {
    name: aks.clusterName, resourceGroupName: RESOURCE_GROUP, location: AZURE_LOCATION, dnsPrefix: aks.clusterName, kubernetesVersion: '1.33',
    identity: { type: 'UserAssigned', identityIds: [aksIdentity.id] },
    oidcIssuerEnabled: true, workloadIdentityEnabled: true, localAccountDisabled: true, roleBasedAccessControlEnabled: true,
    azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, tenantId: TENANT_ID },
    defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', autoScalingEnabled: true, minCount: 2, maxCount: 5, hostEncryptionEnabled: true },
    networkProfile: { networkPlugin: 'azure', networkPolicy: 'azure' },
    tags: { ...declaration.tags },
  });
  kms.applyTo(aksCluster);
  new TerraformOutput(aksStack, 'oidc_issuer_url', { value: aksCluster.oidcIssuerUrl });

  // 2. GKE with application-layer Secrets encryption.
  const gkeStack = new TerraformStack(app, 'multi-cloud-tenants-gke');
  new GoogleProvider(gkeStack, 'google', { project: GCP_PROJECT.projectId, region: GCP_REGION });
  const project = GcpProject.fromProjectAttributes(gkeStack, 'project', GCP_PROJECT);
  const gkeCluster = new ContainerCluster(gkeStack, 'cluster', {
    name: gke.clusterName, project: project.projectId, location: gke.location,
    removeDefaultNodePool: true, initialNodeCount: 1, deletionProtection: true,
    workloadIdentityConfig: { workloadPool: project.workloadPool },
    releaseChannel: { channel: 'REGULAR' },
  });
  new GkeSecretsEncryptionKey(gkeStack, 'secrets-encryption', { project, location: GCP_REGION, keyRingName: 'gke-platform' }).applyTo(gkeCluster);

  // 3. The declaration's cloud side.
  const secretsStack = new TerraformStack(app, 'multi-cloud-tenants-secrets');
  new AzurermProvider(secretsStack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  new GoogleProvider(secretsStack, 'google', { project: GCP_PROJECT.projectId, region: GCP_REGION });
  // The Vault token comes from VAULT_TOKEN (or a login) on the machine running Terraform: nothing synthesized.
  new VaultProvider(secretsStack, 'vault', { address: VAULT_ADDRESS });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });
  return { aksStack, gkeStack, secretsStack, infrastructure };
}
