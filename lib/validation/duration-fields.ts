/**
 * The ESO fields ESO decodes with Go's `time.ParseDuration` (ESO v2.9.0, the app of chart 2.9.0). The
 * CRDs declare them as plain strings (controller-gen emits no format for `metav1.Duration`), so the
 * API server stores `"1d"`, and then ESO's admission webhook, or its controller when it decodes the
 * object, fails. Each entry cites the Go field it comes from.
 */
import { ConfigurationError, negativeStoreRefreshInterval, notAGoDuration } from '../core/errors';
import { parseGoDuration } from './go-duration';
import { Segment } from './plain-data';

/** A path into an object: property names, `[]` for every item of an array. */
type FieldPath = readonly string[];

interface DurationField {
  readonly path: FieldPath;
  /** ESO refuses a negative value (SecretStoreSpec.GetRefreshInterval). */
  readonly nonNegative?: boolean;
}

const ES_SPEC: readonly DurationField[] = [
  // apis/externalsecrets/v1/externalsecret_types.go: ExternalSecretSpec.RefreshInterval *metav1.Duration
  { path: ['refreshInterval'] },
  // apis/externalsecrets/v1/externalsecret_types.go: ExternalSecretSyncWindowEntry.Duration metav1.Duration
  { path: ['syncWindows', 'windows', '[]', 'duration'] },
];

const STORE: readonly DurationField[] = [
  // apis/externalsecrets/v1/secretstore_types.go: SecretStoreSpec.RefreshInterval *intstr.IntOrString, read by
  // GetRefreshInterval (time.ParseDuration for strings, negative refused) and by the admission webhook
  { path: ['spec', 'refreshInterval'], nonNegative: true },
  // SecretStoreRetrySettings.RetryInterval *string: time.ParseDuration in providers/v1/{aws,ibm,oracle,vault}
  { path: ['spec', 'retrySettings', 'retryInterval'] },
  // apis/externalsecrets/v1/secretstore_onepassword_sdk_types.go: CacheConfig.TTL metav1.Duration
  { path: ['spec', 'provider', 'onepasswordSDK', 'cache', 'ttl'] },
  // apis/externalsecrets/v1/secretstore_webhook_types.go: WebhookProvider.Timeout *metav1.Duration
  { path: ['spec', 'provider', 'webhook', 'timeout'] },
];

/** Duration fields by `<group>/<version>/<kind>` of the served versions. */
export const DURATION_FIELDS: Readonly<Record<string, readonly DurationField[]>> = {
  'external-secrets.io/v1/ExternalSecret': ES_SPEC.map((f) => ({ ...f, path: ['spec', ...f.path] })),
  'external-secrets.io/v1/ClusterExternalSecret': [
    // apis/externalsecrets/v1/clusterexternalsecret_types.go: ClusterExternalSecretSpec.RefreshInterval *metav1.Duration `json:"refreshTime"`
    { path: ['spec', 'refreshTime'] },
    ...ES_SPEC.map((f) => ({ ...f, path: ['spec', 'externalSecretSpec', ...f.path] })),
  ],
  'external-secrets.io/v1/SecretStore': STORE,
  'external-secrets.io/v1/ClusterSecretStore': STORE,
  // apis/externalsecrets/v1alpha1/pushsecret_types.go: PushSecretSpec.RefreshInterval *metav1.Duration
  'external-secrets.io/v1alpha1/PushSecret': [{ path: ['spec', 'refreshInterval'] }],
  'external-secrets.io/v1alpha1/ClusterPushSecret': [
    // ClusterPushSecretSpec.RefreshInterval *metav1.Duration `json:"refreshTime"`
    { path: ['spec', 'refreshTime'] },
    { path: ['spec', 'pushSecretSpec', 'refreshInterval'] },
  ],
  // apis/generators/v1alpha1/types_webhook.go: WebhookSpec.Timeout *metav1.Duration
  'generators.external-secrets.io/v1alpha1/Webhook': [{ path: ['spec', 'timeout'] }],
  // apis/generators/v1alpha1/types_vault.go: VaultDynamicSecretSpec.RetrySettings (read by the Vault provider)
  'generators.external-secrets.io/v1alpha1/VaultDynamicSecret': [{ path: ['spec', 'retrySettings', 'retryInterval'] }],
  'generators.external-secrets.io/v1alpha1/ClusterGenerator': [
    { path: ['spec', 'generator', 'webhookSpec', 'timeout'] },
    { path: ['spec', 'generator', 'vaultDynamicSecretSpec', 'retrySettings', 'retryInterval'] },
  ],
};

/** Every value at `path` in `value`, with its concrete path. */
function valuesAt(value: unknown, path: FieldPath, at: Segment[] = []): [Segment[], unknown][] {
  if (path.length === 0) {
    return [[at, value]];
  }
  const [head, ...rest] = path;
  if (head === '[]') {
    return Array.isArray(value) ? value.flatMap((item, i) => valuesAt(item, rest, [...at, i])) : [];
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, head)) {
    return [];
  }
  return valuesAt((value as Record<string, unknown>)[head], rest, [...at, head]);
}

/**
 * The duration fields of an ESO object (plain data, defaults applied) that ESO cannot decode.
 * Values of other types are left to the schema's type check.
 */
export function durationProblems(key: string, object: unknown, path: string, name: (at: readonly Segment[]) => string): ConfigurationError[] {
  const fields = Object.prototype.hasOwnProperty.call(DURATION_FIELDS, key) ? DURATION_FIELDS[key] : [];
  return fields.flatMap((field) => valuesAt(object, field.path).flatMap(([at, value]): ConfigurationError[] => {
    if (typeof value === 'number') {
      return field.nonNegative === true && value < 0 ? [negativeStoreRefreshInterval(path, name(at))] : [];
    }
    if (typeof value !== 'string') {
      return [];
    }
    const parsed = parseGoDuration(value);
    if (parsed.error !== undefined) {
      return [notAGoDuration(path, name(at), parsed.error)];
    }
    return field.nonNegative === true && parsed.nanoseconds < 0n ? [negativeStoreRefreshInterval(path, name(at))] : [];
  }));
}
