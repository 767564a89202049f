/**
 * Structural defaulting of ESO objects, as the API server applies it on create, from the `default:`
 * values of the pinned CRD bundle (the schema data generated at build time, `data/eso-crds.json`).
 *
 * The L2 constructs of lib/k8s render their objects through it, so what is in Git equals what the
 * cluster holds: Argo CD and Flux see no drift from fields the API server fills in
 * (`refreshInterval: 1h0m0s`, `target.creationPolicy: Owner`, `target.deletionPolicy: Retain`,
 * `template.engineVersion: v2`, store `provider.vault.version: v2`, …).
 */
import { esoSchemaData } from './eso-schemas';

interface StructuralSchema {
  readonly default?: unknown;
  readonly properties?: { readonly [name: string]: StructuralSchema };
  readonly items?: StructuralSchema;
  readonly additionalProperties?: StructuralSchema | boolean;
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function applySchema(value: unknown, schema: StructuralSchema | undefined): unknown {
  if (schema === undefined || value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return schema.items === undefined ? value : value.map((item) => applySchema(item, schema.items));
  }
  const out: { [key: string]: unknown } = { ...(value as { [key: string]: unknown }) };
  const properties = schema.properties ?? {};
  for (const [name, property] of Object.entries(properties)) {
    if (out[name] === undefined && property.default !== undefined) {
      // Defaults are themselves defaulted (the API server walks the defaulted value too).
      out[name] = copy(property.default);
    }
    if (out[name] !== undefined) {
      out[name] = applySchema(out[name], property);
    }
  }
  const additional = schema.additionalProperties;
  if (additional !== undefined && typeof additional === 'object') {
    for (const name of Object.keys(out)) {
      if (properties[name] === undefined) {
        out[name] = applySchema(out[name], additional);
      }
    }
  }
  return out;
}

/**
 * The object with every default of the served schema of its `apiVersion`/`kind` filled in, as the API
 * server stores it. Objects of kinds or versions the pinned bundle does not serve are returned as is.
 */
export function withCrdDefaults<T>(object: T): T {
  const o = object as { apiVersion?: unknown; kind?: unknown } | null;
  if (o === null || typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
    return object;
  }
  const [group, version] = o.apiVersion.split('/');
  const schema = esoSchemaData().schemas[`${group}/${version}/${o.kind}`] as StructuralSchema | undefined;
  return schema === undefined ? object : applySchema(object, schema) as T;
}
