/**
 * Applies the structural defaults of the served ESO CRD schema (`default:` values in the pinned
 * bundle) to an object, as the API server does on create. Used to prove that what is in Git equals
 * what the cluster holds, and to compare objects modulo defaults.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { K8sManifest } from './eso-schema';

/** Path of the pinned ESO CRD bundle (or $ESO_CRDS_PATH). */
export function esoCrdsPath(): string {
  return process.env.ESO_CRDS_PATH ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream', 'external-secrets', 'crds.yaml');
}

type Schema = {
  type?: string;
  default?: unknown;
  properties?: { [k: string]: Schema };
  items?: Schema;
  additionalProperties?: Schema | boolean;
};

let schemas: Map<string, Schema> | undefined;

/** The served openAPIV3Schema of `<apiVersion>/<kind>` from the pinned CRD bundle. */
export function servedSchema(apiVersion: string, kind: string): Schema {
  if (!schemas) {
    schemas = new Map();
    for (const doc of parseAllDocuments(fs.readFileSync(esoCrdsPath(), 'utf8'))) {
      const crd = doc.toJSON() as { kind?: string; spec?: { group: string; names: { kind: string }; versions: { name: string; served: boolean; schema?: { openAPIV3Schema: Schema } }[] } };
      if (crd?.kind !== 'CustomResourceDefinition' || !crd.spec) continue;
      for (const v of crd.spec.versions) {
        if (v.served && v.schema) schemas.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
      }
    }
  }
  const s = schemas.get(`${apiVersion}/${kind}`);
  if (!s) throw new Error(`no served schema for ${apiVersion} ${kind}`);
  return s;
}

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v)) as T;
}

function applySchema(value: unknown, schema: Schema | undefined): unknown {
  if (!schema || value === null || value === undefined) return value;
  if (Array.isArray(value)) {
    return schema.items ? value.map((v) => applySchema(v, schema.items)) : value;
  }
  if (typeof value !== 'object') return value;
  const out: { [k: string]: unknown } = { ...(value as { [k: string]: unknown }) };
  if (schema.properties) {
    for (const [k, s] of Object.entries(schema.properties)) {
      if (out[k] === undefined && s.default !== undefined) out[k] = clone(s.default);
      if (out[k] !== undefined) out[k] = applySchema(out[k], s);
    }
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    for (const k of Object.keys(out)) {
      if (!schema.properties?.[k]) out[k] = applySchema(out[k], schema.additionalProperties);
    }
  }
  return out;
}

/** The object with every schema default of its served version applied (ESO objects only). */
export function withSchemaDefaults<T extends K8sManifest>(obj: T): T {
  if (!/(^|\.)external-secrets\.io\//.test(obj.apiVersion)) return obj;
  return applySchema(obj, servedSchema(obj.apiVersion, obj.kind)) as T;
}
