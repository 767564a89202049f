/** How the ESO controller (or a store's service account) on an EKS cluster gets its AWS credentials. */
export enum AwsIdentityMode {
  /**
   * IAM Roles for Service Accounts: the service account is annotated with a role ARN and the role
   * trusts the cluster's OIDC issuer, pinned on `:sub` and `:aud`.
   * @see https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html
   */
  IRSA = 'IRSA',
  /**
   * EKS Pod Identity: the role trusts `pods.eks.amazonaws.com` and an association binds it to the
   * controller's service account. ESO supports it only through the controller identity (no
   * `serviceAccountRef` in stores).
   * @see https://external-secrets.io/latest/provider/aws-access/
   */
  POD_IDENTITY = 'POD_IDENTITY',
}

/** Cloud a cluster runs in. */
export enum ClusterCloud {
  /** Amazon EKS. */
  AWS = 'AWS',
  /** Azure Kubernetes Service. */
  AZURE = 'AZURE',
}

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

/** A cluster in a declaration: where ESO runs and ExternalSecrets land. */
export interface ClusterDeclaration {
  /** Declaration-unique id. */
  readonly id: string;
  /** Which cloud the cluster runs in. */
  readonly cloud: ClusterCloud;
  /** Cluster name. */
  readonly clusterName: string;
}

/** An EKS cluster, as resolved in a declaration. */
export interface EksClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.AWS;
  readonly accountId: string;
  readonly region: string;
  readonly identityMode: AwsIdentityMode;
  /**
   * OIDC issuer URL (IRSA clusters).
   * @default - undefined for Pod Identity clusters without one
   */
  readonly oidcIssuerUrl?: string;
  readonly registerOidcProvider: boolean;
}

/** An AKS cluster, as resolved in a declaration. */
export interface AksClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.AZURE;
  readonly oidcIssuerUrl: string;
  readonly tenantId: string;
}
