/**
 * CES-LP-12: a dynamic secret on the mount of a declared engine reads a role that engine declares,
 * through the engine's own endpoint (`creds` for database, `issue` for PKI). A hand-typed path naming
 * another role of that mount grants a role the declaration does not see (a superuser role created by
 * hand, another team's role), with TTLs nobody checked against the store's token.
 */
import { vaultCredentialEndpoint } from '../../vault-engines';
import { VaultEngineKind } from '../../declaration/backends/vault-engine-declarations';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

const ENDPOINT: Record<VaultEngineKind, string> = { [VaultEngineKind.DATABASE]: 'creds', [VaultEngineKind.PKI]: 'issue' };

export const vaultEngineRoleDeclared: PlanRule = {
  id: 'CES-LP-12',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'A dynamic secret on a declared engine\'s mount reads one of that engine\'s declared roles through its endpoint',
  acknowledgeable: false,
  *check({ declaration }): Iterable<RuleViolation> {
    if (declaration.vaultEngines.length === 0) {
      return;
    }
    const engines = new Map(declaration.vaultEngines.map((e) => [`${e.server.id}\n${e.mount}`, e]));
    for (const dynamic of declaration.dynamicSecrets) {
      const endpoint = vaultCredentialEndpoint(dynamic.path);
      const engine = endpoint === undefined ? undefined : engines.get(`${dynamic.server.id}\n${endpoint.mount}`);
      if (engine === undefined || (endpoint!.endpoint === ENDPOINT[engine.kind] && engine.roles.some((r) => r.name === endpoint!.role))) {
        continue;
      }
      const expected = engine.roles.map((r) => `"${engine.mount}/${ENDPOINT[engine.kind]}/${r.name}"`).join(', ');
      yield {
        path: declaration.pathOf('dynamicSecrets', dynamic.id), prop: 'path', value: dynamic.path, subject: dynamic.id,
        allowed: `a declared role of engine "${engine.id}" mounted at "${engine.mount}": ${expected}`,
        fix: `declare the role on the engine and pass engine and role instead of path`,
      };
    }
  },
};
