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
import type { ErrorObject } from 'ajv';
import {
  celRuleViolated, ConfigurationError, invalidManifestValue, ManifestValidationError, missingManifestField, notAManifest,
  unknownManifestField, unknownManifestKind, unservedEsoVersion,
  wrongType,
} from '../core/errors';
import { isDnsLabel, isDnsSubdomain, isLabelValue, isQualifiedName } from '../core/validation';
import { coreObjectErrors, isCoreKind } from './core-schemas';
import { esoValidator, servedVersions } from './eso-schemas';

/** ESO API groups. */
const ESO_GROUP = /(^|\.)external-secrets\.io$/;
/** Kinds and groups whose values are never echoed in a message. */
const REDACTED = '<redacted>';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `ExternalSecret shop/db-credentials`: how a manifest is named in messages. */
function label(manifest: Json, index: number): string {
  const metadata = isObject(manifest.metadata) ? manifest.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : `<manifest ${index}>`;
  const namespace = typeof metadata.namespace === 'string' ? `${metadata.namespace}/` : '';
  return `${String(manifest.kind)} ${namespace}${name}`;
}

/** JSON pointer segments of an ajv `instancePath`. */
function segments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `spec.data[0].remoteRef.key` from pointer segments. */
function dotted(parts: readonly string[]): string {
  return parts.map((p, i) => /^\d+$/.test(p) ? `[${p}]` : IDENTIFIER.test(p) ? `${i === 0 ? '' : '.'}${p}` : `[${JSON.stringify(p)}]`).join('');
}

function valueAt(root: unknown, parts: readonly string[]): unknown {
  let current = root;
  for (const part of parts) {
    current = isObject(current) || Array.isArray(current) ? (current as Json)[part] : undefined;
  }
  return current;
}

function describeType(schema: unknown): string {
  if (!isObject(schema)) {
    return 'a value';
  }
  const type = schema.type;
  const article = (t: string) => (t === 'integer' || t === 'object' || t === 'array' ? `an ${t}` : `a ${t}`);
  return typeof type === 'string' ? article(type) : Array.isArray(type) ? type.map((t) => article(String(t))).join(' or ') : 'a value';
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
      return `a ${String(params.format)} value`;
    default:
      return `a value that ${error.message ?? 'matches the schema'}`;
  }
}

/** Converts ajv errors into the library's messages. */
function problemsOf(manifest: Json, path: string, errors: readonly ErrorObject[], redact: boolean): ConfigurationError[] {
  // anyOf/oneOf report their branches' errors too: keep only the summary.
  const summaries = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const shown = (value: unknown) => (redact && value !== undefined ? REDACTED : value);
  return errors.filter((e) => !summaries.some((s) => e.schemaPath.startsWith(s))).map((error) => {
    const parts = segments(error.instancePath);
    const params = error.params as Json;
    switch (error.keyword) {
      case 'additionalProperties': {
        const field = String(params.additionalProperty);
        const known = isObject(error.parentSchema) && isObject(error.parentSchema.properties) ? Object.keys(error.parentSchema.properties) : [];
        return unknownManifestField(path, dotted([...parts, field]), shown(valueAt(manifest, [...parts, field])), field, known);
      }
      case 'required':
        return missingManifestField(path, dotted([...parts, String(params.missingProperty)]));
      case 'x-kubernetes-validations': {
        const value = valueAt(manifest, parts);
        return celRuleViolated(path, dotted(parts) || '(root)', isObject(value) ? Object.keys(value) : [], String(params.rule), error.message);
      }
      default:
        return invalidManifestValue(path, dotted(parts) || '(root)', shown(valueAt(manifest, parts)), allowedFor(error));
    }
  });
}

/**
 * Validates synthesized Kubernetes objects as strictly as the API server, and stricter about
 * unknown fields, and returns every problem found (empty when all are valid).
 *
 * @param manifests - the objects, e.g. `chart.toJson()` of each chart of a cdk8s app
 * @returns one {@link ConfigurationError} per problem, in manifest order
 */
export function checkManifests(manifests: readonly unknown[]): ConfigurationError[] {
  if (!Array.isArray(manifests)) {
    throw wrongType('checkManifests', 'manifests', manifests, 'an array of Kubernetes objects (for example chart.toJson())');
  }
  return manifests.flatMap((manifest, index) => checkManifest(manifest, index));
}

/** True when an object refers to itself (JSON and YAML cannot; a JavaScript caller can). */
function hasCycle(value: unknown, ancestors: Set<unknown> = new Set()): boolean {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  if (ancestors.has(value)) {
    return true;
  }
  ancestors.add(value);
  const cyclic = Object.values(value).some((v) => hasCycle(v, ancestors));
  ancestors.delete(value);
  return cyclic;
}

/** What the API server checks in `metadata` for every kind: name, namespace, label and annotation keys and values. */
function metadataProblems(path: string, kind: string, metadata: Record<string, unknown> | undefined): ConfigurationError[] {
  if (metadata === undefined) {
    return [];
  }
  const problems: ConfigurationError[] = [];
  const { name, namespace, labels, annotations } = metadata;
  const dnsLabelKinds = ['Namespace', 'Service'];
  if (typeof name === 'string' && !(dnsLabelKinds.includes(kind) ? isDnsLabel(name) : isDnsSubdomain(name))) {
    problems.push(invalidManifestValue(path, 'metadata.name', name, dnsLabelKinds.includes(kind) ? 'a DNS-1123 label' : 'a DNS-1123 subdomain'));
  }
  if (typeof namespace === 'string' && !isDnsLabel(namespace)) {
    problems.push(invalidManifestValue(path, 'metadata.namespace', namespace, 'a DNS-1123 label'));
  }
  for (const [field, map] of [['labels', labels], ['annotations', annotations]] as const) {
    if (isObject(map)) {
      for (const [key, value] of Object.entries(map)) {
        if (!isQualifiedName(key)) {
          problems.push(invalidManifestValue(path, `metadata.${field}`, key, 'qualified-name keys ([prefix/]name, name of at most 63 letters, digits, "-", "_" and ".")'));
        } else if (field === 'labels' && typeof value === 'string' && !isLabelValue(value)) {
          problems.push(invalidManifestValue(path, `metadata.labels.${key}`, value, 'a label value (at most 63 letters, digits, "-", "_" and ".", starting and ending with a letter or digit)'));
        }
      }
    }
  }
  return problems;
}

function checkManifest(manifest: unknown, index: number): ConfigurationError[] {
  if (!isObject(manifest) || typeof manifest.apiVersion !== 'string' || typeof manifest.kind !== 'string') {
    return [notAManifest(`manifest ${index}`, isObject(manifest) ? { apiVersion: manifest.apiVersion, kind: manifest.kind } : manifest)];
  }
  if (hasCycle(manifest)) {
    return [notAManifest(`manifest ${index}`, 'an object that contains itself')];
  }
  const path = label(manifest, index);
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
    if (!validator) {
      return [...problems, unservedEsoVersion(path, apiVersion, (servedVersions(group, kind) ?? []).map((v) => `${group}/${v}`))];
    }
    if (!validator(manifest)) {
      problems.push(...problemsOf(manifest, path, validator.errors ?? [], group.startsWith('generators.')));
    }
    return problems;
  }
  if (isCoreKind(apiVersion, kind)) {
    return [...problems, ...problemsOf(manifest, path, coreObjectErrors(manifest), kind === 'Secret')];
  }
  return [...problems, unknownManifestKind(path, apiVersion, kind)];
}

/**
 * Validates synthesized Kubernetes objects (see {@link checkManifests}) and throws a
 * {@link ManifestValidationError} listing every problem, for tests and CI.
 *
 * Values of `Secret` objects and of ESO generators are never echoed in messages.
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
