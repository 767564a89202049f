/** Annotation keys Stakater Reloader reads (chart 2.2.16 / app v1.4.21). */
export const ReloaderAnnotations = {
  /** On the workload: comma-separated Secret names that trigger a rollout. */
  SECRET_RELOAD: 'secret.reloader.stakater.com/reload',
  /** On the workload: reload on any Secret or ConfigMap the pod template references. */
  AUTO: 'reloader.stakater.com/auto',
  /** On the workload: reload on referenced Secrets that carry the `match` annotation. */
  SEARCH: 'reloader.stakater.com/search',
  /** On the Secret: opt in to `search` mode. */
  MATCH: 'reloader.stakater.com/match',
  /** On a Deployment: pause rollouts for this long after a reload. */
  PAUSE_PERIOD: 'deployment.reloader.stakater.com/pause-period',
} as const;

/** How a workload tells Reloader which Secrets roll it. */
export enum ReloaderMode {
  /**
   * `secret.reloader.stakater.com/reload: "<names>"` on the workload, listing the target Secret names
   * of the ExternalSecrets (sorted, derived from the constructs).
   */
  LIST = 'List',
  /**
   * `reloader.stakater.com/search: "true"` on the workload and `reloader.stakater.com/match: "true"`
   * on each generated Secret (through the ExternalSecret's `target.template.metadata`).
   */
  SEARCH = 'Search',
  /**
   * `reloader.stakater.com/auto: "true"`: reload on every Secret and ConfigMap the pod references.
   * Cannot be combined with SEARCH on the same workload.
   */
  AUTO = 'Auto',
}
