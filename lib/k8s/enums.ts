/**
 * Closed sets of values used by the External Secrets Operator resources.
 *
 * Every member's value is the exact string the ESO v1 / v1alpha1 CRDs accept.
 */

// The enums a declaration uses live in the engine-free core; re-exported here so `/k8s` keeps them.
export {
  ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, MetadataPolicy, NullBytePolicy, RefreshPolicy, TemplateMergePolicy,
} from '../core/eso-enums';

/** Which kind of store an ExternalSecret or PushSecret points at. */
export enum SecretStoreKind {
  /** A namespaced `SecretStore`: serves ExternalSecrets of its own namespace only. */
  SECRET_STORE = 'SecretStore',
  /** A cluster-scoped `ClusterSecretStore`: serves every namespace its `conditions` admit. */
  CLUSTER_SECRET_STORE = 'ClusterSecretStore',
}

/** How a `templateFrom` item is used. */
export enum TemplateScope {
  /** The item's value is a template (the ESO default). */
  VALUES = 'Values',
  /** The item's keys and values are both templates. */
  KEYS_AND_VALUES = 'KeysAndValues',
}

/** ESO generator kinds (`generators.external-secrets.io/v1alpha1`). */
export enum GeneratorKind {
  /** Azure Container Registry access token. */
  ACR_ACCESS_TOKEN = 'ACRAccessToken',
  /** BeyondTrust workload credentials. */
  BEYONDTRUST_WORKLOAD_CREDENTIALS_DYNAMIC_SECRET = 'BeyondtrustWorkloadCredentialsDynamicSecret',
  /** A cluster-scoped generator wrapper. */
  CLUSTER_GENERATOR = 'ClusterGenerator',
  /** Cloudsmith access token. */
  CLOUDSMITH_ACCESS_TOKEN = 'CloudsmithAccessToken',
  /** Amazon ECR authorization token. */
  ECR_AUTHORIZATION_TOKEN = 'ECRAuthorizationToken',
  /** Static fake data (tests). */
  FAKE = 'Fake',
  /** Google Container Registry access token. */
  GCR_ACCESS_TOKEN = 'GCRAccessToken',
  /** GitHub App installation token. */
  GITHUB_ACCESS_TOKEN = 'GithubAccessToken',
  /** GitLab deploy token. */
  GITLAB_DEPLOY_TOKEN = 'GitlabDeployToken',
  /** Quay robot token. */
  QUAY_ACCESS_TOKEN = 'QuayAccessToken',
  /** Random password. */
  PASSWORD = 'Password',
  /** SSH key pair. */
  SSH_KEY = 'SSHKey',
  /** AWS STS session token. */
  STS_SESSION_TOKEN = 'STSSessionToken',
  /** Random UUID. */
  UUID = 'UUID',
  /** HashiCorp Vault dynamic secret. */
  VAULT_DYNAMIC_SECRET = 'VaultDynamicSecret',
  /** HTTP webhook. */
  WEBHOOK = 'Webhook',
  /** Grafana service account token. */
  GRAFANA = 'Grafana',
  /** TOTP code. */
  MFA = 'MFA',
}

/** Conflict handling of a `merge` rewrite. */
export enum MergeConflictPolicy {
  /** Later keys overwrite earlier ones silently. */
  IGNORE = 'Ignore',
  /** A key conflict fails the sync (the ESO default). */
  ERROR = 'Error',
}

/** Handling of `priority` keys missing from a `merge` rewrite. */
export enum MergePriorityPolicy {
  /** Skip priority keys that are not present. */
  IGNORE_NOT_FOUND = 'IgnoreNotFound',
  /** Fail when a priority key is missing (the ESO default). */
  STRICT = 'Strict',
}

/** How a `merge` rewrite merges values. */
export enum MergeStrategy {
  /** Merge the extracted keys (the ESO default). */
  EXTRACT = 'Extract',
  /** Merge JSON documents. */
  JSON = 'JSON',
}

/** Operators of a label selector requirement. */
export enum LabelSelectorOperator {
  /** The label's value is one of `values`. */
  IN = 'In',
  /** The label's value is none of `values`. */
  NOT_IN = 'NotIn',
  /** The label is present. */
  EXISTS = 'Exists',
  /** The label is absent. */
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** What a PushSecret does to the remote secret when the PushSecret is deleted. */
export enum PushSecretDeletionPolicy {
  /** Delete the remote secret. */
  DELETE = 'Delete',
  /** Leave the remote secret (the ESO default). */
  NONE = 'None',
}

/** Whether a PushSecret overwrites an existing remote secret. */
export enum PushSecretUpdatePolicy {
  /** Overwrite (the ESO default). */
  REPLACE = 'Replace',
  /** Only create; never overwrite an existing remote secret. */
  IF_NOT_EXISTS = 'IfNotExists',
}

/** Key conversion of a PushSecret data entry. */
export enum PushSecretConversionStrategy {
  /** Keep keys as they are (the ESO default). */
  NONE = 'None',
  /** Reverse the `Unicode` conversion of ExternalSecrets. */
  REVERSE_UNICODE = 'ReverseUnicode',
}
