/**
 * CES-ESO-1: an ExternalSecret reading a rotating secret keeps refreshing it. ESO's
 * `shouldRefresh` (pkg/controllers/externalsecret/externalsecret_controller.go, v2.9.0) never re-reads
 * the provider after the first sync for `refreshPolicy: CreatedOnce`, and only when the ExternalSecret
 * itself changes for `OnChange`; with `target.immutable: true` the controller sets `Secret.immutable` and
 * every later update fails with `ErrSecretImmutable` ("could not update secret, target is immutable").
 * After the first rotation the workload keeps the old, revoked credential.
 */
import { RefreshPolicy } from '../../eso-enums';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { isRotating, readsOf } from './eso-semantics';

export const esoRotatingNotRefreshed: PlanRule = {
  id: 'CES-ESO-1',
  category: RuleCategory.ESO_SEMANTICS,
  title: 'An ExternalSecret reading a rotating secret is neither immutable nor refreshed only once or on change',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    for (const es of declaration.externalSecrets) {
      const rotating = readsOf(es).find(isRotating);
      if (rotating === undefined) {
        continue;
      }
      const path = declaration.pathOf('externalSecrets', es.id);
      const because = `secret "${rotating.id}" rotates`;
      if (es.immutable === true) {
        yield {
          path, prop: 'immutable', value: true, subject: es.id,
          allowed: `false: ${because}, and ESO cannot update an immutable Secret (the workload keeps the revoked value)`,
          fix: 'drop immutable: true',
        };
      } else if (es.refreshPolicy === RefreshPolicy.CREATED_ONCE || es.refreshPolicy === RefreshPolicy.ON_CHANGE) {
        yield {
          path, prop: 'refreshPolicy', value: es.refreshPolicy, subject: es.id,
          allowed: `RefreshPolicy.PERIODIC (the default): ${because}, and ESO re-reads the provider with ${es.refreshPolicy} only ${es.refreshPolicy === RefreshPolicy.CREATED_ONCE ? 'once' : 'when the ExternalSecret changes'}`,
          fix: 'drop refreshPolicy (periodic refresh) and keep refreshInterval shorter than the rotation period',
        };
      }
    }
  },
};
