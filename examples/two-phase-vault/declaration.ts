/**
 * Two-phase move from cloud secret managers to Vault, without touching workloads.
 *
 * Phase 1 (bootstrap) is the `bootstrap-credentials` declaration as it is: on the management AKS
 * cluster, the cloud stores `azure-keyvault` (Key Vault) and `aws-secretsmanager` (Secrets
 * Manager, federated from the AKS issuer), and the `azure-credentials` ExternalSecret in
 * `crossplane-system` that copies the Crossplane provider-azure credentials document.
 *
 * Phase 2 (production): Vault runs in the cluster (`http://vault.vault:8200`, a lab: the explicit
 * `allowInsecureHttp` opt-in) and becomes the central store `vault`. Its Kubernetes auth mount and
 * role are pinned (`kubernetes`, `external-secrets`), as an existing Vault would dictate. The SAME
 * ExternalSecret (name, namespace, target, keys, policies) now points at `vault`; only
 * `secretStoreRef` and `remoteRef` change, so the Secret the workloads read keeps its name and keys.
 * The document lives in property `credentials` of the KV key `crossplane/azure-credentials`; the
 * declaration checks that the Vault secret declares every property the ExternalSecret reads.
 *
 * Seeding Vault from the bootstrap values (once, before switching):
 * `kubectl -n crossplane-system get secret azure-credentials -o jsonpath='{.data.credentials}' | base64 -d > creds.json`
 * then `vault kv put secret/crossplane/azure-credentials credentials=@creds.json`.
 *
 * Both declarations are engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) import them.
 */
import { CreationPolicy, EsoAuthModel, SecretsDeclaration, VaultTokenReviewer } from '../../lib/core';
import {
  azureProviderCredentials, CONTROLLER_NAMESPACE, cluster as bootstrapCluster, declaration as bootstrap, TENANT_ID,
} from '../bootstrap-credentials/declaration';

export { bootstrap, bootstrapCluster };

/** Phase 2: Vault as the central store. */
export const production = new SecretsDeclaration({ name: 'tp-vault' });
/** The same management cluster. */
export const productionCluster = production.addAksCluster('mgmt', {
  clusterName: bootstrapCluster.clusterName, oidcIssuerUrl: bootstrapCluster.oidcIssuerUrl, tenantId: TENANT_ID,
});
/** Vault in the cluster, plain HTTP: a lab. Use TLS (`VaultHelmRelease` with `tls`) and https:// for real. */
export const vaultServer = production.addVaultServer('in-cluster', { address: 'http://vault.vault:8200', allowInsecureHttp: true });
/** The mount path is pinned (`kubernetes`); Vault in the cluster reviews tokens with its own service account. */
export const vaultAuth = production.addVaultAuth('mgmt', {
  server: vaultServer, cluster: productionCluster, mountPath: 'kubernetes', reviewer: VaultTokenReviewer.VAULT_IN_CLUSTER,
});
/** The credentials document, seeded from the bootstrap value (see above). */
export const vaultCredentials = production.addVaultSecret('azure-credentials', {
  server: vaultServer, path: 'crossplane/azure-credentials', properties: ['credentials'],
});
/** The role is pinned (`external-secrets`); the store names the controller's service account with its namespace. */
export const vaultStore = production.addVaultStore('vault', {
  name: 'vault', server: vaultServer, role: 'external-secrets',
  authModel: EsoAuthModel.CONTROLLER_SERVICE_ACCOUNT,
  audiences: [], // the existing role has no audience: ESO requests the API server's default audience
});
// A role without audience accepts any token of the controller's service account (rule CES-LP-4): the
// exception is written down with its reason, and shows in auditDeclaration().
production.acknowledge({
  ruleId: 'CES-LP-4', appliesTo: ['controller-mgmt-vault'],
  reason: 'the pre-existing Vault role "external-secrets" has no audience until phase 3 adds one',
});
/** The phase-1 ExternalSecret, moved: same name, namespace, target and keys; Vault store and key. */
export const productionCredentials = production.addExternalSecret('azure-credentials', {
  name: azureProviderCredentials.name,
  namespace: CONTROLLER_NAMESPACE,
  store: vaultStore,
  creationPolicy: CreationPolicy.OWNER,
  data: [{ secretKey: 'credentials', secret: vaultCredentials, property: 'credentials' }],
  workloads: [...azureProviderCredentials.workloads],
});
