/**
 * Cloud side of the multi-cloud, multi-tenant example (cdktf). Three stacks:
 *
 * 1. `multi-cloud-tenants-aks`: the AKS cluster (OIDC issuer + workload identity) with KMS etcd
 *    encryption of Kubernetes Secrets by a rotating Key Vault key (`AksKmsEncryption`).
 * 2. `multi-cloud-tenants-gke`: the GKE cluster (workload identity pool `<project>.svc.id.goog`) with
 *    application-layer Secrets encryption by a rotating Cloud KMS key (`GkeSecretsEncryptionKey`:
 *    only the GKE service agent may use the key), and its node pool: shielded nodes, the GKE metadata
 *    server (pods see their workload identity, never the node's), a dedicated node service account
 *    holding only `roles/container.defaultNodeServiceAccount`, scopes for logs and metrics only.
 * 3. `multi-cloud-tenants-secrets` (after both cluster stacks): everything the declaration derives: the
 *    Key Vault and its secrets, one Entra identity per tenant store (Key Vault Secrets User on the
 *    tenant's secrets), the Secret Manager secrets (no value in state), `secretAccessor` per secret for
 *    each tenant's GKE direct principal and on-prem pool principal, the on-prem cluster's workload
 *    identity pool, and the on-prem Vault side: the KV v2 mount `secret`, the JWT auth mount
 *    `jwt-onprem` trusting the RKE2 issuer, the tenants' KV keys (created empty, values written out of
 *    band, never in state), and per tenant a Vault role bound to exactly its store's service account
 *    with a policy granting `read` on the tenant's own key only. Then the ESO release on each of the
 *    three clusters (every one serves stores): AKS through kubelogin, GKE through
 *    gke-gcloud-auth-plugin, the on-prem cluster through the kubeconfig context `rke2-onprem`.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { ContainerNodePool, ContainerNodePoolNodeConfig } from '@cdktf/provider-google/lib/container-node-pool';
import { ProjectIamMember } from '@cdktf/provider-google/lib/project-iam-member';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AksKmsEncryption, AzureKeyVault, AzurePrincipal, KeyVaultNetworkAction } from '../../lib/azure';
import { GcpProject, GkeSecretsEncryptionKey } from '../../lib/gcp';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { AZURE_LOCATION, GCP_PROJECT, GCP_REGION, RESOURCE_GROUP, SUBSCRIPTION_ID, TENANT_ID, VAULT_ADDRESS, aks, declaration, gke, onprem } from './declaration';

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
  /** The ESO release on each cluster, by cluster id (`aks`, `gke`, `onprem`). */
  readonly addons: Readonly<Record<string, EsoClusterAddons>>;
}

/** Scopes of the GKE nodes: logs and metrics only (IAM of the node service account decides the rest). */
export const GKE_NODE_SCOPES = ['https://www.googleapis.com/auth/logging.write', 'https://www.googleapis.com/auth/monitoring'];

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
  // The nodes run as their own service account with the minimal node role, never the Compute Engine default one.
  const nodeAccount = new ServiceAccount(gkeStack, 'node-account', {
    project: project.projectId, accountId: `${gke.clusterName}-nodes`, displayName: `Nodes of ${gke.clusterName}`,
  });
  const nodeRole = new ProjectIamMember(gkeStack, 'node-account-role', {
    project: project.projectId, role: 'roles/container.defaultNodeServiceAccount', member: nodeAccount.member,
  });
  const nodeConfig: ContainerNodePoolNodeConfig = {
    machineType: 'e2-standard-4',
    serviceAccount: nodeAccount.email,
    oauthScopes: GKE_NODE_SCOPES,
    // The GKE metadata server: pods get their Kubernetes service account's identity, never the node's.
    workloadMetadataConfig: { mode: 'GKE_METADATA' },
    shieldedInstanceConfig: { enableSecureBoot: true, enableIntegrityMonitoring: true },
    metadata: { 'disable-legacy-endpoints': 'true' },
  };
  const gkeCluster = new ContainerCluster(gkeStack, 'cluster', {
    name: gke.clusterName, project: project.projectId, location: gke.location,
    // The default pool is replaced by the pool below; while it exists it runs with the same node settings.
    removeDefaultNodePool: true, initialNodeCount: 1, deletionProtection: true, nodeConfig,
    workloadIdentityConfig: { workloadPool: project.workloadPool },
    enableShieldedNodes: true,
    releaseChannel: { channel: 'REGULAR' },
    dependsOn: [nodeRole],
  });
  new GkeSecretsEncryptionKey(gkeStack, 'secrets-encryption', { project, location: GCP_REGION, keyRingName: 'gke-platform' }).applyTo(gkeCluster);
  // One node per zone of the region, autoscaled; GKE repairs and upgrades the nodes.
  new ContainerNodePool(gkeStack, 'nodes', {
    name: 'system', project: project.projectId, location: gke.location, cluster: gkeCluster.name,
    initialNodeCount: 1, autoscaling: { minNodeCount: 1, maxNodeCount: 3 },
    management: { autoRepair: true, autoUpgrade: true },
    nodeConfig,
  });

  // 3. The declaration's cloud side.
  const secretsStack = new TerraformStack(app, 'multi-cloud-tenants-secrets');
  // The federated credentials trust the AKS issuer and the GKE principals live in the GKE pool: clusters first.
  secretsStack.addDependency(aksStack);
  secretsStack.addDependency(gkeStack);
  new AzurermProvider(secretsStack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  new GoogleProvider(secretsStack, 'google', { project: GCP_PROJECT.projectId, region: GCP_REGION });
  // The Vault token comes from VAULT_TOKEN (or a login) on the machine running Terraform: nothing synthesized.
  new VaultProvider(secretsStack, 'vault', { address: VAULT_ADDRESS });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });

  // ESO on every cluster that serves stores. Every store has its own service account (rendered by the
  // cluster side), so the controllers carry no identity. No workload here asks for Reloader.
  const connections = {
    [aks.id]: HelmConnection.fromAks(secretsStack, 'helm-aks', { clusterName: aks.clusterName, resourceGroupName: RESOURCE_GROUP, alias: aks.id }),
    [gke.id]: HelmConnection.fromGke(secretsStack, 'helm-gke', { clusterName: gke.clusterName, location: gke.location, projectId: GCP_PROJECT.projectId, alias: gke.id }),
    [onprem.id]: HelmConnection.fromKubeconfig(secretsStack, 'helm-onprem', { configPath: '~/.kube/config', context: onprem.clusterName, alias: onprem.id }),
  };
  const addons: Record<string, EsoClusterAddons> = {};
  for (const cluster of [aks, gke, onprem]) {
    addons[cluster.id] = new EsoClusterAddons(secretsStack, `addons-${cluster.id}`, { declaration, cluster, provider: connections[cluster.id], reloader: false });
  }
  return { aksStack, gkeStack, secretsStack, infrastructure, addons };
}
