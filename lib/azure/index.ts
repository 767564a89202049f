// Re-exports only: the Azure (cdktf) constructs (`cdk-external-secrets/azure`).
export * from './principal';
export * from './role-assignment';
export * from './secrets-list-role';
export * from './key-vault';
export * from './key-vault-secret';
export * from './workload-identity';
export * from './aks-kms-encryption';
