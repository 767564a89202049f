import { ConfigurationError, migrateRemovedInV1, migrateRequiredInV1 } from '../core/errors';
import { convertMetadata } from './kes';
import { ManifestObject } from './types';

type Json = { [key: string]: unknown };
type Report = (error: ConfigurationError) => void;

/** The ESO kinds served as `external-secrets.io/v1` (v1beta1 is in the CRD bundle but not served). */
export const V1_KINDS = ['ExternalSecret', 'ClusterExternalSecret', 'SecretStore', 'ClusterSecretStore'] as const;

/**
 * Providers present in the v1beta1 store schema and absent from v1 (derived from the pinned CRD bundle;
 * a test recomputes the set from ../shared/upstream/external-secrets/crds.yaml).
 */
export const PROVIDERS_REMOVED_IN_V1 = ['alibaba', 'device42'] as const;

/** Fields that v1 requires and v1beta1 did not (store `provider.kubernetes.auth`). */
const KUBERNETES_AUTH_REQUIRED: { [method: string]: string[] } = { cert: ['clientCert', 'clientKey'], token: ['bearerToken'] };

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function checkProvider(provider: unknown, field: string, path: string, report: Report): boolean {
  if (!isObject(provider)) return true;
  let ok = true;
  for (const removed of PROVIDERS_REMOVED_IN_V1) {
    if (provider[removed] !== undefined) {
      report(migrateRemovedInV1(path, `${field}.${removed}`));
      ok = false;
    }
  }
  const auth = isObject(provider.kubernetes) && isObject(provider.kubernetes.auth) ? provider.kubernetes.auth : undefined;
  for (const [method, required] of Object.entries(KUBERNETES_AUTH_REQUIRED)) {
    const m = auth?.[method];
    if (isObject(m)) {
      for (const r of required) {
        if (m[r] === undefined) {
          report(migrateRequiredInV1(path, `${field}.kubernetes.auth.${method}.${r}`));
          ok = false;
        }
      }
    }
  }
  return ok;
}

/**
 * Converts an ESO `external-secrets.io/v1beta1` object of a core kind to `v1`. The two versions share
 * their schema apart from the providers ESO removed and a few fields v1 requires; the spec is kept as
 * is (ESO's conversion webhook did the same). Returns undefined (and reports) when the object cannot
 * be served as v1.
 */
export function convertV1beta1(obj: Json, path: string, report: Report): ManifestObject | undefined {
  const spec = isObject(obj.spec) ? obj.spec : {};
  const isStore = obj.kind === 'SecretStore' || obj.kind === 'ClusterSecretStore';
  if (isStore && !checkProvider(spec.provider, 'spec.provider', path, report)) {
    return undefined;
  }
  const metadata = convertMetadata(obj, path, report);
  const out: { [k: string]: unknown } = { apiVersion: 'external-secrets.io/v1', kind: obj.kind, metadata };
  for (const [k, v] of Object.entries(obj)) {
    if (k !== 'apiVersion' && k !== 'kind' && k !== 'metadata' && k !== 'status') out[k] = v;
  }
  return out as ManifestObject;
}
