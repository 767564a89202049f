/**
 * CES-LP-13: every role of a declared Vault engine is read by a declared dynamic secret. An unused
 * role is a credential factory nobody declared a use for (and, for the database engine, one more role
 * the connection allows). Acknowledgeable: applications outside ESO may read it.
 */
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const vaultEngineRoleUnused: PlanRule = {
  id: 'CES-LP-13',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'Every role of a declared Vault engine is read by a declared dynamic secret',
  acknowledgeable: true,
  *check({ declaration }): Iterable<RuleViolation> {
    const used = new Set(declaration.dynamicSecrets.map((d) => `${d.server.id}\n${d.path}`));
    for (const engine of declaration.vaultEngines) {
      const endpoint = engine.database !== undefined ? 'creds' : 'issue';
      for (const [index, { name: role }] of engine.roles.entries()) {
        if (used.has(`${engine.server.id}\n${engine.mount}/${endpoint}/${role}`)) {
          continue;
        }
        yield {
          path: declaration.pathOf('vaultEngines', engine.id), prop: `roles[${index}].name`, value: role, subject: `${engine.id}/${role}`,
          allowed: `a role some dynamic secret reads ("${engine.mount}/${endpoint}/${role}" is read by none)`,
          fix: 'remove the role, or declare the dynamic secret that uses it',
        };
      }
    }
  },
};
