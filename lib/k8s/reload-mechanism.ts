/** What rolls a workload when a Secret written by ESO changes. */
export enum ReloadMechanism {
  /**
   * Stakater Reloader: annotations on the workload (see `ReloaderMode`). Needs the Reloader
   * release in the cluster (`ReloaderRelease`).
   */
  STAKATER_RELOADER = 'StakaterReloader',
  /**
   * UDS Core pod reload: the ESO target Secret is labelled `uds.dev/pod-reload: "true"` (through
   * `target.template.metadata`) and the UDS operator restarts the pods that consume it, or the pods
   * matching `uds.dev/pod-reload-selector` when the wiring narrows it. No annotation on the workload,
   * no Reloader release.
   *
   * @see https://uds.defenseunicorns.com/reference/deployment/pod-reload
   */
  UDS_CORE = 'UdsCore',
}

/** Label and annotation keys the UDS Core operator reads on Secrets (pod reload). */
export const UdsPodReloadKeys = {
  /** Label on the Secret: `"true"` opts it in to pod reload. */
  RELOAD: 'uds.dev/pod-reload',
  /** Annotation on the Secret: a label selector (`app=web,tier=frontend`) of the pods to restart. */
  SELECTOR: 'uds.dev/pod-reload-selector',
} as const;
