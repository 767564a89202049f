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
};
