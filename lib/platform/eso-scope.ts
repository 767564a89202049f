/**
 * The ESO operator's reconcilers and namespace scope, derived from what the declaration renders on one
 * cluster and checked against what the user set (typed values or `extraValues`). Engine-free.
 */
import { ClusterDeclaration, SecretsDeclaration, StoreScope } from '../core/declaration';
import { esoReconcilerOffForDeclared, esoScopedNamespaceExcludesDeclared, esoScopedRbacWithClusterStores } from '../core/errors';
import type { EsoHelmValues } from '../helm/eso-values';

/** The reconciler switches EsoClusterAddons derives (typed value names). */
export type EsoReconcilerValues = Pick<EsoHelmValues,
'processClusterStore' | 'processSecretStore' | 'processPushSecret' | 'processClusterExternalSecret' | 'processClusterPushSecret' | 'processClusterGenerator'>;

/** What the declaration renders on one cluster, by ESO kind. */
interface DeclaredOnCluster {
  readonly clusterStores: readonly string[];
  readonly secretStores: readonly string[];
  readonly pushSecrets: readonly string[];
  /** Namespaces of the namespaced objects (ExternalSecrets, PushSecrets, SecretStores, generators). */
  readonly namespaces: readonly string[];
}

function declaredOn(declaration: SecretsDeclaration, cluster: ClusterDeclaration): DeclaredOnCluster {
  const plan = declaration.plan();
  const stores = declaration.stores.filter((s) => declaration.clustersOfStore(s).includes(cluster));
  const secretStores = stores.filter((s) => s.scope === StoreScope.NAMESPACED);
  const externalSecrets = declaration.externalSecrets.filter((e) => declaration.clustersOf(e).includes(cluster));
  const pushSecrets = declaration.pushSecrets.filter((p) => declaration.clustersOf(p).includes(cluster));
  const namespaces = new Set([
    ...externalSecrets.map((e) => e.namespace), ...pushSecrets.map((p) => p.namespace),
    ...secretStores.flatMap((s) => plan.namespacesOf(s)),
    ...declaration.generatedSecrets.filter((g) => g.clusters.includes(cluster)).map((g) => g.namespace),
  ]);
  return {
    clusterStores: stores.filter((s) => s.scope === StoreScope.CLUSTER).map((s) => s.name).sort(),
    secretStores: secretStores.map((s) => s.name).sort(),
    pushSecrets: pushSecrets.map((p) => `${p.namespace}/${p.name}`).sort(),
    namespaces: [...namespaces].sort(),
  };
}

/** A setting as the chart will see it: `extraValues` over typed values (the release's precedence). */
function effective(values: EsoHelmValues | undefined, extraValues: { readonly [key: string]: unknown } | undefined,
  typed: keyof EsoHelmValues, chartKey: string): { prop: string; value: unknown } | undefined {
  if (extraValues !== undefined && extraValues[chartKey] !== undefined) {
    return { prop: `extraValues.${chartKey}`, value: extraValues[chartKey] };
  }
  const value = values?.[typed];
  return value === undefined ? undefined : { prop: `values.${typed}`, value };
}

/**
 * The reconcilers ESO needs on `cluster` for what the declaration renders there, and nothing else: a
 * reconciler with nothing declared to reconcile is switched off (fewer watches, fewer permissions used).
 * Throws when the user's values would stop a declared object from syncing: a needed reconciler off,
 * scoped RBAC with ClusterSecretStores, or a `scopedNamespace` that leaves declared objects out.
 */
export function esoScopeValues(path: string, declaration: SecretsDeclaration, cluster: ClusterDeclaration,
  values: EsoHelmValues | undefined, extraValues: { readonly [key: string]: unknown } | undefined): EsoReconcilerValues {
  const declared = declaredOn(declaration, cluster);
  const needed: ReadonlyArray<readonly [keyof EsoReconcilerValues, string, string, readonly string[]]> = [
    ['processClusterStore', 'processClusterStore', 'ClusterSecretStores', declared.clusterStores],
    ['processSecretStore', 'processSecretStore', 'SecretStores', declared.secretStores],
    ['processPushSecret', 'processPushSecret', 'PushSecrets', declared.pushSecrets],
  ];
  for (const [typed, chartKey, objects, names] of needed) {
    const set = effective(values, extraValues, typed, chartKey);
    if (names.length > 0 && set !== undefined && set.value !== true) {
      throw esoReconcilerOffForDeclared(path, set.prop, set.value, cluster.id, objects, names);
    }
  }
  const scopedRbac = effective(values, extraValues, 'scopedRbac', 'scopedRBAC');
  if (scopedRbac !== undefined && scopedRbac.value === true && declared.clusterStores.length > 0) {
    throw esoScopedRbacWithClusterStores(path, scopedRbac.prop, true, cluster.id, declared.clusterStores);
  }
  const scopedNamespace = effective(values, extraValues, 'scopedNamespace', 'scopedNamespace');
  if (scopedNamespace !== undefined && scopedNamespace.value !== '') {
    const outside = declared.namespaces.filter((ns) => ns !== scopedNamespace.value);
    if (outside.length > 0) {
      throw esoScopedNamespaceExcludesDeclared(path, scopedNamespace.prop, scopedNamespace.value, cluster.id, outside);
    }
  }
  // The declaration renders no ClusterExternalSecret, ClusterPushSecret or ClusterGenerator.
  return {
    processClusterStore: declared.clusterStores.length > 0,
    processSecretStore: declared.secretStores.length > 0,
    processPushSecret: declared.pushSecrets.length > 0,
    processClusterExternalSecret: false,
    processClusterPushSecret: false,
    processClusterGenerator: false,
  };
}
