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

/** Where a cluster runs (its kind). */
export enum ClusterCloud {
  /** Amazon EKS. */
  AWS = 'AWS',
  /** Azure Kubernetes Service. */
  AZURE = 'AZURE',
  /** Google Kubernetes Engine. */
  GCP = 'GCP',
  /** Any other Kubernetes distribution (on-prem RKE2, k3s, Kind, OpenShift, …). */
  GENERIC = 'GENERIC',
}

/** A cluster in a declaration: where ESO runs and ExternalSecrets land. */
export interface ClusterDeclaration {
  /** Declaration-unique id. */
  readonly id: string;
  /** Which cloud the cluster runs in. */
  readonly cloud: ClusterCloud;
  /** Cluster name. */
  readonly clusterName: string;
  /**
   * The cluster's OIDC issuer URL (service account token `iss`), byte for byte: what clouds federate with.
   * @default - undefined: the cluster has no issuer reachable by the clouds (only its own kind's federation works)
   */
  readonly oidcIssuerUrl?: string;
}

