// Errors reported by validateManifests() (lib/validation). Every factory builds its message with configurationError().
import { configurationError, ConfigurationError } from './format';

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
    allowed: 'an ESO kind of the pinned CRD bundle (external-secrets.io, generators.external-secrets.io) or a core Kubernetes kind',
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
