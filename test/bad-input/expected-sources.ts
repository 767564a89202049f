// Expected messages of cases-sources.ts (source-architecture components): exact messages, reviewed one
// by one; each names the construct path, the value the user set and the declared objects it would stop.
export const SOURCES_EXPECTED: Readonly<Record<string, string>> = {
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
  "air gap: the connected cluster's pull secret packaged with ESO":
    "[ZarfPackage mission] charts[0].values.webhook.imagePullSecrets: received [{\"name\":\"registry1-pull\"}]. Allowed: no imagePullSecrets in a Zarf package: Zarf's agent rewrites the images to the cluster's registry and adds its own pull secret, and a pull secret of a connected cluster (synced by ESO, created by hand) does not exist on the air-gapped one. Fix: package values without imagePullSecrets (set them only on the connected release, or pass the chart values without them).",
};
