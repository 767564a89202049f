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
   * Which service account carries the identity.
   * @default - EsoAuthModel.CONTROLLER for CLUSTER scope, EsoAuthModel.STORE_SERVICE_ACCOUNT for NAMESPACED
   */
  readonly authModel?: EsoAuthModel;
  /**
   * Clusters where the store exists. Clusters of the other cloud are allowed (cross-cloud stores):
   * the store's identity lives in the store's cloud and federates the cluster's OIDC issuer (an AWS
   * role trusting the AKS issuer, or an Entra identity trusting the EKS issuer). Cross-cloud stores
   * need `EsoAuthModel.STORE_SERVICE_ACCOUNT`.
   * @default - every cluster of the store's cloud in the declaration
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
  readonly cloud: ClusterCloud;
  readonly backend: SecretBackend;
  readonly scope: StoreScope;
  readonly authModel: EsoAuthModel;
  /**
   * Explicit namespaces.
   * @default - undefined: derived from the consumers
   */
  readonly namespaces?: readonly string[];
  /**
   * Explicit clusters.
   * @default - undefined: every cluster of the store's cloud
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
