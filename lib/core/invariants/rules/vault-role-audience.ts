/**
 * CES-LP-4: a Vault role is bound to a token audience. A role without `audience` (Kubernetes auth) or
 * `bound_audiences` (JWT auth) accepts any token of the bound service account, including the API
 * server's default tokens that every pod mounts, instead of the short-lived token ESO requests for Vault.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const vaultRoleAudience: PlanRule = {
  id: 'CES-LP-4',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'A Vault role is bound to a token audience',
  acknowledgeable: true,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    for (const identity of plan.identities) {
      if (identity.vault === undefined || identity.vault.audiences.length > 0) {
        continue;
      }
      const store = identity.stores[0];
      yield {
        path: declaration.pathOf('stores', store.id), prop: 'audiences', value: [...identity.vault.audiences], subject: identity.id,
        allowed: `at least one audience: Vault role ${identity.vault.auth.mountPath}/${identity.vault.roleName} would accept any token of `
          + `${identity.serviceAccount.namespace}/${identity.serviceAccount.name}, the default API server tokens included`,
        fix: 'leave audiences unset (["vault"]) or pass the audience the Vault role expects',
      };
    }
  },
};
