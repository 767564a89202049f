// Errors raised by lib/k8s. Every factory builds its message with configurationError().
import { configurationError, ConfigurationError, describeType, DescribedValue } from './format';

/** ESO's pattern for `data[].secretKey` (the key in the target Secret). */
const SECRET_KEY_ALLOWED = 'a Secret key matching ^[-._a-zA-Z0-9]+$, at most 253 characters';

/** A `secretKey` the ESO CRD (and the Secret API) would reject. */
export function invalidSecretKey(path: string, prop: string, value: string): ConfigurationError {
  const suggestion = value.replace(/[^-._a-zA-Z0-9]+/g, '_').slice(0, 253) || 'value';
  return configurationError({
    path, prop, value,
    allowed: SECRET_KEY_ALLOWED,
    fix: `use a key such as ${JSON.stringify(suggestion)}`,
  });
}

/** An ExternalSecret (or ClusterExternalSecret) that fetches nothing. */
export function externalSecretWithoutData(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'spec.data', value: [],
    allowed: 'at least one entry in data or dataFrom',
    fix: 'pass data or dataFrom in the props, or call addData() or addDataFrom()',
  });
}

/** A target creation/deletion policy pair the ESO controller refuses. */
export function forbiddenTargetPolicies(path: string, creationPolicy: string, deletionPolicy: string, prop = 'spec.target.deletionPolicy'): ConfigurationError {
  return configurationError({
    path, prop, value: deletionPolicy,
    allowed: `a deletionPolicy compatible with creationPolicy ${JSON.stringify(creationPolicy)} ` +
      '(ESO rejects deletionPolicy "Delete" with creationPolicy "Merge", "CreateOrMerge" or "None", ' +
      'and deletionPolicy "Merge" with creationPolicy "None")',
    fix: 'use DeletionPolicy.RETAIN, or CreationPolicy.OWNER if the Secret must be deleted with the ExternalSecret',
  });
}

/** An entry that reads from a store (data, extract, find) in an ExternalSecret without one. */
export function entryWithoutStore(path: string, prop: string, key: string): ConfigurationError {
  return configurationError({
    path, prop, value: key,
    allowed: 'an entry that reads from a store only when the ExternalSecret has a store or the entry names one; ' +
      'without a store, only generator entries (dataFrom[].generator)',
    fix: 'set store on the ExternalSecret (or on this entry), or produce this value with a generator',
  });
}

/** A `dataFrom` entry that combines a generator source with `extract` or `find`. */
export function generatorWithExtractOrFind(path: string, prop: string, generatorName: string): ConfigurationError {
  return configurationError({
    path, prop, value: generatorName,
    allowed: 'a generator source alone: ESO ignores extract and find when dataFrom[].sourceRef.generatorRef is set',
    fix: 'remove extract and find from this entry, or move them to a separate dataFrom entry without a generator',
  });
}

/** A `dataFrom` entry with nothing to fetch. */
export function emptyDataFromEntry(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: {},
    allowed: 'an entry with extract, find or generator',
    fix: 'set extract (one remote secret), find (a search) or generator',
  });
}

/** An ExternalSecret or PushSecret that points at a namespaced SecretStore of another namespace. */
export function crossNamespaceStore(path: string, prop: string, storeName: string, storeNamespace: string,
  namespace: string): ConfigurationError {
  return configurationError({
    path, prop, value: `${storeNamespace}/${storeName}`,
    allowed: `a SecretStore in namespace ${JSON.stringify(namespace)} (a namespaced SecretStore only serves its own namespace), or a ClusterSecretStore`,
    fix: `create the SecretStore in namespace ${JSON.stringify(namespace)}, or use a ClusterSecretStore`,
  });
}

/** A namespaced SecretStore whose auth or CA reference points into another namespace. */
export function crossNamespaceStoreRef(path: string, prop: string, refNamespace: string, storeNamespace: string | undefined): ConfigurationError {
  return configurationError({
    path, prop, value: refNamespace,
    allowed: storeNamespace === undefined
      ? 'no namespace on references of a namespaced SecretStore (ESO resolves them in the store\'s namespace)'
      : `no namespace, or the store's own namespace ${JSON.stringify(storeNamespace)} (ESO rejects other namespaces for a namespaced SecretStore)`,
    fix: 'move the referenced object into the store\'s namespace, or use a ClusterSecretStore',
  });
}

/** A reference that must name a namespace because the store is cluster-scoped but cannot rely on referent auth. */
export function caProviderNamespaceOnNamespacedStore(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'no namespace: caProvider.namespace can only be set on a ClusterSecretStore',
    fix: 'remove the namespace; the CA object is read from the store\'s namespace',
  });
}

/** EKS Pod Identity combined with `auth.jwt.serviceAccountRef`. */
export function podIdentityWithServiceAccountRef(path: string, prop: string, serviceAccount: { name: string; namespace?: string }): ConfigurationError {
  return configurationError({
    path, prop, value: serviceAccount,
    allowed: 'no serviceAccountRef with EKS Pod Identity: ESO can only impersonate service accounts annotated for IRSA, ' +
      'and Pod Identity credentials come from the controller pod',
    fix: 'use AwsAuth.controllerIdentity() (no auth block) with Pod Identity, or an IRSA identity (WorkloadIdentity.awsIrsa) on the referenced service account',
  });
}

/** An AWS service-account auth whose service account does not carry an IRSA identity. */
export function serviceAccountWithoutIrsa(path: string, prop: string, serviceAccount: { name: string; namespace?: string }, kind: string): ConfigurationError {
  return configurationError({
    path, prop, value: serviceAccount,
    allowed: `a service account bound to an IRSA role (its identity kind is ${JSON.stringify(kind)})`,
    fix: 'give the WorkloadServiceAccount WorkloadIdentity.awsIrsa(roleArn), or use AwsAuth.controllerIdentity()',
  });
}

/** An optional namespace that cdk8s could not infer. */
export function missingNamespace(path: string, prop: string, what: string): ConfigurationError {
  return configurationError({
    path, prop, value: undefined,
    allowed: `a namespace: ${what}`,
    fix: 'pass namespace in the props, or create the construct in a Chart that has a namespace',
  });
}

/** A WorkloadServiceAccount that its cloud identity does not trust. */
export function untrustedServiceAccount(path: string, serviceAccount: string, trusted: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'identity', value: serviceAccount,
    allowed: `one of the service accounts the identity trusts: ${trusted.map((t) => JSON.stringify(t)).join(', ')}`,
    fix: 'use the namespace and name the identity trusts, or add this service account to the identity\'s trusted service accounts',
  });
}

/** A key asked of an ExternalSecret that it does not produce. */
export function unknownSecretKey(path: string, key: string, keys: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'key', value: key,
    allowed: keys.length > 0
      ? `a key the ExternalSecret produces: ${keys.map((k) => JSON.stringify(k)).join(', ')}`
      : 'a key the ExternalSecret produces (it defines none yet)',
    fix: 'use one of these keys, or add it first with addData() (or template data)',
  });
}

/** An Argo CD sync wave that is not an integer. */
export function invalidSyncWave(path: string, value: number): ConfigurationError {
  return configurationError({
    path, prop: 'syncWave', value,
    allowed: 'an integer (negative waves apply first)',
    fix: 'pass a whole number such as -1, 0 or 1',
  });
}

/** A `retrySettings.maxRetries` that is not a non-negative integer. */
export function invalidMaxRetries(path: string, value: number): ConfigurationError {
  return configurationError({
    path, prop: 'spec.retrySettings.maxRetries', value,
    allowed: 'an integer between 0 and 2147483647',
    fix: 'pass a whole, non-negative number of retries',
  });
}

/** A namespace regex that does not compile. */
export function invalidNamespaceRegex(path: string, prop: string, value: string, reason: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a regular expression (RE2 syntax, as Go regexp.MatchString compiles it): ${reason}`,
    fix: 'escape special characters, for example "^team-a-.*$"',
  });
}

/** A condition of a ClusterSecretStore that admits nothing. */
export function emptyStoreCondition(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: {},
    allowed: 'a condition with namespaces, namespaceRegexes or namespaceSelector',
    fix: 'set at least one of them, or drop the condition',
  });
}

/** A ClusterExternalSecret without namespace selectors (it would create nothing). */
export function missingNamespaceSelectors(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'spec.namespaceSelectors', value: [],
    allowed: 'at least one label selector (selectors are ORed)',
    fix: 'pass namespaceSelectors, for example [{ matchLabels: { "team": "a" } }]',
  });
}

/** A PushSecret without a store to push to. */
export function missingPushSecretStores(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'spec.secretStoreRefs', value: [],
    allowed: 'at least one SecretStore or ClusterSecretStore',
    fix: 'pass stores: [store]',
  });
}

/** Reloader `auto` and `search` on the same workload. */
export function reloaderAutoWithSearch(path: string, mode: string, workload: string): ConfigurationError {
  return configurationError({
    path, prop: 'mode', value: mode,
    allowed: `one Reloader mode per workload: reloader.stakater.com/auto and reloader.stakater.com/search cannot be combined on workload ${JSON.stringify(workload)} (auto wins and search is ignored)`,
    fix: 'use ReloaderMode.LIST or ReloaderMode.SEARCH for every wiring of this workload, or ReloaderMode.AUTO alone',
  });
}

/** A workload wired to an ExternalSecret that lives in another namespace. */
export function reloaderCrossNamespace(path: string, externalSecret: string, esNamespace: string, workloadNamespace: string): ConfigurationError {
  return configurationError({
    path, prop: 'externalSecrets', value: `${esNamespace}/${externalSecret}`,
    allowed: `ExternalSecrets in the workload's namespace ${JSON.stringify(workloadNamespace)} (no ExternalSecret in that namespace produces this Secret)`,
    fix: `create the ExternalSecret in namespace ${JSON.stringify(workloadNamespace)} (a ClusterExternalSecret can fan it out)`,
  });
}

/** A workload wired to a Secret its pod template does not use. */
export function reloaderSecretNotConsumed(path: string, secretName: string, workload: string, consumed: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop: 'externalSecrets', value: secretName,
    allowed: consumed.length > 0
      ? `Secrets the workload ${JSON.stringify(workload)} consumes (env, envFrom or volumes): ${consumed.map((c) => JSON.stringify(c)).join(', ')}`
      : `Secrets the workload ${JSON.stringify(workload)} consumes (env, envFrom or volumes); it consumes none`,
    fix: 'reference the Secret from a container (EnvValue.fromSecretValue, Env.fromSecret or Volume.fromSecret with externalSecret.secret), or drop it from externalSecrets',
  });
}

/** A Reloader wiring with no ExternalSecret. */
export function reloaderWithoutSecrets(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'externalSecrets', value: [],
    allowed: 'at least one ExternalSecret the workload consumes',
    fix: 'pass the ExternalSecrets whose Secrets the workload uses',
  });
}

/** A literal that looks like a secret in `target.template.data`: it would be committed to Git. */
export function literalSecretInTemplate(path: string, prop: string, why: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('a literal value'),
    allowed: `templates that reference fetched data ({{ .password }}); a literal secret in the template ends up in Git (${why})`,
    fix: 'store the value in the provider and reference it with {{ .key }}, or, if it is not a secret, list the key in template.acknowledgeLiteralValues with a reason',
  });
}

/** Two entries writing the same key of the target Secret (ESO keeps only one of them). */
export function duplicateSecretKey(path: string, prop: string, key: string, firstProp: string): ConfigurationError {
  return configurationError({
    path, prop, value: key,
    allowed: `a secretKey not already written by ${firstProp} (ESO silently keeps only one value per key)`,
    fix: 'give each data entry its own secretKey',
  });
}

/** An empty label selector, which selects everything. */
export function emptyLabelSelector(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: {},
    allowed: 'a selector with at least one matchLabels entry or matchExpressions requirement (an empty selector matches every object)',
    fix: 'add matchLabels or matchExpressions; to select every namespace on purpose, use ClusterExternalSecret.ALL_NAMESPACES',
  });
}

/** A label selector requirement whose values do not fit its operator. */
export function invalidSelectorRequirement(path: string, prop: string, operator: string, values: readonly string[] | undefined): ConfigurationError {
  const needsValues = operator === 'In' || operator === 'NotIn';
  return configurationError({
    path, prop, value: values ?? [],
    allowed: needsValues ? `at least one value for operator ${JSON.stringify(operator)}` : `no values for operator ${JSON.stringify(operator)}`,
    fix: needsValues ? 'list the label values to match' : 'remove values',
  });
}

/** An empty list of ClusterSecretStore conditions (which would admit every namespace). */
export function emptyStoreConditions(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: [],
    allowed: 'at least one condition; leave conditions out (undefined) to admit every namespace explicitly',
    fix: 'add a condition such as { namespaces: ["team-a"] }, or remove the conditions prop',
  });
}

/** A PushSecret source selector that would push every Secret of the namespace. */
export function emptyPushSecretSelector(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: {},
    allowed: 'a label selector with at least one matchLabels entry or matchExpressions requirement (an empty one pushes every Secret of the namespace)',
    fix: 'select the Secrets with labels, or push one Secret with PushSecretSource.fromSecret()',
  });
}

/** A PushSecret without any key to push: ESO would push nothing. */
export function emptyPushSecretData(path: string): ConfigurationError {
  return configurationError({
    path, prop: 'spec.data', value: [],
    allowed: 'at least one key to push (an empty list makes the PushSecret push nothing)',
    fix: 'pass data: [{ secretKey, remoteKey }] or call addData()',
  });
}

/** A Password generator whose character counts exceed what go-password can draw without repeating a character. */
export function passwordExceedsAlphabet(path: string, prop: string, value: number, available: number, what: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `at most ${available} ${what} when allowRepeat is false (each character at most once; ESO fails to generate otherwise)`,
    fix: 'set allowRepeat: true, or lower the count (shorter length, more digits/symbols)',
  });
}

/** A value object that was not built with its factory (e.g. a plain object cast to the class). */
export function notAFactoryValue(path: string, prop: string, value: unknown, factory: string): ConfigurationError {
  return configurationError({
    path, prop, value: describeType(value),
    allowed: `a value built with ${factory}`,
    fix: `build it with ${factory}`,
  });
}

/** A namespace on a cluster-scoped object. */
export function clusterScopedNamespace(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'no namespace: the object is cluster-scoped',
    fix: 'remove the namespace',
  });
}

/** A PushSecret writing an ExternalSecret's own Secret back to the remote key that ExternalSecret reads. */
export function pushSecretLoop(path: string, prop: string, remoteKey: string, externalSecretPath: string, readProp: string): ConfigurationError {
  return configurationError({
    path, prop, value: remoteKey,
    allowed: `a remote key other than the one ${externalSecretPath} reads at ${readProp} from the same store (pushing a Secret back to its own source is a loop: each refresh rewrites the source)`,
    fix: 'push to another remote key or another store, or remove the PushSecret',
  });
}

/** Two PushSecret entries writing the same remote key and property. */
export function duplicatePushTarget(path: string, prop: string, target: string, firstProp: string): ConfigurationError {
  return configurationError({
    path, prop, value: target,
    allowed: `a remote key and property not already written by ${firstProp}`,
    fix: 'give each entry its own remoteKey or property',
  });
}

/** No cdk8s-plus 2.x line is installed next to the library. */
export function noCdk8sPlusLine(lines: readonly string[]): ConfigurationError {
  return configurationError({
    path: 'cdk-external-secrets/k8s', prop: 'peerDependencies', value: undefined,
    allowed: `one installed cdk8s-plus 2.x line: ${lines.join(', ')}`,
    fix: `install the line of your cluster's Kubernetes version next to cdk8s, for example "npm install ${lines[lines.length - 1]}"`,
  });
}
