import type { AccessPolicyCompiler } from './access-policy-compiler';

/**
 * Something that can receive IAM grants: an ESO role (IRSA or Pod Identity) or a bare
 * {@link AccessPolicyCompiler}. Every `grantRead()` / `grantDecrypt()` of this library adds to the
 * grantee's compiler, so grants from several places merge into one least-privilege policy.
 */
export interface IAwsGrantee {
  /** The compiler that collects the grants. */
  readonly grantPolicy: AccessPolicyCompiler;
}

/** What a grant added, for review and tests (the aws-cdk `Grant` counterpart). */
export interface AwsGrant {
  /** The grantee. */
  readonly grantee: IAwsGrantee;
  /** Actions granted on the resource (besides any KMS decrypt). */
  readonly actions: readonly string[];
  /** Resource ARNs (patterns) granted. */
  readonly resourceArns: readonly string[];
}
