/**
 * The azurerm provider classes the constructs create, loaded when a construct first needs them:
 * `@cdktf/provider-azurerm` is an optional peer, so importing the package (or `/platform`) does not
 * require it in a project that declares no Azure resources.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as DataClientConfig from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import type * as FederatedCredential from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import type * as KeyVaultModule from '@cdktf/provider-azurerm/lib/key-vault';
import type * as KeyVaultKeyModule from '@cdktf/provider-azurerm/lib/key-vault-key';
import type * as KeyVaultSecretModule from '@cdktf/provider-azurerm/lib/key-vault-secret';
import type * as RoleAssignmentModule from '@cdktf/provider-azurerm/lib/role-assignment';
import type * as RoleDefinitionModule from '@cdktf/provider-azurerm/lib/role-definition';
import type * as UserAssignedIdentityModule from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { IConstruct } from 'constructs';
import { loadOptionalPeer } from '../../core/optional-peer';

const PACKAGE = '@cdktf/provider-azurerm';

function load<T>(scope: IConstruct, neededBy: string, loader: () => T): T {
  return loadOptionalPeer(scope.node.path, PACKAGE, neededBy, loader);
}

/** `azurerm_key_vault` and `data.azurerm_client_config`. */
export function keyVaultClasses(scope: IConstruct): { KeyVault: typeof KeyVaultModule.KeyVault; DataAzurermClientConfig: typeof DataClientConfig.DataAzurermClientConfig } {
  return load(scope, 'AzureKeyVault', () => ({
    KeyVault: (require('@cdktf/provider-azurerm/lib/key-vault') as typeof KeyVaultModule).KeyVault,
    DataAzurermClientConfig: (require('@cdktf/provider-azurerm/lib/data-azurerm-client-config') as typeof DataClientConfig).DataAzurermClientConfig,
  }));
}

/** `azurerm_key_vault_key`. */
export function keyVaultKeyClass(scope: IConstruct): typeof KeyVaultKeyModule.KeyVaultKey {
  return load(scope, 'AksKmsEncryption', () => (require('@cdktf/provider-azurerm/lib/key-vault-key') as typeof KeyVaultKeyModule).KeyVaultKey);
}

/** `azurerm_key_vault_secret`. */
export function keyVaultSecretClass(scope: IConstruct): typeof KeyVaultSecretModule.KeyVaultSecret {
  return load(scope, 'AzureKeyVaultSecret', () => (require('@cdktf/provider-azurerm/lib/key-vault-secret') as typeof KeyVaultSecretModule).KeyVaultSecret);
}

/** `azurerm_role_assignment`. */
export function roleAssignmentClass(scope: IConstruct): typeof RoleAssignmentModule.RoleAssignment {
  return load(scope, 'KeyVaultRoleAssignment', () => (require('@cdktf/provider-azurerm/lib/role-assignment') as typeof RoleAssignmentModule).RoleAssignment);
}

/** `azurerm_role_definition`. */
export function roleDefinitionClass(scope: IConstruct): typeof RoleDefinitionModule.RoleDefinition {
  return load(scope, 'KeyVaultSecretsListRole', () => (require('@cdktf/provider-azurerm/lib/role-definition') as typeof RoleDefinitionModule).RoleDefinition);
}

/** `azurerm_user_assigned_identity` and `azurerm_federated_identity_credential`. */
export function workloadIdentityClasses(scope: IConstruct): {
  UserAssignedIdentity: typeof UserAssignedIdentityModule.UserAssignedIdentity;
  FederatedIdentityCredential: typeof FederatedCredential.FederatedIdentityCredential;
} {
  return load(scope, 'KeyVaultWorkloadIdentity', () => ({
    UserAssignedIdentity: (require('@cdktf/provider-azurerm/lib/user-assigned-identity') as typeof UserAssignedIdentityModule).UserAssignedIdentity,
    FederatedIdentityCredential: (require('@cdktf/provider-azurerm/lib/federated-identity-credential') as typeof FederatedCredential).FederatedIdentityCredential,
  }));
}
