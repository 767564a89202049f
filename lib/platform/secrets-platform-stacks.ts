import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { IdentityPlan, SecretDeclaration, SecretsDeclaration } from '../core/declaration';
import { duplicateStackName, invalidShardName, stacksOutsideApp, unknownShard, wrongType } from '../core/errors';
import { assertDeclaration, assertPropsObject } from '../core/validation';
import { PLACEMENT, PlatformPlacement } from './private/placement';
import { SecretsPlatformInfrastructure, SecretsPlatformInfrastructureProps } from './secrets-platform-infrastructure';
import { SHARED_SHARD, ShardAssignment, Sharding } from './sharding';

/** Props of {@link SecretsPlatformStacks}. */
export interface SecretsPlatformStacksProps {
  /** The declaration to render (the same module the cdk8s app renders). */
  readonly declaration: SecretsDeclaration;
  /** How to split the cloud side: `Sharding.perTenant()`, `.perCluster()`, `.perBackend()` or `.explicit({ … })`. */
  readonly sharding: Sharding;
  /**
   * Configures each stack the construct creates, the shared one included (`shard` is `"shared"`):
   * its providers (every stack needs the providers of the resources it holds) and its backend (each
   * stack its own state; cross-stack references read the shared stack's outputs through it).
   */
  readonly configureStack: (stack: TerraformStack, shard: string) => void;
  /**
   * Prefix of the stack names: `<prefix>-shared`, `<prefix>-<shard>`.
   * @default - the declaration's name
   */
  readonly stackNamePrefix?: string;
  /**
   * Build only these shards (and the shared stack): the others' stacks and constructs are not created,
   * so synthesizing one shard costs what the shard holds, not what the estate holds. Deploy only the
   * shards built: the shared stack built with a subset carries only the outputs those shards read, so
   * deploy the shared stack from a build of every shard.
   * @default - every shard
   */
  readonly only?: readonly string[];
}

/**
 * Renders a {@link SecretsDeclaration}'s cloud side into several cdktf stacks, chosen by a
 * {@link Sharding}: a shared stack (`<prefix>-shared`) with what several shards use (KMS keys, IAM OIDC
 * providers, Key Vaults and their list roles, Vault mounts, Google projects and pools, and the secrets
 * identities of several shards read), and one stack per shard (`<prefix>-<shard>`) with its identities,
 * their grants and its secrets. Shards refer to the shared stack through cdktf cross-stack references
 * (an output in the shared stack, a `terraform_remote_state` in the shard) and depend on it, so
 * `cdktf deploy '*' --parallelism N`, Atlantis or HCP Terraform apply the shared stack first and the
 * shards in parallel. Shards never refer to each other.
 *
 * Every stack is verified on its own against the plan at synth, like `SecretsPlatformInfrastructure`
 * (which renders the same declaration into one stack, byte for byte as before).
 *
 * @example
 * const app = new App();
 * const stacks = new SecretsPlatformStacks(app, 'Secrets', {
 *   declaration, sharding: Sharding.perTenant(),
 *   configureStack: (stack, shard) => {
 *     new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
 *     new S3Backend(stack, { bucket: 'tf-state', key: `secrets/${shard}.tfstate`, region: 'eu-west-1' });
 *   },
 * });
 * app.synth();
 */
export class SecretsPlatformStacks extends Construct {
  /** The shared stack (`<prefix>-shared`). */
  public readonly sharedStack: TerraformStack;
  /** The rendered platform (in the shared stack): its accessors reach every stack's resources. */
  public readonly infrastructure: SecretsPlatformInfrastructure;
  /** Every shard of the sharding, sorted (built or not), besides the shared stack. */
  public readonly shards: readonly string[];
  private readonly assignment: ShardAssignment;
  private readonly stacks = new Map<string, TerraformStack>();

  constructor(scope: Construct, id: string, props: SecretsPlatformStacksProps) {
    super(scope, id);
    const path = this.node.path;
    assertPropsObject(path, props, 'SecretsPlatformStacksProps');
    assertDeclaration(path, props.declaration);
    if (!App.isApp(scope)) {
      throw stacksOutsideApp(path, scope.node.path);
    }
    if (!(props.sharding instanceof Sharding)) {
      throw wrongType(path, 'sharding', props.sharding, 'Sharding.perTenant(), Sharding.perCluster(), Sharding.perBackend() or Sharding.explicit({ shards, shardOf })');
    }
    if (typeof props.configureStack !== 'function') {
      throw wrongType(path, 'configureStack', props.configureStack, 'a function (stack, shard) => void that adds the stack\'s providers and backend');
    }
    const prefix = props.stackNamePrefix ?? props.declaration.name;
    if (typeof prefix !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/.test(prefix)) {
      throw invalidShardName(path, 'stackNamePrefix', prefix, 'the prefix of every stack name');
    }
    this.assignment = props.sharding.assign(path, props.declaration);
    this.shards = this.assignment.shards;
    const built = this.selected(path, props.only);
    // Stack names unique in the app: no shard named like the shared stack, no shard twice, no other stack of the app.
    const names = new Map<string, string>();
    for (const shard of [SHARED_SHARD, ...built]) {
      const name = `${prefix}-${shard}`;
      const first = names.get(name.toLowerCase());
      if (first !== undefined) {
        throw duplicateStackName(path, 'sharding', shard, first === SHARED_SHARD ? `"${name}" is the shared stack's name` : `shard "${first}" has the stack name "${name}" too (names are compared regardless of case)`);
      }
      if (scope.node.tryFindChild(name) !== undefined) {
        throw duplicateStackName(path, 'stackNamePrefix', prefix, `the app already holds a construct named "${name}"`);
      }
      names.set(name.toLowerCase(), shard);
    }
    this.sharedStack = this.createStack(scope, `${prefix}-${SHARED_SHARD}`, SHARED_SHARD, props.configureStack);
    const roots = new Map<string, Construct>();
    for (const shard of built) {
      const stack = this.createStack(scope, `${prefix}-${shard}`, shard, props.configureStack);
      // Every shard depends on the shared stack (cdktf adds the same for each cross-stack reference).
      stack.addDependency(this.sharedStack);
      roots.set(shard, new Construct(stack, 'Platform'));
    }
    const scopeOf = (shard: string, shared: Construct) => (shard === SHARED_SHARD ? shared : roots.get(shard));
    const placement: PlatformPlacement = {
      secretScope: (secret, shared) => scopeOf(this.assignment.secrets.get(secret.id)!, shared),
      identityScope: (identity, shared) => scopeOf(this.assignment.identities.get(identity.id)!, shared),
      scopeOfSecrets: (secrets, shared) => {
        const shards = new Set(secrets.map((secret) => this.assignment.secrets.get(secret.id)!));
        return shards.size === 1 ? scopeOf([...shards][0], shared) : shared;
      },
      shardScopes: [...roots.values()],
    };
    this.infrastructure = new SecretsPlatformInfrastructure(this.sharedStack, 'Platform',
      { declaration: props.declaration, [PLACEMENT]: placement } as SecretsPlatformInfrastructureProps);
  }

  /**
   * The stack of a shard (`"shared"` for the shared stack).
   * @returns undefined when the shard is not built (`only`)
   */
  public stackOf(shard: string): TerraformStack | undefined {
    if (shard !== SHARED_SHARD && !this.shards.includes(shard)) {
      throw unknownShard(this.node.path, 'shard', shard, this.shards);
    }
    return this.stacks.get(shard);
  }

  /** The shard of an identity (`"shared"` for the shared stack). */
  public shardOfIdentity(identity: IdentityPlan): string {
    return this.assignment.identities.get(identity.id)!;
  }

  /** The shard of a declared secret (`"shared"` for the shared stack). */
  public shardOfSecret(secret: SecretDeclaration): string {
    return this.assignment.secrets.get(secret.id)!;
  }

  private selected(path: string, only: readonly string[] | undefined): readonly string[] {
    if (only === undefined) {
      return this.shards;
    }
    if (!Array.isArray(only)) {
      throw wrongType(path, 'only', only, 'an array of shard names');
    }
    only.forEach((shard, i) => {
      if (!this.shards.includes(shard)) {
        throw unknownShard(path, `only[${i}]`, shard, this.shards);
      }
    });
    return this.shards.filter((shard) => only.includes(shard));
  }

  private createStack(scope: Construct, name: string, shard: string, configure: (stack: TerraformStack, shard: string) => void): TerraformStack {
    const stack = new TerraformStack(scope, name);
    this.stacks.set(shard, stack);
    configure(stack, shard);
    return stack;
  }
}
