import { Construct } from 'constructs';
import { Lazy } from 'cdktf';
import { IamWorkloadIdentityPool } from '@cdktf/provider-google/lib/iam-workload-identity-pool';
import { IamWorkloadIdentityPoolProvider } from '@cdktf/provider-google/lib/iam-workload-identity-pool-provider';
import {
  duplicateGcpTrustedServiceAccount, gcpSubjectTooLong, invalidGcpIssuerUrl, invalidWorkloadIdentityPoolId,
  noTrustedServiceAccounts, validationMessage,
} from '../core/errors';
import { isWorkloadIdentityPoolId } from '../core/cloud-names';
import { workloadIdentityPoolAudience, workloadIdentityPoolPrincipal } from '../core/gcp-principals';
import { IdentityKind, IWorkloadIdentity, ServiceAccountRef, serviceAccountSubject } from '../core/identity';
import { IGcpPrincipal } from './principal';
import { assertProps, escapeTerraformText } from '../core/validation';
import { IGcpProject } from './project';
import { assertServiceAccount, isToken } from './private/util';

/** Props of {@link KubernetesWorkloadIdentityPool}. */
export interface KubernetesWorkloadIdentityPoolProps {
  /** Project the pool is created in (usually the project holding the secrets). */
  readonly project: IGcpProject;
  /** Pool ID: 4-32 lowercase letters, digits and "-", not starting with "gcp-". One pool per cluster is typical. */
  readonly poolId: string;
  /**
   * Provider ID inside the pool (same rules as the pool ID).
   * @default "kubernetes"
   */
  readonly providerId?: string;
  /** The cluster's service account issuer (`iss` of its tokens), an https URL. */
  readonly issuerUrl: string;
  /**
   * The issuer's JSON Web Key Set, for clusters whose discovery document is not reachable from
   * Google (on-prem, private API servers): `kubectl get --raw /openid/v1/jwks`. Update it when the
   * cluster's service account signing key rotates.
   * @default - Google fetches the keys from `<issuerUrl>/.well-known/openid-configuration`
   */
  readonly jwksJson?: string;
  /**
   * Kubernetes service accounts allowed to exchange tokens, same as calling
   * {@link KubernetesWorkloadIdentityPool.addServiceAccount} for each.
   * @default - none (add at least one)
   */
  readonly serviceAccounts?: ServiceAccountRef[];
  /**
   * Display name of the pool (at most 32 characters).
   * @default - the pool ID
   */
  readonly displayName?: string;
}

/**
 * Google workload identity federation for a Kubernetes cluster **outside GKE** (AKS, EKS, on-prem):
 * a workload identity pool with an OIDC provider for the cluster's issuer, mapping
 * `google.subject = assertion.sub` and admitting only the listed service accounts
 * (`attribute_condition = assertion.sub in [...]`, built from {@link addServiceAccount}).
 *
 * Each trusted service account is a principal
 * `principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/subject/system:serviceaccount:<ns>:<name>`
 * ({@link WorkloadIdentityPoolPrincipal}) to grant roles on individual secrets. ESO authenticates
 * with `gcpsm.auth.workloadIdentityFederation { serviceAccountRef, audience: pool.audience }`.
 *
 * The provider's allowed audience is the default (its own resource name), which is {@link audience}.
 *
 * @see https://cloud.google.com/iam/docs/workload-identity-federation-with-kubernetes
 */
export class KubernetesWorkloadIdentityPool extends Construct {
  /** The underlying `google_iam_workload_identity_pool`. */
  public readonly pool: IamWorkloadIdentityPool;
  /** The underlying `google_iam_workload_identity_pool_provider`. */
  public readonly provider: IamWorkloadIdentityPoolProvider;
  /** Pool ID (literal). */
  public readonly poolId: string;
  /** Provider ID (literal). */
  public readonly providerId: string;
  /**
   * The audience ESO requests tokens for, the provider's full resource name:
   * `//iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>`.
   */
  public readonly audience: string;
  /** The project holding the pool. */
  public readonly project: IGcpProject;

  private readonly principals: WorkloadIdentityPoolPrincipal[] = [];

  constructor(scope: Construct, id: string, props: KubernetesWorkloadIdentityPoolProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'KubernetesWorkloadIdentityPoolProps', {
      'project': 'object', 'jwksJson?': 'string', 'serviceAccounts?': 'array', 'displayName?': 'string',
    });
    const providerId = props.providerId ?? 'kubernetes';
    for (const [prop, value] of [['poolId', props.poolId], ['providerId', providerId]] as const) {
      if (typeof value !== 'string' || isToken(value) || !isWorkloadIdentityPoolId(value)) {
        throw invalidWorkloadIdentityPoolId(path, prop, value);
      }
    }
    const issuer: unknown = props.issuerUrl;
    if (typeof issuer !== 'string' || (!isToken(issuer) && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(issuer))) {
      throw invalidGcpIssuerUrl(path, 'issuerUrl', issuer);
    }
    this.project = props.project;
    this.poolId = props.poolId;
    this.providerId = providerId;
    this.audience = workloadIdentityPoolAudience(props.project.projectNumber, props.poolId, providerId);

    this.pool = new IamWorkloadIdentityPool(this, 'Pool', {
      project: props.project.projectId,
      workloadIdentityPoolId: props.poolId,
      displayName: escapeTerraformText(props.displayName ?? props.poolId),
      description: 'Kubernetes service accounts of one cluster (External Secrets)',
    });
    this.provider = new IamWorkloadIdentityPoolProvider(this, 'Provider', {
      project: props.project.projectId,
      workloadIdentityPoolId: this.pool.workloadIdentityPoolId,
      workloadIdentityPoolProviderId: providerId,
      displayName: providerId,
      attributeMapping: { 'google.subject': 'assertion.sub' },
      attributeCondition: Lazy.stringValue({ produce: () => this.attributeCondition }),
      oidc: { issuerUri: props.issuerUrl, jwksJson: props.jwksJson },
    });

    for (const sa of props.serviceAccounts ?? []) {
      this.addServiceAccount(sa);
    }
    this.node.addValidation({
      validate: () => this.principals.length === 0
        ? [validationMessage(path, noTrustedServiceAccounts(path, 'serviceAccounts',
          'a provider without an attribute condition would admit every service account of the cluster'))]
        : [],
    });
  }

  /** The CEL condition pinning the trusted service accounts: `assertion.sub in ['system:serviceaccount:<ns>:<name>', ...]`. */
  public get attributeCondition(): string {
    const subjects = this.principals.map((p) => `'${serviceAccountSubject(p.serviceAccount)}'`);
    return `assertion.sub in [${subjects.join(', ')}]`;
  }

  /** The Kubernetes service accounts admitted, in the order they were added. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return this.principals.map((p) => p.serviceAccount);
  }

  /**
   * Admits a Kubernetes service account (adds it to the attribute condition) and returns its
   * principal, to grant roles on secrets and to annotate nothing (federation needs no annotation).
   */
  public addServiceAccount(serviceAccount: ServiceAccountRef): WorkloadIdentityPoolPrincipal {
    const ref = assertServiceAccount(this.node.path, 'serviceAccount', serviceAccount);
    const subject = serviceAccountSubject(ref);
    if (new TextEncoder().encode(subject).length > 127) {
      throw gcpSubjectTooLong(this.node.path, 'serviceAccount', subject);
    }
    if (this.principals.some((p) => serviceAccountSubject(p.serviceAccount) === subject)) {
      throw duplicateGcpTrustedServiceAccount(this.node.path, 'serviceAccount', `${ref.namespace}/${ref.name}`);
    }
    const principal = new WorkloadIdentityPoolPrincipal(this, `Principal-${ref.namespace}-${ref.name}`, this, ref);
    this.principals.push(principal);
    return principal;
  }
}

/**
 * One Kubernetes service account admitted by a {@link KubernetesWorkloadIdentityPool}, as an IAM
 * principal (`principal://iam.googleapis.com/<pool name>/subject/system:serviceaccount:<ns>:<name>`).
 * Create it with `pool.addServiceAccount()`.
 */
export class WorkloadIdentityPoolPrincipal extends Construct implements IGcpPrincipal, IWorkloadIdentity {
  public readonly kind = IdentityKind.GCP_WORKLOAD_IDENTITY_FEDERATION;
  /** The Kubernetes service account. */
  public readonly serviceAccount: ServiceAccountRef;
  /** The store's `workloadIdentityFederation.audience` (the pool provider's resource name). */
  public readonly audience: string;
  /** The pool. */
  public readonly pool: KubernetesWorkloadIdentityPool;

  private _member?: string;

  /** @internal */
  constructor(scope: Construct, id: string, pool: KubernetesWorkloadIdentityPool, serviceAccount: ServiceAccountRef) {
    super(scope, id);
    this.pool = pool;
    this.serviceAccount = serviceAccount;
    this.audience = pool.audience;
  }

  /**
   * `principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/subject/system:serviceaccount:<ns>:<name>`,
   * built from the pool's `name` attribute (so grants wait for the pool).
   */
  public get member(): string {
    return this._member ??= workloadIdentityPoolPrincipal(this.pool.pool.name, this.serviceAccount);
  }

  /** None: federation needs no annotation. */
  public get serviceAccountAnnotations(): Readonly<Record<string, string>> {
    return {};
  }

  /** None. */
  public get podLabels(): Readonly<Record<string, string>> {
    return {};
  }

  /** The one service account this principal is. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return [this.serviceAccount];
  }
}
