/**
 * CES-TR-2: an identity is one principal on the clusters it serves, and no other. On GKE the workload
 * identity principal names the project's pool, not the cluster
 * (`principal://iam.googleapis.com/projects/<number>/locations/global/workloadIdentityPools/<project>.svc.id.goog/subject/ns/<ns>/sa/<sa>`),
 * so a grant meant for a service account on one cluster reaches the same namespace and service account
 * on every GKE cluster of the project: a grant for prod reaches dev. Acknowledgeable: one project for
 * dev and prod is a real setup, and the acknowledgement says the clusters are meant to share it.
 */
import type { ServiceAccountRef } from '../../identity';
import { BACKEND_MODELS } from '../../declaration/backends';
import type { BackendModel } from '../../declaration/backend';
import type { ClusterDeclaration } from '../../declaration/clusters';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { compare } from '../routes';

export const gkeSharedPrincipal: PlanRule = {
  id: 'CES-TR-2',
  category: RuleCategory.TRUST,
  title: 'A workload identity principal is not shared with a cluster the identity does not serve (GKE: one pool per project)',
  acknowledgeable: true,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    const models = BACKEND_MODELS.filter((m): m is BackendModel & Required<Pick<BackendModel, 'sharedPrincipal'>> => m.sharedPrincipal !== undefined);
    if (models.length === 0) {
      return;
    }
    // Where each shared principal exists: the service account of every identity on its clusters, and the
    // ESO controller's on every declared cluster (ESO runs on each).
    const present = new Map<string, Map<string, ClusterDeclaration>>();
    const note = (model: BackendModel, cluster: ClusterDeclaration, account: ServiceAccountRef) => {
      const principal = model.sharedPrincipal?.(cluster, account);
      if (principal !== undefined) {
        present.set(principal, (present.get(principal) ?? new Map<string, ClusterDeclaration>()).set(cluster.id, cluster));
      }
    };
    for (const model of models) {
      declaration.clusters.forEach((cluster) => note(model, cluster, declaration.esoController));
    }
    for (const identity of plan.identities) {
      for (const model of models) {
        identity.clusters.forEach((cluster) => note(model, cluster, identity.serviceAccount));
      }
    }
    for (const identity of plan.identities) {
      const model = models.find((m) => m.kind === identity.provider);
      if (model === undefined) {
        continue;
      }
      const served = new Set(identity.clusters.map((c) => c.id));
      for (const cluster of identity.clusters) {
        const principal = model.sharedPrincipal(cluster, identity.serviceAccount);
        const others = [...(present.get(principal ?? '')?.values() ?? [])].filter((c) => !served.has(c.id)).map((c) => c.id).sort(compare);
        if (principal !== undefined && others.length > 0) {
          const account = `${identity.serviceAccount.namespace}/${identity.serviceAccount.name}`;
          yield {
            path: declaration.pathOf('stores', identity.stores[0].id), prop: 'clusters', value: cluster.id, subject: identity.id,
            allowed: `an identity whose principal exists only on the clusters it serves: identity "${identity.id}" is granted to ${principal}, `
              + `which is also service account ${account} on cluster${others.length > 1 ? 's' : ''} ${others.map((c) => `"${c}"`).join(', ')} (GKE workload identity names the project's pool, not the cluster)`,
            fix: 'put clusters that must not share grants in different projects, or use a namespace or service account that only the served cluster has',
          };
          break;
        }
      }
    }
  },
};
