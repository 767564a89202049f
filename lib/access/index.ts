// Re-exports only: the access model (`cdk-external-secrets/access`, engine-free).
/**
 * `import { … } from 'cdk-external-secrets/access'`. The access model of a declaration and its JSON
 * Schema. Loads no engine and no provider.
 *
 * @module cdk-external-secrets/access
 */
export * from './model-types';
export * from './schema';
export * from './build-model';
export * from './read-model';
export * from './diff';
export * from './diff-markdown';
export * from './cli';
