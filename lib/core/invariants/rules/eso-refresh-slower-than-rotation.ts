/**
 * CES-ESO-2: an ExternalSecret reading a rotating secret refreshes more often than the secret rotates.
 * ESO's `shouldRefreshPeriodic` (pkg/controllers/externalsecret/externalsecret_controller.go, v2.9.0)
 * never refreshes again with `refreshInterval: 0` once synced, and otherwise waits the whole interval:
 * an interval longer than the rotation period leaves the workload on a revoked credential. The period
 * is `afterDays` (30 by default) or a `rate(...)` expression; a `cron(...)` schedule has none, so only
 * an interval of 0 is refused there. The default interval (an hour) is always shorter: Secrets Manager
 * rotates at most every four hours.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';
import { readsOf, rotationOf, rotationPeriodOf } from './eso-semantics';

export const esoRefreshSlowerThanRotation: PlanRule = {
  id: 'CES-ESO-2',
  category: RuleCategory.ESO_SEMANTICS,
  title: 'An ExternalSecret reading a rotating secret refreshes (refreshInterval > 0) more often than the rotation period',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    for (const es of declaration.externalSecrets) {
      const seconds = es.refreshInterval.toSeconds();
      for (const secret of readsOf(es)) {
        const period = rotationPeriodOf(secret);
        if (rotationOf(secret) === undefined || (seconds > 0 && (period === undefined || seconds < period.seconds))) {
          continue;
        }
        yield {
          path: declaration.pathOf('externalSecrets', es.id), prop: 'refreshInterval', value: es.refreshInterval.toString(), subject: es.id,
          allowed: seconds === 0
            ? `a refresh interval above zero: secret "${secret.id}" rotates, and with 0 ESO never reads it again after the first sync`
            : `an interval shorter than the rotation period of secret "${secret.id}" (${period!.wording})`,
          fix: 'set refreshInterval to at most an hour (the default), well under the rotation period',
        };
        break;
      }
    }
  },
};
