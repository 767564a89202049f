// Re-exports only: the cdk8s side of the platform (`cdk-external-secrets/platform/k8s`).
export * from './secrets-platform-manifests';
export * from './platform-outputs';
