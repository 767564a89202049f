import { Duration } from '../duration';
import { ClusterDeclaration } from './clusters';
import { invalidPasswordGenerator, passwordExceedsAlphabet } from '../errors';
import { assertDnsSubdomain, assertShape, Shape } from '../validation';

/** The symbols ESO's Password generator draws from when `symbolCharacters` is not set. */
const DEFAULT_PASSWORD_SYMBOL_CHARACTERS = '~!@#$%^&*()_+`-={}|[]\\:"<>?,./';

/** The rules of ESO's `Password` generator (generators.external-secrets.io/v1alpha1), with ESO's defaults. */
export interface PasswordRules {
  /**
   * Length of each password.
   * @default 24
   */
  readonly length?: number;
  /**
   * Number of digits.
   * @default - 25% of the length (ESO's default)
   */
  readonly digits?: number;
  /**
   * Number of symbols.
   * @default - 25% of the length (ESO's default)
   */
  readonly symbols?: number;
  /**
   * Symbol characters to draw from.
   * @default - ESO's set ``~!@#$%^&*()_+`-={}|[]\:"<>?,./``
   */
  readonly symbolCharacters?: string;
  /**
   * No uppercase letters.
   * @default false
   */
  readonly noUpper?: boolean;
  /**
   * Allow repeated characters.
   * @default false
   */
  readonly allowRepeat?: boolean;
}

/**
 * Checks password rules the way ESO's generator (go-password) would fail at runtime, and returns the
 * length. `prefix` is prepended to each prop name (`spec.` on the construct, nothing in the declaration).
 * @internal
 */
export function checkPasswordRules(path: string, prefix: string, props: PasswordRules): number {
  const length = props.length ?? 24;
  if (!Number.isInteger(length) || length < 1) {
    throw invalidPasswordGenerator(path, `${prefix}length`, length, 'a whole number of 1 or more');
  }
  for (const prop of ['digits', 'symbols'] as const) {
    const v = props[prop];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) {
      throw invalidPasswordGenerator(path, `${prefix}${prop}`, v, 'a whole number of 0 or more');
    }
  }
  if ((props.digits ?? 0) + (props.symbols ?? 0) > length) {
    throw invalidPasswordGenerator(path, `${prefix}length`, length, `at least digits + symbols (${(props.digits ?? 0) + (props.symbols ?? 0)})`);
  }
  if (props.symbolCharacters !== undefined && props.symbolCharacters.length === 0 && (props.symbols ?? 1) > 0) {
    throw invalidPasswordGenerator(path, `${prefix}symbolCharacters`, '', 'at least one character when symbols are generated (set symbols: 0 for none)');
  }
  if (props.allowRepeat !== true) {
    // go-password (ESO's generator) draws each character at most once unless allowRepeat is set.
    const digits = props.digits ?? Math.floor(length * 0.25);
    const symbols = props.symbols ?? Math.floor(length * 0.25);
    const letters = length - digits - symbols;
    const symbolSet = new Set(props.symbolCharacters ?? DEFAULT_PASSWORD_SYMBOL_CHARACTERS).size;
    const letterSet = props.noUpper === true ? 26 : 52;
    const byDefault = (prop: 'digits' | 'symbols'): string => (props[prop] === undefined ? ` (25% of length by default)` : '');
    if (digits > 10) {
      throw passwordExceedsAlphabet(path, props.digits === undefined ? `${prefix}length` : `${prefix}digits`, props.digits ?? length, 10, `digits${byDefault('digits')}`);
    }
    if (symbols > symbolSet) {
      throw passwordExceedsAlphabet(path, props.symbols === undefined ? `${prefix}length` : `${prefix}symbols`, props.symbols ?? length, symbolSet, `symbols (the distinct symbolCharacters)${byDefault('symbols')}`);
    }
    if (letters > letterSet) {
      throw passwordExceedsAlphabet(path, `${prefix}length`, length, letterSet, `letters (length minus digits and symbols is ${letters})`);
    }
  }
  return length;
}

/** Props of {@link SecretsDeclaration.addPasswordGenerator}. */
export interface PasswordGeneratorOptions extends PasswordRules {
  /** Name of the `Password` object, rendered in the namespace of each ExternalSecret that uses it. */
  readonly name: string;
}

/** A `Password` generator in a declaration: no store, no identity, no grant. */
export interface PasswordGeneratorDeclaration extends PasswordRules {
  readonly id: string;
  readonly name: string;
  /** The length (24 when not set). */
  readonly length: number;
}

const PASSWORD_GENERATOR_OPTIONS: Shape = {
  'name': 'nonEmptyString', 'length?': 'number', 'digits?': 'number', 'symbols?': 'number', 'symbolCharacters?': 'string',
  'noUpper?': 'boolean', 'allowRepeat?': 'boolean',
};

/** Checks the options of a declared Password generator. @internal */
export function checkPasswordGeneratorOptions(path: string, options: PasswordGeneratorOptions): number {
  assertShape(path, 'options', options, PASSWORD_GENERATOR_OPTIONS);
  assertDnsSubdomain(path, 'name', options.name);
  return checkPasswordRules(path, '', options);
}

/** One generated value of a {@link GeneratedSecretOptions}: a declared generator and the key it lands under. */
export interface GeneratedValueReference {
  /** The declared generator (`addPasswordGenerator`). */
  readonly generator: PasswordGeneratorDeclaration;
  /**
   * Key of the value in the target Secret (`^[-._a-zA-Z0-9]+$`).
   * @default "password" (the generator's own key)
   */
  readonly secretKey?: string;
}

/** Props of {@link SecretsDeclaration.addGeneratedSecret}. */
export interface GeneratedSecretOptions {
  /** Name of the ExternalSecret (DNS-1123 subdomain). */
  readonly name: string;
  /** Namespace of the ExternalSecret, of its target Secret and of the generators it uses. */
  readonly namespace: string;
  /** Clusters that get the ExternalSecret (there is no store to derive them from). */
  readonly clusters: ClusterDeclaration[];
  /** The generated values. */
  readonly generated: GeneratedValueReference[];
  /**
   * Name of the Kubernetes Secret ESO writes.
   * @default - the ExternalSecret's name
   */
  readonly targetSecretName?: string;
  /**
   * How often ESO generates the values again (each refresh writes NEW values).
   * @default Duration.ZERO (generated once, never regenerated)
   */
  readonly refreshInterval?: Duration;
}

/** A generated value as declared: the generator and the key it lands under. */
export interface GeneratedValue {
  readonly generator: PasswordGeneratorDeclaration;
  readonly secretKey: string;
}

/** An ExternalSecret whose values all come from generators: no store, no identity, no grant. */
export interface GeneratedSecretDeclaration {
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly clusters: readonly ClusterDeclaration[];
  readonly generated: readonly GeneratedValue[];
  readonly targetSecretName: string;
  readonly refreshInterval: Duration;
}

/** The shape of GeneratedSecretOptions. @internal */
export const GENERATED_SECRET_OPTIONS: Shape = {
  'name': 'nonEmptyString', 'namespace': 'nonEmptyString', 'clusters': 'array', 'targetSecretName?': 'string',
  'generated': { arrayOf: { shape: { 'generator': 'object', 'secretKey?': 'string' } } },
};
