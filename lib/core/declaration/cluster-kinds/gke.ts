/** The GKE cluster kind: GKE workload identity natively, its public issuer for the other clouds. */
import { isGcpProjectNumber } from '../../cloud-names';
import { invalidGcpProjectNumber, invalidGkeClusterName, invalidGkeLocation, invalidGkeProjectId } from '../../errors';
import { checkIssuer } from '../checks';
import { ClusterCloud, ClusterDeclaration } from '../clusters';
import { DeclarationMembers } from '../members';

/** Props of a GKE cluster in a declaration. */
export interface GkeClusterOptions {
  /** GKE cluster name. */
  readonly clusterName: string;
  /** Google Cloud project of the cluster (project ID, not number). */
  readonly projectId: string;
  /** Region or zone of the cluster (`europe-west1`, `europe-west1-b`). */
  readonly location: string;
  /**
   * Number of the cluster's project: Google Secret Manager stores in direct mode grant the principal
   * `principal://iam.googleapis.com/projects/<number>/…`, named after it.
   * @default - the declaration's `gcp.projectNumber` when `projectId` is the declaration's project
   */
  readonly projectNumber?: string;
  /**
   * The cluster's OIDC issuer URL. GKE serves it publicly at
   * `https://container.googleapis.com/v1/projects/<project>/locations/<location>/clusters/<name>`.
   * @default - that URL, derived from projectId, location and clusterName
   */
  readonly oidcIssuerUrl?: string;
}

/** A GKE cluster, as resolved in a declaration. */
export interface GkeClusterDeclaration extends ClusterDeclaration {
  readonly cloud: ClusterCloud.GCP;
  /** Project of the cluster. */
  readonly projectId: string;
  /** Region or zone of the cluster. */
  readonly location: string;
  /**
   * Number of the cluster's project.
   * @default - undefined: the declaration's when the projects match
   */
  readonly projectNumber?: string;
  /** Workload identity pool of the cluster's project: `<project>.svc.id.goog`. */
  readonly workloadPool: string;
  /** The issuer (always known for GKE). */
  readonly oidcIssuerUrl: string;
}

const PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
const LOCATION = /^[a-z]+-[a-z]+[0-9]+(-[a-z])?$/;
const GKE_CLUSTER_NAME = /^[a-z]([-a-z0-9]{0,38}[a-z0-9])?$/;

/** The public OIDC issuer of a GKE cluster. */
export function gkeIssuerUrl(projectId: string, location: string, clusterName: string): string {
  return `https://container.googleapis.com/v1/projects/${projectId}/locations/${location}/clusters/${clusterName}`;
}

/** Declares a GKE cluster (see {@link SecretsDeclaration.addGkeCluster}). */
export function declareGkeCluster(members: DeclarationMembers, id: string, options: GkeClusterOptions): GkeClusterDeclaration {
  const path = members.register('clusters', id);
  if (typeof options.clusterName !== 'string' || !GKE_CLUSTER_NAME.test(options.clusterName)) {
    throw invalidGkeClusterName(path, 'clusterName', options.clusterName);
  }
  if (typeof options.projectId !== 'string' || !PROJECT_ID.test(options.projectId)) {
    throw invalidGkeProjectId(path, 'projectId', options.projectId);
  }
  if (typeof options.location !== 'string' || !LOCATION.test(options.location)) {
    throw invalidGkeLocation(path, 'location', options.location);
  }
  if (options.projectNumber !== undefined && (typeof options.projectNumber !== 'string' || !isGcpProjectNumber(options.projectNumber))) {
    throw invalidGcpProjectNumber(path, 'projectNumber', options.projectNumber);
  }
  const oidcIssuerUrl = options.oidcIssuerUrl ?? gkeIssuerUrl(options.projectId, options.location, options.clusterName);
  checkIssuer(path, 'oidcIssuerUrl', oidcIssuerUrl);
  return members.adopt<GkeClusterDeclaration>('clusters', {
    id, cloud: ClusterCloud.GCP, clusterName: options.clusterName, projectId: options.projectId, projectNumber: options.projectNumber, location: options.location,
    workloadPool: `${options.projectId}.svc.id.goog`, oidcIssuerUrl,
  });
}
