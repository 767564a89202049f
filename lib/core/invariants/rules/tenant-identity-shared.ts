/**
 * CES-TEN-1: an identity serves one tenant. Whatever route grants a secret to an identity (a `data` or
 * `extract` read, a read through an assumed role, a find's matches, a PushSecret destination), the
 * secrets of the identity all belong to one tenant (or to none): one role, managed identity or Vault
 * role granted two tenants' secrets lets either tenant's store read the other's.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const tenantIdentityShared: PlanRule = {
  id: 'CES-TEN-1',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'An identity is granted the secrets of one tenant at most',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    for (const identity of plan.identities) {
      const granted = [...identity.reads, ...identity.chainedReads, ...identity.pushes.map((p) => p.destination), ...identity.finds.flatMap((f) => f.matched)];
      const owners = [...new Set(granted.map((s) => declaration.ownerOf(s)?.id).filter((n): n is string => n !== undefined))].sort();
      if (owners.length > 1) {
        yield {
          path: declaration.pathOf('stores', identity.stores[0].id), prop: 'authModel', value: identity.id, subject: identity.id,
          allowed: `an identity serving one tenant: identity "${identity.id}" would be granted secrets of tenants ${owners.map((t) => `"${t}"`).join(' and ')}`,
          fix: 'give each tenant its own store with its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, or scope: StoreScope.NAMESPACED), so grants stay per tenant',
        };
      }
    }
  },
};
