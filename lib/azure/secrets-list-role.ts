import { Construct } from 'constructs';
import { Fn } from 'cdktf';
import type { RoleDefinition } from '@cdktf/provider-azurerm/lib/role-definition';
import { invalidString } from '../core/errors';
import { assertProps } from '../core/validation';
import type { IAzureKeyVault } from './key-vault';
import { IAzurePrincipal } from './principal';
import { IKeyVaultRoleDefinition, KeyVaultRoleAssignment } from './role-assignment';
import { grantKeyVaultRole } from './private/grant';
import { isToken, KEY_VAULT_ID } from './private/util';
import { roleDefinitionClass } from './private/azurerm';

/**
 * The one data action of {@link KeyVaultSecretsListRole}: "List or view the properties of a secret,
 * but not its value" (Key Vault data-plane operation `Get Secrets`, the list of secret identifiers,
 * attributes and tags).
 *
 * It is what External Secrets Operator's Azure provider needs for a `dataFrom.find`: `GetAllSecrets`
 * lists the vault's secret properties (`GetSecretsComplete` / the azsecrets pager), filters them by
 * `name.regexp` and `tags` on the client, then calls `GetSecret` on each match
 * (external-secrets `providers/v1/azure/keyvault/keyvault.go`, `getAllSecretsWithLegacySDK`). The
 * values of the matches are read with **Key Vault Secrets User** on each secret.
 *
 * @see https://learn.microsoft.com/azure/role-based-access-control/resource-provider-operations#microsoftkeyvault
 */
export const KEY_VAULT_LIST_SECRETS_DATA_ACTION = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';

/** Props of {@link KeyVaultSecretsListRole}. */
export interface KeyVaultSecretsListRoleProps {
  /** The vault whose secrets the role lists (role assignments are scoped to it). */
  readonly vault: IAzureKeyVault;
  /**
   * Name of the role definition. Azure requires it unique in the Entra tenant.
   * @default - "Key Vault Secrets Lister (<vault name>)": vault names are globally unique
   */
  readonly roleName?: string;
  /**
   * Resource ID of the resource group the role definition is created in and assignable in
   * (`/subscriptions/<id>/resourceGroups/<name>`). Azure documents management groups, subscriptions
   * and resource groups as assignable scopes of custom roles, so the narrowest documented one, the
   * vault's resource group, is used; the assignments this construct makes are scoped to the vault.
   * @default - the resource group of the vault, taken from its resource ID
   */
  readonly resourceGroupId?: string;
  /**
   * Description of the role definition.
   * @default - "List the names and properties of the secrets in Key Vault <vault name>, never their values (cdk-external-secrets)"
   */
  readonly description?: string;
}

const RESOURCE_GROUP_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+$/i;

/**
 * A custom Azure role that lists the secrets of one Key Vault without reading any value: one
 * `azurerm_role_definition` whose only permission is the data action
 * {@link KEY_VAULT_LIST_SECRETS_DATA_ACTION} (no control-plane actions), assigned on the vault only.
 *
 * No built-in role fits: **Key Vault Secrets User** also reads every value (`getSecret/action`), and
 * **Key Vault Reader** adds control-plane reads and the metadata of keys and certificates. An
 * External Secrets Operator `find` needs this role on the vault plus **Key Vault Secrets User** on
 * each secret it may read; `AzureKeyVault.grantSecretsList()` creates one such role per vault,
 * shared by every principal that lists it.
 *
 * Creating a role definition needs `Microsoft.Authorization/roleDefinitions/write` on the resource
 * group (Owner or User Access Administrator), more than the role assignments alone need.
 *
 * @example
 * const lister = new KeyVaultSecretsListRole(stack, 'Lister', { vault });
 * lister.grant(esoIdentity);                    // list the vault's secret names
 * esoIdentity.grantReadSecret(featureFlags);    // and read this one secret
 *
 * @see https://learn.microsoft.com/azure/role-based-access-control/role-definitions#assignablescopes
 */
export class KeyVaultSecretsListRole extends Construct implements IKeyVaultRoleDefinition {
  /** Name of the role definition. */
  public readonly roleName: string;
  /** The vault the role lists. */
  public readonly vault: IAzureKeyVault;
  /** ARM resource ID of the role definition (token): the `role_definition_id` of its assignments. */
  public readonly roleDefinitionResourceId: string;
  /** The underlying `azurerm_role_definition`. */
  public readonly resource: RoleDefinition;

  constructor(scope: Construct, id: string, props: KeyVaultSecretsListRoleProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'KeyVaultSecretsListRoleProps', {
      'vault': 'object',
      'roleName?': 'nonEmptyString',
      'resourceGroupId?': 'nonEmptyString',
      'description?': 'string',
    });
    if (props.resourceGroupId !== undefined && !isToken(props.resourceGroupId) && !RESOURCE_GROUP_ID.test(props.resourceGroupId)) {
      throw invalidString(path, 'resourceGroupId', props.resourceGroupId,
        'a resource group ID (/subscriptions/<id>/resourceGroups/<name>): custom roles are defined at a management group, subscription or resource group, and the vault\'s resource group is the narrowest',
        'pass the resource group\'s id (azurerm_resource_group.id), or leave resourceGroupId out to use the vault\'s');
    }
    const vault = props.vault;
    const resourceGroupId = props.resourceGroupId ?? resourceGroupIdOf(vault.vaultId);
    this.vault = vault;
    this.roleName = props.roleName ?? `Key Vault Secrets Lister (${vault.vaultName})`;
    const RoleDefinitionResource = roleDefinitionClass(this);
    this.resource = new RoleDefinitionResource(this, 'Resource', {
      name: this.roleName,
      scope: resourceGroupId,
      assignableScopes: [resourceGroupId],
      description: props.description
        ?? `List the names and properties of the secrets in Key Vault ${vault.vaultName}, never their values (cdk-external-secrets)`,
      permissions: [{ dataActions: [KEY_VAULT_LIST_SECRETS_DATA_ACTION] }],
    });
    this.roleDefinitionResourceId = this.resource.roleDefinitionResourceId;
  }

  /**
   * Assigns the role to a principal on the vault (once per principal: a second call returns the
   * first assignment).
   */
  public grant(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return grantKeyVaultRole(this, principal, this, this.vault.vaultId);
  }
}

/**
 * `/subscriptions/<s>/resourceGroups/<g>` of a vault ID: computed for a literal ID, a Terraform
 * expression (`join("/", slice(split("/", id), 0, 5))`) for a token.
 */
function resourceGroupIdOf(vaultId: string): string {
  if (!isToken(vaultId) && KEY_VAULT_ID.test(vaultId)) {
    return vaultId.slice(0, vaultId.toLowerCase().indexOf('/providers/'));
  }
  return Fn.join('/', Fn.slice(Fn.split('/', vaultId), 0, 5));
}
