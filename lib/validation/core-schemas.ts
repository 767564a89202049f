/**
 * Core Kubernetes objects, validated with kubernetes-models (the OpenAPI schemas of the Kubernetes
 * API, as precompiled validators). Loaded per kind on first use.
 */
import type { ErrorObject } from 'ajv';

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

const GROUP_VERSION = /^([a-z0-9.-]+\/)?v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;
const classes = new Map<string, ModelClass | undefined>();

function modelClass(apiVersion: string, kind: string): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  if (!classes.has(key)) {
    let cls: ModelClass | undefined;
    if (GROUP_VERSION.test(apiVersion) && KIND.test(kind) && !apiVersion.includes('external-secrets.io')) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        cls = (require(`kubernetes-models/${apiVersion}/${kind}`) as Record<string, ModelClass>)[kind];
      } catch (e) {
        if (!['MODULE_NOT_FOUND', 'ERR_PACKAGE_PATH_NOT_EXPORTED'].includes(String((e as { code?: string }).code))) {
          throw e;
        }
      }
    }
    classes.set(key, cls);
  }
  return classes.get(key);
}

/** True when kubernetes-models has a schema for the kind. */
export function isCoreKind(apiVersion: string, kind: string): boolean {
  return modelClass(apiVersion, kind) !== undefined;
}

/** The schema errors of a core object (empty when valid). */
export function coreObjectErrors(manifest: Record<string, unknown>): ErrorObject[] {
  const cls = modelClass(String(manifest.apiVersion), String(manifest.kind));
  if (!cls) {
    return [];
  }
  try {
    new cls(manifest).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: ErrorObject[] }).errors;
    if (!Array.isArray(errors)) {
      throw e;
    }
    return errors;
  }
}
