import { TerraformVariable } from 'cdktf';
import { vaultReviewerJwtNotSensitive } from '../core/errors';

/** How Vault reviews the service account tokens presented to a Kubernetes auth mount. */
export enum KubernetesTokenReviewerKind {
  /** Each client's own JWT is sent to the TokenReview API (the client needs `system:auth-delegator`). */
  CLIENT_JWT = 'ClientJwt',
  /** A long-lived reviewer token of one account holding `system:auth-delegator`. */
  REVIEWER_JWT = 'ReviewerJwt',
  /** Vault runs in the same cluster and uses its own pod's token and CA. */
  VAULT_IN_CLUSTER = 'VaultInCluster',
}

/**
 * The TokenReview shape of a Kubernetes auth mount (see the Vault reference: three shapes).
 *
 * - {@link KubernetesTokenReviewer.clientJwt} (default): no `token_reviewer_jwt`,
 *   `disable_local_ca_jwt = true` (Vault runs outside the cluster); every service account that
 *   logs in must be bound to the ClusterRole `system:auth-delegator` (see `VaultAuthDelegatorBinding`).
 *   Short-lived tokens only, nothing long-lived to leak.
 * - {@link KubernetesTokenReviewer.reviewerJwt}: a reviewer account's token, when tenants must
 *   not hold auth-delegator. The provider has no write-only form of `token_reviewer_jwt`, so the
 *   token IS stored (sensitive) in the Terraform state.
 * - {@link KubernetesTokenReviewer.vaultInCluster}: Vault in this cluster uses its own token and
 *   CA (the Vault chart binds its service account to auth-delegator).
 */
export class KubernetesTokenReviewer {
  /** Each client's own JWT as reviewer (Vault outside the cluster). */
  public static clientJwt(): KubernetesTokenReviewer {
    return new KubernetesTokenReviewer(KubernetesTokenReviewerKind.CLIENT_JWT, undefined);
  }

  /**
   * A long-lived reviewer token from a sensitive variable. Note: stored in the Terraform state
   * (the provider has no write-only `token_reviewer_jwt`).
   */
  public static reviewerJwt(variable: TerraformVariable): KubernetesTokenReviewer {
    if (!(variable instanceof TerraformVariable) || variable.sensitive !== true) {
      throw vaultReviewerJwtNotSensitive('KubernetesTokenReviewer.reviewerJwt', 'variable');
    }
    return new KubernetesTokenReviewer(KubernetesTokenReviewerKind.REVIEWER_JWT, variable);
  }

  /** Vault runs inside the cluster: its pod's own token and CA review the clients' tokens. */
  public static vaultInCluster(): KubernetesTokenReviewer {
    return new KubernetesTokenReviewer(KubernetesTokenReviewerKind.VAULT_IN_CLUSTER, undefined);
  }

  private constructor(
    /** The shape. */
    public readonly kind: KubernetesTokenReviewerKind,
    /** @internal */ public readonly _variable: TerraformVariable | undefined,
  ) {}

  /** True when every service account that logs in must hold `system:auth-delegator` itself. */
  public get requiresClientAuthDelegator(): boolean {
    return this.kind === KubernetesTokenReviewerKind.CLIENT_JWT;
  }
}
