import { invalidDnsName } from './errors';
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
  if (!isDnsLabel(value)) {
    throw invalidDnsName(path, prop, value, 'label');
  }
}

/** Throws the library's error unless `value` is a DNS-1123 subdomain. Unresolved tokens pass. */
export function assertDnsSubdomain(path: string, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) {
    return;
  }
  if (!isDnsSubdomain(value)) {
    throw invalidDnsName(path, prop, value, 'subdomain');
  }
}
