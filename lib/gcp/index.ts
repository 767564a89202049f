export * from './project';
export * from './principal';
export * from './secret-manager-secret';
export * from './gke-workload-principal';
export * from './google-service-account-identity';
export * from './workload-identity-pool';
export * from './gke-secrets-encryption-key';
