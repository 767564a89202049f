/** The EKS cluster kind: IRSA or EKS Pod Identity for AWS stores, its issuer for the other clouds. */
import { missingOidcIssuer } from '../../errors';
import { checkAwsAccount, checkAwsRegion, checkIssuer, requireDefaults } from '../checks';
import { AwsIdentityMode, ClusterCloud, ClusterDeclaration } from '../clusters';
import type { SecretsDeclaration } from '../declaration';
import { DeclarationMembers } from '../members';

/** Props of an EKS cluster in a declaration. */
export interface EksClusterOptions {
  /** EKS cluster name (as in `aws eks describe-cluster --name`). */
  readonly clusterName: string;
  /**
   * AWS account the cluster runs in.
   * @default - the declaration's AWS account
   */
  readonly accountId?: string;
  /**
   * AWS region of the cluster.
   * @default - the declaration's AWS region
   */
  readonly region?: string;
  /**
   * How ESO gets AWS credentials on this cluster.
   * @default AwsIdentityMode.IRSA
   */
  readonly identityMode?: AwsIdentityMode;
  /**
   * The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<ID>`). Required for IRSA.
   * @default - none; required when identityMode is IRSA
   */
  readonly oidcIssuerUrl?: string;
  /**
   * Register the cluster's OIDC issuer as an IAM OIDC provider in the declaration's account. Needed
   * when the cluster lives in another account than the roles (cross-account IRSA).
   * @default - true when the cluster's account differs from the declaration's account, else false
   *   (the cluster's own OIDC provider is used)
   */
  readonly registerOidcProvider?: boolean;
}

/** An EKS cluster, as resolved in a declaration. */
export interface EksClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.AWS;
  readonly accountId: string;
  readonly region: string;
  readonly identityMode: AwsIdentityMode;
  readonly registerOidcProvider: boolean;
}

/** Declares an EKS cluster (see {@link SecretsDeclaration.addEksCluster}). */
export function declareEksCluster(members: DeclarationMembers, declaration: SecretsDeclaration, id: string, options: EksClusterOptions): EksClusterDeclaration {
  const path = members.register('clusters', id);
  const aws = requireDefaults(path, 'accountId', 'AWS', declaration.aws);
  const accountId = options.accountId ?? aws.accountId;
  const region = options.region ?? aws.region;
  checkAwsAccount(path, 'accountId', accountId);
  checkAwsRegion(path, 'region', region);
  const identityMode = options.identityMode ?? AwsIdentityMode.IRSA;
  if (options.oidcIssuerUrl !== undefined) {
    checkIssuer(path, 'oidcIssuerUrl', options.oidcIssuerUrl);
  } else if (identityMode === AwsIdentityMode.IRSA) {
    throw missingOidcIssuer(path, 'oidcIssuerUrl');
  }
  return members.adopt<EksClusterDeclaration>('clusters', {
    id, cloud: ClusterCloud.AWS, clusterName: options.clusterName, accountId, region, identityMode,
    oidcIssuerUrl: options.oidcIssuerUrl,
    registerOidcProvider: options.registerOidcProvider ?? accountId !== aws.accountId,
  });
}
