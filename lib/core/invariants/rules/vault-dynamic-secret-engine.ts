/**
 * CES-LP-3: a Vault dynamic secret is granted only on an engine's credential endpoint for one role
 * (`database/creds/<role>`, `pki/issue/<role>`, `aws/creds/<role>`, …): never a wildcard, a `.`/`..`
 * segment, a path under Vault's own mounts (`sys/`, `auth/` with `auth/token/create`, `identity/`,
 * `cubbyhole/`), nor a declared KV mount (which would read keys nobody declared).
 */
import type { VaultDynamicSecretDeclaration } from '../../declaration/backends/vault';
import { VAULT_ENGINE_ENDPOINTS_FIX, VAULT_ENGINE_ENDPOINTS_WORDING, vaultCredentialEndpoint } from '../../vault-engines';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

export const vaultDynamicSecretEngine: PlanRule = {
  id: 'CES-LP-3',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'A Vault dynamic secret is granted only on an engine\'s credential endpoint for one role',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    const seen = new Set<string>();
    for (const identity of plan.identities) {
      if (identity.vault === undefined) {
        continue;
      }
      for (const dynamic of identity.dynamicSecrets as readonly VaultDynamicSecretDeclaration[]) {
        if (seen.has(dynamic.id)) {
          continue;
        }
        seen.add(dynamic.id);
        const endpoint = vaultCredentialEndpoint(dynamic.path);
        const kvMount = endpoint === undefined ? undefined : dynamic.server.kvMounts.find((m) => m.path === endpoint.mount);
        if (endpoint !== undefined && kvMount === undefined) {
          continue;
        }
        yield {
          path: declaration.pathOf('dynamicSecrets', dynamic.id), prop: 'path', value: dynamic.path, subject: dynamic.id,
          allowed: kvMount !== undefined
            ? `a dynamic secrets engine's path, not the KV mount "${kvMount.path}" of Vault ${dynamic.server.id} (KV keys are read through declared secrets)`
            : VAULT_ENGINE_ENDPOINTS_WORDING,
          fix: kvMount !== undefined
            ? 'declare the KV key with addVaultSecret and read it with data or extract'
            : VAULT_ENGINE_ENDPOINTS_FIX,
        };
      }
    }
  },
};
