export * from './outputs';
export * from './secrets-platform-infrastructure';
export * from './eso-cluster-addons';
export * from './secrets-platform-manifests';
