// Re-exports only: the AWS (cdktf) constructs and the engine-free policy compiler.
/**
 * `import { … } from 'cdk-external-secrets/aws'`. The AWS constructs (cdktf) and the policy compiler. Loads cdktf and `@cdktf/provider-aws`.
 *
 * @module cdk-external-secrets/aws
 */
import './peers';
export * from './arns';
export * from './environment';
export * from './policy/policy-document';
export * from './policy/policy-guard';
export * from './policy/grantee';
export * from './policy/access-policy-compiler';
export * from './policy/owned-prefix-guardrail';
export * from './secret-value-source';
export * from './rotation-schedule';
export * from './kms-key';
export * from './eks-secrets-encryption-key';
export * from './secrets-manager-secret';
export * from './ssm-secure-parameter';
export * from './eso-access-policy';
export * from './eso-workload-role';
export * from './irsa-role';
export * from './pod-identity-role';
export * from './sops-decrypt-grant';
