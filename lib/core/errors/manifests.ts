// Errors reported by validateManifests() (lib/validation). Every factory builds its message with configurationError().
import { configurationError, ConfigurationError, DescribedValue } from './format';

/** How far a misspelt field may be from a known one to be suggested. */
const MAX_SUGGESTION_DISTANCE = 3;

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function quoted(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** A field the schema of the served version does not declare (the API server would drop it silently). */
export function unknownManifestField(path: string, prop: string, value: unknown, field: string, known: readonly string[]): ConfigurationError {
  const closest = [...known].sort((a, b) => distance(field, a) - distance(field, b))[0];
  const suggestion = closest !== undefined && distance(field, closest) <= MAX_SUGGESTION_DISTANCE ? `rename it to ${JSON.stringify(closest)}` : 'remove it';
  return configurationError({
    path, prop, value,
    allowed: known.length > 0 ? `the fields the schema declares here: ${quoted(known)}` : 'no fields here',
    fix: `${suggestion} (the API server would drop an unknown field silently)`,
  });
}

/** A required field that is missing. */
export function missingManifestField(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: 'a value: the schema requires this field',
    fix: 'set it',
  });
}

/** A value the schema rejects (type, enum, pattern, format, bounds). */
export function invalidManifestValue(path: string, prop: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed,
    fix: 'change the value to one the schema of the served version accepts',
  });
}

/** A CEL rule (`x-kubernetes-validations`) of the CRD that the object breaks. */
export function celRuleViolated(path: string, prop: string, fields: readonly string[], rule: string, message: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value: fields,
    allowed: `an object for which the CRD rule \`${rule}\` holds${message !== undefined ? ` (${message.replace(/\.$/, '')})` : ''}`,
    fix: 'set the fields the rule asks for',
  });
}

/** An ESO kind or version the pinned CRDs do not serve. */
export function unservedEsoVersion(path: string, apiVersion: string, served: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'apiVersion', value: apiVersion,
    allowed: served.length > 0 ? `a served version: ${quoted(served)}` : 'an ESO kind of the pinned CRD bundle',
    fix: served.length > 0 ? `emit ${JSON.stringify(served[served.length - 1])}` : 'check the kind and group',
  });
}

/** A manifest of a kind no schema is known for. */
export function unknownManifestKind(path: string, apiVersion: string, kind: string): ConfigurationError {
  return configurationError({
    path, prop: 'kind', value: `${apiVersion} ${kind}`,
    allowed: 'an ESO kind of the pinned CRD bundle (external-secrets.io, generators.external-secrets.io), an Argo CD (argoproj.io) or Flux Kustomization (kustomize.toolkit.fluxcd.io) kind, or a core Kubernetes kind',
    fix: 'validate other custom resources with their own schemas, and pass only these kinds to validateManifests()',
  });
}

/** Something that is not a Kubernetes object at all. */
export function notAManifest(path: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'manifest', value,
    allowed: 'a Kubernetes object with string apiVersion and kind, as returned by chart.toJson()',
    fix: 'pass the objects of chart.toJson() (or of every chart of the app)',
  });
}

/** The argument of `checkManifests()` / `validateManifests()` is not an array (described, never echoed). */
export function manifestsNotAnArray(received: string, missing: boolean): ConfigurationError {
  const expected = 'an array of Kubernetes objects (for example chart.toJson())';
  return configurationError({
    path: 'checkManifests', prop: 'manifests', value: new DescribedValue(received),
    allowed: expected,
    fix: missing ? `set manifests to ${expected}` : `pass ${expected}`,
  });
}

/**
 * A value that is not plain JSON data: a getter, a proxy, a class instance, a symbol, a bigint, a
 * function, an object that contains itself. Reading it could run the caller's code or never end.
 */
export function notPlainManifestData(path: string, prop: string, received: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(received),
    allowed: 'plain JSON data (objects, arrays, strings, finite numbers, booleans and null), as chart.toJson() or a YAML or JSON parser returns it',
    fix: 'pass the data itself: no getters, proxies, class instances, symbols, bigints, functions, undefined array items or objects that contain themselves',
  });
}

/** A manifest nested deeper than the validator reads. */
export function manifestTooDeep(path: string, prop: string, limit: number): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(`a value nested more than ${limit} levels deep`),
    allowed: `at most ${limit} levels of nesting (no Kubernetes or ESO schema nests half as deep)`,
    fix: 'remove the nesting: an object this deep is not a Kubernetes object',
  });
}

/** A manifest larger than the API server can store. */
export function manifestTooLarge(path: string, limitBytes: number): ConfigurationError {
  return configurationError({
    path, prop: 'manifest', value: new DescribedValue(`an object larger than ${limitBytes} bytes of JSON`),
    allowed: `an object of at most ${limitBytes} bytes (1.5 MiB, etcd's default request limit: the API server cannot store a larger object)`,
    fix: 'split the data over several objects, or keep large files out of manifests',
  });
}

/** Two objects of one input that the API server would treat as one. */
export function duplicateManifest(path: string, firstIndex: number): ConfigurationError {
  return configurationError({
    path, prop: 'metadata.name', value: new DescribedValue(`the same group, kind, namespace and name as manifest ${firstIndex}`),
    allowed: 'one object per API group, kind, namespace and name in one input',
    fix: 'rename or remove one of the two (applied together, the second silently replaces the first)',
  });
}

/** A field ESO decodes with Go's `time.ParseDuration` holding a string that is not a Go duration. */
export function notAGoDuration(path: string, prop: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(`a string that is not a Go duration (${reason})`),
    allowed: 'a Go duration such as "30s", "15m", "1h" or "1h30m" (units ns, us, µs, ms, s, m, h; no day unit, no spaces), or "0"',
    fix: 'write it in hours, minutes and seconds (24h, not 1d): ESO decodes this field with Go\'s time.ParseDuration and fails on anything else',
  });
}

/** A store refresh interval ESO refuses (`SecretStoreSpec.GetRefreshInterval`: negative values are an error). */
export function negativeStoreRefreshInterval(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('a negative duration'),
    allowed: 'zero (the controller\'s default) or a positive number of seconds or Go duration',
    fix: 'remove the sign; ESO\'s admission webhook refuses a negative store refreshInterval',
  });
}

/** A YAML document that does not parse (position and error code only: the text is never echoed). */
export function yamlDocumentError(path: string, code: string, line: number | undefined, column: number | undefined): ConfigurationError {
  const where = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
  return configurationError({
    path, prop: 'document', value: new DescribedValue(`YAML that does not parse (${code}${where})`),
    allowed: 'YAML documents separated by ---, as kubectl reads them',
    fix: 'fix the YAML syntax at the position given',
  });
}

/** A YAML document whose aliases expand past the limit (a "billion laughs" alias bomb). */
export function yamlAliasLimit(path: string, limit: number): ConfigurationError {
  return configurationError({
    path, prop: 'document', value: new DescribedValue('YAML whose aliases (*name) expand past the limit'),
    allowed: `at most ${limit} alias expansions per document (the yaml parser's maxAliasCount)`,
    fix: 'write the repeated values out, or use fewer aliases: a document that expands this much is an alias bomb',
  });
}

/** YAML input that is not a string. */
export function yamlNotAString(path: string, received: string): ConfigurationError {
  return configurationError({
    path, prop: 'text', value: new DescribedValue(received),
    allowed: 'a string of YAML',
    fix: 'pass the file contents as a string (fs.readFileSync(file, "utf8"))',
  });
}

/** Thrown by `validateManifests()`: every problem found, one line each. */
export class ManifestValidationError extends Error {
  /** The problems, in manifest order. */
  public readonly problems: readonly ConfigurationError[];

  constructor(problems: readonly ConfigurationError[], manifestCount: number) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    super(`${problems.length} ${noun} in ${manifestCount} manifests:\n${problems.map((p) => `  ${p.message}`).join('\n')}`);
    this.name = 'ManifestValidationError';
    this.problems = problems;
  }
}
