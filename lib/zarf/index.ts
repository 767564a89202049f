// Re-exports only: Zarf package builder (`cdk-external-secrets/zarf`, engine-free).
export * from './zarf-package';
export * from './zarf-helm-chart';
export * from './zarf-manifests';
export { CHART_DEFAULT_IMAGES } from './chart-images';
