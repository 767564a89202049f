/**
 * CES-TEN-7: an existing service account carrying a tenant store's identity is that store's alone. The
 * declaration does not emit it, so it cannot see who else runs as it: any pod of the namespace that mounts
 * it gets the store's identity and every secret it is granted. Acknowledge it (with the reason: only ESO
 * uses it, pods cannot choose it) or let the declaration emit the store's own service account.
 */
import { EsoAuthModel } from '../../declaration/stores';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { grantedSecrets, listSecrets } from '../routes';

export const tenantExistingServiceAccount: PlanRule = {
  id: 'CES-TEN-7',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'An existing service account carrying a tenant store\'s identity is used by that store alone',
  acknowledgeable: true,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    if (declaration.tenants.length === 0) {
      return;
    }
    for (const identity of plan.identities) {
      const account = identity.serviceAccount;
      const tenant = declaration.tenantOf(account.namespace);
      if (identity.authModel !== EsoAuthModel.EXISTING_SERVICE_ACCOUNT || tenant === undefined) {
        continue;
      }
      const granted = grantedSecrets(identity);
      const stores = identity.stores.map((s) => `"${s.id}"`).join(', ');
      yield {
        path: declaration.pathOf('stores', identity.stores[0].id), prop: 'serviceAccount', value: `${account.namespace}/${account.name}`, subject: identity.id,
        allowed: `a service account only ESO uses: "${account.name}" in namespace "${account.namespace}" of tenant "${tenant.id}" is not emitted by the declaration, `
          + `so any pod there that mounts it gets identity "${identity.id}" (store${identity.stores.length > 1 ? 's' : ''} ${stores}`
          + `${granted.length > 0 ? `, granted ${listSecrets(granted)}` : ''})`,
        fix: 'let the declaration emit the store\'s own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT)',
      };
    }
  },
};
