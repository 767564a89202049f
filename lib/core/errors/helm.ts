// Errors raised by lib/helm. Every factory builds its message with configurationError().
import { configurationError, ConfigurationError, DescribedValue } from './format';

/** A Helm release name that Helm would reject (DNS-1123 label of at most 53 characters). */
export function invalidReleaseName(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Helm release name: at most 53 characters, lowercase letters, digits and "-", starting and ending with a letter or digit',
    fix: 'shorten or rename it, for example "external-secrets" or "reloader"',
  });
}

/** A chart version override that is not a semantic version. */
export function invalidChartVersion(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an exact semantic version such as "2.9.0" (no ranges, no "latest")',
    fix: 'pin an exact chart version, or remove the override to use the version this library is tested with',
  });
}

/** The identity given to a release does not trust the service account the release runs as. */
export function esoServiceAccountNotTrusted(path: string, prop: string, value: string, trusted: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a service account the identity trusts: ${trusted.map((t) => JSON.stringify(t)).join(', ')}`,
    fix: 'add this namespace:serviceAccount to the identity\'s trusted service accounts, or set the release\'s namespace and serviceAccountName to a trusted one',
  });
}

/** A container registry host that is not a valid `host[:port]`. */
export function invalidImageRegistry(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a registry host with an optional port, without scheme or path, such as "registry1.dso.mil", "cgr.dev" or "registry.local:5000"',
    fix: 'put the host in registry and the path in repository',
  });
}

/** An image repository path that is not a valid OCI repository name. */
export function invalidImageRepository(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an OCI repository path: lowercase "/"-separated components of letters, digits and single ".", "_", "__" or "-" separators, without registry, tag or digest',
    fix: 'for example "ironbank/opensource/external-secrets/external-secrets"; pass the tag and digest separately',
  });
}

/** An image tag that is not a valid OCI tag. */
export function invalidImageTag(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an OCI tag: 1 to 128 characters, letters, digits, "_", "." and "-", not starting with "." or "-"',
    fix: 'pass the tag alone (for example "v2.9.0"); pass a digest with the digest option',
  });
}

/** An image digest that is not `sha256:<64 hex>` or `sha512:<128 hex>`. */
export function invalidImageDigest(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a digest "sha256:" followed by 64 lowercase hex characters, or "sha512:" followed by 128',
    fix: 'copy the digest from `crane digest <image>` or your registry, including the algorithm prefix',
  });
}

/** A security context override that weakens the chart's hardened default. */
export function weakenedSecurityContext(path: string, prop: string, value: unknown, allowed: string): ConfigurationError {
  return configurationError({
    path, prop, value, allowed,
    fix: 'keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked',
  });
}

/** A count (replicas, concurrency) that is not a positive integer. */
export function invalidCount(path: string, prop: string, value: number, minimum: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `an integer of ${minimum} or more`,
    fix: `pass a whole number of at least ${minimum}`,
  });
}

/** A TCP port outside 1-65535. */
export function invalidPort(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'an integer port from 1 to 65535',
    fix: 'pass a valid port number',
  });
}

/** A resource quantity Kubernetes would reject. */
export function invalidQuantity(path: string, prop: string, value: string, fix = 'use millicores for CPU and binary suffixes (Ki, Mi, Gi) for memory'): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a Kubernetes quantity such as "100m", "0.5", "128Mi" or "1Gi"',
    fix,
  });
}

/** Reloader: more than one replica without leader election. */
export function reloaderReplicasWithoutHa(path: string, prop: string, value: number): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: '1 unless enableHA is true (the chart silently clamps replicas to 1 without leader election)',
    fix: 'set enableHA: true to run several replicas with leader election, or set replicas to 1',
  });
}

/** Reloader: explicit namespaces while watching globally. */
export function reloaderNamespacesWithWatchGlobally(path: string, prop: string, value: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a namespace list only when watchGlobally is false (the chart ignores the list otherwise)',
    fix: 'remove watchGlobally: true, or remove namespaces to watch every namespace',
  });
}

/** Reloader: a namespace selector while not watching globally. */
export function reloaderSelectorWithoutWatchGlobally(path: string, prop: string, value: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a namespace selector only when watchGlobally is true (Reloader ignores it otherwise)',
    fix: 'set watchGlobally to true (the default), or use namespaces to list the namespaces to watch',
  });
}

/** Reloader: syncAfterRestart without reloadOnCreate. */
export function reloaderSyncAfterRestartWithoutReloadOnCreate(path: string, prop: string, value: boolean): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'true only together with reloadOnCreate: true (it has no effect otherwise)',
    fix: 'set reloadOnCreate: true, or remove syncAfterRestart',
  });
}

/** ESO: the webhook has no certificate source. */
export function esoWebhookWithoutCertificates(path: string, prop: string, value: boolean): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'false only when the webhook is disabled or webhook.certManager.enabled is true (the webhook needs the cert controller or cert-manager to get its serving certificate)',
    fix: 'keep the cert controller, enable webhook.certManager, or disable the webhook',
  });
}

/** ESO: ClusterPushSecret processing without PushSecret processing (the chart fails the install). */
export function esoClusterPushSecretWithoutPushSecret(path: string, prop: string, value: boolean): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'processClusterPushSecret: true only together with processPushSecret: true (the chart fails the install otherwise)',
    fix: 'set processClusterPushSecret: false as well, or keep processPushSecret: true',
  });
}

/** ESO: a cluster-scoped reconciler explicitly enabled together with scopedRBAC, which forces it off. */
export function esoClusterReconcilerWithScopedRbac(path: string, prop: string, value: boolean): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'false or unset when scopedRBAC is true (scoped RBAC turns the cluster-scoped reconcilers off)',
    fix: 'remove this setting, or turn scopedRbac off',
  });
}

/** A credential-looking key in Helm `extraValues`: the values are stored in plain text in the plan and state. */
export function credentialInExtraValues(path: string, prop: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue('a literal value'),
    allowed: 'no credentials in Helm values (they are stored in plain text in the Terraform plan and state, and usually in Git)',
    fix: 'use a workload identity (IRSA, Pod Identity, Azure workload identity) or a Kubernetes Secret the chart references; if the key is not a secret, list it in acknowledgeExtraValues with a reason',
  });
}

/** A resource request above its limit (the API server rejects the pod). */
export function requestAboveLimit(path: string, prop: string, request: string, limit: string): ConfigurationError {
  return configurationError({
    path, prop, value: request,
    allowed: `a request no larger than the limit ${JSON.stringify(limit)} (the API server rejects pods whose request exceeds their limit)`,
    fix: 'lower the request or raise the limit',
  });
}

/** Several replicas with leader election off: every replica reconciles and they fight over each object. */
export function replicasWithoutLeaderElection(path: string, prop: string, replicas: number): ConfigurationError {
  return configurationError({
    path, prop, value: replicas,
    allowed: 'a single replica when leaderElect is false (without leader election every replica reconciles the same objects)',
    fix: 'remove leaderElect: false (leader election is turned on for several replicas), or run one replica',
  });
}

/** `HelmConnection.fromEks` in a stack whose `aws_eks_cluster` lookup would have no AWS provider. */
export function eksConnectionWithoutAwsProvider(path: string, stackPath: string): ConfigurationError {
  return configurationError({
    path, prop: 'awsProvider', value: undefined,
    allowed: `an AwsProvider for the aws_eks_cluster lookup: passed as awsProvider, or a default one (without alias) in stack "${stackPath}"`,
    fix: 'add new AwsProvider(stack, \'aws\', { region }) to the stack, or pass awsProvider',
  });
}

/** Helm values that the chart's own `values.schema.json` rejects (Helm refuses the install). */
export function chartValuesRejected(path: string, prop: string, chart: string, problems: readonly string[]): ConfigurationError {
  return configurationError({
    path, prop,
    value: new DescribedValue(`values that chart ${chart} rejects: ${problems.join('; ')}`),
    allowed: `values valid against the values.schema.json of chart ${chart} (helm install and upgrade refuse any other)`,
    fix: 'correct or remove the listed keys (for a release: in extraValues, or the typed prop that renders them)',
  });
}
