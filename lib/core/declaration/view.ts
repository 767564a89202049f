/**
 * What backend modules, cluster-kind modules and rules see of a declaration: its defaults, its declared
 * elements and its lookups, without the `addX()` methods. {@link SecretsDeclaration} implements it; the
 * modules depend on this interface and on the plan's types (`plan-types.ts`), never on
 * `declaration.ts` or `plan.ts`, which import them (no import circle in `lib/core`).
 */
import type { ServiceAccountRef } from '../identity';
import type { Tenant } from '../tenants';
import type { GcpDefaults } from './backends/google-secret-manager';
import type { VaultAuthDeclaration } from './backends/vault';
import type { ClusterDeclaration } from './clusters';
import type { ExternalSecretDeclaration, PushSecretDeclaration } from './consumers';
import type { SecretDeclaration } from './secrets';
import type { StoreDeclaration } from './stores';

/** AWS defaults of a declaration. */
export interface AwsDefaults {
  /** Account that holds the secrets, keys and ESO roles. */
  readonly accountId: string;
  /** Default region of secrets, keys and stores. */
  readonly region: string;
  /**
   * Name prefix of the Secrets Manager secrets this declaration owns, ending in "/" (e.g. "shop/"):
   * no one but the deployer creates or tags secrets under it (enforce it with the service control
   * policy of `ownedPrefixGuardrailPolicy`). An identity whose exact ARN list outgrows its inline
   * policy is then granted the secrets the declaration creates under the prefix by the grant tag the
   * library sets on them, always bounded by the prefix (see lib/aws/README.md, "Policy forms").
   * @default - no owned prefix: grants are exact ARN lists (inline, or split over managed policies)
   */
  readonly ownedSecretNamePrefix?: string;
  /**
   * Parameter Store path this declaration owns, starting and ending in "/" (e.g. "/shop/"): no one but
   * the deployer creates parameters under it. An identity whose exact ARN list outgrows its inline
   * policy is then granted a directory under it (`parameter/shop/team-a/*`) where it reads every
   * declared parameter below that directory.
   * @default - no owned path: parameters are granted by exact ARN
   */
  readonly ownedParameterPath?: string;
  /**
   * Managed policies attached to every ESO role by other means (an organization baseline), counted
   * against IAM's default 10 per role when a grant is split over managed policies.
   * @default 0
   */
  readonly managedPoliciesAttachedElsewhere?: number;
}

/** Azure defaults of a declaration. */
export interface AzureDefaults {
  /** Entra tenant of vaults and identities. */
  readonly tenantId: string;
  /**
   * Role assignments the subscription allows (Azure's limit per subscription); the declaration's
   * assignments plus {@link existingRoleAssignments} must fit (rule CES-LP-9).
   * @default 4000
   */
  readonly roleAssignmentLimit?: number;
  /**
   * Role assignments that already exist in the subscription, outside this declaration (`az role
   * assignment list --all --query 'length(@)'`).
   * @default 0
   */
  readonly existingRoleAssignments?: number;
}

/** A tenant in a declaration. */
export interface TenantDeclaration extends Omit<Tenant<SecretDeclaration>, 'name'> {
  /** Declaration-unique id, also the tenant's name. */
  readonly id: string;
  /** Whether the team manages PushSecrets too. */
  readonly allowPushSecrets: boolean;
}

/** A declaration as the backend modules, cluster-kind modules and rules read it. */
export interface DeclarationView {
  /** Name of the declaration (prefix of derived names). */
  readonly name: string;
  /** The ESO controller's service account on every cluster. */
  readonly esoController: ServiceAccountRef;
  /** Tags on every cloud resource created. */
  readonly tags: Readonly<Record<string, string>>;
  /**
   * AWS defaults.
   * @default - undefined when not given
   */
  readonly aws?: AwsDefaults;
  /**
   * Azure defaults.
   * @default - undefined when not given
   */
  readonly azure?: AzureDefaults;
  /**
   * Google Cloud defaults.
   * @default - undefined when not given
   */
  readonly gcp?: GcpDefaults;
  /** Declared clusters, in declaration order. */
  readonly clusters: readonly ClusterDeclaration[];
  /** Declared secrets. */
  readonly secrets: readonly SecretDeclaration[];
  /** Declared stores. */
  readonly stores: readonly StoreDeclaration[];
  /** Declared ExternalSecrets. */
  readonly externalSecrets: readonly ExternalSecretDeclaration[];
  /** Declared PushSecrets. */
  readonly pushSecrets: readonly PushSecretDeclaration[];
  /** Declared Vault auth mounts. */
  readonly vaultAuths: readonly VaultAuthDeclaration[];
  /** Declared tenants, in declaration order. */
  readonly tenants: readonly TenantDeclaration[];
  /** The tenant owning a namespace, if any. */
  tenantOf(namespace: string): TenantDeclaration | undefined;
  /** The tenant owning a secret, if any. */
  ownerOf(secret: SecretDeclaration): TenantDeclaration | undefined;
  /** The clusters a store exists on (explicit, or its backend's default); an error when none. */
  clustersOfStore(store: StoreDeclaration): readonly ClusterDeclaration[];
  /** The clusters an ExternalSecret or PushSecret lands on. */
  clustersOf(consumer: { readonly store: StoreDeclaration; readonly clusters?: readonly ClusterDeclaration[] }): readonly ClusterDeclaration[];
  /** Path of a declared element, for messages: `<declaration>/<collection>/<id>`. */
  pathOf(collection: string, id: string): string;
}
