/**
 * Structural defaulting of ESO objects, as the API server applies it, from the `default:` values of
 * the pinned CRD bundle (the schema data generated at build time, `data/eso-crds.json`).
 *
 * The order and rules are the API server's (k8s.io/apiextensions-apiserver, `pkg/apiserver`):
 * `customresource_handler.go` decodes a custom resource through `schemaCoercingDecoder` (unknown fields
 * pruned, then `PruneNonNullableNullsWithoutDefaults`) inside a codec whose defaulter then runs
 * `structuraldefaulting.Default`; validation (required fields, types, CEL rules) runs on the result.
 *
 * - `schema/defaulting/prunenulls.go`: a `null` where the schema is not `nullable` and has no default
 *   is removed;
 * - `schema/defaulting/algorithm.go`: in an object, every absent property with a default, and every
 *   non-nullable `null` one, gets a deep copy of the default; then every property is walked (defaulted
 *   values too), `additionalProperties` values and array items as well (a non-nullable `null` item gets
 *   the items' default). Nothing is created where the parent is absent.
 *
 * The L2 constructs of lib/k8s render their objects through it, so what is in Git equals what the
 * cluster holds: Argo CD and Flux see no drift from fields the API server fills in
 * (`refreshInterval: 1h0m0s`, `target.creationPolicy: Owner`, `target.deletionPolicy: Retain`,
 * `template.engineVersion: v2`, store `provider.vault.version: v2`, …).
 */
import { esoSchemaData } from './eso-schemas';

/** The structural schema keywords defaulting reads. */
export interface StructuralSchema {
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly properties?: { readonly [name: string]: StructuralSchema };
  readonly items?: StructuralSchema;
  readonly additionalProperties?: StructuralSchema | boolean;
}

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function copy<T>(value: T): T {
  return value === undefined || value === null || typeof value !== 'object' ? value : JSON.parse(JSON.stringify(value)) as T;
}

/** The properties of each schema that have a default, computed once per schema (the bundle's schemas are immutable data). */
const defaultedProperties = new WeakMap<StructuralSchema, ReadonlyArray<readonly [string, StructuralSchema]>>();

function withDefaults(schema: StructuralSchema): ReadonlyArray<readonly [string, StructuralSchema]> {
  let found = defaultedProperties.get(schema);
  if (found === undefined) {
    found = Object.entries(schema.properties ?? {}).filter(([, property]) => property.default !== undefined);
    defaultedProperties.set(schema, found);
  }
  return found;
}

function own(properties: StructuralSchema['properties'], key: string): StructuralSchema | undefined {
  return properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
}

function schemaOfField(schema: StructuralSchema | undefined, key: string): StructuralSchema | undefined {
  const property = own(schema?.properties, key);
  if (property !== undefined) {
    return property;
  }
  const additional = schema?.additionalProperties;
  return typeof additional === 'object' ? additional : undefined;
}

/** `isNonNullableNull`: null where the schema does not allow it. */
function nonNullableNull(value: unknown, schema: StructuralSchema | undefined): boolean {
  return value === null && schema !== undefined && schema.nullable !== true;
}

/** `PruneNonNullableNullsWithoutDefaults` (mutates). */
function pruneNulls(value: unknown, schema: StructuralSchema | undefined): void {
  if (Array.isArray(value)) {
    value.forEach((item) => pruneNulls(item, schema?.items));
  } else if (isObject(value)) {
    for (const key of Object.keys(value)) {
      const field = schemaOfField(schema, key);
      if (nonNullableNull(value[key], field) && field!.default === undefined) {
        delete value[key];
      } else {
        pruneNulls(value[key], field);
      }
    }
  }
}

/** `structuraldefaulting.Default` (mutates). */
function applyDefaults(value: unknown, schema: StructuralSchema | undefined): void {
  if (schema === undefined) {
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (nonNullableNull(value[i], schema.items)) {
        value[i] = copy(schema.items!.default) ?? null;
      }
      applyDefaults(value[i], schema.items);
    }
    return;
  }
  if (!isObject(value)) {
    return;
  }
  for (const [key, property] of withDefaults(schema)) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || nonNullableNull(value[key], property)) {
      value[key] = copy(property.default);
    }
  }
  for (const key of Object.keys(value)) {
    const property = own(schema.properties, key);
    if (property !== undefined) {
      applyDefaults(value[key], property);
    } else if (typeof schema.additionalProperties === 'object') {
      const additional = schema.additionalProperties;
      if (nonNullableNull(value[key], additional)) {
        value[key] = copy(additional.default) ?? null;
      }
      applyDefaults(value[key], additional);
    }
  }
}

/**
 * `object` as the API server stores it under `schema`: non-nullable nulls without a default pruned,
 * then defaults applied. Returns a new object; the argument is not changed.
 */
export function applyStructuralDefaults<T>(object: T, schema: StructuralSchema): T {
  const out = copy(object);
  pruneNulls(out, schema);
  applyDefaults(out, schema);
  return out;
}

/** The served schema of an ESO `apiVersion`/`kind`, or undefined. */
export function servedSchema(apiVersion: string, kind: string): StructuralSchema | undefined {
  const slash = apiVersion.lastIndexOf('/');
  const key = `${apiVersion.slice(0, slash < 0 ? 0 : slash)}/${apiVersion.slice(slash + 1)}/${kind}`;
  const schemas = esoSchemaData().schemas;
  return Object.prototype.hasOwnProperty.call(schemas, key) ? schemas[key] as StructuralSchema : undefined;
}

/**
 * The object with every default of the served schema of its `apiVersion`/`kind` filled in, as the API
 * server stores it. Objects of kinds or versions the pinned bundle does not serve are returned as is.
 */
export function withCrdDefaults<T>(object: T): T {
  const schema = schemaOf(object);
  return schema === undefined ? object : applyStructuralDefaults(object, schema);
}

/**
 * {@link withCrdDefaults} for an object the caller owns and hands over (a fresh serialization): defaulted
 * in place, without the deep copy. @internal
 */
export function withCrdDefaultsInPlace<T>(object: T): T {
  const schema = schemaOf(object);
  if (schema !== undefined) {
    pruneNulls(object, schema);
    applyDefaults(object, schema);
  }
  return object;
}

function schemaOf(object: unknown): StructuralSchema | undefined {
  const o = object as { apiVersion?: unknown; kind?: unknown } | null;
  if (o === null || typeof o !== 'object' || typeof o.apiVersion !== 'string' || typeof o.kind !== 'string') {
    return undefined;
  }
  return servedSchema(o.apiVersion, o.kind);
}
