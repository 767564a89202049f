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
export function generateCrdSchemaData(crdsPaths: readonly string[], source: string): EsoSchemaData {
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
      data.schemas[`${group}/${version.name}/${names.kind}`] = strictSchema(version.schema?.openAPIV3Schema ?? { type: 'object' });
    }
  }
  return data;
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
  const gitops = JSON.stringify(generateCrdSchemaData(GITOPS_CRD_FILES.map((file) => join(upstreamDir, file)), 'Argo CD 3.5.1 and Flux kustomize-controller 1.9.4 CRDs'));
  for (const dir of outDirs) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'eso-crds.json'), json);
    writeFileSync(join(dir, 'gitops-crds.json'), gitops);
    writeFileSync(join(dir, 'chart-values.json'), charts);
  }
}
