import { Construct } from 'constructs';
import { ServiceAccount } from '@cdktf/provider-google/lib/service-account';
import { ServiceAccountIamMember } from '@cdktf/provider-google/lib/service-account-iam-member';
import {
  duplicateGcpTrustedServiceAccount, invalidGoogleServiceAccountId, noTrustedServiceAccounts, validationMessage,
} from '../core/errors';
import { isGoogleServiceAccountId } from '../core/cloud-names';
import { gkeWorkloadIdentityUserMember, googleServiceAccountEmail } from '../core/gcp-principals';
import { IdentityAnnotations, IdentityKind, IWorkloadIdentity, ServiceAccountRef } from '../core/identity';
import { IGcpPrincipal } from './principal';
import { assertProps, escapeTerraformText } from '../core/validation';
import { IGcpProject } from './project';
import { assertServiceAccount, isToken } from './private/util';

/** The role that lets a Kubernetes service account impersonate a Google service account. */
export const WORKLOAD_IDENTITY_USER_ROLE = 'roles/iam.workloadIdentityUser';

/** Props of {@link GoogleServiceAccountIdentity}. */
export interface GoogleServiceAccountIdentityProps {
  /** Project the Google service account is created in. */
  readonly project: IGcpProject;
  /** Service account ID (6-30 lowercase letters, digits and "-"): the e-mail is `<id>@<project>.iam.gserviceaccount.com`. */
  readonly accountId: string;
  /**
   * Project hosting the GKE cluster(s), whose workload pool `<project>.svc.id.goog` the Kubernetes
   * service accounts belong to.
   * @default - `project`
   */
  readonly clusterProject?: IGcpProject;
  /**
   * Kubernetes service accounts allowed to impersonate the Google service account, same as calling
   * {@link GoogleServiceAccountIdentity.addServiceAccount} for each.
   * @default - none (add at least one)
   */
  readonly serviceAccounts?: ServiceAccountRef[];
  /**
   * Display name.
   * @default - "External Secrets <accountId>"
   */
  readonly displayName?: string;
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
}

/**
 * GKE workload identity in **classic** mode: a Google service account that Kubernetes service
 * accounts impersonate. Each trusted KSA gets `roles/iam.workloadIdentityUser` **on this service
 * account only** for `serviceAccount:<cluster project>.svc.id.goog[<ns>/<name>]`, and must carry the
 * `iam.gke.io/gcp-service-account: <e-mail>` annotation ({@link serviceAccountAnnotations}).
 *
 * Prefer {@link GkeWorkloadPrincipal} (direct mode: no Google service account) unless something
 * needs a service account e-mail (an API that does not accept `principal://` members, or a
 * cross-organisation policy that allows service accounts only).
 *
 * Roles on secrets go to {@link member} (`serviceAccount:<e-mail>`) with `secret.grantRead(identity)`;
 * nothing is granted on the project.
 */
export class GoogleServiceAccountIdentity extends Construct implements IGcpPrincipal, IWorkloadIdentity {
  public readonly kind = IdentityKind.GCP_WORKLOAD_IDENTITY;
  /** The e-mail, derived (literal): `<accountId>@<projectId>.iam.gserviceaccount.com`. */
  public readonly email: string;
  /** The underlying `google_service_account`. */
  public readonly resource: ServiceAccount;
  /** The project hosting the cluster(s). */
  public readonly clusterProject: IGcpProject;

  private readonly bindings: Array<{ readonly ref: ServiceAccountRef; readonly resource: ServiceAccountIamMember }> = [];
  private _member?: string;

  constructor(scope: Construct, id: string, props: GoogleServiceAccountIdentityProps) {
    super(scope, id);
    assertProps(this.node.path, props, 'GoogleServiceAccountIdentityProps', {
      'project': 'object', 'clusterProject?': 'object', 'serviceAccounts?': 'array', 'displayName?': 'string', 'description?': 'string',
    });
    const accountId: unknown = props.accountId;
    if (typeof accountId !== 'string' || isToken(accountId) || !isGoogleServiceAccountId(accountId)) {
      throw invalidGoogleServiceAccountId(this.node.path, 'accountId', accountId);
    }
    this.resource = new ServiceAccount(this, 'Resource', {
      project: props.project.projectId,
      accountId,
      displayName: escapeTerraformText(props.displayName ?? `External Secrets ${accountId}`),
      description: escapeTerraformText(props.description),
    });
    this.email = googleServiceAccountEmail(accountId, props.project.projectId);
    this.clusterProject = props.clusterProject ?? props.project;
    for (const sa of props.serviceAccounts ?? []) {
      this.addServiceAccount(sa);
    }
    this.node.addValidation({
      validate: () => this.bindings.length === 0
        ? [validationMessage(this.node.path, noTrustedServiceAccounts(this.node.path, 'serviceAccounts',
          'a Google service account nobody can impersonate grants nothing'))]
        : [],
    });
  }

  /** `serviceAccount:<e-mail>`, from the created resource (so grants wait for it). */
  public get member(): string {
    return this._member ??= this.resource.member;
  }

  /** `iam.gke.io/gcp-service-account: <e-mail>`. */
  public get serviceAccountAnnotations(): Readonly<Record<string, string>> {
    return { [IdentityAnnotations.GCP_SERVICE_ACCOUNT]: this.email };
  }

  /** None. */
  public get podLabels(): Readonly<Record<string, string>> {
    return {};
  }

  /** The Kubernetes service accounts allowed to impersonate, in the order they were added. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return this.bindings.map((b) => b.ref);
  }

  /** The `roles/iam.workloadIdentityUser` bindings, in the order they were added. */
  public get workloadIdentityBindings(): readonly ServiceAccountIamMember[] {
    return this.bindings.map((b) => b.resource);
  }

  /**
   * Lets a Kubernetes service account impersonate this Google service account:
   * `roles/iam.workloadIdentityUser` for `serviceAccount:<cluster project>.svc.id.goog[<ns>/<name>]`.
   */
  public addServiceAccount(serviceAccount: ServiceAccountRef): ServiceAccountIamMember {
    const ref = assertServiceAccount(this.node.path, 'serviceAccount', serviceAccount);
    const member = gkeWorkloadIdentityUserMember(this.clusterProject.projectId, ref);
    if (this.bindings.some((b) => b.ref.namespace === ref.namespace && b.ref.name === ref.name)) {
      throw duplicateGcpTrustedServiceAccount(this.node.path, 'serviceAccount', `${ref.namespace}/${ref.name}`);
    }
    const resource = new ServiceAccountIamMember(this, `WorkloadIdentityUser-${ref.namespace}-${ref.name}`, {
      serviceAccountId: this.resource.name,
      role: WORKLOAD_IDENTITY_USER_ROLE,
      member,
    });
    this.bindings.push({ ref, resource });
    return resource;
  }
}
