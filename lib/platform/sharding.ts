/**
 * How `SecretsPlatformStacks` splits a declaration's cloud side into stacks: each identity and each
 * secret gets a shard (a stack) or the shared stack. Resources several shards use (KMS keys, IAM OIDC
 * providers, Key Vaults, Vault mounts, Google pools and projects) always live in the shared stack.
 */
import { IdentityPlan, SecretDeclaration, SecretsDeclaration, backendModelOfSecret } from '../core/declaration';
import { crossShardSecret, duplicateShard, elementWithoutShard, invalidShardName, unknownShard, wrongType } from '../core/errors';

/** The name of the shared stack's shard (`<prefix>-shared`): what an explicit mapping returns for it. */
export const SHARED_SHARD = 'shared';

/** An identity or a secret of the cloud side, as a sharding places it. */
export type ShardElement =
  | { readonly kind: 'identity'; readonly identity: IdentityPlan }
  | { readonly kind: 'secret'; readonly secret: SecretDeclaration };

/** Options of {@link Sharding.explicit}. */
export interface ExplicitShardingOptions {
  /** Every shard (one stack each, created even when empty), besides the shared stack. */
  readonly shards: readonly string[];
  /**
   * The shard of an identity or a secret: one of `shards`, or {@link SHARED_SHARD} for the shared
   * stack. A secret must be in the shard of every identity using it, or shared.
   */
  readonly shardOf: (element: ShardElement) => string;
}

/** Where each element goes, as {@link Sharding} assigns it. */
export interface ShardAssignment {
  /** Every shard besides the shared stack, sorted. */
  readonly shards: readonly string[];
  /** The shard of each identity, by identity id ({@link SHARED_SHARD} for the shared stack). */
  readonly identities: ReadonlyMap<string, string>;
  /** The shard of each secret, by secret id ({@link SHARED_SHARD} for the shared stack). */
  readonly secrets: ReadonlyMap<string, string>;
}

/** The secrets an identity's grants refer to (reads, find matches, PushSecret destinations). */
function usedSecrets(identity: IdentityPlan): SecretDeclaration[] {
  return [...identity.reads, ...identity.finds.flatMap((use) => use.matched), ...identity.pushes.map((push) => push.destination)];
}

/** The shard of each secret whose own shard is not given: its users' shard when they share one, else the shared stack. */
function deriveSecretShards(declaration: SecretsDeclaration, identities: ReadonlyMap<string, string>, own: (secret: SecretDeclaration) => string | undefined): Map<string, string> {
  const users = new Map<string, Set<string>>();
  for (const identity of declaration.plan().identities) {
    const shard = identities.get(identity.id)!;
    for (const secret of usedSecrets(identity)) {
      const set = users.get(secret.id) ?? new Set<string>();
      set.add(shard);
      users.set(secret.id, set);
    }
  }
  return new Map(declaration.secrets.map((secret) => {
    const shards = users.get(secret.id);
    return [secret.id, own(secret) ?? (shards?.size === 1 ? [...shards][0] : SHARED_SHARD)];
  }));
}

/**
 * How the cloud side is split into stacks ({@link SecretsPlatformStacks}): per tenant, per cluster, per
 * backend, or an explicit partition. Resources several identities share always go to the shared stack;
 * a secret goes to the shard of the identities that use it (when they share one), else to the shared
 * stack, so shards refer to the shared stack only, never to each other.
 */
export abstract class Sharding {
  /**
   * One stack per tenant: an identity goes to the tenant whose secrets it is granted (CES-TEN-1 allows
   * one), else to the tenant owning its service account's namespace; a tenant's secrets to the tenant.
   * The platform's identities and secrets (no tenant) go to the shared stack.
   */
  public static perTenant(): Sharding {
    return new DerivedSharding('Sharding.perTenant()', 'a tenant id', (identity, declaration) => {
      const owner = usedSecrets(identity).map((secret) => declaration.ownerOf(secret)).find((tenant) => tenant !== undefined);
      return (owner ?? declaration.tenantOf(identity.serviceAccount.namespace))?.id;
    }, (secret, declaration) => declaration.ownerOf(secret)?.id);
  }

  /**
   * One stack per cluster: an identity trusted by one cluster goes to that cluster's stack, one trusted
   * by several to the shared stack; a secret to the stack of the identities using it.
   */
  public static perCluster(): Sharding {
    return new DerivedSharding('Sharding.perCluster()', 'a cluster id', (identity) => (identity.clusters.length === 1 ? identity.clusters[0].id : undefined), () => undefined);
  }

  /** One stack per backend (`aws`, `azure-key-vault`, `google-secret-manager`, `vault`): its identities and secrets. */
  public static perBackend(): Sharding {
    return new DerivedSharding('Sharding.perBackend()', 'a backend kind', (identity) => identity.provider, (secret) => backendModelOfSecret(secret.backend).kind);
  }

  /** An explicit partition: every identity and every secret mapped to a declared shard or to the shared stack. */
  public static explicit(options: ExplicitShardingOptions): Sharding {
    return new ExplicitSharding(options);
  }

  /**
   * Places every identity and secret of the declaration (what {@link SecretsPlatformStacks} builds),
   * and checks that shards refer only to the shared stack.
   * @param path where errors point (the `SecretsPlatformStacks` construct)
   */
  public abstract assign(path: string, declaration: SecretsDeclaration): ShardAssignment;
}

const SHARD_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;

/** Checks a shard name (from the declaration or the user). */
function checkShardName(path: string, prop: string, value: unknown, origin: string): string {
  if (typeof value !== 'string' || !SHARD_NAME.test(value)) {
    throw invalidShardName(path, prop, value, origin);
  }
  return value;
}

/** Every identity's secrets in its shard or shared: else the stacks would refer to each other. */
function checkReferences(path: string, declaration: SecretsDeclaration, identities: ReadonlyMap<string, string>, secrets: ReadonlyMap<string, string>): void {
  for (const identity of declaration.plan().identities) {
    const shard = identities.get(identity.id)!;
    for (const secret of usedSecrets(identity)) {
      const secretShard = secrets.get(secret.id)!;
      if (secretShard !== SHARED_SHARD && secretShard !== shard) {
        throw crossShardSecret(path, 'sharding', secret.id, secretShard, identity.id, shard);
      }
    }
  }
}

class DerivedSharding extends Sharding {
  constructor(
    private readonly title: string,
    private readonly origin: string,
    private readonly identityShard: (identity: IdentityPlan, declaration: SecretsDeclaration) => string | undefined,
    private readonly secretShard: (secret: SecretDeclaration, declaration: SecretsDeclaration) => string | undefined) {
    super();
  }

  public assign(path: string, declaration: SecretsDeclaration): ShardAssignment {
    const identities = new Map(declaration.plan().identities.map((identity) => {
      const shard = this.identityShard(identity, declaration);
      return [identity.id, shard === undefined ? SHARED_SHARD : this.check(path, shard, `identity "${identity.id}"`)];
    }));
    const secrets = deriveSecretShards(declaration, identities, (secret) => {
      const shard = this.secretShard(secret, declaration);
      return shard === undefined ? undefined : this.check(path, shard, `secret "${secret.id}"`);
    });
    checkReferences(path, declaration, identities, secrets);
    const shards = [...new Set([...identities.values(), ...secrets.values()])].filter((s) => s !== SHARED_SHARD).sort();
    return { shards, identities, secrets };
  }

  /** A derived shard name: valid as a stack name, and not the shared stack's (a tenant or cluster named "shared"). */
  private check(path: string, shard: string, element: string): string {
    const name = checkShardName(path, 'sharding', shard, `${this.title} names each stack after ${this.origin}; ${element} maps to it`);
    if (name === SHARED_SHARD) {
      throw duplicateShard(path, 'sharding', name, undefined);
    }
    return name;
  }
}

class ExplicitSharding extends Sharding {
  constructor(private readonly options: ExplicitShardingOptions) {
    super();
  }

  public assign(path: string, declaration: SecretsDeclaration): ShardAssignment {
    const { shards, shardOf } = this.options ?? {};
    if (!Array.isArray(shards)) {
      throw wrongType(path, 'sharding.shards', shards, 'an array of shard names');
    }
    if (typeof shardOf !== 'function') {
      throw wrongType(path, 'sharding.shardOf', shardOf, 'a function from an identity or a secret (a ShardElement) to its shard name');
    }
    const seen = new Map<string, string>();
    const declared = shards.map((shard, i) => {
      const name = checkShardName(path, `sharding.shards[${i}]`, shard, 'Sharding.explicit names each stack after a declared shard');
      if (name === SHARED_SHARD || seen.has(name.toLowerCase())) {
        throw duplicateShard(path, `sharding.shards[${i}]`, name, seen.get(name.toLowerCase()));
      }
      seen.set(name.toLowerCase(), `sharding.shards[${i}]`);
      return name;
    });
    const known = new Set([...declared, SHARED_SHARD]);
    const place = (element: ShardElement, name: string): string => {
      const shard = shardOf(element);
      if (shard === undefined || shard === null || shard === '') {
        throw elementWithoutShard(path, 'sharding.shardOf', name, shard);
      }
      if (!known.has(shard)) {
        throw unknownShard(path, 'sharding.shardOf', shard, declared);
      }
      return shard;
    };
    const identities = new Map(declaration.plan().identities.map((identity) => [identity.id, place({ kind: 'identity', identity }, `identity "${identity.id}"`)]));
    const secrets = new Map(declaration.secrets.map((secret) => [secret.id, place({ kind: 'secret', secret }, `secret "${secret.id}"`)]));
    checkReferences(path, declaration, identities, secrets);
    return { shards: [...declared].sort(), identities, secrets };
  }
}
