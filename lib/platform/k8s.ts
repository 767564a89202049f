// Re-exports only: the cdk8s side of the platform (`cdk-external-secrets/platform/k8s`).
/**
 * `import { … } from 'cdk-external-secrets/platform/k8s'`. The declaration's cluster side (cdk8s). Loads cdk8s and a cdk8s-plus line.
 *
 * @module cdk-external-secrets/platform/k8s
 */
import '../k8s/peers';
export * from './secrets-platform-manifests';
export * from './platform-outputs';
export * from './gitops-layout';
export * from './gitops';
