/**
 * CES-TEN-6: tenant groups are the team's own. The tenant's Role is bound to its groups; a `system:` group
 * is every authenticated user, every service account, the nodes or the cluster administrators, so the
 * binding would hand the tenant's ExternalSecrets (and their secrets) to all of them. The one `system:`
 * group allowed is `system:serviceaccounts:<ns>` of one of the tenant's own namespaces.
 */
import { clusterWideGroupReason } from '../../tenants';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const tenantClusterWideGroup: PlanRule = {
  id: 'CES-TEN-6',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'A tenant binds no cluster-wide group (system:authenticated, system:serviceaccounts, system:masters, …)',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    for (const tenant of declaration.tenants) {
      for (const [i, group] of tenant.groups.entries()) {
        const why = clusterWideGroupReason(group, tenant.namespaces);
        if (why !== undefined) {
          yield {
            path: declaration.pathOf('tenants', tenant.id), prop: `groups[${i}]`, value: group, subject: tenant.id,
            allowed: `the team's own groups (from your identity provider), or system:serviceaccounts:<ns> of the tenant's own namespaces; "${group}" is ${why}`,
            fix: 'bind the group of the team that owns the tenant',
          };
        }
      }
    }
  },
};
