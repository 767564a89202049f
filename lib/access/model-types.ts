/**
 * The access model: a versioned, machine-readable JSON document of what a declaration's plan grants
 * (clusters, tenants, stores, identities, grants and the consumers behind them, acknowledgements).
 * Deterministic (every list sorted), never a secret value. Its JSON Schema ships in the package as
 * `cdk-external-secrets/access-model.schema.json`.
 */

/** The `apiVersion` of the access model this library writes and reads. */
export const ACCESS_MODEL_API_VERSION = 'cdk-external-secrets.io/access-model/v1';

/** The `kind` of an access model document. */
export const ACCESS_MODEL_KIND = 'AccessModel';

/** How a grant is used: the ESO route that needs it. */
export type AccessHow = 'data' | 'extract' | 'find' | 'dynamic' | 'push' | 'chained';

/** A cluster of the declaration. */
export interface AccessModelCluster {
  /** Cluster id. */
  readonly id: string;
  /**
   * The cloud the cluster runs in (`aws`, `azure`, `gcp`).
   * @default - absent for on-prem clusters
   */
  readonly cloud?: string;
}

/** A tenant: the namespaces it owns and the secrets it owns. */
export interface AccessModelTenant {
  /** Tenant name. */
  readonly id: string;
  /** Namespaces the tenant owns, sorted. */
  readonly namespaces: readonly string[];
  /** Groups allowed to manage ExternalSecrets in those namespaces, sorted. */
  readonly groups: readonly string[];
  /** Keys ({@link AccessModelSecret.key}) of the secrets the tenant owns, sorted. */
  readonly secrets: readonly string[];
}

/** A declared secret (its name and backend, never its value). */
export interface AccessModelSecret {
  /** Stable key `<backend>:<name>`, used by grants, finds and tenants. */
  readonly key: string;
  /** Declaration id of the secret. */
  readonly id: string;
  /** Secret backend (`aws-secrets-manager`, `azure-key-vault`, …). */
  readonly backend: string;
  /** Name of the secret in its backend. */
  readonly name: string;
  /**
   * The tenant owning the secret.
   * @default - absent for secrets no tenant owns (shared)
   */
  readonly tenant?: string;
}

/** A store and the namespaces it admits. */
export interface AccessModelStore {
  /** Declaration id of the store. */
  readonly id: string;
  /** Kubernetes name of the store. */
  readonly name: string;
  /** `ClusterSecretStore` or `SecretStore`. */
  readonly kind: 'ClusterSecretStore' | 'SecretStore';
  /** Backend module of the store (`aws`, `azure-key-vault`, …). */
  readonly provider: string;
  /** Clusters the store is on, sorted. */
  readonly clusters: readonly string[];
  /** Namespaces the store admits (ClusterSecretStore conditions) or is in (SecretStore), sorted. */
  readonly namespaces: readonly string[];
}

/** A service account an identity trusts on a cluster. */
export interface AccessModelTrust {
  /** Cluster id. */
  readonly cluster: string;
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Name of the service account. */
  readonly serviceAccount: string;
}

/** An ESO object behind a grant. */
export interface AccessModelConsumer {
  /** `ExternalSecret` or `PushSecret`. */
  readonly kind: 'ExternalSecret' | 'PushSecret';
  /** Cluster the object is on. */
  readonly cluster: string;
  /** Namespace of the object. */
  readonly namespace: string;
  /** Name of the object. */
  readonly name: string;
  /** Store the object uses. */
  readonly store: string;
  /** Declaration path of the object. */
  readonly path: string;
}

/** One secret an identity may use, how, and for whom. */
export interface AccessModelGrant {
  /**
   * Key of the secret ({@link AccessModelSecret.key}); for a dynamic secret `dynamic:<name>`; for a
   * chained role `role:<arn>`.
   */
  readonly secret: string;
  /** Backend of the secret (`aws-secrets-manager`, …, `dynamic`, `chained-role`). */
  readonly backend: string;
  /** Backend actions granted, sorted. */
  readonly actions: readonly string[];
  /**
   * Key use that comes with the grant (`kms:Decrypt on alias/x via secretsmanager only`).
   * @default - absent when the secret needs no key grant
   */
  readonly keyUse?: string;
  /** How the secret is used, sorted. */
  readonly how: readonly AccessHow[];
  /** The ESO objects that need the grant, sorted by cluster, namespace, kind, name. */
  readonly consumers: readonly AccessModelConsumer[];
}

/** A `dataFrom.find` and the declared secrets it matches. */
export interface AccessModelFind {
  /** Identity the find runs as. */
  readonly identity: string;
  /** Store it runs against. */
  readonly store: string;
  /** The find's criteria, in words (`name ~ ^app-; tags team=a`). */
  readonly criteria: string;
  /** Declaration path of the find (`<ExternalSecret path>.find[0]`). */
  readonly path: string;
  /** Cluster/namespace/name of the ExternalSecret declaring it. */
  readonly consumer: AccessModelConsumer;
  /** Keys of the declared secrets it matches, sorted. */
  readonly matched: readonly string[];
  /**
   * The listing a find needs before it reads the matched secrets, in words (`ListSecrets and BatchGetSecretValue on *`).
   * @default - absent in models of versions that did not record it
   */
  readonly listing?: string;
  /**
   * What the grant covers beyond the matched secrets, in words.
   * @default - absent when the grant reads exactly the matched secrets
   */
  readonly beyondMatches?: string;
}

/** The policy form the renderer chose for an identity's grants. */
export interface AccessModelPolicyForm {
  /** The form (`arn-list`, `tag-prefix`, …). */
  readonly form: string;
  /** Why that form. */
  readonly reason: string;
}

/** A cloud identity ESO uses. */
export interface AccessModelIdentity {
  /** Stable id (`controller-<cluster>`, `store-<store>`, …). */
  readonly id: string;
  /** Backend module (`aws`, `azure-key-vault`, `google-secret-manager`, `vault`). */
  readonly provider: string;
  /** The principal in words (`role <name>`). */
  readonly principal: string;
  /** Binding mechanism in words. */
  readonly mechanism: string;
  /** Which service account carries the identity (`CONTROLLER`, `STORE_SERVICE_ACCOUNT`, …). */
  readonly authModel: string;
  /** Stores authenticating as the identity, sorted. */
  readonly stores: readonly string[];
  /** Clusters whose service account is trusted, sorted. */
  readonly clusters: readonly string[];
  /** Trusted service accounts per cluster, sorted. */
  readonly trust: readonly AccessModelTrust[];
  /**
   * The policy form chosen for the identity's grants.
   * @default - absent when the renderer does not report one
   */
  readonly policyForm?: AccessModelPolicyForm;
  /** Every grant, sorted by secret key. */
  readonly grants: readonly AccessModelGrant[];
}

/** An acknowledged exception to a security rule. */
export interface AccessModelAcknowledgement {
  /** Rule id (`CES-TI-1`). */
  readonly ruleId: string;
  /** Rule title. */
  readonly title: string;
  /** The reason given. */
  readonly reason: string;
  /** Subjects the acknowledgement covers, sorted (empty when unused). */
  readonly subjects: readonly string[];
}

/** The access model of one declaration. */
export interface AccessModel {
  /** {@link ACCESS_MODEL_API_VERSION}. */
  readonly apiVersion: typeof ACCESS_MODEL_API_VERSION;
  /** {@link ACCESS_MODEL_KIND}. */
  readonly kind: typeof ACCESS_MODEL_KIND;
  /** Name of the declaration. */
  readonly declaration: string;
  /** Clusters, sorted by id. */
  readonly clusters: readonly AccessModelCluster[];
  /** Tenants, sorted by id. */
  readonly tenants: readonly AccessModelTenant[];
  /** Declared secrets, sorted by key. */
  readonly secrets: readonly AccessModelSecret[];
  /** Stores, sorted by id. */
  readonly stores: readonly AccessModelStore[];
  /** Identities, sorted by id. */
  readonly identities: readonly AccessModelIdentity[];
  /** Finds, sorted by path. */
  readonly finds: readonly AccessModelFind[];
  /** Acknowledgements, sorted by rule id and reason. */
  readonly acknowledgements: readonly AccessModelAcknowledgement[];
}
