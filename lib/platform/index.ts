// Re-exports only: the cdktf side of the platform (`cdk-external-secrets/platform`). The cdk8s side
// is `./k8s` (`cdk-external-secrets/platform/k8s`), so a cdktf app loads no cdk8s and a cdk8s app
// loads no cdktf.
export * from './outputs';
export * from './secrets-platform-infrastructure';
export * from './eso-cluster-addons';
export * from './platform-outputs';
