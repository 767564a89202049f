/**
 * The clusters whose service accounts a cloud identity the platform created trusts. Two clusters share
 * the controller's namespace and service account name, so the trust check of a consumer (namespace and
 * name) cannot tell the controller identity of one cluster from another's: the platform records each
 * identity's clusters here and {@link EsoClusterAddons} compares them with the cluster it installs on.
 */
import { IWorkloadIdentity, WorkloadIdentity } from '../core/identity';

const CLUSTERS = new WeakMap<object, readonly string[]>();

/** Records the clusters (ids) an identity created by the platform is trusted on. */
export function recordIdentityClusters(identity: object, clusterIds: readonly string[]): void {
  CLUSTERS.set(identity, [...clusterIds].sort());
}

/**
 * The clusters an identity is trusted on, as far as the platform knows: for a combined identity, the
 * clusters every recorded part is trusted on.
 * @returns undefined when no part was created by the platform (an imported identity)
 */
export function identityClusters(identity: IWorkloadIdentity): readonly string[] | undefined {
  const known = WorkloadIdentity.partsOf(identity).map((part) => CLUSTERS.get(part)).filter((c): c is readonly string[] => c !== undefined);
  if (known.length === 0) {
    return undefined;
  }
  return known.reduce((common, clusters) => common.filter((c) => clusters.includes(c)));
}
