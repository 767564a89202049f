// Expected messages of cases-holes.ts (exact messages, reviewed one by one).
export const HOLES_EXPECTED: Readonly<Record<string, string>> = {
  "holes: EsoClusterAddons given the controller role ARN of another cluster":
    "[s/addons] identity: received eks.amazonaws.com/role-arn: \"arn:aws:iam::111122223333:role/shop-prod-eso-controller\". Allowed: the controller identity of cluster \"stage\": the service account has the same namespace and name on every cluster, but the cloud trusts only the token of the clusters the identity was planned for. Fix: pass identity: infrastructure.controllerIdentity(cluster) for cluster \"stage\", or leave identity out where the declaration derives it.",
  "holes: two stores sharing one Vault role, one asking for no audience":
    "[lab/stores/b] audiences: received []. Allowed: the audiences of the Vault role \"lab-pub-eso-controller\" this store shares with lab/stores/a: [\"vault\"] (one role binds one audience; a store requesting another is refused by Vault, one requesting none makes the role accept any token of the service account). Fix: request [\"vault\"] here too, or give this store its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT) and so its own role.",
  "holes: admitAllNamespaces with namespaces":
    "[shop/stores/all] admitAllNamespaces: received true. Allowed: admitAllNamespaces or namespaces, not both. Fix: list the namespaces the store admits, or admit every namespace with admitAllNamespaces: true, not both.",
  "holes: admitAllNamespaces on a namespaced store":
    "[shop/stores/all] admitAllNamespaces: received true. Allowed: admitAllNamespaces only with StoreScope.CLUSTER (a SecretStore serves its own namespace). Fix: remove admitAllNamespaces, or declare a ClusterSecretStore (scope: StoreScope.CLUSTER).",
  "holes: admitAllNamespaces not acknowledged":
    "[shop/stores/all] admitAllNamespaces: received true. Allowed: a ClusterSecretStore admitting the namespaces that use it (ops): admitting every namespace hands \"db\" to any namespace, present or future. Fix: remove admitAllNamespaces (the namespaces of its ExternalSecrets are admitted), or list the namespaces in namespaces (rule CES-LP-15; or, if the exception is intended, declaration.acknowledge({ ruleId: 'CES-LP-15', reason: '…', appliesTo: ['all'] })).",
  "holes: workload reading as the default service account":
    "[shop/workloads/api] serviceAccountName: received \"default\". Allowed: a service account of the workload's own: every pod of the namespace that names none runs as \"default\", and would read the Secrets too. Fix: create a service account for the workload and name it here.",
  "holes: workload reading an ExternalSecret of another namespace":
    "[shop/workloads/api] reads[0]: received \"db\". Allowed: an ExternalSecret of the workload's namespace \"ops\" (this one's Secret is in \"shop\"; a Role grants in its own namespace only). Fix: declare the ExternalSecret in \"ops\", or the workload in \"shop\".",
  "holes: SecretReaderAccess without Secret names":
    "[c/r] secretNames: received []. Allowed: at least one Secret name (a Role without resourceNames would allow get on every Secret of the namespace). Fix: list the Secrets the workload reads.",
  "holes: Vault server with both caProvider and caBundle":
    "[lab/vaultServers/v] caProvider: received an object. Allowed: caProvider or caBundle, not both. Fix: read the CA from the Secret or ConfigMap, or give it inline as caBundle, not both.",
  "holes: VaultHelmRelease serving another address than the declared server":
    "[s/vault] server: received \"http://vault.vault:8200\". Allowed: the address this release serves, as vaultServers/in-cluster declares it for the stores: \"https://vault.vault:8200\", \"https://vault.vault.svc:8200\", \"https://vault.vault.svc.cluster.local:8200\", \"https://vault-active.vault:8200\", \"https://vault-active.vault.svc:8200\", \"https://vault-active.vault.svc.cluster.local:8200\". Fix: set address: \"https://vault.vault:8200\" on vaultServers/in-cluster (https:// with values.tls, http:// with allowInsecureHttp on both), or change releaseName, namespace or values.tls here.",
  "holes: the same ExternalSecret name twice on one cluster and namespace":
    "[shop/externalSecrets/db-2] name: received \"db\". Allowed: a name not already used by shop/externalSecrets/db. Fix: give each one its own name, or reuse the object already declared.",
  "holes: an outputs file without the client ID the store needs":
    "[c/p] cloudOutputs: received \"eso_client_id_store_kv\". Allowed: an output \"eso_client_id_store_kv\" of stack \"cloud\" in outputs.json. Fix: apply the cloud side first, then run: cdktf output cloud --outputs-file outputs.json.",
};
