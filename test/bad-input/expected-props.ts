// Expected messages of cases-props.ts (exact messages, reviewed one by one).
export const PROPS_EXPECTED: Readonly<Record<string, string>> = {
  "props: SecretsPlatformInfrastructure without props":
    "[s/platform] props: received undefined. Allowed: an object of type SecretsPlatformInfrastructureProps. Fix: pass the SecretsPlatformInfrastructureProps object as the third argument.",
  "props: SecretsPlatformInfrastructure with a plain object as declaration":
    "[s/platform] declaration: received an object. Allowed: a SecretsDeclaration (new SecretsDeclaration({ name, … }) from cdk-external-secrets/core). Fix: pass a SecretsDeclaration (new SecretsDeclaration({ name, … }) from cdk-external-secrets/core).",
  "props: SecretsPlatformManifests without a declaration":
    "[c/platform] declaration: received undefined. Allowed: a SecretsDeclaration (new SecretsDeclaration({ name, … }) from cdk-external-secrets/core). Fix: set declaration to a SecretsDeclaration (new SecretsDeclaration({ name, … }) from cdk-external-secrets/core).",
  "props: EsoClusterAddons with null props":
    "[s/addons] props: received null. Allowed: an object of type EsoClusterAddonsProps. Fix: pass the EsoClusterAddonsProps object as the third argument.",
  "props: ExternalSecretsOperatorRelease with null props":
    "[s/eso] props: received null. Allowed: an object of type ExternalSecretsOperatorReleaseProps. Fix: pass the ExternalSecretsOperatorReleaseProps object as the third argument.",
  "props: ReloaderWiring with a string as props":
    "[c/reload] props: received a string. Allowed: an object of type ReloaderWiringProps. Fix: pass the ReloaderWiringProps object as the third argument.",
  "props: WorkloadServiceAccount without an identity":
    "[c/sa] identity: received undefined. Allowed: an IWorkloadIdentity (an IrsaRole, PodIdentityRole, KeyVaultWorkloadIdentity, GoogleServiceAccountIdentity, …). Fix: set identity to an IWorkloadIdentity (an IrsaRole, PodIdentityRole, KeyVaultWorkloadIdentity, GoogleServiceAccountIdentity, …).",
  "props: KeyVaultRoleAssignment without a scope":
    "[s/ra] scope: received undefined. Allowed: a Key Vault resource ID, or the resource ID of one secret, key or certificate inside it (\"<vault id>/secrets/<name>\"). Fix: grant on the vault (vault.grantSecretsRead(principal)) or on one secret (secret.grantRead(principal)); resource group and subscription scopes give access to every vault in them.",
  "props: AzureKeyVaultSecret without a secret name":
    "[s/kvs] secretName: received undefined. Allowed: 1 to 127 characters, letters, digits and \"-\". Fix: rename it, for example \"my-secret\".",
};
