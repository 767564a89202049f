/**
 * `validateManifests()`: the check the API server runs on create, before anything reaches a cluster.
 *
 * - ESO objects (`external-secrets.io`, `generators.external-secrets.io`) against the CRD schema of
 *   their served version in the pinned ESO release (chart 2.9.0), made strict: a field the schema
 *   does not declare is an error (the API server would drop it silently), and the CRDs' CEL rules
 *   (`x-kubernetes-validations`) are evaluated.
 * - Core objects (ServiceAccount, Secret, Namespace, Deployment, ...) against the Kubernetes OpenAPI
 *   schemas shipped by kubernetes-models (types, required fields, enums, formats).
 * - Anything else is reported as a kind without a schema.
 */
import { types } from 'util';
import type { ErrorObject } from 'ajv';
import {
  celRuleViolated, ConfigurationError, DescribedValue, duplicateManifest, invalidManifestValue, ManifestValidationError, manifestsNotAnArray,
  missingManifestField, notAManifest, notPlainManifestData, unknownManifestField, unknownManifestKind, unservedEsoVersion,
} from '../core/errors';
import { isDnsLabel, isDnsSubdomain, isLabelValue, isQualifiedName } from '../core/validation';
import { coreObjectErrors, isCoreKind } from './core-schemas';
import { durationProblems } from './duration-fields';
import { esoValidator, servedVersions } from './eso-schemas';
import { dotted, ownData, readPlainData, Segment } from './plain-data';
import { applyStructuralDefaults, servedSchema } from './schema-defaults';

/** API groups validated against the pinned CRDs: ESO, and the GitOps objects the library emits (Argo CD, Flux Kustomization). */
const ESO_GROUP = /(^|\.)external-secrets\.io$|^argoproj\.io$|^kustomize\.toolkit\.fluxcd\.io$/;
/** Longest name or kind shown in a message's path. */
const LONGEST_SHOWN = 100;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A name from the input as shown in a message: shortened, and quoted unless plain (no line breaks or brackets forge lines). */
function shown(text: string): string {
  return /^[A-Za-z0-9._:@+-]*$/.test(text.slice(0, LONGEST_SHOWN)) ? truncated(text) : JSON.stringify(truncated(text));
}

/** A value from the input shortened for a message (the formatter quotes it). */
function truncated(text: string): string {
  return text.length > LONGEST_SHOWN ? `${text.slice(0, LONGEST_SHOWN)}…` : text;
}

/** `ExternalSecret shop/db-credentials`: how a manifest is named in messages (read without running code). */
function label(manifest: unknown, index: number): string {
  const kind = ownData(manifest, 'kind');
  const metadata = ownData(manifest, 'metadata');
  const name = ownData(metadata, 'name');
  const namespace = ownData(metadata, 'namespace');
  if (typeof kind !== 'string' || kind === '') {
    return `manifest ${index}`;
  }
  return `${shown(kind)} ${typeof namespace === 'string' ? `${shown(namespace)}/` : ''}${typeof name === 'string' ? shown(name) : `<manifest ${index}>`}`;
}

/** JSON pointer segments of an ajv `instancePath`. */
function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, parts: readonly Segment[]): unknown {
  let current = root;
  for (const part of parts) {
    current = isObject(current) || Array.isArray(current) ? (current as Json)[part] : undefined;
  }
  return current;
}

/** A value of the object's body described by its JSON type, never echoed (it may be a secret). */
function described(value: unknown): DescribedValue {
  if (value === null) return new DescribedValue('null');
  if (Array.isArray(value)) return new DescribedValue('an array');
  switch (typeof value) {
    case 'string': return new DescribedValue('a string');
    case 'number': return new DescribedValue(Number.isInteger(value) ? 'an integer' : 'a number');
    case 'boolean': return new DescribedValue('a boolean');
    case 'object': return new DescribedValue('an object');
    default: return new DescribedValue('undefined');
  }
}

function describeType(schema: unknown): string {
  if (!isObject(schema)) {
    return 'a value';
  }
  const type = schema.type;
  const article = (t: string) => (t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`);
  return typeof type === 'string' ? article(type) : Array.isArray(type) ? type.map((t) => article(String(t))).join(' or ') : 'a value';
}

function counted(limit: unknown, noun: string): string {
  return `${String(limit)} ${noun}${limit === 1 ? '' : 's'}`;
}

/** What ajv says is allowed, in the message's "Allowed:" words. */
function allowedFor(error: ErrorObject): string {
  const params = error.params as Json;
  switch (error.keyword) {
    case 'type':
      return describeType({ type: params.type });
    case 'enum':
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'anyOf':
    case 'oneOf':
      return Array.isArray(error.schema) ? error.schema.map(describeType).join(' or ') : 'a value matching the schema';
    case 'pattern':
      return `a string matching ${String(params.pattern)}`;
    case 'format':
      return params.format === 'byte' ? 'base64-encoded bytes' : `a ${String(params.format)} value`;
    case 'minLength':
    case 'maxLength':
      return `a string of ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${counted(params.limit, 'character')}`;
    case 'minItems':
    case 'maxItems':
      return `an array of ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${counted(params.limit, 'item')}`;
    case 'minProperties':
    case 'maxProperties':
      return `an object with ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${counted(params.limit, 'field')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${String(params.comparison)} ${String(params.limit)}`;
    default:
      return `a value that ${error.message ?? 'matches the schema'}`;
  }
}

/** Converts ajv errors into the library's messages: paths and value types, never the values. */
function problemsOf(manifest: Json, path: string, errors: readonly ErrorObject[]): ConfigurationError[] {
  // anyOf/oneOf report their branches' errors too: keep only the summary.
  const summaries = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => !summaries.some((s) => e.schemaPath.startsWith(s))).map((error) => {
    const parts = segments(error.instancePath);
    const params = error.params as Json;
    switch (error.keyword) {
      case 'additionalProperties': {
        const field = String(params.additionalProperty);
        const known = isObject(error.parentSchema) && isObject(error.parentSchema.properties) ? Object.keys(error.parentSchema.properties) : [];
        return unknownManifestField(path, dotted([...parts, field]), described(valueAt(manifest, [...parts, field])), field, known);
      }
      case 'required':
        return missingManifestField(path, dotted([...parts, String(params.missingProperty)]));
      case 'x-kubernetes-validations': {
        const value = valueAt(manifest, parts);
        return celRuleViolated(path, dotted(parts) || '(root)', isObject(value) ? Object.keys(value) : [], String(params.rule), error.message);
      }
      default:
        return invalidManifestValue(path, dotted(parts) || '(root)', described(valueAt(manifest, parts)), allowedFor(error));
    }
  });
}

/** What the API server checks in `metadata` for every kind: name, namespace, label and annotation keys and label values. */
function metadataProblems(path: string, kind: string, metadata: Record<string, unknown> | undefined): ConfigurationError[] {
  if (metadata === undefined) {
    return [];
  }
  const problems: ConfigurationError[] = [];
  const { name, namespace, labels, annotations } = metadata;
  const dnsLabelKinds = ['Namespace', 'Service'];
  if (typeof name === 'string' && !(dnsLabelKinds.includes(kind) ? isDnsLabel(name) : isDnsSubdomain(name))) {
    problems.push(invalidManifestValue(path, 'metadata.name', truncated(name), dnsLabelKinds.includes(kind) ? 'a DNS-1123 label' : 'a DNS-1123 subdomain'));
  }
  if (typeof namespace === 'string' && !isDnsLabel(namespace)) {
    problems.push(invalidManifestValue(path, 'metadata.namespace', truncated(namespace), 'a DNS-1123 label'));
  }
  for (const [field, map] of [['labels', labels], ['annotations', annotations]] as const) {
    if (isObject(map)) {
      for (const [key, value] of Object.entries(map)) {
        if (!isQualifiedName(key)) {
          problems.push(invalidManifestValue(path, `metadata.${field}`, truncated(key), 'qualified-name keys ([prefix/]name, name of at most 63 letters, digits, "-", "_" and ".")'));
        } else if (field === 'labels' && typeof value === 'string' && !isLabelValue(value)) {
          problems.push(invalidManifestValue(path, `metadata.labels.${key}`, truncated(value), 'a label value (at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit)'));
        }
      }
    }
  }
  return problems;
}

/** `<group>/<kind>/<namespace>/<name>`: objects with one key are one object to the API server. */
function identity(manifest: Json): string | undefined {
  const metadata = isObject(manifest.metadata) ? manifest.metadata : {};
  if (typeof metadata.name !== 'string' || typeof manifest.apiVersion !== 'string') {
    return undefined; // generateName objects are distinct by construction
  }
  const slash = manifest.apiVersion.lastIndexOf('/');
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : '';
  return JSON.stringify([slash < 0 ? '' : manifest.apiVersion.slice(0, slash), manifest.kind, namespace, metadata.name]);
}

/** Checks one manifest (plain data, already read) against its schema. */
function checkManifest(manifest: unknown, index: number, path: string): ConfigurationError[] {
  if (!isObject(manifest) || typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string') {
    return [notAManifest(`manifest ${index}`, isObject(manifest) ? new DescribedValue('an object without a string apiVersion and kind') : described(manifest))];
  }
  const { apiVersion, kind } = manifest;
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  const problems: ConfigurationError[] = [];
  const metadata = isObject(manifest.metadata) ? manifest.metadata : undefined;
  if (metadata?.name === undefined && metadata?.generateName === undefined) {
    problems.push(missingManifestField(path, 'metadata.name'));
  }
  problems.push(...metadataProblems(path, kind, metadata));
  if (ESO_GROUP.test(group)) {
    const validator = esoValidator(group, version, kind);
    const schema = servedSchema(apiVersion, kind);
    if (!validator || !schema) {
      return [...problems, unservedEsoVersion(path, apiVersion, (servedVersions(group, kind) ?? []).map((v) => `${group}/${v}`))];
    }
    // As the API server: non-nullable nulls pruned and defaults applied before validation.
    const stored = applyStructuralDefaults(manifest, schema);
    if (!validator(stored)) {
      problems.push(...problemsOf(stored, path, validator.errors ?? []));
    }
    problems.push(...durationProblems(`${group}/${version}/${kind}`, stored, path, dotted));
    return problems;
  }
  if (isCoreKind(apiVersion, kind)) {
    return [...problems, ...problemsOf(manifest, path, coreObjectErrors(manifest))];
  }
  return [...problems, unknownManifestKind(path, apiVersion, kind)];
}

/**
 * Validates synthesized Kubernetes objects as strictly as the API server, and stricter about
 * unknown fields, and returns every problem found (empty when all are valid).
 *
 * Every manifest is first read as plain JSON data without running the caller's code (no getters,
 * proxies, class instances, symbols, bigints, functions or cycles; at most 64 levels deep and 1.5 MiB
 * of JSON); ESO objects then get their CRD defaults as the API server applies them; two objects with
 * the same API group, kind, namespace and name are reported. Messages name the field and the type of
 * the value, never the value itself (except metadata names and labels, which identify the object).
 *
 * @param manifests - the objects, e.g. `chart.toJson()` of each chart of a cdk8s app
 * @returns one {@link ConfigurationError} per problem, in manifest order
 */
export function checkManifests(manifests: readonly unknown[]): ConfigurationError[] {
  if (types.isProxy(manifests)) {
    throw notPlainManifestData('checkManifests', 'manifests', 'a proxy');
  }
  if (!Array.isArray(manifests)) {
    throw manifestsNotAnArray(described(manifests).description, manifests === undefined || manifests === null);
  }
  if (Object.getPrototypeOf(manifests) !== Array.prototype) {
    throw notPlainManifestData('checkManifests', 'manifests', 'an instance of an Array subclass');
  }
  const problems: ConfigurationError[] = [];
  const seen = new Map<string, number>();
  for (let index = 0; index < manifests.length; index++) {
    const descriptor = Object.getOwnPropertyDescriptor(manifests, index);
    const raw = descriptor !== undefined && 'value' in descriptor ? descriptor.value as unknown : undefined;
    const path = label(raw, index);
    if (descriptor === undefined || !('value' in descriptor)) {
      problems.push(notPlainManifestData('checkManifests', `manifests[${index}]`, descriptor === undefined ? 'an empty array slot' : 'a getter or setter'));
      continue;
    }
    const plain = readPlainData(raw, path, 'manifest');
    if (plain.error !== undefined) {
      problems.push(plain.error);
      continue;
    }
    const manifest = plain.value;
    const key = isObject(manifest) ? identity(manifest) : undefined;
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(duplicateManifest(path, first));
      } else {
        seen.set(key, index);
      }
    }
    problems.push(...checkManifest(manifest, index, path));
  }
  return problems;
}

/**
 * Validates synthesized Kubernetes objects (see {@link checkManifests}) and throws a
 * {@link ManifestValidationError} listing every problem, for tests and CI.
 *
 * Messages name fields and value types, never the values (secrets included).
 *
 * @example
 * const app = new App();
 * // ... charts ...
 * validateManifests(app.charts.flatMap((chart) => chart.toJson()));
 */
export function validateManifests(manifests: readonly unknown[]): void {
  const problems = checkManifests(manifests);
  if (problems.length > 0) {
    throw new ManifestValidationError(problems, manifests.length);
  }
}
