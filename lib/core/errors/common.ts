import { configurationError, ConfigurationError, describeType, DescribedValue } from './format';

/** A Kubernetes object name that is not a DNS-1123 label or subdomain. */
export function invalidDnsName(path: string, prop: string, value: string, kind: 'label' | 'subdomain'): ConfigurationError {
  const allowed = kind === 'label'
    ? 'a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit'
    : 'a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit';
  return configurationError({
    path, prop, value, allowed,
    fix: `rename it, for example ${JSON.stringify(kind === 'label' ? suggestDnsName(value.replace(/\./g, '-'), 63) : suggestDnsName(value, 253))}`,
  });
}

/** A duration string Go's `time.ParseDuration` would reject. */
export function invalidDuration(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Go duration such as "30s", "15m", "1h" or "1h30m" (units ns, us, ms, s, m, h), or "0"',
    fix: 'use Duration.seconds(), Duration.minutes(), Duration.hours() or Duration.parse() with a valid string',
  });
}

/** A duration that is negative or not a whole number of the smallest unit Kubernetes accepts. */
export function negativeDuration(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a duration of zero or more',
    fix: 'pass a non-negative amount',
  });
}

/** A required prop that was left empty. */
export function missingProp(path: string, prop: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value: undefined, allowed: 'a non-empty value', fix });
}

/** Two props that cannot be set together. */
export function mutuallyExclusive(path: string, prop: string, value: unknown, other: string, fix: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `${prop} or ${other}, not both`,
    fix,
  });
}

/** Turns an arbitrary string into a DNS-1123 name suggestion for error messages. */
export function suggestDnsName(value: string, maxLength: number): string {
  const cleaned = value.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+/, '').replace(/[^a-z0-9]+$/, '');
  const cut = cleaned.slice(0, maxLength).replace(/[^a-z0-9]+$/, '');
  return cut.length > 0 ? cut : 'my-name';
}

/** A prop of the wrong JavaScript type (or missing): never a TypeError, never the value itself. */
export function wrongType(path: string, prop: string, value: unknown, expected: string): ConfigurationError {
  return configurationError({
    path, prop, value: describeType(value),
    allowed: expected,
    fix: value === undefined || value === null ? `set ${prop} to ${expected}` : `pass ${expected}`,
  });
}

/** A secret property name (a top-level JSON key) that is empty or listed twice. */
export function invalidSecretProperty(path: string, prop: string, value: string, reason: 'empty' | 'duplicate'): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: reason === 'empty' ? 'a non-empty property name (a top-level JSON key of the secret)' : 'each property once',
    fix: reason === 'empty' ? 'remove the empty entry, or name the property' : 'remove the repeated property',
  });
}

/** A CA bundle that is not base64 of PEM certificates (the CRD field is bytes: the API server decodes it). */
export function invalidCaBundle(path: string, prop: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(reason),
    allowed: 'base64 of one or more PEM certificates ("-----BEGIN CERTIFICATE-----" ...), as the caBundle field of the store is bytes',
    fix: 'pass Buffer.from(pemText).toString("base64"), or use caProvider to read the CA from a Secret or ConfigMap',
  });
}

/** A props object that is missing or not an object. */
export function missingPropsObject(path: string, value: unknown, interfaceName: string): ConfigurationError {
  return configurationError({
    path, prop: 'props', value: describeType(value),
    allowed: `an object of type ${interfaceName}`,
    fix: `pass the ${interfaceName} object as the third argument`,
  });
}

/** A number that is NaN, infinite, fractional or outside a range. */
export function numberOutOfRange(path: string, prop: string, value: number, allowed: string, fix?: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix: fix ?? `pass ${allowed}` });
}

/** An empty list, map or selector that would silently mean "everything" or "nothing". */
export function emptyCollection(path: string, prop: string, value: unknown, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** A Duration built from a bad amount (NaN, infinite, negative) or string, reported where it is used. */
export function invalidDurationValue(path: string, prop: string, source: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(source),
    allowed: `a Go duration: ${reason}`,
    fix: 'pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as "1h30m"',
  });
}

/** A Duration outside the bounds a consumer accepts. */
export function durationOutOfBounds(path: string, prop: string, rendered: string, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value: new DescribedValue(rendered), allowed, fix });
}

/** A string that is not acceptable to its consumer (generic shape rule: a pattern, a length). */
export function invalidString(path: string, prop: string, value: string, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** A string whose content must not be echoed (it may be a secret, or a URL with credentials). */
export function invalidSecretString(path: string, prop: string, description: string, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value: new DescribedValue(description), allowed, fix });
}

/** A Kubernetes label or annotation key the API server rejects. */
export function invalidMetadataKey(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a qualified name: an optional DNS-1123 subdomain prefix (at most 253 characters) and "/", then a name of 1-63 characters among letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    fix: 'rename the key, for example "example.com/my-key" or "my-key"',
  });
}

/** A Kubernetes label value the API server rejects. */
export function invalidLabelValue(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a label value: empty, or at most 63 characters among letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    fix: 'shorten the value or replace the other characters, or use an annotation for free text',
  });
}

/** Annotations whose total size exceeds the API server's 256 KiB limit. */
export function annotationsTooLarge(path: string, prop: string, size: number): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(`${size} bytes of annotations`),
    allowed: 'at most 262144 bytes of annotation keys and values in total',
    fix: 'store large content in a ConfigMap instead of annotations',
  });
}

/** A regular expression that RE2 (Go's `regexp`, used by ESO) does not compile. */
export function invalidRe2Regex(path: string, prop: string, value: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a regular expression in RE2 syntax (Go's regexp package, as ESO compiles it; no lookaround or backreferences): ${reason}`,
    fix: 'rewrite the expression in RE2 syntax, for example "^team-.*$"',
  });
}

/** A Go template that `text/template` would fail to parse. */
export function invalidGoTemplate(path: string, prop: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('a template'),
    allowed: `a Go text/template ESO can parse: ${reason}`,
    fix: 'close every "{{" with "}}" and every {{if}}/{{range}}/{{with}}/{{define}}/{{block}} with {{end}}',
  });
}

/** A URL the consumer rejects; userinfo is redacted from the message. */
export function invalidUrl(path: string, prop: string, redacted: string, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value: new DescribedValue(JSON.stringify(redacted)), allowed, fix });
}

/** An acknowledgement (an explicit opt-in) without the reason it needs. */
export function missingAcknowledgementReason(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('an empty reason'),
    allowed: 'a non-empty reason explaining why the risk is accepted',
    fix: 'pass a reason, for example "break-glass credentials, rotated by the platform team"',
  });
}

/** Two entries that collide on something that must be unique. */
export function duplicateValue(path: string, prop: string, value: unknown, firstProp: string, fix: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a value different from the one at ${firstProp} (it must be unique)`,
    fix,
  });
}

/** A value outside a closed set (a string enum). Enum values are never secrets, so the value is shown. */
export function notOneOf(path: string, prop: string, value: string, allowed: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix: `pass ${allowed}` });
}

/** An optional peer dependency (a Terraform provider) that a construct needs is not installed. */
export function missingOptionalPeer(path: string, packageName: string, range: string, neededBy: string, installHint: string): ConfigurationError {
  return configurationError({
    path, prop: `peerDependencies["${packageName}"]`, value: new DescribedValue('not installed'),
    allowed: `${packageName} ${range} installed (${neededBy} uses it)`,
    fix: `npm install ${packageName} (${installHint})`,
  });
}

/** The package root is imported in a project that lacks some of the peers it loads (every engine and provider). */
export function missingRootPeers(path: string, missing: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'peerDependencies', value: new DescribedValue(`${missing.join(', ')} not installed`),
    allowed: 'the package root with every peer installed (it re-exports every layer: cdk8s, cdktf and every provider)',
    fix: 'import from the entry point of your layer instead (cdk-external-secrets/core, /k8s, /platform/k8s, /platform, /aws, /azure, /gcp, /vault, /helm, '
      + '/validation, /migrate, /migrate/k8s, /zarf, /access), which loads only the peers of its install line; or install every peer',
  });
}

/** A subpath entry point loaded in a project without the peers it needs at load. */
export function missingEntryPeers(entry: string, missing: readonly string[], installLine: string): ConfigurationError {
  return configurationError({
    path: entry, prop: 'peerDependencies', value: new DescribedValue(`${missing.join(', ')} not installed`),
    allowed: `${entry} with its peers installed: ${missing.join(', ')}`,
    fix: `npm install ${missing.join(' ')} (${installLine})`,
  });
}
