// Re-exports only: the cdk8s constructs for External Secrets Operator and Reloader wiring.
/**
 * `import { … } from 'cdk-external-secrets/k8s'`. The cdk8s constructs for External Secrets Operator and Reloader wiring. Loads cdk8s and the first installed cdk8s-plus line.
 *
 * @module cdk-external-secrets/k8s
 */
import './peers';
export * from './enums';
export * from './references';
export type { ISecretStore } from './secret-store-ref';
export * from './secret-store-provider';
export { AwsAuth, AwsSessionTagsPolicy } from './providers/aws';
export type {
  AwsAccessKeysAuthOptions, AwsParameterStoreProviderProps, AwsProviderOptions, AwsSecretsManagerProviderProps,
  AwsServiceAccountAuthOptions, AwsSessionTag, AwsWorkloadIdentityAuthOptions,
} from './providers/aws';
export { AzureEnvironment, AzureKeyVaultAuth } from './providers/azure';
export type {
  AzureKeyVaultProviderProps, AzureManagedIdentityAuthOptions, AzureServicePrincipalAuthOptions, AzureWorkloadIdentityAuthOptions,
} from './providers/azure';
export { GcpAuth, GcpSecretVersionSelectionPolicy } from './providers/gcp';
export type {
  GcpCredConfigAuthOptions, GcpCredentialConfigRef, GcpWorkloadIdentityAuthOptions, GcpWorkloadIdentityFederationAuthOptions,
  GoogleSecretManagerProviderProps,
} from './providers/gcp';
export { VaultAuth, VaultKvVersion } from './providers/vault';
export type { VaultAppRoleAuthOptions, VaultJwtAuthOptions, VaultKubernetesAuthOptions, VaultProviderProps } from './providers/vault';
export { KubernetesAuth } from './providers/kubernetes';
export type { KubernetesProviderProps, KubernetesServer, KubernetesServiceAccountAuthOptions } from './providers/kubernetes';
export * from './providers/ca-provider';
export { SecretStore } from './secret-store';
export type { RetrySettings, SecretStoreCommonProps, SecretStoreProps } from './secret-store';
export { ClusterSecretStore } from './cluster-secret-store';
export type { ClusterSecretStoreCondition, ClusterSecretStoreProps } from './cluster-secret-store';
export * from './external-secret-data';
export * from './external-secret-target';
export * from './external-secret-options';
export * from './external-secret';
export * from './cluster-external-secret';
export * from './push-secret';
export * from './workload-service-account';
export * from './tenant-access';
export * from './secret-reader-access';
export * from './reloader-mode';
export { ReloaderWiring } from './reloader';
export type { ReloaderWiringProps } from './reloader';
export * from './reloadable-workload';
export type * from './plus-types';
export * from './reload-mechanism';
export * from './generators';
export * from './vault-auth-delegator';
export * from './sops-distribution';
