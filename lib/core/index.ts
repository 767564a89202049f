// Re-exports only: the engine-free core (`cdk-external-secrets/core`): declaration, names, durations, errors, validation.
/**
 * `import { … } from 'cdk-external-secrets/core'`. The engine-free core: the declaration, names, durations, errors, validation. Loads no engine and no provider.
 *
 * @module cdk-external-secrets/core
 */
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
export * from './sops';
