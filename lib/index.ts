// Re-exports only. Engine-free core first, then the cdk8s (k8s) and cdktf (aws, azure, helm) constructs.
export * from './core';
export * from './k8s';
export * from './aws';
export * from './azure';
export * from './helm';
export * from './platform';
