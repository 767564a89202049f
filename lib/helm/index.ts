// Re-exports only: cdktf constructs for the ESO and Reloader Helm releases and cluster connections.
/**
 * `import { … } from 'cdk-external-secrets/helm'`. The ESO, Reloader and Vault Helm releases and cluster connections (cdktf). Loads cdktf and `@cdktf/provider-helm`.
 *
 * @module cdk-external-secrets/helm
 */
import './peers';
export * from './charts';
export * from './connection';
export * from './container-image';
export * from './eso-release';
export * from './eso-values';
export * from './release-options';
export * from './reloader-release';
export * from './reloader-values';
export * from './resources';
export * from './security-context';
export * from './vault-release';
export * from './vault-values';
export * from './hardening';
