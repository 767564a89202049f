// Re-exports only: the engine-free core (`cdk-external-secrets/core`): declaration, names, durations, errors, validation.
export * from './errors';
export * from './duration';
export * from './validation';
export * from './tokens';
export * from './identity';
export * from './declaration';
export * from './cloud-names';
export * from './gcp-principals';
export * from './vault-engines';
export * from './tenants';
export * from './invariants';
