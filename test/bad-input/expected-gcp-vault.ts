// Expected messages of cases-gcp-vault.ts (exact messages, reviewed one by one).
export const GCP_VAULT_EXPECTED: Readonly<Record<string, string>> = {
  "gke key: keyRingId in another location":
    "[s/Key] keyRingId: received \"projects/shop-prod/locations/us-east1/keyRings/gke\". Allowed: a key ring resource name \"projects/<project>/locations/europe-west1/keyRings/<ring>\" (the key ring must be in the key's location, the cluster's region). Fix: pass the id of a key ring in \"europe-west1\", or keyRingName to create one there.",
  "gke key: keyRingId not a resource name":
    "[s/Key] keyRingId: received \"gke\". Allowed: a key ring resource name \"projects/<project>/locations/europe-west1/keyRings/<ring>\" (the key ring must be in the key's location, the cluster's region). Fix: pass the id of a key ring in \"europe-west1\", or keyRingName to create one there.",
  "gsm secret: fromSecretId without a project":
    "[s/S] project: received undefined. Allowed: an IGcpProject (GcpProject or GcpProject.fromProjectAttributes()). Fix: set project to an IGcpProject (GcpProject or GcpProject.fromProjectAttributes()).",
  "gsm secret: grantRead(undefined)":
    "[s/S] principal: received undefined. Allowed: an IGcpPrincipal (GcpPrincipal.fromMember(), GoogleServiceAccountIdentity, GkeWorkloadPrincipal, WorkloadIdentityPoolPrincipal). Fix: set principal to an IGcpPrincipal (GcpPrincipal.fromMember(), GoogleServiceAccountIdentity, GkeWorkloadPrincipal, WorkloadIdentityPoolPrincipal).",
  "vault kv mount: props null":
    "[s/Mount] props: received null. Allowed: an object of type VaultKvMountProps. Fix: pass the VaultKvMountProps object as the third argument.",
  "vault kv mount: path a number":
    "[s/Mount] path: received a number (42). Allowed: a string. Fix: pass a string.",
  "vault kv secret: props undefined":
    "[s/Kv] props: received undefined. Allowed: an object of type VaultKvSecretProps. Fix: pass the VaultKvSecretProps object as the third argument.",
  "vault kv secret: mount missing":
    "[s/Kv] mount: received undefined. Allowed: an IVaultKvMount (VaultKvMount or VaultKvMount.fromMountPath()). Fix: set mount to an IVaultKvMount (VaultKvMount or VaultKvMount.fromMountPath()).",
  "vault kv secret: property twice":
    "[s/Kv] properties[1]: received \"password\". Allowed: each property once. Fix: remove the repeated property.",
  "vault kv secret: empty property":
    "[s/Kv] properties[0]: received \"\". Allowed: a non-empty property name (a top-level JSON key of the secret). Fix: remove the empty entry, or name the property.",
  "vault kv secret: customMetadata not strings":
    "[s/Kv] customMetadata.owner: received a number (5). Allowed: a string. Fix: pass a string.",
  "vault kv secret: fromSecretPath properties a string":
    "[s/Kv] properties: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "vault k8s auth mount: props undefined":
    "[s/Auth] props: received undefined. Allowed: an object of type VaultKubernetesAuthMountProps. Fix: pass the VaultKubernetesAuthMountProps object as the third argument.",
  "vault k8s auth mount: CA not PEM":
    "[s/Auth] kubernetesCaCert: received a string without a PEM block. Allowed: a PEM-encoded certificate (\"-----BEGIN ...-----\" ... \"-----END ...-----\"), as Vault parses it. Fix: pass the PEM text itself (for example Fn.file(\"ca.crt\") or the cluster's CA bundle), not a file name, base64 of it or a URL.",
  "vault jwt auth mount: public key not PEM":
    "[s/Jwt] jwtValidationPubkeys[0]: received a string without a PEM block. Allowed: a PEM-encoded public key (\"-----BEGIN ...-----\" ... \"-----END ...-----\"), as Vault parses it. Fix: pass the PEM text itself (for example Fn.file(\"ca.crt\") or the cluster's service-account signing key), not a file name, base64 of it or a URL.",
  "vault jwt auth mount: discovery CA not PEM":
    "[s/Jwt] oidcDiscoveryCaPem: received a string without a PEM block. Allowed: a PEM-encoded certificate (\"-----BEGIN ...-----\" ... \"-----END ...-----\"), as Vault parses it. Fix: pass the PEM text itself (for example Fn.file(\"ca.crt\") or the cluster's CA bundle), not a file name, base64 of it or a URL.",
  "vault k8s role: props undefined":
    "[s/Role] props: received undefined. Allowed: an object of type VaultKubernetesAuthRoleProps. Fix: pass the VaultKubernetesAuthRoleProps object as the third argument.",
  "vault k8s role: serviceAccounts entry null":
    "[s/Role] serviceAccounts[0]: received null. Allowed: a service account { namespace, name }. Fix: set serviceAccounts[0] to a service account { namespace, name }.",
  "vault k8s role: tokenTtl a number":
    "[s/Role] tokenTtl: received a number (3600). Allowed: a Duration (Duration.seconds(), minutes(), hours(), days() or parse()). Fix: pass a Duration (Duration.seconds(), minutes(), hours(), days() or parse()).",
  "vault jwt role: serviceAccount a string":
    "[s/Role] serviceAccount: received a string. Allowed: a service account { namespace, name }. Fix: pass a service account { namespace, name }.",
  "vault policy: props undefined":
    "[s/Policy] props: received undefined. Allowed: an object of type VaultPolicyProps. Fix: pass the VaultPolicyProps object as the third argument.",
  "vault dynamic path: custom path undefined":
    "[VaultDynamicSecretPath.custom] path: received undefined. Allowed: a string. Fix: set path to a string.",
  "vault dynamic path: role undefined":
    "[VaultDynamicSecretPath.databaseCredentials] role: received undefined. Allowed: a string. Fix: set role to a string.",
  "vault release: props undefined":
    "[s/Vault] props: received undefined. Allowed: an object of type VaultHelmReleaseProps. Fix: pass the VaultHelmReleaseProps object as the third argument.",
  "vault release: logLevel unknown":
    "[s/Vault] values.logLevel: received \"verbose\". Allowed: one of \"trace\", \"debug\", \"info\", \"warn\", \"error\" (VaultLogLevel). Fix: pass one of \"trace\", \"debug\", \"info\", \"warn\", \"error\" (VaultLogLevel).",
  "vault release: storage size not a quantity":
    "[s/Vault] values.dataStorage.size: received \"10 gigs\". Allowed: a Kubernetes quantity such as \"100m\", \"0.5\", \"128Mi\" or \"1Gi\". Fix: give the volume size with a binary suffix, for example \"10Gi\".",
  "vault release: storageClass uppercase":
    "[s/Vault] values.auditStorage.storageClass: received \"Fast SSD\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"fast-ssd\".",
};
