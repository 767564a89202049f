import { Construct, IConstruct } from 'constructs';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { azureRoleScopeTooWide } from '../core/errors';
import { IAzurePrincipal } from './principal';
import { KEY_VAULT_SCOPE, tokenSkeleton } from './private/util';
import { roleAssignmentClass } from './private/azurerm';
import { assertPropsObject } from '../core/validation';

/**
 * The Key Vault data-plane roles this library assigns (vaults in RBAC authorization mode).
 *
 * Values are the built-in role definition names (`role_definition_name`).
 *
 * @see https://learn.microsoft.com/azure/key-vault/general/rbac-guide#azure-built-in-roles-for-key-vault-data-plane-operations
 */
export enum KeyVaultRole {
  /** Read secret contents (`4633458b-17de-408a-b874-0445c86b69e6`). What ESO needs to read. */
  SECRETS_USER = 'Key Vault Secrets User',
  /** Create, update and delete secrets (`b86a8fe4-44ce-4948-aee5-eccb2c155cd7`). Only for PushSecret. */
  SECRETS_OFFICER = 'Key Vault Secrets Officer',
  /** Cryptographic operations with keys (`12338af0-0e69-4776-bea7-57ae8d297424`). What AKS KMS needs. */
  CRYPTO_USER = 'Key Vault Crypto User',
  /**
   * Management-plane contributor on the vault (`f25e0fa2-a7c8-4377-a976-54943a77a395`): no data-plane
   * access. AKS KMS with a private vault needs it to create its private link.
   */
  CONTRIBUTOR = 'Key Vault Contributor',
}

/**
 * A custom Azure role definition that can be assigned on a vault or an object in it, such as
 * {@link KeyVaultSecretsListRole}. Assignments reference it by `role_definition_id`.
 */
export interface IKeyVaultRoleDefinition extends IConstruct {
  /** Name of the role (unique in the Entra tenant), used in construct IDs and descriptions. Literal. */
  readonly roleName: string;
  /**
   * ARM resource ID of the role definition (`role_definition_resource_id`), the value of a role
   * assignment's `role_definition_id`. May be a token.
   */
  readonly roleDefinitionResourceId: string;
}

/** The name of a built-in {@link KeyVaultRole} or of a custom {@link IKeyVaultRoleDefinition}. */
export function keyVaultRoleName(role: KeyVaultRole | IKeyVaultRoleDefinition): string {
  return typeof role === 'string' ? role : role.roleName;
}

/** Props of {@link KeyVaultRoleAssignment}. */
export interface KeyVaultRoleAssignmentProps {
  /** Who receives the role. */
  readonly principal: IAzurePrincipal;
  /**
   * The role: a built-in Key Vault role (assigned by `role_definition_name`) or a custom role
   * definition (assigned by `role_definition_id`).
   */
  readonly role: KeyVaultRole | IKeyVaultRoleDefinition;
  /**
   * The scope: a Key Vault resource ID, or the versionless resource ID of one secret, key or
   * certificate in it (`<vault id>/secrets/<name>`). Resource group, subscription and management
   * group scopes are rejected at synth.
   */
  readonly scope: string;
  /**
   * Description of the assignment, shown in the Azure portal.
   * @default - "<role name> for cdk-external-secrets"
   */
  readonly description?: string;
}

/**
 * An `azurerm_role_assignment` of a Key Vault role, scoped to one vault or one object in it.
 *
 * Least privilege is enforced: a scope wider than a vault is a synth error. Literal scopes are
 * checked fully; scopes holding tokens are checked on their literal parts (a token standing for the
 * whole scope is accepted, since only a vault's or secret's ID attribute is expected there).
 *
 * Role assignments take up to several minutes to propagate: a pod that authenticates right after
 * `terraform apply` may get 403 for a while (see the README).
 */
export class KeyVaultRoleAssignment extends Construct {
  /** The role assigned: a built-in Key Vault role or a custom role definition. */
  public readonly role: KeyVaultRole | IKeyVaultRoleDefinition;
  /** The scope of the assignment, as given. */
  public readonly scope: string;
  /** The principal receiving the role. */
  public readonly principal: IAzurePrincipal;
  /** The underlying `azurerm_role_assignment`. */
  public readonly resource: RoleAssignment;

  constructor(scope: Construct, id: string, props: KeyVaultRoleAssignmentProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'KeyVaultRoleAssignmentProps');
    if (!KEY_VAULT_SCOPE.test(tokenSkeleton(props.scope))) {
      throw azureRoleScopeTooWide(this.node.path, 'scope', props.scope);
    }
    this.role = props.role;
    this.scope = props.scope;
    this.principal = props.principal;
    const RoleAssignmentResource = roleAssignmentClass(this);
    const role = props.role;
    this.resource = new RoleAssignmentResource(this, 'Resource', {
      scope: props.scope,
      ...(typeof role === 'string' ? { roleDefinitionName: role } : { roleDefinitionId: role.roleDefinitionResourceId }),
      principalId: props.principal.principalId,
      principalType: props.principal.principalType,
      description: props.description ?? `${keyVaultRoleName(role)} for cdk-external-secrets`,
    });
  }
}
