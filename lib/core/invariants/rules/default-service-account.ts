/**
 * CES-TEN-8: no store authenticates as a namespace's `default` service account. Every pod that names no
 * service account runs as it, so every workload of the namespace would carry the store's identity.
 */
import { EsoAuthModel } from '../../declaration/stores';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const defaultServiceAccount: PlanRule = {
  id: 'CES-TEN-8',
  category: RuleCategory.TENANT_ISOLATION,
  title: 'No store authenticates as the default service account of a namespace',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    for (const identity of plan.identities) {
      if (identity.serviceAccount.name === 'default' && identity.authModel !== EsoAuthModel.CONTROLLER) {
        yield {
          path: declaration.pathOf('stores', identity.stores[0].id), prop: 'serviceAccount', value: `${identity.serviceAccount.namespace}/default`, subject: identity.id,
          allowed: `a service account of the store's own: every pod of namespace "${identity.serviceAccount.namespace}" that names no service account runs as "default" and would get identity "${identity.id}"`,
          fix: 'let the declaration emit the store\'s own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT), or name a dedicated one',
        };
      }
    }
  },
};
