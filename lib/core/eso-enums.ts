/**
 * The ESO enums a declared ExternalSecret uses (refresh, creation and deletion policies, decoding and
 * conversion strategies, …): engine-free, so the declaration needs only `/core`; `/k8s` re-exports them.
 * Values as in the ESO 2.9.0 CRDs (../shared/upstream/external-secrets/crds.yaml).
 */

/**
 * How an ExternalSecret is refreshed.
 * @see https://external-secrets.io/latest/api/externalsecret/
 */
export enum RefreshPolicy {
  /** Create the Secret once; never update it afterwards (tracked on the ExternalSecret status). */
  CREATED_ONCE = 'CreatedOnce',
  /** Re-read the provider every `refreshInterval` (what ESO does when the field is unset). */
  PERIODIC = 'Periodic',
  /** Sync only when the ExternalSecret's metadata or spec changes. */
  ON_CHANGE = 'OnChange',
}

/**
 * Who owns the target Secret.
 * @see https://external-secrets.io/latest/guides/ownership-deletion-policy/
 */
export enum CreationPolicy {
  /** ESO creates the Secret and sets an owner reference (the ESO default). */
  OWNER = 'Owner',
  /** ESO creates the Secret without an owner reference. */
  ORPHAN = 'Orphan',
  /** ESO merges the data into an existing Secret and never creates it. */
  MERGE = 'Merge',
  /** ESO does not create or update a Secret (useful with generators and PushSecret). */
  NONE = 'None',
  /** ESO creates the Secret if missing, otherwise merges into it (ESO 2.8+). */
  CREATE_OR_MERGE = 'CreateOrMerge',
}

/**
 * What happens to the target Secret when the provider secret is gone.
 * @see https://external-secrets.io/latest/guides/ownership-deletion-policy/
 */
export enum DeletionPolicy {
  /** Delete the Secret (only with `CreationPolicy.OWNER`). */
  DELETE = 'Delete',
  /** Remove the keys ESO manages and keep the Secret. */
  MERGE = 'Merge',
  /** Keep the Secret as it is (the ESO default). */
  RETAIN = 'Retain',
}

/** How ESO decodes a fetched value before storing it. */
export enum DecodingStrategy {
  /** Decode when the value looks base64-encoded. */
  AUTO = 'Auto',
  /** Standard base64. */
  BASE64 = 'Base64',
  /** URL-safe base64. */
  BASE64_URL = 'Base64URL',
  /** Store the value as fetched (the ESO default). */
  NONE = 'None',
}

/** How ESO converts keys it fetches. */
export enum ConversionStrategy {
  /** Keep keys as they are (the ESO default). */
  DEFAULT = 'Default',
  /** Replace characters Secret keys cannot hold with their unicode escape. */
  UNICODE = 'Unicode',
}

/** Whether ESO fetches the provider secret's metadata (tags, labels) instead of its value. */
export enum MetadataPolicy {
  /** Fetch the value (the ESO default). */
  NONE = 'None',
  /** Fetch the metadata. */
  FETCH = 'Fetch',
}

/** What ESO does when a fetched value contains a NUL byte (ESO 2.3+). */
export enum NullBytePolicy {
  /** Keep the value. */
  IGNORE = 'Ignore',
  /** Fail the sync. */
  FAIL = 'Fail',
}

/** How template output combines with fetched data. */
export enum TemplateMergePolicy {
  /** The template output replaces the fetched data (the ESO default). */
  REPLACE = 'Replace',
  /** The template output is merged over the fetched data. */
  MERGE = 'Merge',
}

/**
 * Whether ESO refuses a target's creation and deletion policies together: deletionPolicy `Delete` with
 * creationPolicy `Merge`, `CreateOrMerge` or `None`, and deletionPolicy `Merge` with creationPolicy `None`
 * (defaults: `Owner`, `Retain`). One check for the declaration and the ExternalSecret constructs.
 */
export function isForbiddenTargetPolicyPair(creationPolicy: CreationPolicy = CreationPolicy.OWNER, deletionPolicy: DeletionPolicy = DeletionPolicy.RETAIN): boolean {
  return (deletionPolicy === DeletionPolicy.DELETE && [CreationPolicy.MERGE, CreationPolicy.CREATE_OR_MERGE, CreationPolicy.NONE].includes(creationPolicy))
    || (deletionPolicy === DeletionPolicy.MERGE && creationPolicy === CreationPolicy.NONE);
}

/** Kind of object holding a CA bundle. */
export enum CaProviderType {
  /** A Secret. */
  SECRET = 'Secret',
  /** A ConfigMap. */
  CONFIG_MAP = 'ConfigMap',
}
