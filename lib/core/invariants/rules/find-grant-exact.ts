/**
 * CES-LP-2: a find's grant covers the declared secrets it matches and nothing else. Where a backend can
 * only grant a find more widely (a Parameter Store path returns every parameter under it; Google Secret
 * Manager lists only per project), the find is refused unless the user acknowledges the wider grant.
 */
import { backendModel } from '../../declaration/backends';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const findGrantExact: PlanRule = {
  id: 'CES-LP-2',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'A find is granted exactly the declared secrets it matches',
  acknowledgeable: true,
  *check({ plan }): Iterable<RuleViolation> {
    const seen = new Set<string>();
    for (const identity of plan.identities) {
      for (const use of identity.finds) {
        const subject = `${use.path}/${use.prop}`;
        const beyond = backendModel(use.store.provider).findGrantBeyondMatches?.(use);
        if (beyond === undefined || seen.has(subject)) {
          continue;
        }
        seen.add(subject);
        yield {
          path: use.path, prop: use.prop, value: use.find, subject,
          allowed: `a find whose grant reads only the declared secrets it matches (${use.matched.length} here), but ${beyond}`,
          fix: 'read the declared secrets with data or extract (or a find the backend grants per secret, such as by name or tags)',
        };
      }
    }
  },
};
