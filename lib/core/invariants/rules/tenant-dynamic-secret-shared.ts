/**
 * CES-TEN-9: a dynamic secret serves the namespaces of one tenant. A dynamic secret (a Vault database
 * role, a PKI role) issues credentials of one engine role to every ExternalSecret that uses it: used from
 * two tenants' namespaces (or a tenant's and the platform's), both get credentials of the same role, with
 * the same database grants. Acknowledgeable: a read-only role shared on purpose is a real setup.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { compare, describeNamespace } from '../routes';

export const tenantDynamicSecretShared: PlanRule = {
  id: 'CES-TEN-9',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'A dynamic secret is used from the namespaces of one tenant at most',
  acknowledgeable: true,
  *check({ declaration }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    const users = new Map<string, { readonly name: string; readonly namespaces: Set<string>; readonly first: { readonly es: string; readonly index: number } }>();
    for (const es of declaration.externalSecrets) {
      es.dynamicSecrets.forEach((dynamic, index) => {
        const entry = users.get(dynamic.id) ?? { name: dynamic.name, namespaces: new Set<string>(), first: { es: es.id, index } };
        entry.namespaces.add(es.namespace);
        users.set(dynamic.id, entry);
      });
    }
    for (const [id, { namespaces, first }] of [...users.entries()].sort(([a], [b]) => compare(a, b))) {
      const tenants = new Set([...namespaces].map((ns) => declaration.tenantOf(ns)?.id ?? ''));
      if (tenants.size > 1) {
        yield {
          path: declaration.pathOf('externalSecrets', first.es), prop: `dynamicSecrets[${first.index}]`, value: id, subject: id,
          allowed: `a dynamic secret used from the namespaces of one tenant: "${id}" is used from ${[...namespaces].sort(compare).map((ns) => describeNamespace(declaration, ns)).join(', ')}, `
            + 'which would all get credentials of one engine role',
          fix: 'declare one dynamic secret (one engine role) per tenant',
        };
      }
    }
  },
};
