// Re-exports only: the Azure (cdktf) constructs (`cdk-external-secrets/azure`).
/**
 * `import { … } from 'cdk-external-secrets/azure'`. The Azure constructs (cdktf). Loads cdktf; `@cdktf/provider-azurerm` when a construct is created.
 *
 * @module cdk-external-secrets/azure
 */
import './peers';
export * from './principal';
export * from './role-assignment';
export * from './secrets-list-role';
export * from './key-vault';
export * from './key-vault-secret';
export * from './workload-identity';
export * from './aks-kms-encryption';
