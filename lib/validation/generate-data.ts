/**
 * Build step (not shipped): turns the pinned ESO CRD bundle into the strict JSON schemas
 * `validateManifests()` uses, one per served `<group>/<version>/<kind>`.
 *
 *     node -r ./examples/register.js lib/validation/generate-data.ts [outDir]
 *
 * Input: `../shared/upstream/external-secrets/crds.yaml` (or `$ESO_CRDS_PATH`) and the pinned charts'
 * `../shared/upstream/<chart>/chart-values.schema.json` (or under `$UPSTREAM_DIR`); output:
 * `<outDir>/eso-crds.json`, `<outDir>/chart-values.json` and `<outDir>/gitops-crds.json` (the Argo CD and
 * Flux CRDs under `$UPSTREAM_DIR`, see {@link GITOPS_CRD_FILES}) (default `lib/validation/data`,
 * git-ignored; `npm run build` writes them into `build/lib/validation/data` as well). The upstream
 * files are read, never copied into the repository.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parseAllDocuments } from 'yaml';
import { ESO_CHART, PinnedChart, RELOADER_CHART, VAULT_CHART } from '../helm/charts';
import type { ChartSchemaData, EsoSchemaData } from './schema-data';

const ROOT = resolve(__dirname, '..', '..');

interface CrdDocument {
  readonly kind?: string;
  readonly spec?: {
    readonly group: string;
    readonly names: { readonly kind: string };
    readonly versions: readonly { readonly name: string; readonly served: boolean; readonly schema?: { readonly openAPIV3Schema?: unknown } }[];
  };
}

/**
 * Makes a structural schema strict: every object that declares `properties` and neither preserves
 * unknown fields nor declares `additionalProperties` rejects unknown keys. The API server would
 * prune them silently, which hides misspelt fields.
 */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(strictSchema);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, strictSchema(sub)]));
    } else if (key === 'x-kubernetes-validations') {
      out[key] = value;
    } else if (key !== 'description') {
      // Descriptions are documentation only: dropped to keep the shipped data small.
      out[key] = strictSchema(value);
    }
  }
  if (out.properties !== undefined && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  return out;
}

/** Reads the CRD bundle and returns the strict schema of every served version. */
export function generateEsoSchemaData(crdsPath: string): EsoSchemaData {
  return generateCrdSchemaData([crdsPath], 'external-secrets CRD bundle (chart 2.9.0)');
}

/** The GitOps engines' CRDs the library emits objects of (Argo CD Application/ApplicationSet/AppProject, Flux Kustomization). */
export const GITOPS_CRD_FILES: readonly string[] = [
  'argo-cd/application-crd.yaml', 'argo-cd/applicationset-crd.yaml', 'argo-cd/appproject-crd.yaml',
  'flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml',
];

/** Reads CRD files and returns the strict schema of every served version (same shape as the ESO data). */
export function generateCrdSchemaData(crdsPaths: readonly string[], source: string, share = false): EsoSchemaData {
  const data: { source: string; versions: Record<string, { name: string; served: boolean }[]>; schemas: Record<string, unknown> } = {
    source, versions: {}, schemas: {},
  };
  for (const doc of crdsPaths.flatMap((crdsPath) => parseAllDocuments(readFileSync(crdsPath, 'utf8')))) {
    const crd = doc.toJS() as CrdDocument | null;
    if (!crd || crd.kind !== 'CustomResourceDefinition' || !crd.spec) {
      continue;
    }
    const { group, names, versions } = crd.spec;
    data.versions[`${group}/${names.kind}`] = versions.map((v) => ({ name: v.name, served: v.served }));
    for (const version of versions.filter((v) => v.served)) {
      const strict = strictSchema(version.schema?.openAPIV3Schema ?? { type: 'object' });
      data.schemas[`${group}/${version.name}/${names.kind}`] = share ? shareRepeatedSubschemas(strict) : strict;
    }
  }
  return data;
}

/** Keywords whose value is a schema, or an array or map of schemas (where {@link shareRepeatedSubschemas} looks). */
const SCHEMA_MAPS = new Set(['properties']);
const SCHEMA_LISTS = new Set(['anyOf', 'allOf', 'oneOf']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);

/**
 * Moves every schema subtree that occurs more than once and is at least `minSize` characters of JSON
 * into `definitions`, referenced by `$ref`, largest first, so a validator compiles it once. Argo CD's
 * ApplicationSet repeats the Application template under every generator (390 kB of schema, 12 s for
 * ajv to compile inline, about 1 s shared). Subtrees holding a `default` or CEL rules stay inline:
 * structural defaulting and the CEL keyword walk the schema as the API server does.
 */
export function shareRepeatedSubschemas(schema: unknown, minSize = 2000): unknown {
  const counts = new Map<string, number>();
  const count = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      return;
    }
    const json = JSON.stringify(node);
    counts.set(json, (counts.get(json) ?? 0) + 1);
    forEachSubschema(node as Record<string, unknown>, count);
  };
  count(schema);
  const definitions: Record<string, unknown> = {};
  const names = new Map<string, string>();
  const share = (node: unknown, root: boolean): unknown => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      return node;
    }
    const json = JSON.stringify(node);
    if (!root && (counts.get(json) ?? 0) > 1 && json.length >= minSize && !/"(default|x-kubernetes-validations)":/.test(json)) {
      let name = names.get(json);
      if (name === undefined) {
        name = `s${names.size}`;
        names.set(json, name);
        definitions[name] = mapSubschemas(node as Record<string, unknown>, (child) => share(child, false));
      }
      return { $ref: `#/definitions/${name}` };
    }
    return mapSubschemas(node as Record<string, unknown>, (child) => share(child, false));
  };
  const out = share(schema, true) as Record<string, unknown>;
  return Object.keys(definitions).length > 0 ? { ...out, definitions } : out;
}

function forEachSubschema(node: Record<string, unknown>, visit: (child: unknown) => void): void {
  mapSubschemas(node, (child) => {
    visit(child);
    return child;
  });
}

function mapSubschemas(node: Record<string, unknown>, map: (child: unknown) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, map(sub)]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(map);
    } else if (SCHEMA_VALUES.has(key) && value !== null && typeof value === 'object') {
      out[key] = map(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Drops documentation (`description`) from a JSON schema, keeping properties named "description". */
function withoutDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(withoutDescriptions);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, sub]) => [name, withoutDescriptions(sub)]));
    } else if (key !== 'description') {
      out[key] = withoutDescriptions(value);
    }
  }
  return out;
}

/**
 * Reads the pinned charts' own `values.schema.json` (ESO, Reloader, Vault) from `upstreamDir`, keyed
 * by `<chart>@<version>`, so releases and Zarf packages check their values as Helm will.
 */
export function generateChartSchemaData(upstreamDir: string): ChartSchemaData {
  const charts: ReadonlyArray<[PinnedChart, string]> = [[ESO_CHART, 'external-secrets'], [RELOADER_CHART, 'reloader'], [VAULT_CHART, 'vault']];
  const schemas: Record<string, unknown> = {};
  for (const [chart, folder] of charts) {
    schemas[`${chart.name}@${chart.version}`] = withoutDescriptions(JSON.parse(readFileSync(join(upstreamDir, folder, 'chart-values.schema.json'), 'utf8')));
  }
  return { source: 'values.schema.json of the pinned charts', schemas };
}

if (require.main === module) {
  const crdsPath = process.env.ESO_CRDS_PATH ?? resolve(ROOT, '..', 'shared', 'upstream', 'external-secrets', 'crds.yaml');
  const outDirs = process.argv.length > 2 ? process.argv.slice(2) : [join(ROOT, 'lib', 'validation', 'data')];
  const upstreamDir = process.env.UPSTREAM_DIR ?? resolve(ROOT, '..', 'shared', 'upstream');
  const json = JSON.stringify(generateEsoSchemaData(crdsPath));
  const charts = JSON.stringify(generateChartSchemaData(upstreamDir));
  const gitops = JSON.stringify(generateCrdSchemaData(GITOPS_CRD_FILES.map((file) => join(upstreamDir, file)), 'Argo CD 3.5.1 and Flux kustomize-controller 1.9.4 CRDs', true));
  for (const dir of outDirs) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'eso-crds.json'), json);
    writeFileSync(join(dir, 'gitops-crds.json'), gitops);
    writeFileSync(join(dir, 'chart-values.json'), charts);
  }
}
