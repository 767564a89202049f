/**
 * The plan's types: the identities ESO uses and exactly what each must be allowed to do. Backend modules
 * and rules depend on these types (and on {@link DeclarationView}), never on `plan.ts`, which imports them.
 */
import type { ServiceAccountRef, IdentityKind } from '../identity';
import type { GcpIdentityPlan } from './backends/google-secret-manager';
import type { VaultIdentityPlan } from './backends/vault';
import type { ClusterCloud, ClusterDeclaration } from './clusters';
import type { DynamicSecretDeclaration, PushSecretDeclaration, SecretFindReference } from './consumers';
import type { SecretDeclaration } from './secrets';
import type { EsoAuthModel, StoreDeclaration } from './stores';

/** AWS side of an identity plan. */
export interface AwsIdentityPlan {
  /** IAM role name (derived). */
  readonly roleName: string;
  /** Literal role ARN, for annotations in YAML. */
  readonly roleArn: string;
  /** Account holding the role. */
  readonly accountId: string;
  /** Partition of the role. */
  readonly partition: string;
  /**
   * How the reads are laid out in the role's policies (the details of {@link IdentityPlan.policyForm}).
   * @default - undefined until the plan chose the form
   */
  readonly grants?: AwsGrantLayout;
}

/** Where an AWS identity's reads go: exact ARNs inline, a grant-tag statement, managed policies. */
export interface AwsGrantLayout {
  /** Secrets read through the grant tag (form `tag-and-prefix`), sorted by id; the others are exact ARNs. */
  readonly taggedSecrets: readonly SecretDeclaration[];
  /**
   * The resource every tag grant is bounded by: `arn:…:secret:<owned prefix>*`.
   * @default - undefined when no secret is read by tag
   */
  readonly taggedResource?: string;
  /** Values of the grant tag the identity reads by, sorted. */
  readonly tagValues: readonly string[];
  /** Reads split over managed policies (form `managed-policies`), one list per policy; empty otherwise. */
  readonly managedPolicies: ReadonlyArray<readonly SecretDeclaration[]>;
  /**
   * Parameter Store paths granted whole (`arn:…:parameter/<dir>/*`), sorted: directories under the
   * owned parameter path whose every declared parameter the identity reads.
   */
  readonly parameterPaths: readonly string[];
  /** The parameters those paths cover, sorted by id; the other reads are exact ARNs. */
  readonly pathSecrets: readonly SecretDeclaration[];
}

/** Azure side of an identity plan. */
export interface AzureIdentityPlan {
  /** Name of the user-assigned managed identity (derived). */
  readonly identityName: string;
  /** Tenant of the identity. */
  readonly tenantId: string;
}

/**
 * How an identity's grant is written, chosen per identity by the plan (smallest exact form first):
 * - `arn-list`: the exact ARN of every secret read, in the role's inline policy;
 * - `tag-and-prefix`: a tag the library sets on the secrets it creates selects them, always bounded by
 *   a name prefix the declaration owns;
 * - `managed-policies`: the exact ARN list split over managed policies attached to the role;
 * - `path-hierarchy`: a Parameter Store path (`parameter/<prefix>/*`) the declaration owns, every
 *   parameter under it declared for the identity;
 * - `vault-scope`: one role assignment on the vault (every secret in it declared for the identity);
 * - `per-secret`: one role assignment per secret.
 */
export type PolicyFormKind = 'arn-list' | 'tag-and-prefix' | 'managed-policies' | 'path-hierarchy' | 'vault-scope' | 'per-secret';

/** The grant form chosen for an identity, and why (the access matrix prints both). */
export interface PolicyFormPlan {
  /** The form. */
  readonly form: PolicyFormKind;
  /** Why this form (sizes against the limits that decided it), one sentence. */
  readonly reason: string;
}

/** A `dataFrom.find` and the declared secrets it matches. */
export interface FindUse {
  /** The find as declared. */
  readonly find: SecretFindReference;
  /** The store it runs against. */
  readonly store: StoreDeclaration;
  /** Declared secrets the find matches (grants are limited to these). */
  readonly matched: readonly SecretDeclaration[];
  /** Declaration path of the ExternalSecret declaring the find (for messages). */
  readonly path: string;
  /** The find's prop there (`find[0]`). */
  readonly prop: string;
}

/** One cloud identity ESO uses, and exactly what it must be allowed to do. */
export interface IdentityPlan {
  /** Stable id (construct ids, names): `controller-<cluster>`, `store-<store>` or `store-<store>-<ns>`. */
  readonly id: string;
  /** Kind of the backend module the identity belongs to (`aws`, `azure-key-vault`, …). */
  readonly provider: string;
  /**
   * The cloud of the identity: the cloud of its stores. It differs from the cloud of its clusters for
   * cross-cloud stores (an AWS store on AKS federates the AKS issuer with IAM; an Azure store on EKS
   * federates the EKS issuer with Entra ID).
   * @default - undefined for backends outside any cloud
   */
  readonly cloud?: ClusterCloud;
  /** Binding mechanism. */
  readonly kind: IdentityKind;
  /**
   * Which service account carries the identity: `CONTROLLER` for the controller's (whether stores name
   * it or not), `STORE_SERVICE_ACCOUNT` for one the declaration emits, `EXISTING_SERVICE_ACCOUNT` for
   * one the user emits.
   */
  readonly authModel: EsoAuthModel;
  /** Stores that authenticate as this identity. */
  readonly stores: readonly StoreDeclaration[];
  /** Clusters whose service account is trusted. */
  readonly clusters: readonly ClusterDeclaration[];
  /** The service account trusted on each of those clusters. */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * AWS details.
   * @default - undefined for Azure identities
   */
  readonly aws?: AwsIdentityPlan;
  /**
   * Azure details.
   * @default - undefined for AWS identities
   */
  readonly azure?: AzureIdentityPlan;
  /**
   * Google details.
   * @default - undefined for other backends
   */
  readonly gcp?: GcpIdentityPlan;
  /** Secrets read through `data` / `extract`, sorted by id, de-duplicated. */
  readonly reads: readonly SecretDeclaration[];
  /**
   * Secrets whose metadata a `data` entry reads (`metadataPolicy: Fetch`), sorted by id: backends that
   * grant metadata apart from values (Vault's `<mount>/metadata/<key>`) grant it for these. Also in `reads`.
   */
  readonly metadataReads: readonly SecretDeclaration[];
  /**
   * Roles the identity assumes for stores with `assumeRoleArn` (sorted): it needs `sts:AssumeRole` on
   * them and nothing on the secrets read through them (the assumed role's own policy grants those).
   */
  readonly chainedRoles: readonly string[];
  /** Secrets read through an assumed role (for the access matrix), sorted by id. */
  readonly chainedReads: readonly SecretDeclaration[];
  /** Finds, with the declared secrets they match. */
  readonly finds: readonly FindUse[];
  /** PushSecrets writing through this identity. */
  readonly pushes: readonly PushSecretDeclaration[];
  /** Dynamic secrets (generators) used through this identity, sorted by id. */
  readonly dynamicSecrets: readonly DynamicSecretDeclaration[];
  /**
   * Vault details (the role per cluster and service account).
   * @default - undefined for other backends
   */
  readonly vault?: VaultIdentityPlan;
  /**
   * The grant form chosen for the identity, and why.
   * @default - undefined for backends that have a single grant form
   */
  readonly policyForm?: PolicyFormPlan;
}

/**
 * Whether an identity is granted nothing: no store that uses it has a consumer yet (the first phase of
 * a migration declares a store before anything reads through it). Renderers create its identity and
 * trust, and no policy; the access matrix marks it unused.
 */
export function grantsNothing(identity: IdentityPlan): boolean {
  return identity.reads.length === 0 && identity.finds.length === 0 && identity.pushes.length === 0
    && identity.dynamicSecrets.length === 0 && identity.chainedRoles.length === 0;
}

/** The resolved declaration both renderers work from. */
export interface DeclarationPlan {
  /** Every identity, sorted by id. */
  readonly identities: readonly IdentityPlan[];
  /** The identity a store uses on a cluster, in a namespace (namespaced stores). */
  identityFor(store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): IdentityPlan;
  /**
   * Whether the store names its service account on that cluster (`serviceAccountRef`,
   * `auth.jwt.serviceAccountRef`): false where the controller's own environment carries the identity.
   */
  referencesServiceAccount(store: StoreDeclaration, cluster: ClusterDeclaration, namespace: string): boolean;
  /** Namespaces a store admits (ClusterSecretStore conditions) or exists in (SecretStores), sorted. */
  namespacesOf(store: StoreDeclaration): readonly string[];
  /** Service accounts the cloud side trusts on a cluster, as `ns:name`, sorted. */
  trustedServiceAccounts(cluster: ClusterDeclaration): readonly string[];
  /**
   * Tags the plan adds to a secret the declaration creates (the grant tag of the `tag-and-prefix`
   * form), besides the declared ones; empty for other secrets.
   */
  grantTags(secret: SecretDeclaration): Readonly<Record<string, string>>;
}
