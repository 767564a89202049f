// Re-exports only: Zarf package builder (`cdk-external-secrets/zarf`, engine-free).
/**
 * `import { … } from 'cdk-external-secrets/zarf'`. The Zarf package builder. Loads no engine and no provider.
 *
 * @module cdk-external-secrets/zarf
 */
export * from './zarf-package';
export * from './zarf-helm-chart';
export * from './zarf-manifests';
export { CHART_DEFAULT_IMAGES } from './chart-images';
export * from './uds-package';
export * from './uds-bundle';
