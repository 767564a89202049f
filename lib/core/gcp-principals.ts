/**
 * Engine-free derivation of Google Cloud IAM principal strings, shared by the cdktf constructs of
 * `lib/gcp` and by anything that must print the same strings without cdktf (the Kubernetes side,
 * access matrices). One function per form, so the two sides cannot disagree.
 */
import { ServiceAccountRef, serviceAccountSubject } from './identity';

/** The GKE workload identity pool of a project: `<projectId>.svc.id.goog`. */
export function gkeWorkloadPool(projectId: string): string {
  return `${projectId}.svc.id.goog`;
}

/**
 * The direct GKE workload identity principal of a Kubernetes service account:
 * `principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<projectId>.svc.id.goog/subject/ns/<ns>/sa/<name>`
 * (project of the cluster).
 */
export function gkeDirectPrincipal(projectNumber: string, projectId: string, sa: ServiceAccountRef): string {
  return `principal://iam.googleapis.com/projects/${projectNumber}/locations/global/workloadIdentityPools/`
    + `${gkeWorkloadPool(projectId)}/subject/ns/${sa.namespace}/sa/${sa.name}`;
}

/** The member a Google service account grants `roles/iam.workloadIdentityUser` to: `serviceAccount:<projectId>.svc.id.goog[<ns>/<name>]`. */
export function gkeWorkloadIdentityUserMember(projectId: string, sa: ServiceAccountRef): string {
  return `serviceAccount:${gkeWorkloadPool(projectId)}[${sa.namespace}/${sa.name}]`;
}

/** The e-mail of a Google service account: `<accountId>@<projectId>.iam.gserviceaccount.com`. */
export function googleServiceAccountEmail(accountId: string, projectId: string): string {
  return `${accountId}@${projectId}.iam.gserviceaccount.com`;
}

/** The resource name of a workload identity pool: `projects/<number>/locations/global/workloadIdentityPools/<pool>`. */
export function workloadIdentityPoolName(projectNumber: string, poolId: string): string {
  return `projects/${projectNumber}/locations/global/workloadIdentityPools/${poolId}`;
}

/**
 * The audience of a workload identity pool provider (its full resource name), which ESO requests
 * tokens for: `//iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>`.
 */
export function workloadIdentityPoolAudience(projectNumber: string, poolId: string, providerId: string): string {
  return `//iam.googleapis.com/${workloadIdentityPoolName(projectNumber, poolId)}/providers/${providerId}`;
}

/**
 * The principal of a Kubernetes service account federated through a pool (subject mapped from the
 * token's `sub`): `principal://iam.googleapis.com/<pool name>/subject/system:serviceaccount:<ns>:<name>`.
 * `poolName` may be a literal from {@link workloadIdentityPoolName} or a token of the pool's `name`.
 */
export function workloadIdentityPoolPrincipal(poolName: string, sa: ServiceAccountRef): string {
  return `principal://iam.googleapis.com/${poolName}/subject/${serviceAccountSubject(sa)}`;
}

/**
 * Whether an IAM member is a `principalSet` over a workload identity pool
 * (`principalSet://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<pool>/…`):
 * every workload the pool admits (`/*`), or every service account of a namespace or with an attribute.
 * Trust is pinned to exact service accounts, so such a member is never granted.
 */
export function isWorkloadPoolPrincipalSet(member: string): boolean {
  return /^principalSet:\/\/iam\.googleapis\.com\/projects\/[^/]+\/locations\/[^/]+\/workloadIdentityPools\//i.test(member.trim());
}
