import { Duration } from '../core/duration';
import { ContainerImage } from './container-image';
import { HelmResourceRequirements } from './resources';
import { ContainerSecurityContextOverride } from './security-context';

/** Log level of the ESO controller, webhook and cert controller (`log.level`). */
export enum EsoLogLevel {
  /** Verbose, for troubleshooting. */
  DEBUG = 'debug',
  /** The chart's default. */
  INFO = 'info',
  /** Warnings and errors only. */
  WARN = 'warn',
  /** Errors only. */
  ERROR = 'error',
}

/** What the API server does when the ESO validating webhook is unreachable (`webhook.failurePolicy`). */
export enum WebhookFailurePolicy {
  /** Reject the request (the chart's default): invalid ESO objects never get in. */
  FAIL = 'Fail',
  /** Admit the request unvalidated: ESO objects can be applied while the webhook is down. */
  IGNORE = 'Ignore',
}

/** How the chart reacts when the ServiceMonitor CRD is missing (`serviceMonitor.renderMode`). */
export enum ServiceMonitorRenderMode {
  /** Render the ServiceMonitor only if the CRD is present (the chart's default). */
  SKIP_IF_MISSING = 'skipIfMissing',
  /** Fail the install if the CRD is missing. */
  FAIL_IF_MISSING = 'failIfMissing',
  /** Always render it (needed with `helm template`-style offline rendering). */
  ALWAYS_RENDER = 'alwaysRender',
}

/** cert-manager settings for the ESO webhook certificate (`webhook.certManager.*`). */
export interface EsoWebhookCertManager {
  /**
   * Let cert-manager (installed separately) issue the webhook's serving certificate instead of the
   * ESO cert controller.
   */
  readonly enabled: boolean;
  /**
   * Name of the cert-manager issuer (`webhook.certManager.cert.issuerRef.name`).
   * @default - the chart's default, `my-issuer`: set it when enabled
   */
  readonly issuerName?: string;
  /**
   * Kind of the issuer: `Issuer` or `ClusterIssuer`.
   * @default - the chart's default, `Issuer`
   */
  readonly issuerKind?: string;
  /**
   * Add the `cert-manager.io/inject-ca-from` annotation so the CA injector wires the CA bundle.
   * @default - the chart's default, true
   */
  readonly addInjectorAnnotations?: boolean;
}

/** Settings of the ESO validating webhook (`webhook.*`). */
export interface EsoWebhookValues {
  /**
   * Deploy the webhook.
   * @default - the chart's default, true
   */
  readonly create?: boolean;
  /**
   * Webhook replicas. Use 2 or more for availability when `failurePolicy` is `FAIL`.
   * @default - the chart's default, 1
   */
  readonly replicaCount?: number;
  /**
   * Port the webhook listens on.
   * @default - the chart's default, 10250
   */
  readonly port?: number;
  /**
   * Admission failure policy.
   * @default - the chart's default, `WebhookFailurePolicy.FAIL`
   */
  readonly failurePolicy?: WebhookFailurePolicy;
  /**
   * cert-manager integration.
   * @default - disabled: the ESO cert controller manages the webhook certificate
   */
  readonly certManager?: EsoWebhookCertManager;
  /**
   * Resource requests and limits.
   * @default - none (the chart's default)
   */
  readonly resources?: HelmResourceRequirements;
  /**
   * Security context override (hardened chart defaults are kept otherwise).
   * @default - the chart's hardened default
   */
  readonly securityContext?: ContainerSecurityContextOverride;
  /**
   * Image override.
   * @default - `EsoHelmValues.image` if set, otherwise the chart's image
   */
  readonly image?: ContainerImage;
}

/** Settings of the ESO cert controller (`certController.*`). */
export interface EsoCertControllerValues {
  /**
   * Deploy the cert controller. Needed unless the webhook is disabled or uses cert-manager.
   * @default - the chart's default, true
   */
  readonly create?: boolean;
  /**
   * Cert controller replicas.
   * @default - the chart's default, 1
   */
  readonly replicaCount?: number;
  /**
   * How often the certificate is checked.
   * @default - the chart's default, 5m
   */
  readonly requeueInterval?: Duration;
  /**
   * Resource requests and limits.
   * @default - none (the chart's default)
   */
  readonly resources?: HelmResourceRequirements;
  /**
   * Security context override.
   * @default - the chart's hardened default
   */
  readonly securityContext?: ContainerSecurityContextOverride;
  /**
   * Image override.
   * @default - `EsoHelmValues.image` if set, otherwise the chart's image
   */
  readonly image?: ContainerImage;
}

/** Metrics service of the controller (`metrics.service.*`). */
export interface EsoMetricsValues {
  /**
   * Create a Service for the metrics endpoint (for scrapers other than the Prometheus operator).
   * @default - the chart's default, false
   */
  readonly serviceEnabled?: boolean;
  /**
   * Port of the metrics Service.
   * @default - the chart's default, 8080
   */
  readonly servicePort?: number;
}

/** Prometheus-operator ServiceMonitor (`serviceMonitor.*`). */
export interface EsoServiceMonitorValues {
  /** Create ServiceMonitors for the controller, webhook and cert controller. */
  readonly enabled: boolean;
  /**
   * Scrape interval.
   * @default - the chart's default, 30s
   */
  readonly interval?: Duration;
  /**
   * Scrape timeout.
   * @default - the chart's default, 25s
   */
  readonly scrapeTimeout?: Duration;
  /**
   * Labels your Prometheus selects ServiceMonitors by (for example `release: prometheus`).
   * @default - none
   */
  readonly additionalLabels?: Record<string, string>;
  /**
   * Namespace for the ServiceMonitors.
   * @default - the release namespace
   */
  readonly namespace?: string;
  /**
   * What to do when the ServiceMonitor CRD is missing.
   * @default - the chart's default, `SKIP_IF_MISSING`
   */
  readonly renderMode?: ServiceMonitorRenderMode;
  /**
   * Keep the target's labels on conflicts.
   * @default - the chart's default, false
   */
  readonly honorLabels?: boolean;
}

/**
 * Typed values of the `external-secrets` chart 2.9.0, rendered to the chart's value keys.
 *
 * Only what you set is rendered; everything else keeps the chart default. The controller's service
 * account (name, annotations) and identity pod labels are derived from the release's `identity` and
 * `serviceAccountName` props, not set here.
 *
 * @see https://github.com/external-secrets/external-secrets/blob/helm-chart-2.9.0/deploy/charts/external-secrets/values.yaml
 */
export interface EsoHelmValues {
  /**
   * Controller replicas (`replicaCount`). Set `leaderElect` when more than 1.
   * @default - the chart's default, 1
   */
  readonly replicaCount?: number;
  /**
   * Leader election between controller replicas (`leaderElect`).
   * @default - true when `replicaCount` > 1, otherwise the chart's default (false)
   */
  readonly leaderElect?: boolean;
  /**
   * ExternalSecrets reconciled concurrently (`concurrent`).
   * @default - the chart's default, 1
   */
  readonly concurrent?: number;
  /**
   * Controller resource requests and limits (`resources`).
   * @default - none (the chart's default)
   */
  readonly resources?: HelmResourceRequirements;
  /**
   * Controller security context override (`securityContext`).
   * @default - the chart's hardened default
   */
  readonly securityContext?: ContainerSecurityContextOverride;
  /**
   * Log level of all three components (`log.level`, `webhook.log.level`, `certController.log.level`).
   * @default - the chart's default, `EsoLogLevel.INFO`
   */
  readonly logLevel?: EsoLogLevel;
  /**
   * Install and upgrade the ESO CRDs with the release (`installCRDs`). Anything that uses the CRDs
   * must then apply after the release (see `addDependent`).
   * @default true
   */
  readonly installCrds?: boolean;
  /**
   * Reconcile ExternalSecrets only in this namespace (`scopedNamespace`).
   * @default - all namespaces
   */
  readonly scopedNamespace?: string;
  /**
   * Namespace-scoped RBAC (`scopedRBAC`): Roles instead of ClusterRoles, and the cluster-scoped
   * reconcilers (ClusterSecretStore, ClusterExternalSecret, ClusterPushSecret) forced off.
   * @default - the chart's default, false
   */
  readonly scopedRbac?: boolean;
  /**
   * Reconcile ClusterSecretStores (`processClusterStore`).
   * @default - the chart's default, true
   */
  readonly processClusterStore?: boolean;
  /**
   * Reconcile ClusterExternalSecrets (`processClusterExternalSecret`).
   * @default - the chart's default, true
   */
  readonly processClusterExternalSecret?: boolean;
  /**
   * Reconcile SecretStores (`processSecretStore`).
   * @default - the chart's default, true
   */
  readonly processSecretStore?: boolean;
  /**
   * Reconcile PushSecrets (`processPushSecret`).
   * @default - the chart's default, true
   */
  readonly processPushSecret?: boolean;
  /**
   * Reconcile ClusterPushSecrets (`processClusterPushSecret`); needs `processPushSecret`.
   * @default - the chart's default, true
   */
  readonly processClusterPushSecret?: boolean;
  /**
   * Reconcile ClusterGenerators (`processClusterGenerator`).
   * @default - the chart's default, true
   */
  readonly processClusterGenerator?: boolean;
  /**
   * Controller image override (`image.*`); also used for the webhook and cert controller unless
   * they set their own (all three run the same binary).
   * @default - the chart's image, `ghcr.io/external-secrets/external-secrets:v2.9.0`
   */
  readonly image?: ContainerImage;
  /**
   * Names of image pull secrets (in the release namespace), applied to the controller, webhook and
   * cert controller pods (`imagePullSecrets`, `webhook.imagePullSecrets`,
   * `certController.imagePullSecrets`).
   * @default - none
   */
  readonly imagePullSecrets?: string[];
  /**
   * Extra labels on the controller pods (`podLabels`); merged with identity labels.
   * @default - only the identity's pod labels
   */
  readonly podLabels?: Record<string, string>;
  /**
   * Extra annotations on the controller pods (`podAnnotations`).
   * @default - none
   */
  readonly podAnnotations?: Record<string, string>;
  /**
   * Webhook settings.
   * @default - the chart's defaults
   */
  readonly webhook?: EsoWebhookValues;
  /**
   * Cert controller settings.
   * @default - the chart's defaults
   */
  readonly certController?: EsoCertControllerValues;
  /**
   * Metrics Service settings.
   * @default - the chart's defaults
   */
  readonly metrics?: EsoMetricsValues;
  /**
   * ServiceMonitor settings.
   * @default - the chart's defaults (disabled)
   */
  readonly serviceMonitor?: EsoServiceMonitorValues;
}
