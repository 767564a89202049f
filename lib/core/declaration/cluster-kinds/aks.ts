/** The AKS cluster kind: Azure workload identity natively, its public issuer for the other clouds. */
import { checkAzureTenant, checkIssuer, requireDefaults } from '../checks';
import { ClusterCloud, ClusterDeclaration } from '../clusters';
import type { DeclarationView } from '../view';
import { DeclarationMembers } from '../members';

/** Props of an AKS cluster in a declaration. */
export interface AksClusterOptions {
  /** AKS cluster name. */
  readonly clusterName: string;
  /**
   * The cluster's OIDC issuer URL (`oidc_issuer_url` of the AKS cluster, workload identity enabled),
   * byte for byte (AKS issuers end with `/`). Azure federated credentials use it as `issuer`; when an
   * AWS store is placed on this cluster, the cloud renderer also registers it as an IAM OIDC provider
   * in the declaration's AWS account (audience `sts.amazonaws.com`).
   */
  readonly oidcIssuerUrl: string;
  /**
   * Entra tenant of the cluster's identities.
   * @default - the declaration's Azure tenant
   */
  readonly tenantId?: string;
}

/** An AKS cluster, as resolved in a declaration. */
export interface AksClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.AZURE;
  /** The AKS issuer, byte for byte (ends with `/`). */
  readonly oidcIssuerUrl: string;
  readonly tenantId: string;
}

/** Declares an AKS cluster (see {@link SecretsDeclaration.addAksCluster}). */
export function declareAksCluster(members: DeclarationMembers, declaration: DeclarationView, id: string, options: AksClusterOptions): AksClusterDeclaration {
  const path = members.register('clusters', id);
  checkIssuer(path, 'oidcIssuerUrl', options.oidcIssuerUrl);
  const tenantId = requireDefaults(path, 'tenantId', 'Azure', options.tenantId ?? declaration.azure?.tenantId);
  checkAzureTenant(path, 'tenantId', tenantId);
  return members.adopt<AksClusterDeclaration>('clusters', {
    id, cloud: ClusterCloud.AZURE, clusterName: options.clusterName, oidcIssuerUrl: options.oidcIssuerUrl, tenantId,
  });
}
