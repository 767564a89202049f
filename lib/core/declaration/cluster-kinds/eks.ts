/** The EKS cluster kind: IRSA or EKS Pod Identity for AWS stores, its issuer for the other clouds. */
import { missingOidcIssuer, regionMismatch } from '../../errors';
import { checkAwsAccount, checkAwsRegion, checkIssuer, requireDefaults } from '../checks';
import { AwsIdentityMode, ClusterCloud, ClusterDeclaration } from '../clusters';
import type { DeclarationView } from '../view';
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
   * Whether the cloud side creates the IAM OIDC provider of the cluster's issuer in the declaration's
   * account, or looks up one that exists (created with the cluster, e.g. terraform-aws-modules/eks
   * `enable_irsa`). A looked-up provider that does not exist fails at `terraform plan`, not at sync.
   * @default OidcProviderMode.CREATE (or what `registerOidcProvider` says)
   */
  readonly oidcProvider?: OidcProviderMode;
  /**
   * Older spelling of `oidcProvider`: true is `OidcProviderMode.CREATE`, false `OidcProviderMode.EXISTING`.
   * @default - see oidcProvider
   * @deprecated use oidcProvider
   */
  readonly registerOidcProvider?: boolean;
}

/** Where the IAM OIDC provider of an EKS cluster's issuer comes from. */
export enum OidcProviderMode {
  /** The cloud side creates it (audience `sts.amazonaws.com`) in the declaration's account. */
  CREATE = 'CREATE',
  /** It exists in the declaration's account: the cloud side looks it up by issuer URL (data source). */
  EXISTING = 'EXISTING',
}

/** An EKS cluster, as resolved in a declaration. */
export interface EksClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.AWS;
  readonly accountId: string;
  readonly region: string;
  readonly identityMode: AwsIdentityMode;
  /** Where the IAM OIDC provider comes from. */
  readonly oidcProvider: OidcProviderMode;
  /** Whether the cloud side creates the IAM OIDC provider (`oidcProvider === OidcProviderMode.CREATE`). */
  readonly registerOidcProvider: boolean;
}

/** Declares an EKS cluster (see {@link SecretsDeclaration.addEksCluster}). */
export function declareEksCluster(members: DeclarationMembers, declaration: DeclarationView, id: string, options: EksClusterOptions): EksClusterDeclaration {
  const path = members.register('clusters', id);
  const aws = requireDefaults(path, 'accountId', 'AWS', declaration.aws);
  const accountId = options.accountId ?? aws.accountId;
  const region = options.region ?? aws.region;
  checkAwsAccount(path, 'accountId', accountId);
  checkAwsRegion(path, 'region', region);
  const identityMode = options.identityMode ?? AwsIdentityMode.IRSA;
  if (options.oidcIssuerUrl !== undefined) {
    checkIssuer(path, 'oidcIssuerUrl', options.oidcIssuerUrl);
    const issuerRegion = /^https:\/\/oidc\.eks\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\//.exec(options.oidcIssuerUrl)?.[1];
    if (issuerRegion !== undefined && issuerRegion !== region) {
      throw regionMismatch(path, 'oidcIssuerUrl', options.oidcIssuerUrl, `the cluster (${options.clusterName})`, region,
        'pass the issuer of this cluster (aws eks describe-cluster --query cluster.identity.oidc.issuer), or the cluster\'s region');
    }
  } else if (identityMode === AwsIdentityMode.IRSA) {
    throw missingOidcIssuer(path, 'oidcIssuerUrl');
  }
  const oidcProvider = options.oidcProvider
    ?? (options.registerOidcProvider === false ? OidcProviderMode.EXISTING : OidcProviderMode.CREATE);
  return members.adopt<EksClusterDeclaration>('clusters', {
    id, cloud: ClusterCloud.AWS, clusterName: options.clusterName, accountId, region, identityMode,
    oidcIssuerUrl: options.oidcIssuerUrl, oidcProvider, registerOidcProvider: oidcProvider === OidcProviderMode.CREATE,
  });
}
