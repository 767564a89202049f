// Re-exports only: the cdktf side of the platform (`cdk-external-secrets/platform`). The cdk8s side
// is `./k8s` (`cdk-external-secrets/platform/k8s`), so a cdktf app loads no cdk8s and a cdk8s app
// loads no cdktf.
/**
 * `import { … } from 'cdk-external-secrets/platform'`. The declaration's cloud side (cdktf). Loads cdktf; each backend's provider when a declaration uses the backend, `@cdktf/provider-helm` when an `EsoClusterAddons` is created.
 *
 * @module cdk-external-secrets/platform
 */
import './peers';
export * from './outputs';
export * from './secrets-platform-infrastructure';
export * from './secrets-platform-stacks';
export * from './sharding';
export * from './eso-cluster-addons';
export * from './platform-outputs';
