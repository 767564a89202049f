/**
 * CES-LP-15 and CES-TEN-12: a ClusterSecretStore that admits every namespace (`admitAllNamespaces`)
 * lets an ExternalSecret in any namespace, present or future, read what the store's identity may read:
 * whoever may write an ExternalSecret anywhere on the cluster. The declaration still grants only what
 * its declared ExternalSecrets read, so the exception is that set, handed to every namespace.
 * - CES-LP-15 (acknowledgeable): such a store is an exception written down with its reason.
 * - CES-TEN-12 (never): it may not reach a tenant's secrets, which would hand them to every other
 *   tenant's namespaces.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { compare, grantedSecrets, listSecrets } from '../routes';

export const storeAdmitsEveryNamespace: PlanRule = {
  id: 'CES-LP-15',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'A ClusterSecretStore admits only the namespaces that use it (admitAllNamespaces is an acknowledged exception)',
  acknowledgeable: true,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    for (const store of declaration.stores.filter((s) => s.admitAllNamespaces === true)) {
      const identities = plan.identities.filter((i) => i.stores.includes(store));
      const granted = [...new Map(identities.flatMap(grantedSecrets).map((s) => [s.id, s])).values()].sort((a, b) => compare(a.id, b.id));
      yield {
        path: declaration.pathOf('stores', store.id), prop: 'admitAllNamespaces', value: true, subject: store.id,
        allowed: `a ClusterSecretStore admitting the namespaces that use it (${plan.namespacesOf(store).join(', ') || 'none yet'}): admitting every namespace hands `
          + `${granted.length > 0 ? listSecrets(granted) : 'whatever its identity is granted later'} to any namespace, present or future`,
        fix: 'remove admitAllNamespaces (the namespaces of its ExternalSecrets are admitted), or list the namespaces in namespaces',
      };
    }
  },
};

export const tenantStoreAdmitsEveryNamespace: PlanRule = {
  id: 'CES-TEN-12',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'A store admitting every namespace reaches no tenant\'s secrets',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    for (const store of declaration.stores.filter((s) => s.admitAllNamespaces === true)) {
      const owned = [...new Map(plan.identities.filter((i) => i.stores.includes(store)).flatMap(grantedSecrets)
        .filter((s) => declaration.ownerOf(s) !== undefined).map((s) => [s.id, s])).values()].sort((a, b) => compare(a.id, b.id));
      if (owned.length === 0) {
        continue;
      }
      const owners = [...new Set(owned.map((s) => declaration.ownerOf(s)!.id))].sort(compare);
      yield {
        path: declaration.pathOf('stores', store.id), prop: 'admitAllNamespaces', value: true, subject: store.id,
        allowed: `a store reaching no tenant's secrets when it admits every namespace: its identity is granted ${listSecrets(owned)} of tenant `
          + `${owners.map((o) => `"${o}"`).join(' and ')}, which every other tenant's namespaces could then read`,
        fix: 'remove admitAllNamespaces, or read the tenant\'s secrets through a store of the tenant\'s own',
      };
    }
  },
};
