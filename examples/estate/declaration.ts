/**
 * An estate: the shape of a real platform, generated so the same code declares the example (4 clusters,
 * 6 tenants) and the scale measurements (50 clusters, 1,000 tenants, 10,000 secrets).
 *
 * - EKS clusters (AWS Secrets Manager) and AKS clusters (Azure Key Vault), each tenant on one cluster.
 * - Platform secrets every cluster's ESO controller reads through one ClusterSecretStore (the
 *   controller's identity per cluster): registry credentials, TLS wildcard, observability tokens.
 * - Per tenant, its own namespace, its own secrets and its own namespaced store and service account:
 *   on EKS an IRSA role granted exactly the tenant's secrets; on AKS an Entra identity reading the
 *   tenant's own Key Vault, declared `exclusive` (only this declaration writes secrets there), so its
 *   reads are one role assignment at vault scope instead of one per secret.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app import it.
 */
import { EsoAuthModel, SecretBackend, SecretsDeclaration, StoreScope } from '../../lib/core';

/** Entra tenant of the vaults and identities. */
export const ENTRA_TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Azure subscription of the vaults and identities. */
export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
/** AWS account and region of the secrets and roles. */
export const AWS = { accountId: '123456789012', region: 'eu-west-1' };
/** Azure resource group and region of the vaults and identities. */
export const AZURE = { resourceGroupName: 'rg-estate-secrets', location: 'westeurope' };

/** The size of an estate. */
export interface EstateSize {
  /** Name of the declaration (prefix of derived names and stacks). */
  readonly name: string;
  /** EKS clusters (`eks-01`, …). */
  readonly eksClusters: number;
  /** AKS clusters (`aks-01`, …). */
  readonly aksClusters: number;
  /** Tenants (`team-0001`, …), spread over the clusters; every fourth on AKS when there are AKS clusters. */
  readonly tenants: number;
  /** Secrets per tenant. */
  readonly secretsPerTenant: number;
  /** Platform secrets every EKS cluster's controller reads. */
  readonly platformSecrets: number;
}

/** The example's size. */
export const EXAMPLE_SIZE: EstateSize = { name: 'estate', eksClusters: 3, aksClusters: 1, tenants: 6, secretsPerTenant: 2, platformSecrets: 3 };

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Declares an estate of the given size (deterministic: the same size, the same declaration). */
export function declareEstate(size: EstateSize): SecretsDeclaration {
  const declaration = new SecretsDeclaration({ name: size.name, aws: AWS, azure: { tenantId: ENTRA_TENANT_ID } });
  const eks = Array.from({ length: size.eksClusters }, (_, i) => declaration.addEksCluster(`eks-${pad(i + 1, 2)}`, {
    clusterName: `${size.name}-eks-${pad(i + 1, 2)}`,
    oidcIssuerUrl: `https://oidc.eks.${AWS.region}.amazonaws.com/id/${pad(i + 1, 32)}`,
  }));
  const aks = Array.from({ length: size.aksClusters }, (_, i) => declaration.addAksCluster(`aks-${pad(i + 1, 2)}`, {
    clusterName: `${size.name}-aks-${pad(i + 1, 2)}`,
    oidcIssuerUrl: `https://${AZURE.location}.oic.prod-aks.azure.com/${ENTRA_TENANT_ID}/${pad(i + 1, 8)}-0000-0000-0000-000000000000/`,
  }));

  // Platform secrets, read by the ESO controller of every EKS cluster through one ClusterSecretStore.
  const key = declaration.addKmsKey('platform', { alias: `${size.name}/platform-secrets` });
  const platform = Array.from({ length: size.platformSecrets }, (_, i) => declaration.addSecretsManagerSecret(`platform-${pad(i + 1, 3)}`, {
    name: `${size.name}/platform/secret-${pad(i + 1, 3)}`, kmsKey: key,
  }));
  if (eks.length > 0 && platform.length > 0) {
    const shared = declaration.addAwsStore('platform', {
      name: 'platform', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.CONTROLLER, clusters: eks,
    });
    declaration.addExternalSecret('platform', {
      name: 'platform-secrets', namespace: 'platform-system', store: shared,
      data: platform.map((secret, i) => ({ secretKey: `secret-${pad(i + 1, 3)}`, secret })),
    });
  }

  // Tenants: each its own namespace, secrets and namespaced store with its own service account.
  for (let t = 1; t <= size.tenants; t++) {
    const team = `team-${pad(t, 4)}`;
    const onAks = aks.length > 0 && t % 4 === 0;
    const cluster = onAks ? aks[(t / 4 - 1) % aks.length] : eks[(t - 1) % eks.length];
    const secrets = [];
    if (onAks) {
      const vault = declaration.addKeyVault(team, {
        name: `kv-${size.name}-${team}`.slice(0, 24), ...AZURE, exclusive: true,
      });
      for (let s = 1; s <= size.secretsPerTenant; s++) {
        secrets.push(declaration.addKeyVaultSecret(`${team}-${pad(s, 3)}`, { vault, name: `${team}-secret-${pad(s, 3)}` }));
      }
      const store = declaration.addAzureKeyVaultStore(team, {
        name: team, vault, scope: StoreScope.NAMESPACED, namespaces: [team], clusters: [cluster], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
      });
      declaration.addExternalSecret(team, {
        name: 'app-secrets', namespace: team, store, data: secrets.map((secret, i) => ({ secretKey: `secret-${pad(i + 1, 3)}`, secret })),
      });
    } else {
      for (let s = 1; s <= size.secretsPerTenant; s++) {
        secrets.push(declaration.addSecretsManagerSecret(`${team}-${pad(s, 3)}`, { name: `${size.name}/${team}/secret-${pad(s, 3)}` }));
      }
      const store = declaration.addAwsStore(team, {
        name: team, service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, namespaces: [team],
        clusters: [cluster], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
      });
      declaration.addExternalSecret(team, {
        name: 'app-secrets', namespace: team, store, data: secrets.map((secret, i) => ({ secretKey: `secret-${pad(i + 1, 3)}`, secret })),
      });
    }
    declaration.addTenant(team, { namespaces: [team], groups: [`${team}-admins`], secrets });
  }
  return declaration;
}

/** The example's declaration: 3 EKS clusters and 1 AKS cluster, 6 tenants, 3 platform secrets. */
export const declaration = declareEstate(EXAMPLE_SIZE);
