import { ContainerImage } from './container-image';
import { HelmResourceRequirements } from './resources';
import { ContainerSecurityContextOverride, PodSecurityContextOverride } from './security-context';

/** How Reloader triggers a rolling restart (`reloader.reloadStrategy`). */
export enum ReloadStrategy {
  /**
   * Write a `reloader.stakater.com/last-reloaded-from` annotation on the pod template. Recommended
   * with GitOps (Argo CD, Flux): the workload spec in Git never gains an env var, so the GitOps
   * tool does not see drift and does not revert the restart.
   */
  ANNOTATIONS = 'annotations',
  /** Add a `STAKATER_<NAME>_SECRET` env var with the data hash: GitOps tools see it as drift. */
  ENV_VARS = 'env-vars',
  /** Pass no flag: the binary's default (currently env vars). */
  DEFAULT = 'default',
}

/** Reloader log format (`reloader.logFormat`). */
export enum ReloaderLogFormat {
  /** Human-readable text (the chart's default). */
  TEXT = '',
  /** JSON lines, for log pipelines. */
  JSON = 'json',
}

/** Reloader log level (`reloader.logLevel`). */
export enum ReloaderLogLevel {
  /** Most verbose. */
  TRACE = 'trace',
  /** Debugging. */
  DEBUG = 'debug',
  /** The chart's default. */
  INFO = 'info',
  /** Warnings and errors. */
  WARNING = 'warning',
  /** Errors only. */
  ERROR = 'error',
}

/**
 * Typed values of the `reloader` chart 2.2.16, rendered under the chart's `reloader.` key (and
 * `image`, `global` where the chart reads them there).
 *
 * Only what you set is rendered, except `reloadStrategy` and `reloadOnCreate`, whose defaults
 * differ from the chart's because they are what ESO-managed Secrets need.
 *
 * @see https://github.com/stakater/Reloader/blob/chart-v2.2.16/deployments/kubernetes/chart/reloader/values.yaml
 */
export interface ReloaderHelmValues {
  /**
   * Watch every namespace (`reloader.watchGlobally`). With `false` and no `namespaces`, Reloader
   * watches only its own namespace.
   * @default - false when `namespaces` is set, otherwise the chart's default (true)
   */
  readonly watchGlobally?: boolean;
  /**
   * Watch exactly these namespaces (scoped mode, `reloader.namespaces`): one Role per namespace,
   * no ClusterRole. Requires `watchGlobally` false (set automatically).
   * @default - none
   */
  readonly namespaces?: string[];
  /**
   * Only watch namespaces matching these label selectors (`reloader.namespaceSelector`, e.g.
   * `reloader=enabled`); honoured only with `watchGlobally`.
   * @default - all namespaces
   */
  readonly namespaceSelector?: string[];
  /**
   * Namespaces to ignore (`reloader.ignoreNamespaces`).
   * @default - none
   */
  readonly ignoreNamespaces?: string[];
  /**
   * Only watch Secrets/ConfigMaps matching these label selectors (`reloader.resourceLabelSelector`).
   * @default - all
   */
  readonly resourceLabelSelector?: string[];
  /**
   * How restarts are triggered.
   * @default ReloadStrategy.ANNOTATIONS - keeps GitOps tools from seeing drift (the chart's default
   * is `default`, i.e. env vars)
   */
  readonly reloadStrategy?: ReloadStrategy;
  /**
   * Restart workloads when a watched Secret/ConfigMap is created (`reloader.reloadOnCreate`).
   *
   * Next to ESO this matters: when ESO deletes and recreates a Secret (ExternalSecret recreated,
   * `creationPolicy: Owner` after a deletion), only reload-on-create notices. Caveat: Reloader
   * cannot tell whether the Secret was created before or after the workload, so a first deploy
   * can restart workloads once.
   * @default true (the chart's default is false)
   */
  readonly reloadOnCreate?: boolean;
  /**
   * Restart workloads when a watched Secret/ConfigMap is deleted (`reloader.reloadOnDelete`).
   * @default - the chart's default, false
   */
  readonly reloadOnDelete?: boolean;
  /**
   * With `reloadOnCreate`, also reload on the sync Reloader does at startup
   * (`reloader.syncAfterRestart`).
   * @default - the chart's default, false
   */
  readonly syncAfterRestart?: boolean;
  /**
   * Ignore Secrets (`reloader.ignoreSecrets`). Cannot be combined with `ignoreConfigMaps`; next to
   * ESO you usually want Secrets watched.
   * @default - the chart's default, false
   */
  readonly ignoreSecrets?: boolean;
  /**
   * Ignore ConfigMaps (`reloader.ignoreConfigMaps`). Cannot be combined with `ignoreSecrets`.
   * @default - the chart's default, false
   */
  readonly ignoreConfigMaps?: boolean;
  /**
   * Do not reload Jobs (`reloader.ignoreJobs`).
   * @default - the chart's default, false
   */
  readonly ignoreJobs?: boolean;
  /**
   * Do not reload CronJobs (`reloader.ignoreCronJobs`).
   * @default - the chart's default, false
   */
  readonly ignoreCronJobs?: boolean;
  /**
   * Reload every workload that references a changed Secret/ConfigMap, without annotations
   * (`reloader.autoReloadAll`).
   * @default - the chart's default, false
   */
  readonly autoReloadAll?: boolean;
  /**
   * Leader election, allowing several replicas (`reloader.enableHA`).
   * @default - the chart's default, false
   */
  readonly enableHA?: boolean;
  /**
   * Replicas (`reloader.deployment.replicas`). More than 1 requires `enableHA` (the chart clamps
   * to 1 silently; this library fails synth instead).
   * @default - the chart's default, 1
   */
  readonly replicas?: number;
  /**
   * Resource requests and limits (`reloader.deployment.resources`).
   * @default - none (the chart's default)
   */
  readonly resources?: HelmResourceRequirements;
  /**
   * Pod security context override (`reloader.deployment.securityContext`). The chart's default is
   * `runAsNonRoot: true`, `runAsUser: 65534`, seccomp `RuntimeDefault`.
   * @default - the chart's default
   */
  readonly podSecurityContext?: PodSecurityContextOverride;
  /**
   * Container security context override (`reloader.deployment.containerSecurityContext`). The
   * chart's default is empty; consider `{ allowPrivilegeEscalation: false, capabilitiesDrop: ['ALL'] }`
   * together with `readOnlyRootFileSystem: true`.
   * @default - the chart's default (empty)
   */
  readonly containerSecurityContext?: ContainerSecurityContextOverride;
  /**
   * Read-only root file system with an emptyDir on /tmp (`reloader.readOnlyRootFileSystem`).
   * @default - the chart's default, false
   */
  readonly readOnlyRootFileSystem?: boolean;
  /**
   * Log format.
   * @default - the chart's default, text
   */
  readonly logFormat?: ReloaderLogFormat;
  /**
   * Log level.
   * @default - the chart's default, `ReloaderLogLevel.INFO`
   */
  readonly logLevel?: ReloaderLogLevel;
  /**
   * Image override (`image.repository`, `image.tag`, `image.digest`, `image.pullPolicy`).
   * @default - the chart's image, `ghcr.io/stakater/reloader:v1.4.21`
   */
  readonly image?: ContainerImage;
  /**
   * Names of image pull secrets in the release namespace (`global.imagePullSecrets`).
   * @default - none
   */
  readonly imagePullSecrets?: string[];
}
