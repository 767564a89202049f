// Expected messages of cases-declaration.ts (exact messages, reviewed one by one).
export const DECLARATION_EXPECTED: Readonly<Record<string, string>> = {
  "declaration: Secrets Manager properties not an array":
    "[shop/secrets/db] properties: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "declaration: Google secret name with a throwing toString":
    "[shop/secrets/g] name: received {}. Allowed: a secret ID: 1 to 255 letters, digits, \"-\" and \"_\". Fix: rename it, for example \"my-secret\".",
  "declaration: store with a throwing toString":
    "[shop/externalSecrets/e] store: received an object. Allowed: a store declared in this declaration. Fix: declare it first with declaration.addAwsStore() and pass the returned object.",
  "declaration: secret name with a throwing toString":
    "[shop/secrets/db] name: received {}. Allowed: 1 to 512 characters among letters, digits and /_+=.@-. Fix: rename the secret, for example \"team/app/database\".",
  "declaration: secret name a symbol":
    "[shop/secrets/db] name: received a symbol. Allowed: 1 to 512 characters among letters, digits and /_+=.@-. Fix: rename the secret, for example \"team/app/database\".",
  "declaration: gcp null":
    "[SecretsDeclaration] gcp: received null. Allowed: an object. Fix: set gcp to an object.",
  "declaration: generated password length 0":
    "[shop/secrets/db] initialValue.length: received 0. Allowed: a whole number from 1 to 4096. Fix: pass a length such as 32.",
  "declaration: generated password length past 4096":
    "[shop/secrets/db] initialValue.length: received 5000. Allowed: a whole number from 1 to 4096. Fix: pass a length such as 32.",
  "declaration: generated password options null":
    "[shop/secrets/db] initialValue (InitialValue.generatedPassword options): received null. Allowed: an object of GeneratedPasswordOptions. Fix: set initialValue (InitialValue.generatedPassword options) to an object of GeneratedPasswordOptions.",
  "declaration: generated password excludeCharacters a number":
    "[shop/secrets/db] initialValue.excludeCharacters: received a number (5). Allowed: a string of the characters to leave out. Fix: pass a string of the characters to leave out.",
  "declaration: addGoogleSecret(id) without options":
    "[shop/secrets/db] options: received undefined. Allowed: an object of type GoogleSecretOptions. Fix: pass the GoogleSecretOptions object as the second argument of addGoogleSecret().",
  "declaration: addGoogleSecretManagerStore options null":
    "[shop/stores/gsm] options: received null. Allowed: an object of type GoogleStoreOptions. Fix: pass the GoogleStoreOptions object as the second argument of addGoogleSecretManagerStore().",
  "declaration: addEksCluster options a string":
    "[shop/clusters/prod] options: received a string. Allowed: an object of type EksClusterOptions. Fix: pass the EksClusterOptions object as the second argument of addEksCluster().",
  "declaration: addKeyVault without options":
    "[shop/keyVaults/kv] options: received undefined. Allowed: an object of type KeyVaultOptions. Fix: pass the KeyVaultOptions object as the second argument of addKeyVault().",
  "declaration: addPushSecret without options":
    "[shop/pushSecrets/push] options: received undefined. Allowed: an object of type PushSecretOptions. Fix: pass the PushSecretOptions object as the second argument of addPushSecret().",
  "declaration: Google secret replicaLocations a string":
    "[shop/secrets/db] replicaLocations: received a string. Allowed: an array. Fix: pass an array.",
  "declaration: Google secret replicaLocations []":
    "[shop/secrets/db] replicaLocations: received []. Allowed: at least one entry (an empty list would silently mean \"none\" or \"all\"). Fix: list at least one region, or leave replicaLocations unset for automatic replication.",
  "declaration: Google secret replica location twice":
    "[shop/secrets/db] replicaLocations[1]: received \"europe-west1\". Allowed: each location at most once. Fix: list each replica region once, for example SecretReplication.userManaged([{ location: \"europe-west1\" }, { location: \"europe-west4\" }]), or use SecretReplication.automatic().",
  "declaration: Google secret properties a string":
    "[shop/secrets/db] properties: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "declaration: Google secret empty property":
    "[shop/secrets/db] properties[1]: received \" \". Allowed: a non-empty property name (a top-level JSON key of the secret). Fix: remove the empty entry, or name the property.",
  "declaration: Google store identityMode unknown":
    "[shop/stores/gsm] identityMode: received \"magic\". Allowed: one of \"DIRECT_PRINCIPAL\", \"GOOGLE_SERVICE_ACCOUNT\" (GcpIdentityMode). Fix: pass one of \"DIRECT_PRINCIPAL\", \"GOOGLE_SERVICE_ACCOUNT\" (GcpIdentityMode).",
  "declaration: store namespaces a string":
    "[shop/stores/gsm] namespaces: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "declaration: GKE clusterName uppercase":
    "[shop/clusters/gke] clusterName: received \"Prod GKE\". Allowed: a GKE cluster name: 1 to 40 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit. Fix: pass the cluster's name as gcloud container clusters list shows it.",
  "declaration: GKE clusterName missing":
    "[shop/clusters/gke] clusterName: received undefined. Allowed: a GKE cluster name: 1 to 40 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit. Fix: pass the cluster's name as gcloud container clusters list shows it.",
  "declaration: Vault server without address":
    "[shop/vaultServers/vault] address: received undefined. Allowed: a string. Fix: set address to a string.",
  "declaration: Vault caBundle PEM text":
    "[shop/vaultServers/vault] caBundle: received PEM text, not base64. Allowed: base64 of one or more PEM certificates (\"-----BEGIN CERTIFICATE-----\" ...), as the caBundle field of the store is bytes. Fix: pass Buffer.from(pemText).toString(\"base64\"), or use caProvider to read the CA from a Secret or ConfigMap.",
  "declaration: Vault caBundle base64 of no certificate":
    "[shop/vaultServers/vault] caBundle: received base64 of something else than a PEM certificate. Allowed: base64 of one or more PEM certificates (\"-----BEGIN CERTIFICATE-----\" ...), as the caBundle field of the store is bytes. Fix: pass Buffer.from(pemText).toString(\"base64\"), or use caProvider to read the CA from a Secret or ConfigMap.",
  "declaration: Vault kvMounts twice the same":
    "[shop/vaultServers/vault] kvMounts[1].path: received \"kv\". Allowed: a value different from the one at kvMounts[0].path (it must be unique). Fix: declare each mount once.",
  "declaration: Vault kvMounts []":
    "[shop/vaultServers/vault] kvMounts: received []. Allowed: at least one entry (an empty list would silently mean \"none\" or \"all\"). Fix: list the KV v2 mounts of the server, or leave kvMounts unset for \"secret\".",
  "declaration: Vault auth kind unknown":
    "[shop/vaultAuths/auth] kind: received \"ldap\". Allowed: one of \"kubernetes\", \"jwt\" (VaultAuthKind). Fix: pass one of \"kubernetes\", \"jwt\" (VaultAuthKind).",
  "declaration: Vault secret property twice":
    "[shop/secrets/db] properties[1]: received \"password\". Allowed: each property once. Fix: remove the repeated property.",
  "declaration: Vault store tokenTtl negative":
    "[shop/stores/vs] tokenTtl: received Duration.minutes(-1). Allowed: a Go duration: zero or more (a negative duration is never valid here). Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "declaration: Vault store tokenTtl sub-second":
    "[shop/stores/vs] tokenTtl: received Duration.millis(10) (10ms). Allowed: a duration of at least 1s. Fix: pass at least Duration.seconds(1).",
  "declaration: Vault store empty audience":
    "[shop/stores/vs] audiences[0]: received \"\". Allowed: a non-empty audience (the \"aud\" of the service account token). Fix: pass an audience such as \"vault\", or leave audiences unset.",
  "declaration: Vault dynamic secret leaseTtl NaN":
    "[shop/dynamicSecrets/dyn] leaseTtl: received Duration.hours(NaN). Allowed: a Go duration: the amount is NaN. Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as \"1h30m\".",
  "declaration: Vault dynamic secret name uppercase":
    "[shop/dynamicSecrets/dyn] name: received \"DB\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"db\".",
  "declaration: Vault dynamic secret parameters a string":
    "[shop/dynamicSecrets/dyn] parameters: received a string. Allowed: an object. Fix: pass an object.",
  "declaration: tenant without options":
    "[shop/tenants/team-a] options: received undefined. Allowed: an object of type TenantOptions. Fix: pass the TenantOptions object as the second argument of addTenant().",
  "declaration: tenant namespaces a string":
    "[shop/tenants/team-a] namespaces: received a string. Allowed: an array of strings. Fix: pass an array of strings.",
  "declaration: tenant allowPushSecrets \"yes\"":
    "[shop/tenants/team-a] allowPushSecrets: received a string. Allowed: true or false. Fix: pass true or false.",
  "vault provider: caBundle not base64":
    "[c/vault] spec.provider.vault.caBundle: received a string that is not base64. Allowed: base64 of one or more PEM certificates (\"-----BEGIN CERTIFICATE-----\" ...), as the caBundle field of the store is bytes. Fix: pass Buffer.from(pemText).toString(\"base64\"), or use caProvider to read the CA from a Secret or ConfigMap.",
  "kubernetes provider: caBundle PEM text":
    "[c/k8s] spec.provider.kubernetes.server.caBundle: received PEM text, not base64. Allowed: base64 of one or more PEM certificates (\"-----BEGIN CERTIFICATE-----\" ...), as the caBundle field of the store is bytes. Fix: pass Buffer.from(pemText).toString(\"base64\"), or use caProvider to read the CA from a Secret or ConfigMap.",
};
