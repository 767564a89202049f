/** A Kubernetes object as plain JSON (what YAML parses to). */
export interface ManifestObject {
  /** `apiVersion`. */
  readonly apiVersion: string;
  /** `kind`. */
  readonly kind: string;
  /** `metadata`. */
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: { readonly [key: string]: string };
    readonly annotations?: { readonly [key: string]: string };
    readonly [key: string]: unknown;
  };
  /** `spec` and any other top-level fields. */
  readonly [key: string]: unknown;
}

/** One field the migration could not convert. Nothing is dropped without one. */
export interface MigrationIssue {
  /** Where the object came from: `<file>#<document index>` (`<stdin>` for standard input). */
  readonly source: string;
  /** The object: `<apiVersion> <kind> [<namespace>/]<name>`. */
  readonly object: string;
  /** The field, as a dotted path with indexes (`spec.data[1].recursive`). */
  readonly field: string;
  /** The full message, in the library's error format (`[<object>] <field>: received …`). */
  readonly message: string;
}

/** How the migration fills what KES read from its controller's environment. */
export interface MigrateOptions {
  /**
   * AWS region of `secretsManager` / `systemManager` ExternalSecrets that set no `region`
   * (KES used `AWS_REGION` / `AWS_DEFAULT_REGION` of its controller).
   * @default - such ExternalSecrets are reported
   */
  readonly awsRegion?: string;
  /**
   * Vault address (KES `VAULT_ADDR`).
   * @default - `vault` ExternalSecrets are reported
   */
  readonly vaultServer?: string;
  /**
   * Vault Kubernetes auth mount path for ExternalSecrets without `vaultMountPoint`
   * (KES `DEFAULT_VAULT_MOUNT_POINT`).
   * @default "kubernetes"
   */
  readonly vaultDefaultMountPoint?: string;
  /**
   * Vault role for ExternalSecrets without `vaultRole` (KES `DEFAULT_VAULT_ROLE`).
   * @default - such ExternalSecrets are reported
   */
  readonly vaultDefaultRole?: string;
  /**
   * Google Cloud project of `gcpSecretsManager` ExternalSecrets without `projectId` (KES used the
   * project of its service account).
   * @default - such ExternalSecrets are reported
   */
  readonly gcpProjectId?: string;
  /**
   * Azure tenant of the Key Vaults (`AZURE_TENANT_ID`).
   * @default - the tenant of the ESO controller's workload identity
   */
  readonly azureTenantId?: string;
  /**
   * Akeyless gateway API URL (KES `AKEYLESS_API_ENDPOINT`) and the Secret holding the access ID,
   * type and type parameter (keys `accessId`, `accessType`, `accessTypeParam`).
   * @default - `akeyless` ExternalSecrets are reported
   */
  readonly akeyless?: { readonly gatewayUrl: string; readonly authSecretName: string; readonly authSecretNamespace: string };
  /**
   * IBM Cloud Secrets Manager service URL (KES `IBM_CLOUD_SECRETS_MANAGER_API_ENDPOINT`) and the
   * Secret holding the API key (key `apiKey`).
   * @default - `ibmcloudSecretsManager` ExternalSecrets are reported
   */
  readonly ibm?: { readonly serviceUrl: string; readonly apiKeySecretName: string; readonly apiKeySecretNamespace: string };
  /**
   * `spec.refreshInterval` of the converted ExternalSecrets (KES polled every
   * `POLLER_INTERVAL_MILLISECONDS`, 10 s by default).
   * @default - ESO's default, one hour
   */
  readonly refreshInterval?: string;
  /**
   * Prefix of the ClusterSecretStores implied by KES backends.
   * @default "kes"
   */
  readonly storeNamePrefix?: string;
  /**
   * Namespace of KES ExternalSecrets without `metadata.namespace` (the namespace `kubectl apply -n`
   * put them in). The converted ExternalSecrets get it explicitly, and the implied stores admit it.
   * @default - such ExternalSecrets are reported (a store cannot admit an unknown namespace)
   */
  readonly namespace?: string;
  /**
   * Accept an `http://` Vault address (`vaultServer`). The Vault token then travels in clear text:
   * only for a Vault reached over a mesh or a loopback that already encrypts.
   * @default false - only https:// is accepted
   */
  readonly allowInsecureHttp?: boolean;
}

/** Annotation set on every migrated object that was not fully converted (value {@link MIGRATION_PARTIAL}). */
export const MIGRATION_ANNOTATION = 'cdk-external-secrets.io/migration';
/** Value of {@link MIGRATION_ANNOTATION} on a partly converted object. */
export const MIGRATION_PARTIAL = 'partial';
/** Annotation listing the fields of a partly converted object that were not converted (`; `-separated, never values). */
export const MIGRATION_REASON_ANNOTATION = 'cdk-external-secrets.io/migration-reason';

/** The outcome of a migration. */
export interface MigrationResult {
  /**
   * The objects to apply, ESO `v1`: the implied stores first (sorted by name), then every converted
   * or passed-through object in input order.
   */
  readonly objects: ManifestObject[];
  /** Every field that could not be converted. */
  readonly issues: MigrationIssue[];
  /** True when nothing was reported. */
  readonly complete: boolean;
  /**
   * The emitted objects that were not fully converted (`<apiVersion> <kind> [<namespace>/]<name>`, in
   * output order); each carries the {@link MIGRATION_ANNOTATION} `partial` annotation and the fields left out.
   */
  readonly partial: string[];
  /**
   * The input objects (or documents) that were reported and produced no output at all
   * (`<apiVersion> <kind> [<namespace>/]<name>` as in the input, or `<source>#<index>`).
   */
  readonly notConverted: string[];
}
