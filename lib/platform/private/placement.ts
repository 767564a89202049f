/**
 * Where `SecretsPlatformInfrastructure` puts each element when `SecretsPlatformStacks` shards the cloud
 * side: passed under a symbol, so it is no prop of the public API.
 */
import { Construct } from 'constructs';
import type { IdentityPlan, SecretDeclaration } from '../../core/declaration';

/** The key of the placement in the infrastructure's props. */
export const PLACEMENT = Symbol.for('cdk-external-secrets.platform-placement');

/** Where each element of a sharded cloud side goes. */
export interface PlatformPlacement {
  /** The platform construct of the secret's stack (`shared` for the shared stack), or undefined when that stack is not built. */
  secretScope(secret: SecretDeclaration, shared: Construct): Construct | undefined;
  /** The platform construct of the identity's stack (`shared` for the shared stack), or undefined when that stack is not built. */
  identityScope(identity: IdentityPlan, shared: Construct): Construct | undefined;
  /**
   * The platform construct of the stack of a resource these secrets use (a KMS key, a Key Vault): their
   * shard's when they are all in one, else `shared`; undefined when that shard is not built.
   */
  scopeOfSecrets(secrets: readonly SecretDeclaration[], shared: Construct): Construct | undefined;
  /** The platform construct of every built shard stack (each verified against the plan on its own). */
  readonly shardScopes: readonly Construct[];
}
