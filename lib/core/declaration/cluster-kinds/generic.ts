/** The generic cluster kind: any distribution (on-prem RKE2, k3s, Kind, OpenShift, …). */
import { checkIssuer } from '../checks';
import { ClusterCloud, ClusterDeclaration } from '../clusters';
import { DeclarationMembers } from '../members';

/** Props of a generic Kubernetes cluster in a declaration. */
export interface GenericClusterOptions {
  /** Name of the cluster (used in derived names and federated credential names). */
  readonly clusterName: string;
  /**
   * The cluster's OIDC issuer URL (`kubectl get --raw /.well-known/openid-configuration | jq -r .issuer`),
   * when it is served publicly (discovery document and JWKS reachable by the clouds). Cloud stores
   * federate with it (an IAM OIDC provider, an Entra federated credential); without it only backends
   * that authenticate inside the cluster (Vault Kubernetes auth) can serve the cluster.
   * @default - none: cloud stores on this cluster are an error
   */
  readonly oidcIssuerUrl?: string;
  /**
   * Distribution, for the access matrix (`rke2`, `k3s`, `kind`, …).
   * @default - "kubernetes"
   */
  readonly distribution?: string;
}

/** A generic cluster, as resolved in a declaration. */
export interface GenericClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.GENERIC;
  /** Distribution. */
  readonly distribution: string;
}

/** Declares a generic cluster (see {@link SecretsDeclaration.addCluster}). */
export function declareGenericCluster(members: DeclarationMembers, id: string, options: GenericClusterOptions): GenericClusterDeclaration {
  const path = members.register('clusters', id);
  if (options.oidcIssuerUrl !== undefined) {
    checkIssuer(path, 'oidcIssuerUrl', options.oidcIssuerUrl);
  }
  return members.adopt<GenericClusterDeclaration>('clusters', {
    id, cloud: ClusterCloud.GENERIC, clusterName: options.clusterName, oidcIssuerUrl: options.oidcIssuerUrl,
    distribution: options.distribution ?? 'kubernetes',
  });
}
