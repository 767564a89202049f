// The library's one errors module: the formatter plus one factory file per domain.
export * from './format';
export * from './common';
export * from './k8s';
export * from './aws';
export * from './azure';
export * from './gcp';
export * from './tenants';
export * from './helm';
export * from './declaration';
export * from './names';
export * from './reload';
export * from './manifests';
export * from './migrate';
export * from './cli';
export * from './vault';
export * from './zarf';
export * from './eso-scope';
