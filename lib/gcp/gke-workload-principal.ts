import { Construct } from 'constructs';
import { gkeDirectPrincipal } from '../core/gcp-principals';
import { IdentityKind, IWorkloadIdentity, ServiceAccountRef } from '../core/identity';
import { IGcpPrincipal } from './principal';
import { assertProps } from '../core/validation';
import { IGcpProject } from './project';
import { assertServiceAccount } from './private/util';

/** Props of {@link GkeWorkloadPrincipal}. */
export interface GkeWorkloadPrincipalProps {
  /**
   * The project hosting the GKE cluster (its workload identity pool `<projectId>.svc.id.goog`;
   * the principal is named after its **number**). The secrets may live in another project.
   */
  readonly clusterProject: IGcpProject;
  /** The Kubernetes service account that authenticates (a store's `serviceAccountRef`, or the ESO controller's). */
  readonly serviceAccount: ServiceAccountRef;
}

/**
 * GKE workload identity in **direct** mode: the Kubernetes service account is itself an IAM principal,
 * `principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<project>.svc.id.goog/subject/ns/<ns>/sa/<name>`.
 * No Google service account, no key, no annotation; grant it roles on individual secrets with
 * `secret.grantRead(principal)`.
 *
 * Creates no resource. The pool is shared by every cluster of the project with Workload Identity on
 * ("identity sameness"): the same namespace and name on two clusters of the project is one principal.
 *
 * @see https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity#authenticating_to
 */
export class GkeWorkloadPrincipal extends Construct implements IGcpPrincipal, IWorkloadIdentity {
  public readonly kind = IdentityKind.GCP_WORKLOAD_IDENTITY;
  /** The principal (`principal://…/subject/ns/<ns>/sa/<name>`). */
  public readonly member: string;
  /** The Kubernetes service account. */
  public readonly serviceAccount: ServiceAccountRef;
  /** The project hosting the cluster: the store's `clusterProjectID` when the secrets live elsewhere. */
  public readonly clusterProject: IGcpProject;

  constructor(scope: Construct, id: string, props: GkeWorkloadPrincipalProps) {
    super(scope, id);
    assertProps(this.node.path, props, 'GkeWorkloadPrincipalProps', { clusterProject: 'object' });
    const sa = assertServiceAccount(this.node.path, 'serviceAccount', props.serviceAccount);
    this.serviceAccount = sa;
    this.clusterProject = props.clusterProject;
    this.member = gkeDirectPrincipal(props.clusterProject.projectNumber, props.clusterProject.projectId, sa);
  }

  /** None: direct mode needs no annotation. */
  public get serviceAccountAnnotations(): Readonly<Record<string, string>> {
    return {};
  }

  /** None. */
  public get podLabels(): Readonly<Record<string, string>> {
    return {};
  }

  /** The one Kubernetes service account this principal is. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return [this.serviceAccount];
  }
}
