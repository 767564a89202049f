/**
 * CES-TR-1: an identity trusts a cluster's service account only where a consumer uses it. A store
 * declared for clusters where no ExternalSecret or PushSecret of it lands still gets its identity
 * federated there (IRSA trust, federated credential, pool binding, Vault role): a credential nobody
 * declared a use for, and one more cluster whose compromise reaches the identity's secrets.
 */
import type { IdentityPlan } from '../../declaration/plan-types';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { compare, grantedSecrets } from '../routes';

export const trustUnusedCluster: PlanRule = {
  id: 'CES-TR-1',
  category: RuleCategory.TRUST,
  title: 'An identity with grants trusts only the clusters where a consumer uses it',
  acknowledgeable: true,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    const used = new Map<IdentityPlan, Set<string>>();
    for (const consumer of [...declaration.externalSecrets, ...declaration.pushSecrets]) {
      for (const cluster of declaration.clustersOf(consumer)) {
        const identity = plan.identityFor(consumer.store, cluster, consumer.namespace);
        used.set(identity, (used.get(identity) ?? new Set()).add(cluster.id));
      }
    }
    for (const identity of plan.identities) {
      const granted = grantedSecrets(identity).length + identity.dynamicSecrets.length + identity.chainedRoles.length;
      const unused = identity.clusters.filter((c) => used.get(identity)?.has(c.id) !== true).map((c) => c.id).sort(compare);
      if (granted > 0 && unused.length > 0) {
        const store = identity.stores.find((s) => s.clusters !== undefined) ?? identity.stores[0];
        yield {
          path: declaration.pathOf('stores', store.id), prop: 'clusters', value: unused.length === 1 ? unused[0] : unused, subject: identity.id,
          allowed: `the clusters where an ExternalSecret or PushSecret uses identity "${identity.id}" (${[...(used.get(identity) ?? [])].sort(compare).map((c) => `"${c}"`).join(', ')}): `
            + `it would also trust service account ${identity.serviceAccount.namespace}/${identity.serviceAccount.name} on ${unused.map((c) => `"${c}"`).join(', ')}, where nothing uses it`,
          fix: 'list only the clusters that use the store in its clusters, or declare the consumers that need it there',
        };
      }
    }
  },
};
