import { Duration } from '../duration';
import { ClusterCloud, ClusterDeclaration } from './clusters';
import { KeyVaultDeclaration, SecretBackend } from './secrets';

/** Whether a store is a ClusterSecretStore or a SecretStore per namespace. */
export enum StoreScope {
  /** One ClusterSecretStore per cluster; its `conditions` admit only the namespaces that use it. */
  CLUSTER = 'CLUSTER',
  /** One namespaced SecretStore (with its own service account and identity) per tenant namespace. */
  NAMESPACED = 'NAMESPACED',
}

/** Which service account carries the cloud identity a store uses. */
export enum EsoAuthModel {
  /**
   * The ESO controller's own service account (set by the ESO Helm release): stores have no auth
   * block (AWS) or Workload Identity without `serviceAccountRef` (Azure). The only model EKS Pod
   * Identity supports. One identity per cluster serves every such store.
   */
  CONTROLLER = 'CONTROLLER',
  /**
   * A dedicated service account per store (`eso-<store>`), referenced through `serviceAccountRef`
   * with its namespace pinned, so ESO never falls back to "referent" lookups in the ExternalSecret's
   * namespace. The ESO "zero-permission controller" model.
   */
  STORE_SERVICE_ACCOUNT = 'STORE_SERVICE_ACCOUNT',
  /**
   * The ESO controller's own service account, named by the store (`serviceAccountRef` /
   * `auth.jwt.serviceAccountRef` with its namespace): one service account carries every cloud at once
   * (an IRSA role-ARN annotation and an Azure client-id), each cloud's trust pinned to it. ClusterSecretStores only.
   */
  CONTROLLER_SERVICE_ACCOUNT = 'CONTROLLER_SERVICE_ACCOUNT',
  /**
   * An existing service account given by reference in the store's `serviceAccount` prop: the library
   * trusts it and names it in the store, and expects your chart to emit it with the identity's
   * annotation (checked at synth, like the others).
   */
  EXISTING_SERVICE_ACCOUNT = 'EXISTING_SERVICE_ACCOUNT',
}

/** A service account a store uses by reference (`EsoAuthModel.EXISTING_SERVICE_ACCOUNT`). */
export interface StoreServiceAccountOptions {
  /** Name of the service account. */
  readonly name: string;
  /**
   * Namespace of the service account (ClusterSecretStores). SecretStores use the service account of
   * their own namespace, so leave it out for `StoreScope.NAMESPACED`.
   * @default - the ESO controller's namespace for ClusterSecretStores; each store's namespace for SecretStores
   */
  readonly namespace?: string;
}

/** Props shared by every store in a declaration. */
export interface StoreOptions {
  /** Kubernetes name of the store (DNS-1123 subdomain). */
  readonly name: string;
  /**
   * ClusterSecretStore or SecretStore per namespace.
   * @default StoreScope.CLUSTER
   */
  readonly scope?: StoreScope;
  /**
   * For NAMESPACED stores: the namespaces that get a SecretStore. For CLUSTER stores: the namespaces
   * the ClusterSecretStore `conditions` admit.
   * @default - the namespaces of the ExternalSecrets that use the store
   */
  readonly namespaces?: string[];
  /**
   * ClusterSecretStores only: admit every namespace, present and future (no `conditions`), so an
   * ExternalSecret in any namespace may read what the store's identity may read. The declaration
   * still grants only what its declared ExternalSecrets read. A security exception: acknowledge rule
   * CES-LP-15 with a reason; refused outright when the store reads a tenant's secrets (CES-TEN-12).
   * @default false: the `conditions` admit exactly `namespaces` (or the namespaces of the store's ExternalSecrets)
   */
  readonly admitAllNamespaces?: boolean;
  /**
   * Which service account carries the identity.
   * @default - EsoAuthModel.CONTROLLER for CLUSTER scope, EsoAuthModel.STORE_SERVICE_ACCOUNT for NAMESPACED;
   *   EsoAuthModel.EXISTING_SERVICE_ACCOUNT when `serviceAccount` is given
   */
  readonly authModel?: EsoAuthModel;
  /**
   * The existing service account the store authenticates as (`EsoAuthModel.EXISTING_SERVICE_ACCOUNT`).
   * @default - none: the auth model decides
   */
  readonly serviceAccount?: StoreServiceAccountOptions;
  /**
   * Clusters where the store exists. Clusters of any kind are allowed: the store's identity lives in
   * the store's backend and federates the cluster (IRSA or Pod Identity on EKS, workload identity on
   * AKS; elsewhere the cluster's OIDC issuer: an AWS role trusting a GKE or on-prem issuer, an Entra
   * identity trusting the EKS issuer). A pair that cannot federate is an error. An empty list is an error.
   * @default - every cluster of the store's own cloud in the declaration (an error when there is none)
   */
  readonly clusters?: ClusterDeclaration[];
  /**
   * How often ESO revalidates the store.
   * @default - the controller default (`storeRequeueInterval`)
   */
  readonly refreshInterval?: Duration;
}

/** Props of an AWS store. */
export interface AwsStoreOptions extends StoreOptions {
  /** Secrets Manager or Parameter Store. */
  readonly service: SecretBackend.AWS_SECRETS_MANAGER | SecretBackend.AWS_PARAMETER_STORE;
  /**
   * Region the store reads from.
   * @default - the declaration's AWS region
   */
  readonly region?: string;
  /**
   * Role the store assumes after authenticating (`spec.provider.aws.role`), for cross-account reads.
   * Must not be the identity's own role.
   * @default - no role chaining
   */
  readonly assumeRoleArn?: string;
  /**
   * External ID for `assumeRoleArn`.
   * @default - none
   */
  readonly externalId?: string;
}

/** Props of an Azure Key Vault store. */
export interface AzureStoreOptions extends StoreOptions {
  /** The vault the store reads. */
  readonly vault: KeyVaultDeclaration;
}

/** A store in a declaration. */
export interface StoreDeclaration {
  readonly id: string;
  readonly name: string;
  /** Kind of the backend module serving the store (`aws`, `azure-key-vault`, …). */
  readonly provider: string;
  /**
   * The cloud whose clusters the store serves by default.
   * @default - undefined for backends outside any cloud
   */
  readonly cloud?: ClusterCloud;
  readonly backend: SecretBackend;
  readonly scope: StoreScope;
  readonly authModel: EsoAuthModel;
  /**
   * The existing service account (`EsoAuthModel.EXISTING_SERVICE_ACCOUNT`).
   * @default - undefined for the other auth models
   */
  readonly serviceAccount?: StoreServiceAccountOptions;
  /**
   * Explicit namespaces.
   * @default - undefined: derived from the consumers
   */
  readonly namespaces?: readonly string[];
  /**
   * The ClusterSecretStore admits every namespace (no `conditions`).
   * @default - undefined: it admits the planned namespaces only
   */
  readonly admitAllNamespaces?: boolean;
  /**
   * Explicit clusters.
   * @default - undefined: the backend's default clusters
   */
  readonly clusters?: readonly ClusterDeclaration[];
  /**
   * Store revalidation interval.
   * @default - undefined: the controller default
   */
  readonly refreshInterval?: Duration;
}

/** An AWS store in a declaration. */
export interface AwsStoreDeclaration extends StoreDeclaration {
  readonly cloud: ClusterCloud.AWS;
  readonly backend: SecretBackend.AWS_SECRETS_MANAGER | SecretBackend.AWS_PARAMETER_STORE;
  readonly region: string;
  /**
   * Role the store assumes.
   * @default - undefined: no role chaining
   */
  readonly assumeRoleArn?: string;
  /**
   * External ID for `assumeRoleArn`.
   * @default - none
   */
  readonly externalId?: string;
}

/** An Azure Key Vault store in a declaration. */
export interface AzureStoreDeclaration extends StoreDeclaration {
  readonly cloud: ClusterCloud.AZURE;
  readonly backend: SecretBackend.AZURE_KEY_VAULT;
  readonly vault: KeyVaultDeclaration;
}
