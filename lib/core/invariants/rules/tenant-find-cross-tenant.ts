/**
 * CES-TEN-2: a find reaches only its tenant's secrets. `data` and `extract` name their secrets (checked
 * where declared); a `dataFrom.find` matches by name, path or tags, so a pattern written in one tenant's
 * namespace can match another tenant's secret, and the store's identity is then granted it.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { describeNamespace, listSecrets, secretsReadBy } from '../routes';

export const tenantFindCrossTenant: PlanRule = {
  id: 'CES-TEN-2',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'A find matches only secrets of the tenant of its namespace (or of no tenant)',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    const planned = new Set<object>(plan.identities.flatMap((identity) => identity.finds.map((use) => use.find)));
    const readBy = secretsReadBy(plan);
    for (const es of declaration.externalSecrets) {
      const reader = declaration.tenantOf(es.namespace)?.id;
      for (const [i, find] of es.find.entries()) {
        // Through an assumed role the find's matches are folded into the chained reads: check them all.
        const matched = planned.has(find) ? readBy({ ...es, data: [], extract: [], find: [find] }) : readBy({ ...es, data: [], extract: [] });
        const foreign = matched.filter((s) => {
          const owner = declaration.ownerOf(s)?.id;
          return owner !== undefined && owner !== reader;
        });
        if (foreign.length > 0) {
          const owners = [...new Set(foreign.map((s) => declaration.ownerOf(s)!.id))].sort();
          yield {
            path: declaration.pathOf('externalSecrets', es.id), prop: `find[${i}]`, value: describeFind(find), subject: es.id,
            allowed: `a find matching secrets of the tenant of ${describeNamespace(declaration, es.namespace)} or of no tenant: it matches ${listSecrets(foreign)} of tenant ${owners.map((o) => `"${o}"`).join(' and ')}`,
            fix: 'narrow the find (nameRegexp, path or tags) to the tenant\'s own secrets, or read them by name with data/extract',
          };
        }
      }
    }
  },
};

function describeFind(find: { readonly nameRegexp?: string; readonly path?: string; readonly tags?: Record<string, string> }): string {
  const parts: string[] = [];
  if (find.nameRegexp !== undefined) parts.push(`nameRegexp ${find.nameRegexp}`);
  if (find.path !== undefined) parts.push(`path ${find.path}`);
  if (find.tags !== undefined) parts.push(`tags ${Object.entries(find.tags).map(([k, v]) => `${k}=${v}`).join(',')}`);
  return parts.join('; ') || 'every secret of the store';
}
