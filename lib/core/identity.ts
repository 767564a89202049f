/**
 * Engine-free description of the cloud identity a Kubernetes service account uses.
 *
 * The cdktf side (an IRSA role, a Pod Identity role, an Azure user-assigned identity) produces one,
 * and the cdk8s side (service accounts) and the ESO Helm release (controller service account and
 * pod labels) consume it, so annotations are derived, never retyped.
 */
import type { IConstruct } from 'constructs';

/** Well-known annotation and label keys that bind a service account to a cloud identity. */
export const IdentityAnnotations = {
  /** IRSA: the IAM role the service account's token is exchanged for. */
  AWS_ROLE_ARN: 'eks.amazonaws.com/role-arn',
  /** IRSA: optional token audience override. */
  AWS_AUDIENCE: 'eks.amazonaws.com/audience',
  /** Azure workload identity: the user-assigned identity's client ID. */
  AZURE_CLIENT_ID: 'azure.workload.identity/client-id',
  /** Azure workload identity: the Entra tenant ID. */
  AZURE_TENANT_ID: 'azure.workload.identity/tenant-id',
  /** Azure workload identity: pod label that makes the webhook inject the federated token. */
  AZURE_USE_LABEL: 'azure.workload.identity/use',
  /** GKE workload identity: the Google service account the KSA impersonates. */
  GCP_SERVICE_ACCOUNT: 'iam.gke.io/gcp-service-account',
} as const;

/** The audience AWS STS expects in IRSA tokens. */
export const AWS_STS_AUDIENCE = 'sts.amazonaws.com';
/** The audience Entra ID expects in federated workload identity tokens. */
export const AZURE_TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/** Which mechanism binds a Kubernetes service account to a cloud identity. */
export enum IdentityKind {
  /** EKS IAM Roles for Service Accounts: OIDC web identity, annotation on the service account. */
  AWS_IRSA = 'AwsIrsa',
  /** EKS Pod Identity: an association outside Kubernetes; no annotation, no `serviceAccountRef` in stores. */
  AWS_POD_IDENTITY = 'AwsPodIdentity',
  /** Azure workload identity: federated credential on a user-assigned identity. */
  AZURE_WORKLOAD_IDENTITY = 'AzureWorkloadIdentity',
  /**
   * GKE workload identity: the KSA is itself an IAM principal of the project's `<project>.svc.id.goog`
   * pool (direct mode, no annotation), or impersonates a Google service account (classic mode,
   * `iam.gke.io/gcp-service-account`). Stores use `gcpsm.auth.workloadIdentity`.
   */
  GCP_WORKLOAD_IDENTITY = 'GcpWorkloadIdentity',
  /**
   * Google workload identity federation outside GKE: a workload identity pool with an OIDC provider
   * trusting the cluster's issuer. Stores use `gcpsm.auth.workloadIdentityFederation`.
   */
  GCP_WORKLOAD_IDENTITY_FEDERATION = 'GcpWorkloadIdentityFederation',
  /** HashiCorp Vault Kubernetes auth: a Vault role bound to the service account (nothing on the service account). */
  VAULT_KUBERNETES_AUTH = 'VaultKubernetesAuth',
  /** HashiCorp Vault JWT auth: a Vault role bound to the service account's token subject and audience. */
  VAULT_JWT_AUTH = 'VaultJwtAuth',
  /** No cloud identity (static credentials, in-cluster provider). */
  NONE = 'None',
  /** Several identities carried by one service account (see {@link WorkloadIdentity.combine}). */
  COMBINED = 'Combined',
}

/** A Kubernetes service account, by namespace and name. */
export interface ServiceAccountRef {
  /** Namespace of the service account. */
  readonly namespace: string;
  /** Name of the service account. */
  readonly name: string;
}

/** The subject Kubernetes puts in a service account token: `system:serviceaccount:<ns>:<name>`. */
export function serviceAccountSubject(ref: ServiceAccountRef): string {
  return `system:serviceaccount:${ref.namespace}:${ref.name}`;
}

/** What a service account (and the pods running as it) must carry to use a cloud identity. */
export interface IWorkloadIdentity {
  /** The binding mechanism. */
  readonly kind: IdentityKind;
  /** Annotations the service account must carry. */
  readonly serviceAccountAnnotations: Readonly<Record<string, string>>;
  /** Labels the pods using the service account must carry. */
  readonly podLabels: Readonly<Record<string, string>>;
  /**
   * The service accounts this identity trusts (IRSA `:sub`, federated credential subjects, Pod
   * Identity associations). Consumers check that the service account they emit is one of them.
   * Empty when the identity was imported and its trust is not known.
   */
  readonly trustedServiceAccounts: readonly ServiceAccountRef[];
  /**
   * Resources that must exist before the pods using the identity are created: the identity's
   * credentials reach only pods started after them (EKS Pod Identity associations). Consumers that
   * deploy those pods (the ESO Helm release) depend on them.
   * @default - none
   */
  readonly podPrerequisites?: readonly IConstruct[];
}

/** Options shared by the {@link WorkloadIdentity} factories. */
export interface WorkloadIdentityOptions {
  /**
   * The service accounts the identity trusts, so consumers can check they emit one of them.
   * @default - unknown: no cross-check is made
   */
  readonly trustedServiceAccounts?: ServiceAccountRef[];
}

/** Options for {@link WorkloadIdentity.azure}. */
export interface AzureWorkloadIdentityOptions extends WorkloadIdentityOptions {
  /** Client ID of the user-assigned managed identity (or app registration). */
  readonly clientId: string;
  /**
   * Entra tenant ID.
   * @default - not annotated; the webhook uses the cluster's tenant
   */
  readonly tenantId?: string;
}

/** Options for {@link WorkloadIdentity.gke} and {@link WorkloadIdentity.gcpFederation}. */
export interface GcpWorkloadIdentityOptions extends WorkloadIdentityOptions {
  /**
   * Classic mode: the Google service account the Kubernetes service account impersonates
   * (`<id>@<project>.iam.gserviceaccount.com`), annotated as `iam.gke.io/gcp-service-account`.
   * @default - direct mode: the Kubernetes service account itself is the IAM principal; no annotation
   */
  readonly googleServiceAccountEmail?: string;
}

/**
 * A {@link IWorkloadIdentity} built from known values: use it in cdk8s apps, where the cdktf objects
 * are not available (the declaration layer computes the literal values), or for imported identities.
 */
export class WorkloadIdentity implements IWorkloadIdentity {
  /** IRSA: annotate the service account with the role ARN. */
  public static awsIrsa(roleArn: string, options: WorkloadIdentityOptions = {}): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.AWS_IRSA, { [IdentityAnnotations.AWS_ROLE_ARN]: roleArn }, {}, options);
  }

  /** EKS Pod Identity: nothing on the service account; the association lives in EKS. */
  public static awsPodIdentity(options: WorkloadIdentityOptions = {}): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.AWS_POD_IDENTITY, {}, {}, options);
  }

  /** Azure workload identity: client-id (and tenant-id) annotations, `azure.workload.identity/use` pod label. */
  public static azure(options: AzureWorkloadIdentityOptions): WorkloadIdentity {
    const annotations: Record<string, string> = { [IdentityAnnotations.AZURE_CLIENT_ID]: options.clientId };
    if (options.tenantId !== undefined) {
      annotations[IdentityAnnotations.AZURE_TENANT_ID] = options.tenantId;
    }
    return new WorkloadIdentity(IdentityKind.AZURE_WORKLOAD_IDENTITY, annotations,
      { [IdentityAnnotations.AZURE_USE_LABEL]: 'true' }, options);
  }

  /**
   * GKE workload identity, classic mode: annotate the KSA with the Google service account e-mail.
   * Same as `WorkloadIdentity.gke({ googleServiceAccountEmail, ...options })`.
   */
  public static gcp(googleServiceAccountEmail: string, options: WorkloadIdentityOptions = {}): WorkloadIdentity {
    return WorkloadIdentity.gke({ ...options, googleServiceAccountEmail });
  }

  /**
   * GKE workload identity. Direct mode (default): no annotation, the grants name the KSA's principal
   * `principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<project>.svc.id.goog/subject/ns/<ns>/sa/<name>`.
   * Classic mode (`googleServiceAccountEmail`): the `iam.gke.io/gcp-service-account` annotation.
   */
  public static gke(options: GcpWorkloadIdentityOptions = {}): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.GCP_WORKLOAD_IDENTITY, gcpAnnotations(options), {}, options);
  }

  /**
   * Google workload identity federation outside GKE (a pool with an OIDC provider for the cluster's
   * issuer): no annotation, unless a Google service account is impersonated
   * (`googleServiceAccountEmail`, annotated as `iam.gke.io/gcp-service-account`, which ESO reads).
   */
  public static gcpFederation(options: GcpWorkloadIdentityOptions = {}): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.GCP_WORKLOAD_IDENTITY_FEDERATION, gcpAnnotations(options), {}, options);
  }

  /**
   * One service account carrying several identities at once (the ESO controller's, when stores of
   * several clouds use it): every annotation and pod label, every trusted service account. The
   * parts stay available in {@link WorkloadIdentity.partsOf}.
   */
  public static combine(identities: readonly IWorkloadIdentity[]): WorkloadIdentity {
    const annotations: Record<string, string> = {};
    const labels: Record<string, string> = {};
    const trusted: ServiceAccountRef[] = [];
    const prerequisites: IConstruct[] = [];
    for (const identity of identities) {
      prerequisites.push(...(identity.podPrerequisites ?? []).filter((p) => !prerequisites.includes(p)));
      Object.assign(annotations, identity.serviceAccountAnnotations);
      Object.assign(labels, identity.podLabels);
      for (const ref of identity.trustedServiceAccounts) {
        if (!trusted.some((t) => t.namespace === ref.namespace && t.name === ref.name)) {
          trusted.push(ref);
        }
      }
    }
    const combined = new WorkloadIdentity(IdentityKind.COMBINED, annotations, labels, { trustedServiceAccounts: trusted });
    combined.parts = [...identities];
    combined.prerequisites = prerequisites;
    return combined;
  }

  /** The identities a combined identity carries (empty for the others). */
  public static partsOf(identity: IWorkloadIdentity): readonly IWorkloadIdentity[] {
    return identity instanceof WorkloadIdentity && identity.parts.length > 0 ? identity.parts : [identity];
  }

  /**
   * HashiCorp Vault Kubernetes auth: nothing on the service account; a Vault role binds it by name
   * and namespace (its token is reviewed by the cluster's TokenReview API).
   */
  public static vaultKubernetesAuth(options: WorkloadIdentityOptions = {}): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.VAULT_KUBERNETES_AUTH, {}, {}, options);
  }

  /** HashiCorp Vault JWT auth: nothing on the service account; a Vault role binds its token's subject and audience. */
  public static vaultJwtAuth(options: WorkloadIdentityOptions = {}): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.VAULT_JWT_AUTH, {}, {}, options);
  }

  /** No cloud identity. */
  public static none(): WorkloadIdentity {
    return new WorkloadIdentity(IdentityKind.NONE, {}, {}, {});
  }

  public readonly trustedServiceAccounts: readonly ServiceAccountRef[];
  private parts: readonly IWorkloadIdentity[] = [];
  private prerequisites: readonly IConstruct[] = [];

  private constructor(
    public readonly kind: IdentityKind,
    public readonly serviceAccountAnnotations: Readonly<Record<string, string>>,
    public readonly podLabels: Readonly<Record<string, string>>,
    options: WorkloadIdentityOptions,
  ) {
    this.trustedServiceAccounts = [...(options.trustedServiceAccounts ?? [])];
  }

  /** For a combined identity, every part's {@link IWorkloadIdentity.podPrerequisites}; empty otherwise. */
  public get podPrerequisites(): readonly IConstruct[] {
    return this.prerequisites;
  }
}

function gcpAnnotations(options: GcpWorkloadIdentityOptions): Record<string, string> {
  return options.googleServiceAccountEmail === undefined
    ? {} : { [IdentityAnnotations.GCP_SERVICE_ACCOUNT]: options.googleServiceAccountEmail };
}
