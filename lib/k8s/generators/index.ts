// Re-exports only: typed ESO generators (generators.external-secrets.io/v1alpha1).
export * from './generator';
export * from './password';
export * from './vault-dynamic-secret';
