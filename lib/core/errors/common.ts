import { configurationError, ConfigurationError } from './format';

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
