import { IConstruct } from 'constructs';

/** The auth methods lib/vault configures for Kubernetes workloads. */
export enum VaultAuthMethod {
  /** Kubernetes auth: Vault reviews the service account token with the cluster's TokenReview API. */
  KUBERNETES = 'kubernetes',
  /** JWT auth: Vault verifies the service account token against the cluster's public OIDC issuer. */
  JWT = 'jwt',
}

/** An auth method mount (created here or existing) that roles are created on. */
export interface IVaultAuthMount extends IConstruct {
  /** The auth method. */
  readonly method: VaultAuthMethod;
  /** Mount path without `auth/` (`kubernetes-prod`): the store's `auth.kubernetes.mountPath`. */
  readonly mountPath: string;
  /**
   * Vault Enterprise / HCP namespace of the mount.
   * @default - root namespace
   */
  readonly namespace?: string;
}
