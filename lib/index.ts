// Re-exports only. Engine-free core first, then the cdk8s (k8s) and cdktf (aws, azure, gcp, helm) constructs.
// Each folder is also a subpath entry point (package.json "exports"): `cdk-external-secrets/core`, ...
// The root loads every engine and provider ("everything installed"); projects built from one install
// line import from the subpaths. The first import checks the peers and names what is missing.
import './root-peers';
export * from './core';
export * from './k8s';
export * from './aws';
export * from './azure';
export * from './gcp';
export * from './vault';
export * from './helm';
export * from './platform';
export * from './platform/k8s';
export * from './validation';
export * from './migrate';
export * from './migrate/k8s';
export * from './zarf';
export * from './access';
