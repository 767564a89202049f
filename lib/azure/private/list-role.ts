import { Construct } from 'constructs';
import type { IAzureKeyVault } from '../key-vault';
import { KeyVaultSecretsListRole } from '../secrets-list-role';

const SECRETS_LIST_ROLE_ID = 'SecretsListRole';

/** A vault's custom list role, created under the vault on first use (what `grantSecretsList` assigns). */
export function secretsListRoleOf(vault: IAzureKeyVault): KeyVaultSecretsListRole {
  const existing = vault.node.tryFindChild(SECRETS_LIST_ROLE_ID);
  return existing instanceof KeyVaultSecretsListRole ? existing : new KeyVaultSecretsListRole(vault as Construct, SECRETS_LIST_ROLE_ID, { vault });
}
