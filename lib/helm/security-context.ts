/**
 * Container-level security context fields a release may override.
 *
 * The charts' defaults are kept unless you set a field here: ESO runs every container with
 * `allowPrivilegeEscalation: false`, `capabilities.drop: [ALL]`, `readOnlyRootFilesystem: true`,
 * `runAsNonRoot: true`, `runAsUser: 1000` and the `RuntimeDefault` seccomp profile. Only the fields
 * you set are rendered; Helm merges them over the chart defaults.
 *
 * Overrides that weaken a hardened default (privilege escalation, a writable root file system,
 * running as root, dropping fewer capabilities, an unconfined seccomp profile) are rejected at
 * synth. If you must, set them through `extraValues`, which is deliberately unchecked.
 */
export interface ContainerSecurityContextOverride {
  /**
   * Run as this user ID (must not be 0). Some hardened images expect a specific UID, for example
   * 65532 for distroless/Chainguard images.
   * @default - the chart's default
   */
  readonly runAsUser?: number;
  /**
   * Run as this group ID.
   * @default - the chart's default (unset: the image's group)
   */
  readonly runAsGroup?: number;
  /**
   * Require a non-root user. Only `true` is accepted.
   * @default - the chart's default
   */
  readonly runAsNonRoot?: boolean;
  /**
   * Mount the root file system read-only. Only `true` is accepted.
   * @default - the chart's default
   */
  readonly readOnlyRootFilesystem?: boolean;
  /**
   * Allow privilege escalation. Only `false` is accepted.
   * @default - the chart's default
   */
  readonly allowPrivilegeEscalation?: boolean;
  /**
   * Capabilities to drop. Must contain `ALL`.
   * @default - the chart's default
   */
  readonly capabilitiesDrop?: string[];
  /**
   * Seccomp profile type: `RuntimeDefault` or `Localhost` (not `Unconfined`).
   * @default - the chart's default
   */
  readonly seccompProfileType?: SeccompProfileType;
}

/**
 * Pod-level security context fields a release may override.
 *
 * Same rules as {@link ContainerSecurityContextOverride}: only set fields are rendered, and
 * overrides that weaken the default are rejected.
 */
export interface PodSecurityContextOverride {
  /**
   * Run as this user ID (must not be 0).
   * @default - the chart's default
   */
  readonly runAsUser?: number;
  /**
   * Run as this group ID.
   * @default - the chart's default
   */
  readonly runAsGroup?: number;
  /**
   * Group that owns mounted volumes.
   * @default - the chart's default
   */
  readonly fsGroup?: number;
  /**
   * Require a non-root user. Only `true` is accepted.
   * @default - the chart's default
   */
  readonly runAsNonRoot?: boolean;
  /**
   * Seccomp profile type: `RuntimeDefault` or `Localhost` (not `Unconfined`).
   * @default - the chart's default
   */
  readonly seccompProfileType?: SeccompProfileType;
}

/** Seccomp profile types a release may select (`Unconfined` is deliberately absent). */
export enum SeccompProfileType {
  /** The container runtime's default profile. */
  RUNTIME_DEFAULT = 'RuntimeDefault',
  /** A profile file on the node. */
  LOCALHOST = 'Localhost',
}
