import { IConstruct } from 'constructs';
/**
 * Validates ESO custom resources against the served `openAPIV3Schema` of the pinned CRD bundle
 * (../shared/upstream/external-secrets/crds.yaml, or $ESO_CRDS_PATH), and dispatches every
 * synthesized manifest to the ESO or the core Kubernetes validator.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { isCoreKind, validateCoreObject } from './k8s-schema';

/** A synthesized Kubernetes object. */
export interface K8sManifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly spec?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema?: { openAPIV3Schema?: Record<string, unknown> };
}

interface Crd {
  spec: { group: string; names: { kind: string }; versions: CrdVersion[] };
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Path of the CRD bundle. */
export function esoCrdsPath(): string {
  return process.env.ESO_CRDS_PATH ?? path.resolve(REPO_ROOT, '..', 'shared', 'upstream', 'external-secrets', 'crds.yaml');
}

let documents: Map<string, string> | undefined;
const crds = new Map<string, Crd>();
const validators = new Map<string, ValidateFunction>();
let ajv: Ajv | undefined;

/** Splits the bundle into documents keyed by `<group>/<kind>` without parsing all of them. */
function crdDocuments(): Map<string, string> {
  if (!documents) {
    documents = new Map();
    const text = fs.readFileSync(esoCrdsPath(), 'utf8');
    for (const doc of text.split(/^---\s*$/m)) {
      const group = /^ {2}group: (\S+)$/m.exec(doc)?.[1];
      const kind = /^ {4}kind: (\S+)$/m.exec(doc)?.[1];
      if (group && kind) {
        documents.set(`${group}/${kind}`, doc);
      }
    }
  }
  return documents;
}

function crdFor(group: string, kind: string): Crd | undefined {
  const key = `${group}/${kind}`;
  let crd = crds.get(key);
  if (!crd) {
    const doc = crdDocuments().get(key);
    if (!doc) {
      return undefined;
    }
    crd = parse(doc) as Crd;
    crds.set(key, crd);
  }
  return crd;
}

/**
 * Makes the structural schema strict: objects that declare properties and do not preserve unknown
 * fields reject unknown keys (the API server would silently prune them, hiding typos).
 */
function strictify(schema: unknown, isRoot = true): unknown {
  if (Array.isArray(schema)) {
    return schema.map((s) => strictify(s, false));
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema as Record<string, unknown>)) {
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([pk, pv]) => [pk, strictify(pv, false)]));
    } else {
      out[k] = strictify(v, false);
    }
  }
  if (!isRoot && out.properties && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function getAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateFormats: true });
    addFormats(ajv);
    for (const f of ['int32', 'int64', 'byte', 'duration', 'double', 'float']) {
      ajv.addFormat(f, true);
    }
  }
  return ajv;
}

function validatorFor(apiVersion: string, kind: string): ValidateFunction {
  const key = `${apiVersion}/${kind}`;
  const cached = validators.get(key);
  if (cached) {
    return cached;
  }
  const [group, version] = apiVersion.split('/');
  const crd = crdFor(group, kind);
  if (!crd) {
    throw new Error(`no CRD for ${kind} in group ${group} in ${esoCrdsPath()}`);
  }
  const v = crd.spec.versions.find((x) => x.name === version);
  if (!v) {
    throw new Error(`${kind} has no version ${version} (versions: ${crd.spec.versions.map((x) => x.name).join(', ')})`);
  }
  if (!v.served) {
    throw new Error(`${apiVersion} ${kind} is not served by the pinned ESO CRDs (served: ${crd.spec.versions.filter((x) => x.served).map((x) => x.name).join(', ')})`);
  }
  const schema = strictify(v.schema?.openAPIV3Schema ?? {}) as Record<string, unknown>;
  const fn = getAjv().compile(schema);
  validators.set(key, fn);
  return fn;
}

/** True when the object belongs to an ESO API group. */
export function isEsoObject(obj: K8sManifest): boolean {
  return /(^|\.)external-secrets\.io\//.test(obj.apiVersion);
}

/** Throws (listing ajv errors) unless `obj` is valid for the served ESO version of its kind. */
export function validateEsoObject(obj: K8sManifest): void {
  const fn = validatorFor(obj.apiVersion, obj.kind);
  const valid = (fn as (data: unknown) => boolean)(obj);
  if (!valid) {
    const errors = (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new Error(`${obj.kind} ${obj.metadata?.name ?? ''} is invalid against ${obj.apiVersion}:\n  ${errors.join('\n  ')}`);
  }
  const name = obj.metadata?.name;
  if (name === undefined) {
    throw new Error(`${obj.kind} has no metadata.name`);
  }
}

/** Validates one manifest of any supported kind (ESO or core); fails on unknown kinds. */
export function validateManifest(obj: K8sManifest): void {
  if (isEsoObject(obj)) {
    validateEsoObject(obj);
  } else if (isCoreKind(obj)) {
    validateCoreObject(obj);
  } else {
    throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}`);
  }
}

/** Validates every manifest; throws with all failures listed. */
export function expectValidManifests(manifests: readonly K8sManifest[]): void {
  const failures: string[] = [];
  for (const m of manifests) {
    try {
      validateManifest(m);
    } catch (e) {
      failures.push((e as Error).message);
    }
  }
  if (failures.length > 0) {
    throw new Error(`invalid manifests:\n${failures.join('\n')}`);
  }
}

/**
 * Synthesizes a cdk8s chart, running every construct validation first (as `cdk8s synth` does, with the
 * same message format), and validates every manifest against its schema.
 */
export function synthValid(chart: IConstruct & { toJson(): unknown[] }): K8sManifest[] {
  const errors = chart.node.findAll().flatMap((c) => c.node.validate().map((e) => `[${c.node.path}] ${e}`));
  if (errors.length > 0) {
    throw new Error(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
  }
  const manifests = chart.toJson() as K8sManifest[];
  expectValidManifests(manifests);
  return manifests;
}

/** Finds one manifest by kind and name; throws if absent. */
export function findManifest(manifests: readonly K8sManifest[], kind: string, name: string): K8sManifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata?.name === name);
  if (!found) {
    throw new Error(`no ${kind} named ${name} in ${manifests.map((m) => `${m.kind}/${m.metadata?.name}`).join(', ')}`);
  }
  return found;
}
