/**
 * Equivalence check: for a small N, the library and bare outputs are semantically equal after
 * normalization (manifests with CRD defaults applied, sorted by kind/namespace/name; Terraform metadata dropped, policy
 * documents parsed with Resource lists sorted, since token order depends on token numbering).
 * Usage: node -r ./examples/register.js bench/check.ts [n] [estate n]; prints JSON { k8s, tf, estateK8s,
 * estateTf } with true or the first difference (base workload at n, default 60; estate at estate n, default 400).
 */
import { isDeepStrictEqual } from 'util';
import { parseAllDocuments } from 'yaml';
import { bareTerraform, bareYaml, libTerraform, libYaml } from './measure';
import { buildEstateSpec, buildSpec, Spec } from './spec';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Manifests as emitted (the bare variant writes the CRD defaults the library renders), sorted. */
function normalizeYaml(yaml: string): Json[] {
  const docs = parseAllDocuments(yaml).map((d) => d.toJS() as { kind: string; metadata: { name: string; namespace?: string } }).filter((d) => d);
  const key = (d: { kind: string; metadata: { name: string; namespace?: string } }) => `${d.kind}/${d.metadata.namespace ?? ''}/${d.metadata.name}`;
  return docs.sort((a, b) => key(a).localeCompare(key(b))) as unknown as Json[];
}

function normalizeJson(value: Json): Json {
  if (Array.isArray(value)) {
    return value.map(normalizeJson);
  }
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const k of Object.keys(value).sort()) {
      if (k === '//') {
        continue;
      }
      let v = value[k];
      if (typeof v === 'string' && v.startsWith('{"Version"')) {
        v = normalizeJson(JSON.parse(v) as Json);
      }
      if (k === 'Resource' && Array.isArray(v)) {
        v = [...v].sort();
      }
      out[k] = normalizeJson(v);
    }
    return out;
  }
  return value;
}

/** First path where two JSON values differ. */
export function firstDiff(a: Json, b: Json, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) {
    return undefined;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDiff((a as Record<string, Json>)[k], (b as Record<string, Json>)[k], `${path}/${k}`);
      if (d) {
        return d;
      }
    }
  }
  return `${path}: library ${JSON.stringify(a)?.slice(0, 300)} vs bare ${JSON.stringify(b)?.slice(0, 300)}`;
}

/** Compares library and bare outputs of a workload (`files`: YAML written as a file per cluster). */
export function checkSpec(spec: Spec, files = false): { k8s: true | string; tf: true | string } {
  const k8s = firstDiff(normalizeYaml(libYaml(spec, {}, files)) as Json, normalizeYaml(bareYaml(spec, {}, files)) as Json);
  const tf = firstDiff(normalizeJson(JSON.parse(libTerraform(spec, {})) as Json), normalizeJson(JSON.parse(bareTerraform(spec, {})) as Json));
  return { k8s: k8s ?? true, tf: tf ?? true };
}

/** Compares library and bare outputs for the base workload of n ExternalSecrets and the estate of estateN secrets. */
export function check(n: number, estateN: number): {
  k8s: true | string; tf: true | string; tagFormTf: true | string; estateK8s: true | string; estateTf: true | string;
} {
  const estate = checkSpec(buildEstateSpec(estateN), true);
  // At 200 the controller identity's exact ARNs exceed the inline policy: both variants grant by tag.
  return { ...checkSpec(buildSpec(n)), tagFormTf: checkSpec(buildSpec(TAG_FORM_N)).tf, estateK8s: estate.k8s, estateTf: estate.tf };
}

/** A base workload large enough for the library to grant its controller identity by the grant tag. */
export const TAG_FORM_N = 200;

if (require.main === module) {
  process.stdout.write(`${JSON.stringify(check(Number(process.argv[2] ?? 60), Number(process.argv[3] ?? 400)))}\n`);
}
