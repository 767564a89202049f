// Errors raised by the reload wiring of lib/k8s (Stakater Reloader and UDS Core pod reload).
import { configurationError, ConfigurationError } from './format';

const RELOADABLE_KINDS = 'a Deployment, StatefulSet or DaemonSet (from any cdk8s-plus 2.x line, or an apps/v1 ApiObject of one of those kinds)';

/** A workload kind neither Reloader nor the UDS operator can roll. */
export function unsupportedReloadWorkload(path: string, kind: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'workload', value: kind,
    allowed: RELOADABLE_KINDS,
    fix: 'wire the ExternalSecrets to the Deployment, StatefulSet or DaemonSet that owns the pod template (Jobs and CronJobs read their Secrets at every run)',
  });
}

/** A reload mechanism that is not one of ReloadMechanism. */
export function unknownReloadMechanism(path: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'mechanism', value,
    allowed: 'ReloadMechanism.STAKATER_RELOADER ("StakaterReloader") or ReloadMechanism.UDS_CORE ("UdsCore")',
    fix: 'pass one of the ReloadMechanism members, or leave mechanism out for Stakater Reloader',
  });
}

/** Stakater Reloader and UDS Core pod reload wired on the same workload. */
export function reloadMechanismsMixed(path: string, workload: string, existing: string, requested: string): ConfigurationError {
  return configurationError({
    path, prop: 'mechanism', value: requested,
    allowed: `one reload mechanism per workload: workload ${JSON.stringify(workload)} is already rolled by ${JSON.stringify(existing)} (both would restart it on every change)`,
    fix: `use mechanism ${JSON.stringify(existing)} for every wiring of this workload, or move all of them to ${JSON.stringify(requested)}`,
  });
}

/** A Stakater Reloader option given to a UDS Core pod reload wiring. */
export function reloaderOptionWithUds(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'no Stakater Reloader option with ReloadMechanism.UDS_CORE (the UDS operator reads only the Secret\'s uds.dev/pod-reload label and selector)',
    fix: `remove ${prop}, or use ReloadMechanism.STAKATER_RELOADER`,
  });
}

/** A UDS pod selector given to a Stakater Reloader wiring. */
export function udsSelectorWithReloader(path: string, selector: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'udsPodSelector', value: selector,
    allowed: 'no udsPodSelector with ReloadMechanism.STAKATER_RELOADER (Reloader rolls the annotated workload itself)',
    fix: 'remove udsPodSelector, or use ReloadMechanism.UDS_CORE',
  });
}

/** A UDS pod selector that is empty or holds a label Kubernetes would reject. */
export function invalidUdsPodSelector(path: string, selector: unknown): ConfigurationError {
  return configurationError({
    path, prop: 'udsPodSelector', value: selector,
    allowed: 'at least one label, each key a Kubernetes label key ([prefix/]name, name at most 63 characters of [A-Za-z0-9._-]) and each value at most 63 characters of [A-Za-z0-9._-] starting and ending alphanumeric',
    fix: 'pass labels of the workload\'s pod template, for example { app: "web" }, or leave udsPodSelector out to let the operator find the consuming pods',
  });
}

/** Two UDS wirings that need different pod selectors on the same Secret. */
export function conflictingUdsPodSelector(path: string, secretName: string, existing: string | undefined, requested: string | undefined): ConfigurationError {
  return configurationError({
    path, prop: 'udsPodSelector', value: requested,
    allowed: existing === undefined
      ? `no selector, as the other wirings of Secret ${JSON.stringify(secretName)} (a Secret carries one uds.dev/pod-reload-selector)`
      : `the selector already set on Secret ${JSON.stringify(secretName)}, ${JSON.stringify(existing)} (a Secret carries one uds.dev/pod-reload-selector)`,
    fix: 'give the workloads a common pod label and use it in every wiring of this Secret, or leave udsPodSelector out on all of them',
  });
}

/** A UDS pod selector that does not select the wired workload's pods. */
export function udsSelectorMissesWorkload(path: string, selector: string, workload: string, podLabels: Record<string, string>): ConfigurationError {
  return configurationError({
    path, prop: 'udsPodSelector', value: selector,
    allowed: `a selector matching the pod template labels of workload ${JSON.stringify(workload)}: ${JSON.stringify(podLabels)}`,
    fix: 'use labels the pod template carries (workload.podMetadata.addLabel adds one), or leave udsPodSelector out',
  });
}

/**
 * A Reloader pause period on a workload other than a Deployment: Reloader pauses only Deployments
 * (`deployment.reloader.stakater.com/pause-period`, `spec.paused`; StatefulSets and DaemonSets cannot be
 * paused), so the annotation would be ignored.
 */
export function reloaderPauseNotDeployment(path: string, value: string, kind: string, workload: string): ConfigurationError {
  return configurationError({
    path, prop: 'pausePeriod', value,
    allowed: `a pause period on a Deployment only (Reloader pauses a Deployment's rollouts; workload ${JSON.stringify(workload)} is a ${kind}, which cannot be paused)`,
    fix: 'remove pausePeriod for this workload',
  });
}
