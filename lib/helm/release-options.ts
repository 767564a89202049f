import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Duration } from '../core/duration';
import type { Acknowledgement } from '../core/invariants/acknowledgements';

/**
 * Props shared by the Helm releases of this library (install behaviour, not chart values).
 */
export interface HelmReleaseOptions {
  /**
   * The Helm provider (cluster connection) to install with; see `HelmConnection`.
   * @default - the stack's default `helm` provider
   */
  readonly provider?: HelmProvider;

  /**
   * Create the namespace if it does not exist (Helm's `--create-namespace`).
   *
   * Helm creates a bare namespace (no labels). Create it yourself and set this to `false` when it
   * needs Pod Security Admission or other labels.
   * @default true
   */
  readonly createNamespace?: boolean;

  /**
   * Roll back the release if the install or upgrade fails (implies waiting for readiness).
   * @default true
   */
  readonly atomic?: boolean;

  /**
   * Wait until the release's Deployments are ready before marking it successful.
   * @default true
   */
  readonly wait?: boolean;

  /**
   * Delete resources created by a failed upgrade.
   * @default true
   */
  readonly cleanupOnFail?: boolean;

  /**
   * How long Helm waits for the release to become ready.
   * @default Duration.minutes(10)
   */
  readonly timeout?: Duration;

  /**
   * How many release revisions Helm keeps (each is a Secret in the release namespace).
   * @default 10
   */
  readonly maxHistory?: number;

  /**
   * Chart repository URL, to install from a mirror (an accredited registry, an air-gapped
   * ChartMuseum, or an `oci://` registry). The chart name and pinned version stay the same.
   * @default - the upstream repository of the chart
   */
  readonly repository?: string;

  /**
   * UNSUPPORTED: install another chart version than the one this library is tested with.
   *
   * The typed values are rendered for the pinned chart version and checked against its
   * `values.schema.json`; another version may rename or drop keys silently. Use only to take an
   * urgent patch release before this library ships it, and prefer upgrading the library.
   * @default - the pinned version (`ESO_CHART.version` / `RELOADER_CHART.version`)
   */
  readonly unsupportedChartVersionOverride?: string;

  /**
   * Untyped values deep-merged ON TOP of the typed values (objects merge key by key; scalars,
   * arrays and `null` replace). Precedence: chart defaults < typed values < `extraValues`.
   *
   * This is an escape hatch for chart keys without a typed prop. It is not validated, so it can
   * undo derived settings (service account name and annotations, security contexts); never put a
   * secret here: values are stored in plain text in the Terraform plan and state.
   * @default - no extra values
   */
  readonly extraValues?: { [key: string]: unknown };
  /**
   * Keys of `extraValues` (dotted paths, e.g. `env.AWS_ACCESS_KEY_ID`) that look like credentials but
   * are not, with the reason. Without it such keys are an error: Helm values are stored in plain text
   * in the Terraform plan and state.
   * @default - none: credential-looking keys in extraValues are rejected
   */
  readonly acknowledgeExtraValues?: ExtraValuesAcknowledgement;
  /**
   * Acknowledged exceptions to the hardening and secret-material rules run over the values at synth
   * (`CES-HARD-n`, `CES-SM-2`; ids in lib/core/invariants/README.md), each with a reason of at least 10
   * characters and optionally the values paths it covers (`appliesTo: ['server.dev.enabled']`). The
   * acknowledged findings are written to the release's `description`, so reviewers see them in the plan.
   * @default - none: every finding fails synth
   */
  readonly acknowledgements?: Acknowledgement[];
}

/** An explicit opt-in for `extraValues` keys that look like credentials. */
export interface ExtraValuesAcknowledgement {
  /** Dotted paths of the keys (e.g. `extraEnv.DB_PASSWORD_FILE`). */
  readonly keys: string[];
  /** Why they are not secrets (required, non-empty). */
  readonly reason: string;
}
