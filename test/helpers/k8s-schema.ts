/**
 * Validates core Kubernetes objects with kubernetes-models 4.5.1 (OpenAPI schemas of the
 * Kubernetes API). The dispatcher fails on kinds it does not know.
 */
import type { K8sManifest } from './eso-schema';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: unknown) => Validatable;

/** `<apiVersion>/<kind>` to the kubernetes-models module path. */
const MODELS: Record<string, string> = {
  'v1/ServiceAccount': 'kubernetes-models/v1/ServiceAccount',
  'v1/Secret': 'kubernetes-models/v1/Secret',
  'v1/ConfigMap': 'kubernetes-models/v1/ConfigMap',
  'v1/Namespace': 'kubernetes-models/v1/Namespace',
  'v1/Service': 'kubernetes-models/v1/Service',
  'v1/Pod': 'kubernetes-models/v1/Pod',
  'apps/v1/Deployment': 'kubernetes-models/apps/v1/Deployment',
  'apps/v1/StatefulSet': 'kubernetes-models/apps/v1/StatefulSet',
  'apps/v1/DaemonSet': 'kubernetes-models/apps/v1/DaemonSet',
  'batch/v1/Job': 'kubernetes-models/batch/v1/Job',
  'rbac.authorization.k8s.io/v1/Role': 'kubernetes-models/rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding',
};

const classes = new Map<string, ModelClass>();

/** True when the dispatcher knows the kind. */
export function isCoreKind(obj: K8sManifest): boolean {
  return `${obj.apiVersion}/${obj.kind}` in MODELS;
}

/** Throws unless `obj` is a valid core object of a known kind. */
export function validateCoreObject(obj: K8sManifest): void {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const modulePath = MODELS[key];
  if (!modulePath) {
    throw new Error(`no kubernetes-models schema for ${key}`);
  }
  let cls = classes.get(key);
  if (!cls) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(modulePath) as Record<string, ModelClass>;
    cls = mod[obj.kind];
    classes.set(key, cls);
  }
  try {
    new cls(obj).validate();
  } catch (e) {
    throw new Error(`${obj.kind} ${obj.metadata?.name ?? ''} is invalid: ${(e as Error).message}`);
  }
}
