// Re-exports only: cdktf constructs for the HashiCorp Vault side of ESO (KV v2, auth mounts, roles, policies).
/**
 * `import { … } from 'cdk-external-secrets/vault'`. The HashiCorp Vault constructs (cdktf). Loads cdktf and `@cdktf/provider-vault`.
 *
 * @module cdk-external-secrets/vault
 */
import './peers';
export * from './auth-mount';
export * from './database-engine';
export * from './dynamic-secret-path';
export * from './jwt-auth-mount';
export * from './jwt-auth-role';
export * from './kubernetes-auth-mount';
export * from './kubernetes-auth-role';
export * from './kubernetes-token-reviewer';
export * from './kv-mount';
export * from './kv-secret';
export * from './pki-engine';
export * from './policy';
export * from './policy-compiler';
