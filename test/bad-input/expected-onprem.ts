// Expected messages of cases-sources.ts (source-architecture components): exact messages, reviewed one
// by one; each names the construct path, the value the user set and the declared objects it would stop.
export const ONPREM_EXPECTED: Readonly<Record<string, string>> = {
  "eso scope: processClusterStore off with declared ClusterSecretStores":
    "[s/addons] values.processClusterStore: received false. Allowed: true or unset while the declaration renders ClusterSecretStores on cluster \"prod\" (\"sm\"): ESO would never sync them. Fix: remove values.processClusterStore (EsoClusterAddons derives it from the declaration), or take those objects off cluster \"prod\".",
  "eso scope: processClusterStore as a string in extraValues":
    "[s/addons] extraValues.processClusterStore: received \"false\". Allowed: true or unset while the declaration renders ClusterSecretStores on cluster \"prod\" (\"sm\"): ESO would never sync them. Fix: remove extraValues.processClusterStore (EsoClusterAddons derives it from the declaration), or take those objects off cluster \"prod\".",
  "eso scope: processSecretStore off with declared SecretStores":
    "[s/addons] values.processSecretStore: received false. Allowed: true or unset while the declaration renders SecretStores on cluster \"prod\" (\"sm\"): ESO would never sync them. Fix: remove values.processSecretStore (EsoClusterAddons derives it from the declaration), or take those objects off cluster \"prod\".",
  "eso scope: scopedRbac with declared ClusterSecretStores":
    "[s/addons] values.scopedRbac: received true. Allowed: false or unset while the declaration renders ClusterSecretStores on cluster \"prod\" (\"sm\"): scoped RBAC turns their reconciler off. Fix: remove values.scopedRbac, or declare those stores with scope: StoreScope.NAMESPACED.",
  "eso scope: scopedNamespace leaves a declared namespace out":
    "[s/addons] values.scopedNamespace: received \"web\". Allowed: a namespace holding every ExternalSecret, PushSecret and SecretStore the declaration renders on cluster \"prod\" (also in: \"jobs\"): ESO would ignore the others. Fix: remove values.scopedNamespace, or declare the objects of this cluster in one namespace.",
  "eso scope: scopedRBAC in extraValues with declared ClusterSecretStores":
    "[s/addons] extraValues.scopedRBAC: received true. Allowed: false or unset while the declaration renders ClusterSecretStores on cluster \"prod\" (\"sm\"): scoped RBAC turns their reconciler off. Fix: remove extraValues.scopedRBAC, or declare those stores with scope: StoreScope.NAMESPACED.",
  "uds: Package CR without props":
    "[UdsPackage] props: received undefined. Allowed: a UdsPackageProps object ({ declaration, cluster }). Fix: set props to a UdsPackageProps object ({ declaration, cluster }).",
  "uds: Package CR for a cluster of another declaration":
    "[UdsPackage] cluster: received \"rke2\". Allowed: a cluster declared in this declaration. Fix: declare it first with declaration.addEksCluster() and pass the returned object.",
  "uds: Package CR named like a display name":
    "[UdsPackage] name: received \"External Secrets\". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, \"-\" and \".\", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example \"external-secrets\".",
  "uds: bundle with a hand-written package entry":
    "[UdsBundle mission] packages[0]: received {\"name\":\"core\",\"repository\":\"ghcr.io/defenseunicorns/packages/uds/core\",\"ref\":\"1.11.0\"}. Allowed: a UdsBundlePackage (UdsBundlePackage.local(zarfPackage, path) or UdsBundlePackage.remote({ name, repository, ref })). Fix: build each entry with UdsBundlePackage.local() or remote().",
  "uds: bundle package from a path string instead of a ZarfPackage":
    "[UdsBundlePackage] zarfPackage: received a string. Allowed: a ZarfPackage (new ZarfPackage({ name, version, … })). Fix: pass a ZarfPackage (new ZarfPackage({ name, version, … })).",
  "sops: the age private key pasted as recipient":
    "[SopsConfig] sources[0].recipients[0]: received an age private key (AGE-SECRET-KEY-1…). Allowed: a public recipient: the private key never goes into the declaration, .sops.yaml or any output. Fix: pass its public key (age-keygen -y key.txt), and rotate the private key if it was committed anywhere.",
  "sops: an age key with a mistyped character":
    "[SopsConfig] sources[0].recipients[0]: received \"age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8q\". Allowed: an age X25519 public key: \"age1\" and 58 bech32 characters with a valid checksum (the checksum does not match: a character was mistyped). Fix: pass the public key age-keygen printed (\"Public key: age1…\"), or age-keygen -y key.txt.",
  "sops: an age key in upper case":
    "[SopsConfig] sources[0].recipients[0]: received \"AGE1QL3Z7HJY54PW3HYWW5AYYFG7ZQGVC7W3J2ELW8ZMRJ2KG5SFN9AQMCAC8P\". Allowed: an age X25519 public key: \"age1\" and 58 bech32 characters with a valid checksum (lowercase, 62 characters; plugin recipients such as age1yubikey1… are not supported). Fix: pass the public key age-keygen printed (\"Public key: age1…\"), or age-keygen -y key.txt.",
  "sops: a KMS alias instead of the key ARN":
    "[SopsConfig] sources[0].recipients[0]: received \"alias/sops\". Allowed: a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>), not an alias: the decrypt grant names exactly the key. Fix: pass the key's ARN (aws kms describe-key --key-id alias/<name>).",
  "sops: an unversioned Key Vault key":
    "[SopsConfig] sources[0].recipients[0]: received \"https://kv-sops.vault.azure.net/keys/sops\". Allowed: a versioned Key Vault key URL (https://<vault>.vault.azure.net/keys/<name>/<version>). Fix: pass the key's id (az keyvault key show --vault-name <vault> --name <name> --query key.kid).",
  "sops: a recipient list without recipients":
    "[SopsConfig] sources[0].recipients: received []. Allowed: at least one recipient (SOPS cannot encrypt to nobody). Fix: pass SopsRecipient.age(…) or a cloud KMS key.",
  "sops: the same cluster twice":
    "[SopsConfig] sources[1].cluster: received \"a\". Allowed: one source per cluster (SOPS uses the first creation rule whose path_regex matches). Fix: merge the recipients into one source.",
  "sops: decrypt grant for an age-only cluster":
    "[s/Flux] recipients: received \"age\". Allowed: at least one AWS KMS key recipient (an age key needs no grant: its private key is in the controller's Secret). Fix: add SopsRecipient.awsKms(keyArn), or do not grant anything for age-only clusters.",
  "audit: an empty audit trail":
    "[shop/auditTrail] options: received {}. Allowed: at least one backend section (aws, azure, google, vault). Fix: set the section of every backend the declaration uses: azure (the log destination), vault (the audit device), aws and google ({} states their defaults).",
  "audit: a workspace name instead of its resource ID":
    "[shop/auditTrail] azure.logAnalyticsWorkspaceId: received \"law-security\". Allowed: an Azure resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>). Fix: pass the resource ID, for example the id attribute of the workspace or account.",
  "audit: both Vault devices":
    "[shop/auditTrail] vault: received \"filePath, socketAddress\". Allowed: exactly one of filePath (file device) and socketAddress (socket device). Fix: choose the device Vault writes its audit log to.",
  "air gap: the connected cluster's pull secret packaged with ESO":
    "[ZarfPackage mission] charts[0].values.webhook.imagePullSecrets: received [{\"name\":\"registry1-pull\"}]. Allowed: no imagePullSecrets in a Zarf package: Zarf's agent rewrites the images to the cluster's registry and adds its own pull secret, and a pull secret of a connected cluster (synced by ESO, created by hand) does not exist on the air-gapped one. Fix: package values without imagePullSecrets (set them only on the connected release, or pass the chart values without them).",
};
