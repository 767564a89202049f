/**
 * Multi-cloud, multi-tenant platform: an AKS cluster, a GKE cluster and an on-prem RKE2 cluster;
 * Azure Key Vault, Google Secret Manager and, for the on-prem cluster, HashiCorp Vault as backends;
 * two tenants, `jenkins` and `netbox`, each limited to its own secrets on every cluster it runs on.
 *
 * - Each tenant owns its namespace and its secrets (`addTenant`): an ExternalSecret in `jenkins`
 *   reading a `netbox` secret fails at synth, naming both tenants; an identity granted secrets of
 *   both tenants fails too, so each tenant has its own stores and service accounts.
 * - Azure Key Vault: one store per tenant on AKS, each with its own Entra identity (federated
 *   credential on the AKS issuer) granted Key Vault Secrets User on the tenant's secrets only.
 * - Google Secret Manager: one store per tenant on GKE and on-prem. On GKE the store's Kubernetes
 *   service account is itself the IAM principal (direct workload identity, no Google service
 *   account); on-prem a workload identity pool trusts the RKE2 issuer and admits exactly the
 *   tenants' service accounts. `roles/secretmanager.secretAccessor` is granted per secret.
 * - HashiCorp Vault (on-prem only): one store per tenant on the RKE2 cluster, each with its own
 *   service account logging in through Vault JWT auth (`auth/jwt-onprem`: Vault verifies the tokens
 *   against the cluster's public issuer, no TokenReview, so no `system:auth-delegator` binding), a
 *   Vault role bound to exactly that service account and a policy granting `read` on the tenant's
 *   own KV paths only.
 * - Kubernetes RBAC: in each tenant namespace, the team's group manages ExternalSecrets; nothing cluster-wide.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import { EsoAuthModel, SecretsDeclaration, VaultAuthKind } from '../../lib/core';

/** Entra tenant of the vault, the AKS cluster and the identities. */
export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
/** Azure subscription. */
export const SUBSCRIPTION_ID = '00000000-0000-0000-0000-000000000000';
/** Resource group of the AKS cluster, the vaults and the identities. */
export const RESOURCE_GROUP = 'rg-platform';
/** Azure region. */
export const AZURE_LOCATION = 'westeurope';
/** The Google Cloud project of the GKE cluster, the secrets and the on-prem cluster's pool. */
export const GCP_PROJECT = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };
/** Region of the GKE cluster, its Secrets encryption key and the secrets' replicas. */
export const GCP_REGION = 'europe-west1';
/** Address of the on-prem Vault (outside the clusters, TLS). */
export const VAULT_ADDRESS = 'https://vault.onprem.example.com:8200';

export const declaration = new SecretsDeclaration({
  name: 'platform',
  azure: { tenantId: TENANT_ID },
  gcp: GCP_PROJECT,
});

export const aks = declaration.addAksCluster('aks', {
  clusterName: 'aks-platform',
  oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT_ID}/0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1/`,
});

export const gke = declaration.addGkeCluster('gke', {
  clusterName: 'gke-platform',
  projectId: GCP_PROJECT.projectId,
  location: GCP_REGION,
});

/** The on-prem cluster: its service account issuer is served publicly (discovery document and JWKS). */
export const onprem = declaration.addCluster('onprem', {
  clusterName: 'rke2-onprem',
  distribution: 'rke2',
  oidcIssuerUrl: 'https://oidc.rke2.onprem.example.com',
});

export const vault = declaration.addKeyVault('platform', {
  name: 'kv-platform-tenants',
  resourceGroupName: RESOURCE_GROUP,
  location: AZURE_LOCATION,
  allowedIpRules: ['203.0.113.10/32'],
});

/** The on-prem Vault, with the KV v2 mount `secret` (created by the cloud side). */
export const onpremVault = declaration.addVaultServer('onprem', { address: VAULT_ADDRESS, kvMounts: [{ path: 'secret' }] });

/** JWT auth for the on-prem cluster (`auth/jwt-onprem`): its issuer is public, so Vault needs no TokenReview access. */
export const onpremVaultAuth = declaration.addVaultAuth('onprem', { server: onpremVault, cluster: onprem, kind: VaultAuthKind.JWT });

// ---- secrets, per tenant ------------------------------------------------------------------------

export const jenkinsAdmin = declaration.addKeyVaultSecret('jenkins-admin', { vault, name: 'jenkins-admin', properties: ['username', 'password'] });
export const jenkinsGithubToken = declaration.addGoogleSecret('jenkins-github-token', {
  name: 'jenkins-github-token', replicaLocations: [GCP_REGION, 'europe-west4'], labels: { tenant: 'jenkins' },
});
export const netboxDatabase = declaration.addKeyVaultSecret('netbox-database', { vault, name: 'netbox-database', properties: ['host', 'password'] });
export const netboxSecretKey = declaration.addGoogleSecret('netbox-secret-key', {
  name: 'netbox-secret-key', replicaLocations: [GCP_REGION, 'europe-west4'], labels: { tenant: 'netbox' },
});

/** The on-prem Jenkins agents' inbound (JNLP) secret, in Vault. */
export const jenkinsAgent = declaration.addVaultSecret('jenkins-agent', { server: onpremVault, path: 'jenkins/agent', properties: ['secret'] });
/** Netbox's LDAP bind account on-prem, in Vault. */
export const netboxLdap = declaration.addVaultSecret('netbox-ldap', { server: onpremVault, path: 'netbox/ldap', properties: ['bind_dn', 'bind_password'] });

export const jenkins = declaration.addTenant('jenkins', {
  namespaces: ['jenkins'], groups: ['jenkins-admins'], secrets: [jenkinsAdmin, jenkinsGithubToken, jenkinsAgent],
});
export const netbox = declaration.addTenant('netbox', {
  namespaces: ['netbox'], groups: ['netbox-admins'], secrets: [netboxDatabase, netboxSecretKey, netboxLdap],
});

// ---- stores: one per tenant and backend, each with its own service account and identity --------

export const azureJenkins = declaration.addAzureKeyVaultStore('azure-jenkins', { name: 'azure-jenkins', vault, clusters: [aks], namespaces: ['jenkins'], ...perStore() });
export const azureNetbox = declaration.addAzureKeyVaultStore('azure-netbox', { name: 'azure-netbox', vault, clusters: [aks], namespaces: ['netbox'], ...perStore() });
export const googleJenkins = declaration.addGoogleSecretManagerStore('google-jenkins', { name: 'google-jenkins', clusters: [gke, onprem], namespaces: ['jenkins'], ...perStore() });
export const googleNetbox = declaration.addGoogleSecretManagerStore('google-netbox', { name: 'google-netbox', clusters: [gke, onprem], namespaces: ['netbox'], ...perStore() });
export const vaultJenkins = declaration.addVaultStore('vault-jenkins', { name: 'vault-jenkins', server: onpremVault, clusters: [onprem], namespaces: ['jenkins'], ...perStore() });
export const vaultNetbox = declaration.addVaultStore('vault-netbox', { name: 'vault-netbox', server: onpremVault, clusters: [onprem], namespaces: ['netbox'], ...perStore() });

// ---- ExternalSecrets ------------------------------------------------------------------------------

export const jenkinsAdminSecret = declaration.addExternalSecret('jenkins-admin', {
  name: 'jenkins-admin', namespace: 'jenkins', store: azureJenkins,
  data: [{ secretKey: 'username', secret: jenkinsAdmin, property: 'username' }, { secretKey: 'password', secret: jenkinsAdmin, property: 'password' }],
});
export const jenkinsGithub = declaration.addExternalSecret('jenkins-github', {
  name: 'jenkins-github', namespace: 'jenkins', store: googleJenkins,
  data: [{ secretKey: 'token', secret: jenkinsGithubToken }],
});
export const netboxDatabaseSecret = declaration.addExternalSecret('netbox-database', {
  name: 'netbox-database', namespace: 'netbox', store: azureNetbox,
  data: [{ secretKey: 'DB_HOST', secret: netboxDatabase, property: 'host' }, { secretKey: 'DB_PASSWORD', secret: netboxDatabase, property: 'password' }],
});
export const netboxSecretKeySecret = declaration.addExternalSecret('netbox-secret-key', {
  name: 'netbox-secret-key', namespace: 'netbox', store: googleNetbox,
  data: [{ secretKey: 'SECRET_KEY', secret: netboxSecretKey }],
});
export const jenkinsAgentSecret = declaration.addExternalSecret('jenkins-agent', {
  name: 'jenkins-agent', namespace: 'jenkins', store: vaultJenkins,
  data: [{ secretKey: 'JENKINS_SECRET', secret: jenkinsAgent, property: 'secret' }],
});
export const netboxLdapSecret = declaration.addExternalSecret('netbox-ldap', {
  name: 'netbox-ldap', namespace: 'netbox', store: vaultNetbox,
  data: [{ secretKey: 'AUTH_LDAP_BIND_DN', secret: netboxLdap, property: 'bind_dn' }, { secretKey: 'AUTH_LDAP_BIND_PASSWORD', secret: netboxLdap, property: 'bind_password' }],
});

/** Per-tenant stores: a ClusterSecretStore admitting the tenant's namespace, with its own service account. */
function perStore(): { authModel: EsoAuthModel } {
  return { authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT };
}
