/**
 * The one shape every synth-time error message of this library has.
 *
 * `[<construct path>] <prop>: received <value>. Allowed: <what is allowed>. Fix: <how to fix it>.`
 *
 * Messages are built only by the factory functions of `lib/core/errors/` (one file per domain),
 * so wording stays consistent and every message can be asserted exactly in tests.
 */

/** Error thrown at synth time for bad input. Carries the structured parts of its message. */
export class ConfigurationError extends Error {
  /** Path of the construct or declaration element that received the bad input. */
  public readonly path: string;
  /** The prop (dotted path inside the props) that holds the bad value. */
  public readonly prop: string;

  constructor(details: ErrorDetails) {
    super(formatError(details));
    this.name = 'ConfigurationError';
    this.path = details.path;
    this.prop = details.prop;
  }
}

/** The parts of an error message. */
export interface ErrorDetails {
  /** Construct path (`node.path`) or declaration path (`declaration/stores/main`). */
  readonly path: string;
  /** Prop holding the bad value, e.g. `spec.target.creationPolicy`. */
  readonly prop: string;
  /** The value received, rendered with {@link renderValue}. */
  readonly value: unknown;
  /** What is allowed, as a sentence fragment. */
  readonly allowed: string;
  /** How to fix it, as a sentence fragment. */
  readonly fix: string;
}

/**
 * A received value shown as a description instead of its content (`a string`, `an object`), for
 * values that may hold a secret or are not worth echoing (wrong types, redacted URLs).
 */
export class DescribedValue {
  constructor(/** The text shown after `received`. */ public readonly description: string) {}
}

/** Describes the JavaScript type of `value` without echoing strings or objects (never a secret). */
export function describeType(value: unknown): DescribedValue {
  if (value === null) return new DescribedValue('null');
  if (value === undefined) return new DescribedValue('undefined');
  if (Array.isArray(value)) return new DescribedValue('an array');
  switch (typeof value) {
    case 'string': return new DescribedValue('a string');
    case 'number': return new DescribedValue(`a number (${String(value)})`);
    case 'boolean': return new DescribedValue(`a boolean (${String(value)})`);
    case 'function': return new DescribedValue('a function');
    case 'bigint': return new DescribedValue('a bigint');
    case 'symbol': return new DescribedValue('a symbol');
    default: {
      const name = (value as object).constructor?.name;
      return new DescribedValue(name && name !== 'Object' ? `an instance of ${name}` : 'an object');
    }
  }
}

/** Renders a received value for a message: strings quoted, objects as compact JSON. */
export function renderValue(value: unknown): string {
  if (value instanceof DescribedValue) {
    return value.description;
  }
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  if (typeof value === 'bigint') {
    return `${String(value)}n`;
  }
  if (typeof value === 'symbol' || typeof value === 'function') {
    return describeType(value).description;
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return describeType(value).description;
  }
}

/** Formats the message of a {@link ConfigurationError}. */
export function formatError(details: ErrorDetails): string {
  return `[${details.path}] ${details.prop}: received ${renderValue(details.value)}. ` +
    `Allowed: ${details.allowed}. Fix: ${details.fix}.`;
}

/** Builds a {@link ConfigurationError}; the single entry point the domain factories use. */
export function configurationError(details: ErrorDetails): ConfigurationError {
  return new ConfigurationError(details);
}

/**
 * The message of a {@link ConfigurationError} returned from a `node.addValidation` validator: cdktf and
 * cdk8s already prefix validation messages with `[<node.path>] `, so the prefix is removed once and the
 * reported line keeps the library format.
 */
export function validationMessage(path: string, error: ConfigurationError): string {
  const prefix = `[${path}] `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
