/**
 * Cloud side of the Azure-only example (cdktf). Two stacks, applied in order:
 *
 * 1. `azure-only-cluster`: the AKS cluster with OIDC issuer + workload identity, a user-assigned
 *    control-plane identity, and KMS etcd encryption of Kubernetes Secrets with a rotating Key Vault
 *    key (`AksKmsEncryption`). Its `oidc_issuer_url` output goes into the declaration.
 * 2. `azure-only-secrets`: everything the declaration derives (the secrets vault behind its firewall,
 *    the Key Vault secrets, the ESO controller's user-assigned identity with its federated credential
 *    and Key Vault Secrets User on each secret it reads) and the ESO + Reloader releases, the ESO
 *    controller carrying the identity's client-id annotation and workload-identity pod label.
 */
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { AksKmsEncryption, AzureKeyVault, AzurePrincipal, KeyVaultNetworkAction } from '../../lib/azure';
import { HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { LOCATION, NODE_SUBNET_ID, RESOURCE_GROUP, SUBSCRIPTION_ID, TENANT_ID, cluster, declaration } from './declaration';

/** Adds the example's stacks to a cdktf app. */
export function addAzureOnlyStacks(app: App): { clusterStack: TerraformStack; secretsStack: TerraformStack } {
  const clusterStack = new TerraformStack(app, 'azure-only-cluster');
  new AzurermProvider(clusterStack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const group = new ResourceGroup(clusterStack, 'group', { name: RESOURCE_GROUP, location: LOCATION, tags: { ...declaration.tags } });

  // A user-assigned control-plane identity: it must hold the KMS key grant BEFORE the cluster exists.
  const aksIdentity = new UserAssignedIdentity(clusterStack, 'aks-identity', {
    name: `id-${cluster.clusterName}`, resourceGroupName: group.name, location: LOCATION,
  });
  // Bring-your-own subnet: the control-plane identity manages the node subnet.
  const subnetAccess = new RoleAssignment(clusterStack, 'aks-subnet-access', {
    scope: NODE_SUBNET_ID, roleDefinitionName: 'Network Contributor',
    principalId: aksIdentity.principalId, principalType: 'ServicePrincipal',
  });
  // The KMS key lives in its own vault: public KMS access cannot pass a default-deny firewall (AKS
  // limitation), so this vault holds nothing but the key, and RBAC limits it to the cluster identity.
  const kmsVault = new AzureKeyVault(clusterStack, 'kms-vault', {
    vaultName: 'kv-payments-prod-kms', resourceGroupName: group.name, location: LOCATION, tenantId: TENANT_ID,
    networkAcls: { defaultAction: KeyVaultNetworkAction.ALLOW },
    tags: { ...declaration.tags },
  });
  const kms = new AksKmsEncryption(clusterStack, 'kms', {
    vault: kmsVault, keyName: 'aks-etcd', clusterIdentity: AzurePrincipal.fromUserAssignedIdentity(aksIdentity),
  });
  const aks = new KubernetesCluster(clusterStack, 'cluster', {
    name: cluster.clusterName,
    resourceGroupName: group.name,
    location: LOCATION,
    dnsPrefix: cluster.clusterName,
    kubernetesVersion: '1.33',
    identity: { type: 'UserAssigned', identityIds: [aksIdentity.id] },
    oidcIssuerEnabled: true,
    workloadIdentityEnabled: true,
    localAccountDisabled: true,
    roleBasedAccessControlEnabled: true,
    azureActiveDirectoryRoleBasedAccessControl: { azureRbacEnabled: true, tenantId: TENANT_ID },
    defaultNodePool: {
      name: 'system', vmSize: 'Standard_D4s_v5', autoScalingEnabled: true, minCount: 2, maxCount: 5,
      vnetSubnetId: NODE_SUBNET_ID, hostEncryptionEnabled: true,
    },
    networkProfile: { networkPlugin: 'azure', networkPolicy: 'azure' },
    dependsOn: [subnetAccess],
    tags: { ...declaration.tags },
  });
  kms.applyTo(aks);
  new TerraformOutput(clusterStack, 'oidc_issuer_url', { value: aks.oidcIssuerUrl });

  const secretsStack = new TerraformStack(app, 'azure-only-secrets');
  secretsStack.addDependency(clusterStack);
  new AzurermProvider(secretsStack, 'azurerm', { features: [{}], subscriptionId: SUBSCRIPTION_ID });
  const infrastructure = new SecretsPlatformInfrastructure(secretsStack, 'platform', { declaration });
  const helm = HelmConnection.fromAks(secretsStack, 'helm', { clusterName: cluster.clusterName, resourceGroupName: RESOURCE_GROUP });
  new EsoClusterAddons(secretsStack, 'addons', {
    declaration, cluster, provider: helm, identity: infrastructure.controllerIdentity(cluster),
  });
  return { clusterStack, secretsStack };
}
