// Internal helpers shared by the Helm releases: value rendering, merging and field validation.
import { Token } from 'cdktf';
import {
  requestAboveLimit, invalidChartVersion, invalidCount, invalidPort, invalidQuantity, invalidReleaseName, weakenedSecurityContext,
} from '../../core/errors';
import { HelmResourceRequirements, HelmResourceQuantities } from '../resources';
import { ContainerSecurityContextOverride, PodSecurityContextOverride } from '../security-context';

/** A JSON-like Helm values tree. */
export type ValueTree = { [key: string]: unknown };

function isPlainObject(value: unknown): value is ValueTree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Drops `undefined` members and objects left empty, recursively; arrays and `null` are kept.
 * Applied to the typed values only (the `extraValues` escape hatch is merged afterwards, as given).
 */
export function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(prune);
  }
  if (isPlainObject(value)) {
    const out: ValueTree = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) {
        continue;
      }
      const pruned = prune(child);
      if (isPlainObject(pruned) && Object.keys(pruned).length === 0) {
        continue;
      }
      out[key] = pruned;
    }
    return out;
  }
  return value;
}

/**
 * Deep-merges `overlay` onto `base` the way Helm coalesces values: objects merge key by key,
 * everything else (scalars, arrays, `null`) in the overlay replaces the base value.
 */
export function deepMerge(base: ValueTree, overlay: ValueTree): ValueTree {
  const out: ValueTree = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined) {
      continue;
    }
    const existing = out[key];
    out[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value;
  }
  return out;
}

/** Returns a copy with object keys sorted recursively (arrays keep their order). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (isPlainObject(value)) {
    const out: ValueTree = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys(value[key]);
    }
    return out;
  }
  return value;
}

/** The one values document of a release: JSON (valid YAML), keys sorted, two-space indent. */
export function renderValuesDocument(values: ValueTree): string {
  return JSON.stringify(sortKeys(values), undefined, 2);
}

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
const QUANTITY = /^([+-]?[0-9.]+)([eE][-+]?[0-9]+|m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?$/;

/** Throws unless `value` is a Helm release name (DNS-1123 label, at most 53 characters). */
export function assertReleaseName(path: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (value.length > 53 || !RELEASE_NAME.test(value)) {
    throw invalidReleaseName(path, prop, value);
  }
}

/** Throws unless `value` is an exact semantic version. */
export function assertChartVersion(path: string, prop: string, value: string): void {
  if (!Token.isUnresolved(value) && !SEMVER.test(value)) {
    throw invalidChartVersion(path, prop, value);
  }
}

/** Throws unless `value` is an integer >= `minimum`; passes `undefined` through. */
export function checkCount(path: string, prop: string, value: number | undefined, minimum: number): number | undefined {
  if (value !== undefined && !Token.isUnresolved(value) && (!Number.isInteger(value) || value < minimum)) {
    throw invalidCount(path, prop, value, minimum);
  }
  return value;
}

/** Throws unless `value` is a TCP port; passes `undefined` through. */
export function checkPort(path: string, prop: string, value: number | undefined): number | undefined {
  if (value !== undefined && !Token.isUnresolved(value) && (!Number.isInteger(value) || value < 1 || value > 65535)) {
    throw invalidPort(path, prop, value);
  }
  return value;
}

/** Throws unless a literal `value` is a Kubernetes quantity (`10Gi`, `500m`). */
export function checkQuantity(path: string, prop: string, value: string | undefined, fix?: string): void {
  if (value !== undefined && !Token.isUnresolved(value) && (typeof value !== 'string' || !QUANTITY.test(value))) {
    throw invalidQuantity(path, prop, value, fix);
  }
}

function renderQuantities(path: string, prop: string, q: HelmResourceQuantities | undefined): ValueTree | undefined {
  if (q === undefined) {
    return undefined;
  }
  for (const [key, value] of Object.entries(q)) {
    if (value !== undefined && !Token.isUnresolved(value) && !QUANTITY.test(value)) {
      throw invalidQuantity(path, `${prop}.${key}`, value);
    }
  }
  return { cpu: q.cpu, memory: q.memory };
}

const SUFFIX: Record<string, number> = {
  '': 1, 'm': 1e-3, 'k': 1e3, 'M': 1e6, 'G': 1e9, 'T': 1e12, 'P': 1e15, 'E': 1e18,
  'Ki': 2 ** 10, 'Mi': 2 ** 20, 'Gi': 2 ** 30, 'Ti': 2 ** 40, 'Pi': 2 ** 50, 'Ei': 2 ** 60,
};

/** The numeric value of a Kubernetes quantity (`100m` = 0.1, `1Gi` = 1073741824, `1e3` = 1000). */
function quantityValue(quantity: string): number {
  const match = QUANTITY.exec(quantity)!;
  const suffix = match[2] ?? '';
  return /^[eE]/.test(suffix) ? Number(`${match[1]}${suffix}`) : Number(match[1]) * SUFFIX[suffix];
}

/** Renders typed resources to the Kubernetes `resources` shape, validating quantities. */
export function renderResources(path: string, prop: string, resources: HelmResourceRequirements | undefined): ValueTree | undefined {
  if (resources === undefined) {
    return undefined;
  }
  const requests = renderQuantities(path, `${prop}.requests`, resources.requests);
  const limits = renderQuantities(path, `${prop}.limits`, resources.limits);
  for (const key of ['cpu', 'memory'] as const) {
    const request = resources.requests?.[key];
    const limit = resources.limits?.[key];
    if (request !== undefined && limit !== undefined && !Token.isUnresolved(request) && !Token.isUnresolved(limit)
      && quantityValue(request) > quantityValue(limit)) {
      throw requestAboveLimit(path, `${prop}.requests.${key}`, request, limit);
    }
  }
  return { requests, limits };
}

function checkNotRoot(path: string, prop: string, value: number | undefined): void {
  if (value === 0) {
    throw weakenedSecurityContext(path, prop, value, 'a non-zero user ID (the charts never run as root)');
  }
}

function checkSeccomp(path: string, prop: string, value: string | undefined): void {
  if (value !== undefined && value !== 'RuntimeDefault' && value !== 'Localhost') {
    throw weakenedSecurityContext(path, prop, value, '"RuntimeDefault" or "Localhost" (never "Unconfined")');
  }
}

/** Renders a container security context override, rejecting anything that weakens the default. */
export function renderContainerSecurityContext(
  path: string, prop: string, sc: ContainerSecurityContextOverride | undefined,
): ValueTree | undefined {
  if (sc === undefined) {
    return undefined;
  }
  checkNotRoot(path, `${prop}.runAsUser`, sc.runAsUser);
  if (sc.runAsNonRoot === false) {
    throw weakenedSecurityContext(path, `${prop}.runAsNonRoot`, false, 'true (or unset)');
  }
  if (sc.readOnlyRootFilesystem === false) {
    throw weakenedSecurityContext(path, `${prop}.readOnlyRootFilesystem`, false, 'true (or unset)');
  }
  if (sc.allowPrivilegeEscalation === true) {
    throw weakenedSecurityContext(path, `${prop}.allowPrivilegeEscalation`, true, 'false (or unset)');
  }
  if (sc.capabilitiesDrop !== undefined && !sc.capabilitiesDrop.includes('ALL')) {
    throw weakenedSecurityContext(path, `${prop}.capabilitiesDrop`, sc.capabilitiesDrop, 'a list that contains "ALL"');
  }
  checkSeccomp(path, `${prop}.seccompProfileType`, sc.seccompProfileType);
  return {
    runAsUser: checkCount(path, `${prop}.runAsUser`, sc.runAsUser, 1),
    runAsGroup: checkCount(path, `${prop}.runAsGroup`, sc.runAsGroup, 0),
    runAsNonRoot: sc.runAsNonRoot,
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem,
    allowPrivilegeEscalation: sc.allowPrivilegeEscalation,
    capabilities: sc.capabilitiesDrop !== undefined ? { drop: [...sc.capabilitiesDrop] } : undefined,
    seccompProfile: sc.seccompProfileType !== undefined ? { type: sc.seccompProfileType } : undefined,
  };
}

/** Renders a pod security context override, rejecting anything that weakens the default. */
export function renderPodSecurityContext(
  path: string, prop: string, sc: PodSecurityContextOverride | undefined,
): ValueTree | undefined {
  if (sc === undefined) {
    return undefined;
  }
  checkNotRoot(path, `${prop}.runAsUser`, sc.runAsUser);
  if (sc.runAsNonRoot === false) {
    throw weakenedSecurityContext(path, `${prop}.runAsNonRoot`, false, 'true (or unset)');
  }
  checkSeccomp(path, `${prop}.seccompProfileType`, sc.seccompProfileType);
  return {
    runAsUser: checkCount(path, `${prop}.runAsUser`, sc.runAsUser, 1),
    runAsGroup: checkCount(path, `${prop}.runAsGroup`, sc.runAsGroup, 0),
    fsGroup: checkCount(path, `${prop}.fsGroup`, sc.fsGroup, 0),
    runAsNonRoot: sc.runAsNonRoot,
    seccompProfile: sc.seccompProfileType !== undefined ? { type: sc.seccompProfileType } : undefined,
  };
}

/** Copies a string map (labels, annotations) so later mutation of the input does not leak in. */
export function copyMap(map: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return map === undefined ? undefined : { ...map };
}
