import { Token } from 'cdktf';
import {
  invalidDnsName, invalidGcpLabelKey, missingProp, invalidGcpLabelValue, invalidGcpProjectId, invalidGcpProjectNumber, tooManyGcpLabels,
} from '../../core/errors';
import { isGcpLabelKey, isGcpLabelValue, isGcpProjectId, isGcpProjectNumber } from '../../core/cloud-names';
import { ServiceAccountRef } from '../../core/identity';
import { assertDnsLabel, assertDnsSubdomain } from '../../core/validation';

/** True when the value is (or contains) an unresolved cdktf token. */
export function isToken(value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && Token.isUnresolved(value);
}

/** Validates a project ID (skips tokens; rejects non-strings from JS callers). */
export function assertProjectId(path: string, prop: string, value: unknown): void {
  if (typeof value !== 'string' || (!isToken(value) && !isGcpProjectId(value))) {
    throw invalidGcpProjectId(path, prop, value);
  }
}

/** Validates a project number (skips tokens; rejects non-strings from JS callers). */
export function assertProjectNumber(path: string, prop: string, value: unknown): void {
  if (typeof value !== 'string' || (!isToken(value) && !isGcpProjectNumber(value))) {
    throw invalidGcpProjectNumber(path, prop, value);
  }
}

/** Validates the labels of a resource: at most 64, keys and values Google accepts (tokens skipped). */
export function assertLabels(path: string, prop: string, labels: Record<string, string> | undefined): void {
  if (labels === undefined) {
    return;
  }
  const entries = Object.entries(labels);
  if (entries.length > 64) {
    throw tooManyGcpLabels(path, prop, entries.length);
  }
  for (const [key, value] of entries) {
    if (!isToken(key) && !isGcpLabelKey(key)) {
      throw invalidGcpLabelKey(path, `${prop}.${key}`, key);
    }
    if (typeof value !== 'string' || (!isToken(value) && !isGcpLabelValue(value))) {
      throw invalidGcpLabelValue(path, `${prop}.${key}`, value);
    }
  }
}

/** A construct path turned into a construct ID fragment. */
export function pathId(path: string): string {
  return path.replace(/\//g, '-');
}

/** Validates a Kubernetes service account reference (both parts required, DNS names; tokens skipped). */
export function assertServiceAccount(path: string, prop: string, sa: ServiceAccountRef | undefined): ServiceAccountRef {
  if (sa === undefined || sa === null) {
    throw missingProp(path, prop, 'pass the Kubernetes service account as { namespace, name }');
  }
  for (const part of ['namespace', 'name'] as const) {
    const value: unknown = sa[part];
    if (value === undefined || value === null || value === '') {
      throw missingProp(path, `${prop}.${part}`, `pass the ${part} of the Kubernetes service account`);
    }
    if (typeof value !== 'string') {
      throw invalidDnsName(path, `${prop}.${part}`, String(value), part === 'namespace' ? 'label' : 'subdomain');
    }
  }
  assertDnsLabel(path, `${prop}.namespace`, sa.namespace);
  assertDnsSubdomain(path, `${prop}.name`, sa.name);
  return { namespace: sa.namespace, name: sa.name };
}
