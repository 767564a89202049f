/**
 * CES-TEN-5: tenants own no system namespace. The team of a tenant gets a Role in each of its namespaces:
 * in `kube-*` or `default` that is the cluster's own machinery, in the ESO controller's namespace (or the
 * namespace of a ClusterSecretStore's service account) it is every identity the controller carries.
 */
import { EsoAuthModel, StoreScope } from '../../declaration/stores';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const tenantSystemNamespace: PlanRule = {
  id: 'CES-TEN-5',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'A tenant owns no system namespace (kube-*, default, the ESO controller\'s, a cluster store\'s service account\'s)',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    const system = new Map<string, string>([['default', 'the namespace of every pod that names none'], [declaration.esoController.namespace, 'the ESO controller\'s namespace']]);
    for (const identity of plan.identities) {
      if (identity.authModel !== EsoAuthModel.CONTROLLER && identity.stores.some((s) => s.scope === StoreScope.CLUSTER) && !system.has(identity.serviceAccount.namespace)) {
        system.set(identity.serviceAccount.namespace, `the namespace of service account "${identity.serviceAccount.name}" of identity "${identity.id}" (a ClusterSecretStore's)`);
      }
    }
    for (const tenant of declaration.tenants) {
      for (const [i, namespace] of tenant.namespaces.entries()) {
        const why = namespace.startsWith('kube-') ? 'a namespace of the cluster\'s own components (kube-*)' : system.get(namespace);
        if (why !== undefined) {
          yield {
            path: declaration.pathOf('tenants', tenant.id), prop: `namespaces[${i}]`, value: namespace, subject: tenant.id,
            allowed: `a namespace of the tenant's own workloads, not ${why}`,
            fix: 'give the tenant its own namespaces; system namespaces stay with the platform team',
          };
        }
      }
    }
  },
};
