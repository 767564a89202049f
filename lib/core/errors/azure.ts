// Errors raised by lib/azure. Every factory builds its message with configurationError().
import { configurationError, ConfigurationError } from './format';

/** A Key Vault name Azure rejects. */
export function invalidKeyVaultName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '3 to 24 characters, letters, digits and "-", starting with a letter, ending with a letter or digit, no consecutive "-"',
    fix: 'rename the vault; the name is also the global DNS label <name>.vault.azure.net, so it must be unique across Azure',
  });
}

/** A tenant ID that is not a GUID. */
export function invalidAzureTenantId(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a GUID such as "00000000-0000-0000-0000-000000000000"',
    fix: 'pass the Entra tenant ID (az account show --query tenantId), or the tenant_id attribute of a DataAzurermClientConfig',
  });
}

/** A soft-delete retention outside Azure's 7-90 days. */
export function softDeleteRetentionOutOfRange(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of days from 7 to 90',
    fix: 'pick a value from 7 to 90 (Azure cannot change it after the vault is created)',
  });
}

/** A Key Vault secret or key name Azure rejects. */
export function invalidKeyVaultObjectName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '1 to 127 characters, letters, digits and "-"',
    fix: `rename it, for example ${JSON.stringify(suggestKeyVaultObjectName(value))}`,
  });
}

/** A Key Vault resource ID that is not `/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>`. */
export function invalidKeyVaultId(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Key Vault resource ID "/subscriptions/<subscription>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<name>"',
    fix: 'pass the id attribute of the vault (az keyvault show --query id), not a resource group or subscription ID',
  });
}

/** A secret value given as plain text instead of a sensitive Terraform variable. */
export function plaintextKeyVaultSecretValue(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: '<redacted plain value>',
    allowed: 'KeyVaultSecretValue.fromSensitiveVariable(<TerraformVariable with sensitive: true>) or KeyVaultSecretValue.placeholder()',
    fix: 'declare a TerraformVariable with sensitive: true and pass it through KeyVaultSecretValue.fromSensitiveVariable(); plain values would land in the synthesized JSON and the Terraform state',
  });
}

/** A Terraform variable carrying a secret value that is not marked sensitive. */
export function nonSensitiveKeyVaultVariable(path: string, prop: string, variablePath: string): ConfigurationError {
  return configurationError({
    path, prop, value: variablePath,
    allowed: 'a TerraformVariable declared with sensitive: true',
    fix: 'add sensitive: true to the TerraformVariable so Terraform redacts it from plans and logs',
  });
}

/** A write-only value version that is not a positive whole number. */
export function invalidKeyVaultValueVersion(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a whole number of 1 or more',
    fix: 'start at 1 and increase it each time the variable holds a new value, so Terraform sends the write-only value again',
  });
}

/** A date that is not a valid Date, or a not-before date after the expiry. */
export function invalidKeyVaultSecretDate(path: string, prop: string, value: string, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value, allowed,
    fix: 'pass a valid Date; notBefore must be earlier than expiresOn',
  });
}

/** A role assignment scope wider than one vault (a resource group, a subscription, a management group). */
export function azureRoleScopeTooWide(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Key Vault resource ID, or the resource ID of one secret, key or certificate inside it ("<vault id>/secrets/<name>")',
    fix: 'grant on the vault (vault.grantSecretsRead(principal)) or on one secret (secret.grantRead(principal)); resource group and subscription scopes give access to every vault in them',
  });
}

/** More federated identity credentials on one user-assigned identity than Azure allows. */
export function tooManyFederatedCredentials(path: string, prop: string, count: number, max: number): ConfigurationError {
  return configurationError({
    path, prop, value: count,
    allowed: `at most ${max} federated identity credentials per user-assigned identity`,
    fix: 'split the service accounts over several KeyVaultWorkloadIdentity constructs, or share one service account across namespaces through a ClusterSecretStore',
  });
}

/** The same issuer and subject federated twice on one identity. */
export function duplicateFederatedSubject(path: string, prop: string, subject: string): ConfigurationError {
  return configurationError({
    path, prop, value: subject,
    allowed: 'each issuer and subject pair at most once per identity',
    fix: 'remove the second addFederatedCredential() call for this service account and cluster',
  });
}

/** Two federated identity credentials with the same name on one identity. */
export function duplicateFederatedCredentialName(path: string, prop: string, name: string): ConfigurationError {
  return configurationError({
    path, prop, value: name,
    allowed: 'a name unique within the identity',
    fix: 'pass an explicit name, for example including the cluster name, when one service account is trusted from several clusters',
  });
}

/** A federated identity credential or user-assigned identity name Azure rejects. */
export function invalidAzureIdentityName(path: string, prop: string, value: string, maxLength: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `3 to ${maxLength} characters, letters, digits, "-" and "_", starting with a letter or digit`,
    fix: 'rename it',
  });
}

/** An RSA key size AKS KMS does not accept. */
export function invalidAksKmsKeySize(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'one of 2048, 3072, 4096',
    fix: 'use 2048, 3072 or 4096; 3072 is a common choice for long-lived keys',
  });
}

/** A key rotation policy Key Vault rejects. */
export function invalidKeyVaultKeyRotationPolicy(path: string, prop: string, value: number, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value, allowed,
    fix: 'adjust the rotation policy: rotate at least 7 days before expiry, expire after 28 days or more, notify at least 7 days before expiry',
  });
}

/** AKS KMS on a cluster whose identity is not user-assigned. */
export function aksIdentityNotUserAssigned(path: string, prop: string, value: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '"UserAssigned"',
    fix: 'give the cluster an identity block { type: "UserAssigned", identityIds: [<uami id>] } and pass that identity as clusterIdentity; a system-assigned identity only exists after the cluster, so it cannot be granted the key first',
  });
}

/** AKS KMS with Public network access on a vault whose firewall denies by default. */
export function kmsPublicVaultBehindFirewall(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'KmsKeyVaultNetworkAccess.PRIVATE for a vault whose network ACLs default to Deny, or a vault with KeyVaultNetworkAction.ALLOW for PUBLIC',
    fix: 'use KmsKeyVaultNetworkAccess.PRIVATE (private endpoint + API Server VNet Integration), or a dedicated KMS vault with networkAcls.defaultAction ALLOW; AKS KMS does not support a public vault behind a firewall',
  });
}

/** Turns a string into a Key Vault object name suggestion. */
function suggestKeyVaultObjectName(value: string): string {
  const cleaned = (typeof value === 'string' ? value : '').replace(/[^0-9a-zA-Z-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 127);
  return cleaned.length > 0 ? cleaned : 'my-secret';
}

/** A Key Vault network rule that admits every address (a /0 prefix), or is not an IP or CIDR. */
export function keyVaultNetworkRuleTooWide(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an IPv4 address or CIDR range with a prefix of /1 or longer (a /0 rule such as 0.0.0.0/0 admits the whole internet)',
    fix: 'list the egress addresses that need the vault, e.g. "203.0.113.0/24"; to open the vault on purpose, set defaultAction: KeyVaultNetworkAction.ALLOW',
  });
}
