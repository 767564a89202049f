/**
 * The cdk8s side of a backend: the `spec.provider` block of its stores. One implementation per
 * backend (`aws-store.ts`, `azure-store.ts`, …), listed once in `store-renderers.ts`;
 * `SecretsPlatformManifests` dispatches through it and holds no per-backend branch.
 */
import { Construct } from 'constructs';
import { ClusterDeclaration, DynamicSecretDeclaration, IdentityPlan, SecretsDeclaration, StoreDeclaration } from '../../core/declaration';
import { GeneratorReference } from '../../k8s/external-secret-data';
import { ServiceAccountReference } from '../../k8s/references';
import { SecretStoreProvider } from '../../k8s/secret-store-provider';

/** What a store renderer is given to render one store on one cluster. */
export interface StoreRenderRequest {
  /** The declaration being rendered. */
  readonly declaration: SecretsDeclaration;
  /** The store. */
  readonly store: StoreDeclaration;
  /** The identity it authenticates as on this cluster (and namespace). */
  readonly identity: IdentityPlan;
  /** The cluster being rendered. */
  readonly cluster: ClusterDeclaration;
  /**
   * The service account the store names (`serviceAccountRef`), when it names one.
   * @default - undefined: the controller's own environment carries the identity
   */
  readonly serviceAccount?: ServiceAccountReference;
}

/** The cdk8s part of a backend. */
export interface StoreRenderer {
  /** Kind of the backend module (`BackendModel.kind`). */
  readonly kind: string;
  /** The store's `spec.provider`. */
  provider(request: StoreRenderRequest): SecretStoreProvider;
  /**
   * Output verification: the identity fields of the store's `spec.provider` (dotted paths below it,
   * e.g. `vault.auth.kubernetes.role`) and the values the plan gives them, derived from the declaration
   * and the identity plan only (never from {@link provider}); the chart fails synth when the emitted
   * store differs. Service-account references are checked for every backend.
   */
  identityFields(request: Omit<StoreRenderRequest, 'serviceAccount'>): Readonly<Record<string, unknown>>;
  /** The key ESO's `remoteRef.key` / `extract.key` / PushSecret `remoteKey` uses for a declared secret. */
  remoteKey(secret: { readonly name: string }): string;
  /**
   * Renders the generator of a dynamic secret in `namespace` (once per namespace), for
   * `dataFrom.sourceRef.generatorRef`; absent for backends without dynamic secrets.
   */
  dynamicSecret?(scope: Construct, id: string, request: StoreRenderRequest, dynamic: DynamicSecretDeclaration, namespace: string): GeneratorReference;
  /**
   * Cluster-wide objects the backend's identities need on the cluster (e.g. the
   * `system:auth-delegator` binding of Vault's client-JWT reviewer); absent when none.
   */
  clusterObjects?(scope: Construct, identities: readonly IdentityPlan[], cluster: ClusterDeclaration): void;
}
