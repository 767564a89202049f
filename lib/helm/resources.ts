/** CPU and memory amounts for one side (requests or limits) of a container's resources. */
export interface HelmResourceQuantities {
  /**
   * CPU, as a Kubernetes quantity (`100m`, `0.5`, `1`).
   * @default - not set
   */
  readonly cpu?: string;
  /**
   * Memory, as a Kubernetes quantity (`64Mi`, `1Gi`).
   * @default - not set
   */
  readonly memory?: string;
}

/**
 * Container resource requests and limits, rendered to the chart's `resources` value.
 *
 * The charts set no resources by default; set requests at least, so the scheduler accounts for the
 * controllers.
 */
export interface HelmResourceRequirements {
  /**
   * What the scheduler reserves for the container.
   * @default - no requests
   */
  readonly requests?: HelmResourceQuantities;
  /**
   * The most the container may use (memory over the limit is OOM-killed, CPU is throttled).
   * @default - no limits
   */
  readonly limits?: HelmResourceQuantities;
}
