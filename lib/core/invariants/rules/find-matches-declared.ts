/**
 * CES-LP-1: every find matches a declared secret. A find's grants are the declared secrets it matches
 * (whatever the backend: Secrets Manager, Parameter Store, Key Vault, Secret Manager, Vault KV); a find
 * matching none would be granted a listing (or a path) for nothing, or read what nobody declared.
 */
import { backendModel } from '../../declaration/backends';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const findMatchesDeclared: PlanRule = {
  id: 'CES-LP-1',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'Every find matches at least one declared secret',
  acknowledgeable: false,
  *check({ plan }): Iterable<RuleViolation> {
    const seen = new Set<string>();
    for (const identity of plan.identities) {
      for (const use of identity.finds) {
        const subject = `${use.path}/${use.prop}`;
        const model = backendModel(use.store.provider);
        // A find the backend can only grant beyond its matches is CES-LP-2's, matches or not.
        if (use.matched.length > 0 || seen.has(subject) || model.findGrantBeyondMatches?.(use) !== undefined) {
          continue;
        }
        seen.add(subject);
        const scope = model.wording.findScope(use.store);
        yield {
          path: use.path, prop: use.prop, value: use.find, subject,
          allowed: `a find that matches at least one ${scope.where} (by nameRegexp, path and tags): `
            + 'the store\'s identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing',
          fix: `declare the secrets the find should read with ${scope.declare} (managedElsewhere: true for secrets created outside this declaration), or change the find to match them`,
        };
      }
    }
  },
};
