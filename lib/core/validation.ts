import {
  annotationsTooLarge, describeType, invalidCaBundle, emptyCollection, invalidDnsName, invalidGoTemplate, invalidLabelValue, invalidMetadataKey,
  invalidRe2Regex, invalidSecretProperty, invalidUrl, missingPropsObject, notOneOf, numberOutOfRange, wrongType,
} from './errors';
import { isUnresolved } from './tokens';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** True when `value` is a DNS-1123 label (Namespace names, Service names...). */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** True when `value` is a DNS-1123 subdomain (most object names: Secret, ServiceAccount, ExternalSecret...). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** Throws the library's error unless `value` is a DNS-1123 label. Unresolved tokens pass. */
export function assertDnsLabel(path: string, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  assertType(path, prop, value, 'string');
  if (!isDnsLabel(value)) {
    throw invalidDnsName(path, prop, value, 'label');
  }
}

/** Throws the library's error unless `value` is a DNS-1123 subdomain. Unresolved tokens pass. */
export function assertDnsSubdomain(path: string, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  assertType(path, prop, value, 'string');
  if (!isDnsSubdomain(value)) {
    throw invalidDnsName(path, prop, value, 'subdomain');
  }
}

// ---------------------------------------------------------------------------------------------
// Types of props, for JavaScript callers (and casts): the library's error, never a TypeError.
// ---------------------------------------------------------------------------------------------

/** A class (also one with a private constructor), for {@link TypeRule} `instance` checks. */
export interface AnyClass {
  /** The class prototype. */
  readonly prototype: object;
}

/**
 * What a prop must be. Strings name a JavaScript type; objects describe enums, class instances,
 * nested shapes and arrays.
 *
 * - `string`, `nonEmptyString`, `number` (finite), `integer`, `boolean`, `object`, `array`, `function`,
 *   `stringMap` (an object of strings), `stringArray`, `any`
 * - `{ enum, name }`: one of the values of a string enum
 * - `{ instance, name }`: an instance of a class (a value object built with its factories)
 * - `{ shape }`: a nested object, checked recursively
 * - `{ arrayOf }`: an array whose elements follow a rule
 * - `{ oneOf }`: any of several rules
 */
export type TypeRule =
  | 'string' | 'nonEmptyString' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'function'
  | 'stringMap' | 'stringArray' | 'any'
  | { readonly enum: object; readonly name: string }
  | { readonly instance: AnyClass; readonly name: string }
  | { readonly shape: Shape; readonly name?: string }
  | { readonly arrayOf: TypeRule }
  | { readonly oneOf: readonly TypeRule[]; readonly name: string };

/** The props of an object and their rules; a key ending in `?` is optional. */
export interface Shape {
  readonly [key: string]: TypeRule;
}

/** True for cdktf/cdk8s tokens and other lazily resolved objects: they are checked when resolved. */
function isTokenObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { resolve?: unknown }).resolve === 'function';
}

/** The phrase naming what a rule accepts, for messages. */
export function describeRule(rule: TypeRule): string {
  if (typeof rule === 'string') {
    switch (rule) {
      case 'string': return 'a string';
      case 'nonEmptyString': return 'a non-empty string';
      case 'number': return 'a finite number';
      case 'integer': return 'an integer';
      case 'boolean': return 'true or false';
      case 'object': return 'an object';
      case 'array': return 'an array';
      case 'function': return 'a function';
      case 'stringMap': return 'an object whose values are strings';
      case 'stringArray': return 'an array of strings';
      default: return 'any value';
    }
  }
  if ('enum' in rule) {
    return `one of ${Object.values(rule.enum).map((v) => JSON.stringify(v)).join(', ')} (${rule.name})`;
  }
  if ('instance' in rule) {
    return rule.name;
  }
  if ('shape' in rule) {
    return rule.name ?? 'an object';
  }
  if ('arrayOf' in rule) {
    return `an array of ${describeRule(rule.arrayOf).replace(/^(a|an) /, '')}s`.replace(/ss$/, 's');
  }
  return rule.name;
}

function matchesRule(value: unknown, rule: TypeRule): boolean {
  if (isUnresolved(value) || isTokenObject(value)) {
    return true;
  }
  if (typeof rule === 'string') {
    switch (rule) {
      case 'string': return typeof value === 'string';
      case 'nonEmptyString': return typeof value === 'string' && value.length > 0;
      case 'number': return typeof value === 'number' && Number.isFinite(value);
      case 'integer': return typeof value === 'number' && Number.isInteger(value);
      case 'boolean': return typeof value === 'boolean';
      case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'array': return Array.isArray(value);
      case 'function': return typeof value === 'function';
      case 'stringMap': return typeof value === 'object' && value !== null && !Array.isArray(value);
      case 'stringArray': return Array.isArray(value);
      default: return true;
    }
  }
  if ('enum' in rule) {
    return Object.values(rule.enum).includes(value);
  }
  if ('instance' in rule) {
    return value instanceof (rule.instance as unknown as new () => unknown);
  }
  if ('shape' in rule) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  if ('arrayOf' in rule) {
    return Array.isArray(value);
  }
  return rule.oneOf.some((r) => matchesRule(value, r));
}

/**
 * Throws the library's error unless `value` follows `rule` (recursively for shapes, arrays and
 * string maps). `undefined` fails: call it only for required props, or use {@link assertShape}.
 */
export function assertType(path: string, prop: string, value: unknown, rule: TypeRule): void {
  if (!matchesRule(value, rule)) {
    if (typeof rule === 'object' && 'enum' in rule && typeof value === 'string') {
      throw notOneOf(path, prop, value, describeRule(rule));
    }
    throw wrongType(path, prop, value, describeRule(rule));
  }
  if (isUnresolved(value) || isTokenObject(value) || typeof rule === 'string' && rule !== 'stringMap' && rule !== 'stringArray') {
    return;
  }
  if (rule === 'stringMap') {
    for (const [key, v] of Object.entries(value as object)) {
      if (typeof v !== 'string' && !isUnresolved(v)) {
        throw wrongType(path, `${prop}.${key}`, v, 'a string');
      }
    }
  } else if (rule === 'stringArray') {
    (value as unknown[]).forEach((v, i) => {
      if (typeof v !== 'string') {
        throw wrongType(path, `${prop}[${i}]`, v, 'a string');
      }
    });
  } else if (typeof rule === 'object' && 'shape' in rule) {
    assertShape(path, prop, value, rule.shape);
  } else if (typeof rule === 'object' && 'arrayOf' in rule) {
    (value as unknown[]).forEach((v, i) => assertType(path, `${prop}[${i}]`, v, rule.arrayOf));
  }
}

/**
 * Checks the props of an object against a {@link Shape}: required props present, every prop of the
 * right type. `prop` is the dotted prefix (empty for construct props).
 */
export function assertShape(path: string, prop: string, value: unknown, shape: Shape): void {
  if (isTokenObject(value)) {
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw wrongType(path, prop || 'props', value, 'an object');
  }
  const record = value as Record<string, unknown>;
  for (const rawKey of Object.keys(shape)) {
    const rule = shape[rawKey];
    const optional = rawKey.endsWith('?');
    const key = optional ? rawKey.slice(0, -1) : rawKey;
    const v = record[key];
    if (v === undefined && optional) {
      continue;
    }
    // A plain rule that holds needs no further check (nor the prop's dotted name): the common case.
    if (typeof rule === 'string' && rule !== 'stringMap' && rule !== 'stringArray' && matchesRule(v, rule)) {
      continue;
    }
    assertType(path, prop ? `${prop}.${key}` : key, v, rule);
  }
}

/** Checks that a construct's `declaration` prop is a SecretsDeclaration (by shape: no import of the class here). */
export function assertDeclaration(path: string, value: unknown): void {
  const candidate = value as { plan?: unknown; markRendered?: unknown } | null | undefined;
  if (typeof value !== 'object' || value === null || typeof candidate?.plan !== 'function' || typeof candidate.markRendered !== 'function') {
    throw wrongType(path, 'declaration', value, 'a SecretsDeclaration (new SecretsDeclaration({ name, … }) from cdk-external-secrets/core)');
  }
}

/** Checks that the props of a construct or factory are an object (before any prop is read). */
export function assertPropsObject(path: string, props: unknown, interfaceName: string): void {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw missingPropsObject(path, props, interfaceName);
  }
}

/**
 * Checks the props object of a construct or factory: present, an object, and every prop of the right
 * type (see {@link assertShape}).
 */
export function assertProps(path: string, props: unknown, interfaceName: string, shape: Shape): void {
  if (typeof props !== 'object' || props === null || Array.isArray(props)) {
    throw missingPropsObject(path, props, interfaceName);
  }
  assertShape(path, '', props, shape);
}

/** Throws the library's error unless `value` is a finite number within `[min, max]` (whole if `integer`). */
export function assertNumberInRange(path: string, prop: string, value: unknown,
  options: { readonly min?: number; readonly max?: number; readonly integer?: boolean; readonly fix?: string }): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  const kind = options.integer ? 'an integer' : 'a number';
  const bounds = options.min !== undefined && options.max !== undefined ? ` from ${options.min} to ${options.max}`
    : options.min !== undefined ? ` of at least ${options.min}` : options.max !== undefined ? ` of at most ${options.max}` : '';
  const allowed = `${kind}${bounds}`;
  if (typeof value !== 'number') {
    throw wrongType(path, prop, value, allowed);
  }
  if (!Number.isFinite(value) || options.integer && !Number.isInteger(value)
    || options.min !== undefined && value < options.min || options.max !== undefined && value > options.max) {
    throw numberOutOfRange(path, prop, value, allowed, options.fix);
  }
}

/** Throws unless a literal CA bundle is base64 of PEM certificates (ESO's `caBundle`, a bytes field). */
export function assertCaBundle(path: string, prop: string, value: unknown): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  assertType(path, prop, value, 'string');
  const compact = (value as string).replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw invalidCaBundle(path, prop, (value as string).includes('-----BEGIN') ? 'PEM text, not base64' : 'a string that is not base64');
  }
  if (!Buffer.from(compact, 'base64').toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw invalidCaBundle(path, prop, 'base64 of something else than a PEM certificate');
  }
}

/** Throws unless a list of secret properties (top-level JSON keys) has no empty and no repeated entry. */
export function assertSecretProperties(path: string, prop: string, values: readonly string[] | undefined): void {
  if (values === undefined) {
    return;
  }
  assertType(path, prop, values, 'stringArray');
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (isUnresolved(value)) {
      return;
    }
    if (value.trim().length === 0) {
      throw invalidSecretProperty(path, `${prop}[${i}]`, value, 'empty');
    }
    if (seen.has(value)) {
      throw invalidSecretProperty(path, `${prop}[${i}]`, value, 'duplicate');
    }
    seen.add(value);
  });
}

/** Throws unless an optional list, when given, has at least one element (empty lists never mean "all"). */
export function assertNonEmptyList(path: string, prop: string, value: readonly unknown[] | undefined, fix: string): void {
  if (value !== undefined && Array.isArray(value) && value.length === 0) {
    throw emptyCollection(path, prop, [], 'at least one entry (an empty list would silently mean "none" or "all")', fix);
  }
}

// ---------------------------------------------------------------------------------------------
// Kubernetes metadata: label and annotation keys and values, as the API server validates them.
// ---------------------------------------------------------------------------------------------

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** True when `key` is a Kubernetes qualified name (label and annotation keys). */
export function isQualifiedName(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || !isDnsSubdomain(prefix))) {
    return false;
  }
  return name.length >= 1 && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** True when `value` is a valid label value (empty allowed). */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** Checks a label map: object of strings, qualified-name keys, label values. Tokens pass. */
export function assertLabels(path: string, prop: string, labels: unknown): void {
  if (labels === undefined || isTokenObject(labels)) {
    return;
  }
  assertType(path, prop, labels, 'stringMap');
  for (const [key, value] of Object.entries(labels as Record<string, string>)) {
    if (!isUnresolved(key) && !isQualifiedName(key)) {
      throw invalidMetadataKey(path, `${prop}.${key}`, key);
    }
    if (!isUnresolved(value) && !isLabelValue(value)) {
      throw invalidLabelValue(path, `${prop}.${key}`, value);
    }
  }
}

/** Checks an annotation map: object of strings, qualified-name keys, at most 256 KiB in total. */
export function assertAnnotations(path: string, prop: string, annotations: unknown): void {
  if (annotations === undefined || isTokenObject(annotations)) {
    return;
  }
  assertType(path, prop, annotations, 'stringMap');
  let size = 0;
  for (const [key, value] of Object.entries(annotations as Record<string, string>)) {
    if (!isUnresolved(key) && !isQualifiedName(key)) {
      throw invalidMetadataKey(path, `${prop}.${key}`, key);
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > 262144) {
    throw annotationsTooLarge(path, prop, size);
  }
}

// ---------------------------------------------------------------------------------------------
// Regular expressions (RE2, as Go and ESO compile them) and Go templates.
// ---------------------------------------------------------------------------------------------

/** re2js, loaded on the first regular expression to check (it costs ~60 ms of require for every /core user otherwise). */
function re2(): typeof import('re2js').RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('re2js') as typeof import('re2js')).RE2JS;
}

/** The reason RE2 rejects `pattern`, or undefined when it compiles. */
export function re2Error(pattern: string): string | undefined {
  try {
    re2().compile(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message || 'not a valid expression';
  }
}

/** Throws the library's error unless `pattern` compiles as an RE2 (Go) regular expression. Tokens pass. */
export function assertRe2(path: string, prop: string, pattern: unknown): void {
  if (pattern === undefined || isUnresolved(pattern)) {
    return;
  }
  assertType(path, prop, pattern, 'string');
  const error = re2Error(pattern as string);
  if (error !== undefined) {
    throw invalidRe2Regex(path, prop, pattern as string, error);
  }
}

const BLOCK_KEYWORDS = new Set(['if', 'range', 'with', 'define', 'block']);

/**
 * Why Go's `text/template` would fail to parse `template` (unterminated actions, strings, comments or
 * parentheses; unbalanced `{{end}}`; `{{else}}` outside a block), or undefined when it parses.
 */
export function goTemplateError(template: string): string | undefined {
  const stack: string[] = [];
  let i = 0;
  while (true) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      break;
    }
    let j = open + 2;
    if (template.startsWith('- ', j) || template.startsWith('-\t', j) || template.startsWith('-\n', j)) {
      j += 1;
    }
    const trimmed = template.slice(j).replace(/^\s+/, '');
    if (trimmed.startsWith('/*')) {
      const end = template.indexOf('*/', j);
      if (end < 0) {
        return `unclosed comment at offset ${open}`;
      }
      const after = template.slice(end + 2).match(/^\s*-?\s*\}\}/);
      if (!after) {
        return `comment ending without "}}" at offset ${open}`;
      }
      i = end + 2 + after[0].length;
      continue;
    }
    let depth = 0;
    let quote: string | undefined;
    let k = j;
    let closed = false;
    for (; k < template.length; k++) {
      const c = template[k];
      if (quote) {
        if (c === '\\' && quote !== '`') {
          k++;
        } else if (c === quote) {
          quote = undefined;
        } else if (c === '\n' && quote !== '`') {
          return `unterminated quoted string in the action at offset ${open}`;
        }
        continue;
      }
      if (c === '"' || c === '`' || c === '\'') {
        quote = c;
      } else if (c === '(') {
        depth++;
      } else if (c === ')') {
        depth--;
        if (depth < 0) {
          return `unexpected ")" in the action at offset ${open}`;
        }
      } else if (c === '}' && template[k + 1] === '}') {
        closed = true;
        break;
      } else if (c === '{' && template[k + 1] === '{') {
        return `unclosed action at offset ${open} ("{{" without "}}")`;
      }
    }
    if (quote) {
      return `unterminated quoted string in the action at offset ${open}`;
    }
    if (!closed) {
      return `unclosed action at offset ${open} ("{{" without "}}")`;
    }
    if (depth !== 0) {
      return `unclosed "(" in the action at offset ${open}`;
    }
    const body = template.slice(j, k).replace(/-\s*$/, '').trim();
    if (body.length === 0) {
      return `empty action at offset ${open}`;
    }
    const word = body.split(/[\s(]/)[0];
    if (BLOCK_KEYWORDS.has(word)) {
      stack.push(word);
    } else if (word === 'end') {
      if (stack.pop() === undefined) {
        return `unexpected {{end}} at offset ${open}`;
      }
    } else if (word === 'else') {
      const top = stack[stack.length - 1];
      if (top === undefined || top === 'define' || top === 'block') {
        return `unexpected {{else}} at offset ${open}`;
      }
    }
    i = k + 2;
  }
  if (stack.length > 0) {
    return `unclosed {{${stack[stack.length - 1]}}} (missing {{end}})`;
  }
  return undefined;
}

/** Throws the library's error (without echoing the template) unless it parses as a Go template. */
export function assertGoTemplate(path: string, prop: string, template: unknown): void {
  if (template === undefined || isUnresolved(template)) {
    return;
  }
  assertType(path, prop, template, 'string');
  const error = goTemplateError(template as string);
  if (error !== undefined) {
    throw invalidGoTemplate(path, prop, error);
  }
}

// ---------------------------------------------------------------------------------------------
// URLs: parsed, scheme checked, userinfo rejected and never echoed.
// ---------------------------------------------------------------------------------------------

/** `url` with any userinfo (user:password@) replaced by `***@`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^/?#]*@/, '$1***@').replace(/^([^/?#]*)@/, '***@');
}

/** Options of {@link assertUrl}. */
export interface UrlRuleOptions {
  /** Schemes allowed, e.g. `['https']`. */
  readonly schemes: readonly string[];
  /** What the URL is, for the message (`a Vault server URL`). */
  readonly what: string;
  /** How to fix a disallowed scheme (e.g. the opt-in to set for `http`). */
  readonly schemeFix?: string;
  /** Allow a path, query or fragment. @default true */
  readonly allowPath?: boolean;
}

/** Throws the library's error unless `value` is a URL its consumer accepts; userinfo is rejected and redacted. */
export function assertUrl(path: string, prop: string, value: unknown, options: UrlRuleOptions): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  assertType(path, prop, value, 'string');
  const url = value as string;
  const redacted = redactUrl(url);
  const allowed = `${options.what}: an absolute ${options.schemes.map((s) => `${s}://`).join(' or ')} URL with a host and no user or password`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidUrl(path, prop, redacted, allowed, `pass a full URL such as "${options.schemes[0]}://host.example.com"`);
  }
  if (parsed.username !== '' || parsed.password !== '' || /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*@/.test(url)) {
    throw invalidUrl(path, prop, redacted, allowed,
      'remove the credentials from the URL and give them to the consumer through its auth settings (credentials in a URL end up in Git and logs)');
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  if (!options.schemes.includes(scheme)) {
    throw invalidUrl(path, prop, redacted, allowed, options.schemeFix ?? `use ${options.schemes[0]}://`);
  }
  if (parsed.hostname === '' || /\s/.test(url)) {
    throw invalidUrl(path, prop, redacted, allowed, `pass a full URL such as "${options.schemes[0]}://host.example.com"`);
  }
  if (options.allowPath === false && (parsed.pathname.replace(/\/$/, '') !== '' || parsed.search !== '' || parsed.hash !== '')) {
    throw invalidUrl(path, prop, redacted, allowed.replace(' with a host', ' with a host and no path, query or fragment'),
      `keep only ${parsed.protocol}//${parsed.host}`);
  }
}

/** Re-exported for constructs that describe values without echoing them. */
export { describeType };

// ---------------------------------------------------------------------------------------------
// Free text that reaches Terraform: `${...}` and `%{...}` would be evaluated at plan/apply.
// ---------------------------------------------------------------------------------------------

/**
 * Escapes Terraform template sequences in free text (`${` becomes `$${`, `%{` becomes `%%{`), so a
 * description such as "costs ${var.x}" is written literally instead of evaluated at apply. Unresolved
 * tokens (`${TfToken[...]}`) are kept.
 */
export function escapeTerraformText<T extends string | undefined>(value: T): T {
  if (typeof value !== 'string') {
    return value;
  }
  return value.replace(/(?<!\$)\$\{(?!(Tf)?Token\[)/g, () => '$${').replace(/(?<!%)%\{/g, () => '%%{') as T;
}

/** {@link escapeTerraformText} on every key and value of a map (tags, labels). */
export function escapeTerraformMap(map: { readonly [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (map === undefined || typeof map !== 'object' || map === null) {
    return map;
  }
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [escapeTerraformText(k), escapeTerraformText(v)]));
}

// ---------------------------------------------------------------------------------------------
// Literal secrets in templates: a template is committed to Git with the manifests.
// ---------------------------------------------------------------------------------------------

const SECRET_KEY_NAME = /(pass(word|wd|phrase)?|pwd|secret|token|api[-_.]?key|access[-_.]?key|private[-_.]?key|credential|auth)/i;

const KNOWN_FORMATS: ReadonlyArray<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a PEM private key'],
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key ID'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, 'a GitHub token'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\b(sk|rk)_live_[A-Za-z0-9]{16,}/, 'a Stripe key'],
  [/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, 'a JSON Web Token'],
  [/:\/\/[^/\s:@{}]+:[^/\s@{}]+@/, 'a URL with a password'],
  [/\bhv[sbr]\.[A-Za-z0-9_-]{20,}/, 'a Vault token'],
  [/(^|[^A-Za-z0-9.])s\.[A-Za-z0-9]{24}\b/, 'a Vault token'],
  [/(AccountKey|SharedAccessKey)=[A-Za-z0-9+/]{40,}={0,2}/, 'an Azure storage or Service Bus key'],
  [/[?&](access_token|token|api_?key|apikey|sig|password|secret|X-Amz-Signature|X-Amz-Credential)=[^&\s{}]{8,}/i, 'a credential in a URL query string'],
  [/\b(password|passwd|pwd)\s*[=:]\s*["']?[^\s"'{}]{6,}/i, 'a password assignment'],
];

/** The literal text of a template: everything outside `{{ ... }}` actions. */
function literalText(template: string): string {
  return template.replace(/\{\{[\s\S]*?\}\}/g, '');
}

/** True for a string that looks random: long, no spaces, several character classes. */
function looksRandom(text: string): boolean {
  if (text.length < 20 || /\s/.test(text)) {
    return false;
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(text)).length;
  const unique = new Set(text).size;
  return classes >= 3 && unique >= 12;
}

/** `it contains <format>` for the first known credential format in a literal, or undefined. */
function knownFormatReason(literal: string): string | undefined {
  const found = KNOWN_FORMATS.find(([re]) => re.test(literal));
  return found === undefined ? undefined : `it contains ${found[1]}`;
}

/** Why a template value looks like a literal secret, or undefined (actions such as {{ .password }} never match). */
export function literalSecretReason(key: string, template: string): string | undefined {
  if (typeof template !== 'string') {
    return undefined;
  }
  const literal = literalText(template);
  const known = knownFormatReason(literal);
  if (known !== undefined) {
    return known;
  }
  const trimmed = literal.trim();
  if (trimmed.length === 0) {
    return undefined;
  }
  if (!template.includes('{{') && SECRET_KEY_NAME.test(key)) {
    return `the key ${JSON.stringify(key)} names a credential and its value is a literal, not a template`;
  }
  if (trimmed.split(/[\s{}[\]",:;'<>()|]+/).some(looksRandom)) {
    return 'it contains a long random-looking literal';
  }
  return undefined;
}

/**
 * Why a metadata value (a label, an annotation, a tag, a description, a Helm value) looks like a
 * credential, or undefined. Stricter than {@link literalSecretReason} about keys: a tag `secret-type`
 * with a plain word is fine, a random-looking value under a key named like a credential is not.
 */
export function credentialReason(key: string, value: string): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const literal = literalText(value);
  const known = knownFormatReason(literal);
  if (known !== undefined) {
    return known;
  }
  if (SECRET_KEY_NAME.test(key) && literal.trim().split(/[\s{}[\]",;'<>()|]+/).some(looksRandom)) {
    return `the key ${JSON.stringify(key)} names a credential and its value is a long random-looking literal`;
  }
  return undefined;
}
