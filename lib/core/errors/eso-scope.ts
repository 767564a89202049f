// Errors of the ESO operator scope checked against the declaration (lib/platform/eso-scope.ts).
import { configurationError, ConfigurationError } from './format';

function quoted(names: readonly string[]): string {
  return names.map((n) => JSON.stringify(n)).join(', ');
}

/** A reconciler switched off (`processX: false`) while the declaration renders objects it reconciles on the cluster. */
export function esoReconcilerOffForDeclared(path: string, prop: string, value: unknown, clusterId: string, objects: string, declared: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `true or unset while the declaration renders ${objects} on cluster "${clusterId}" (${quoted(declared)}): ESO would never sync them`,
    fix: `remove ${prop} (EsoClusterAddons derives it from the declaration), or take those objects off cluster "${clusterId}"`,
  });
}

/** Scoped RBAC (cluster reconcilers forced off) while the declaration renders ClusterSecretStores on the cluster. */
export function esoScopedRbacWithClusterStores(path: string, prop: string, value: unknown, clusterId: string, stores: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `false or unset while the declaration renders ClusterSecretStores on cluster "${clusterId}" (${quoted(stores)}): scoped RBAC turns their reconciler off`,
    fix: `remove ${prop}, or declare those stores with scope: StoreScope.NAMESPACED`,
  });
}

/** `scopedNamespace` leaves out namespaces where the declaration renders ESO objects. */
export function esoScopedNamespaceExcludesDeclared(path: string, prop: string, value: unknown, clusterId: string, outside: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a namespace holding every ExternalSecret, PushSecret and SecretStore the declaration renders on cluster "${clusterId}" (also in: ${quoted(outside)}): ESO would ignore the others`,
    fix: `remove ${prop}, or declare the objects of this cluster in one namespace`,
  });
}
