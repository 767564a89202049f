// Re-exports only: the Google Cloud side (cdktf). Import it as `cdk-external-secrets/gcp`.
/**
 * `import { … } from 'cdk-external-secrets/gcp'`. The Google Cloud constructs (cdktf). Loads cdktf and `@cdktf/provider-google`.
 *
 * @module cdk-external-secrets/gcp
 */
import './peers';
export * from './project';
export * from './principal';
export * from './secret-manager-secret';
export * from './gke-workload-principal';
export * from './google-service-account-identity';
export * from './workload-identity-pool';
export * from './gke-secrets-encryption-key';
