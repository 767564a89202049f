import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  conflictingUdsPodSelector, invalidUdsPodSelector, reloadMechanismsMixed, reloaderAutoWithSearch, reloaderCrossNamespace,
  reloaderOptionWithUds, reloaderPauseNotDeployment, reloaderSecretNotConsumed, reloaderWithoutSecrets, udsSelectorMissesWorkload, udsSelectorWithReloader,
  unknownReloadMechanism, unsupportedReloadWorkload, validationMessage,
} from '../core/errors';
import { assertDuration, Duration, DurationBounds } from '../core/duration';
import { ExternalSecret } from './external-secret';
import { IReloadableWorkload, ReloadableWorkloadKind } from './reloadable-workload';
import { ReloadMechanism, UdsPodReloadKeys } from './reload-mechanism';
import { ReloaderAnnotations, ReloaderMode } from './reloader-mode';
import { assertPropsObject } from '../core/validation';

/** Props of {@link ReloaderWiring}. */
export interface ReloaderWiringProps {
  /**
   * The workload to roll: a Deployment, StatefulSet or DaemonSet of any cdk8s-plus 2.x line, or a plain
   * `ApiObject` of one of those kinds (see {@link IReloadableWorkload}).
   */
  readonly workload: IReloadableWorkload;
  /** The ExternalSecrets whose Secrets the workload consumes (same namespace as the workload). */
  readonly externalSecrets: ExternalSecret[];
  /**
   * What rolls the workload: Stakater Reloader (annotations on the workload) or UDS Core pod reload
   * (a label on each target Secret). One mechanism per workload.
   * @default ReloadMechanism.STAKATER_RELOADER
   */
  readonly mechanism?: ReloadMechanism;
  /**
   * How Reloader finds the Secrets. Stakater Reloader only.
   * @default ReloaderMode.LIST
   */
  readonly mode?: ReloaderMode;
  /**
   * Pause rollouts of a Deployment for this long after a reload
   * (`deployment.reloader.stakater.com/pause-period`). Stakater Reloader only.
   * @default - no pause
   */
  readonly pausePeriod?: Duration;
  /**
   * UDS Core only: restart the pods with these labels (`uds.dev/pod-reload-selector` on each target
   * Secret) instead of the pods the operator finds consuming the Secret. The labels must be on the
   * workload's pod template (checked at synth).
   * @default - the UDS operator restarts every pod of the namespace that consumes the Secret
   */
  readonly udsPodSelector?: { [label: string]: string };
}

/** Per-workload state, so several wirings of one workload merge into one annotation. */
interface WorkloadState {
  mechanism?: ReloadMechanism;
  readonly modes: Set<ReloaderMode>;
  readonly listed: Set<string>;
}

/**
 * Bounds of `pausePeriod`: Reloader reads the annotation with Go's `time.ParseDuration` and pauses the
 * Deployment (`spec.paused`) for that long, resuming it with a timer (stakater/Reloader
 * `internal/pkg/handler/pause_deployment.go`). Zero would pause and resume at once; a sub-second or
 * fractional-second pause is below what a rollout can observe, so whole seconds from 1s up to Go's
 * duration range are accepted.
 */
const PAUSE_PERIOD_BOUNDS: DurationBounds = {
  min: Duration.seconds(1), allowZero: false, wholeUnit: 's', zeroMeaning: 'a zero pause resumes the Deployment at once: leave pausePeriod out for no pause',
};

const STATES = new WeakMap<IReloadableWorkload, WorkloadState>();
/** The UDS selector each ExternalSecret's Secret carries ('' for none), so wirings cannot disagree. */
const UDS_SELECTORS = new WeakMap<ExternalSecret, string>();

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isReloadableKind(kind: unknown): boolean {
  return typeof kind === 'string' && (Object.values(ReloadableWorkloadKind) as string[]).includes(kind);
}

function validLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return LABEL_NAME.test(key);
  const prefix = key.slice(0, slash);
  return prefix.length <= 253 && LABEL_PREFIX.test(prefix) && LABEL_NAME.test(key.slice(slash + 1));
}

function validLabelValue(value: unknown): boolean {
  return typeof value === 'string' && (value === '' || LABEL_NAME.test(value));
}

/** Secret names a pod spec references (env, envFrom, volumes, projected volumes). @internal */
export function consumedSecretNames(podSpec: PodSpecJson | undefined): Set<string> {
  const names = new Set<string>();
  if (!podSpec) {
    return names;
  }
  for (const c of [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])]) {
    for (const e of c.env ?? []) {
      const n = e.valueFrom?.secretKeyRef?.name;
      if (n) names.add(n);
    }
    for (const e of c.envFrom ?? []) {
      const n = e.secretRef?.name;
      if (n) names.add(n);
    }
  }
  for (const v of podSpec.volumes ?? []) {
    if (v.secret?.secretName) names.add(v.secret.secretName);
    for (const s of v.projected?.sources ?? []) {
      if (s.secret?.name) names.add(s.secret.name);
    }
  }
  return names;
}

/** The parts of a synthesized pod spec that reference Secrets. @internal */
export interface PodSpecJson {
  readonly containers?: ContainerJson[];
  readonly initContainers?: ContainerJson[];
  readonly volumes?: {
    secret?: { secretName?: string };
    projected?: { sources?: { secret?: { name?: string } }[] };
  }[];
}

/** The parts of a synthesized container that reference Secrets. @internal */
export interface ContainerJson {
  readonly env?: { valueFrom?: { secretKeyRef?: { name?: string } } }[];
  readonly envFrom?: { secretRef?: { name?: string } }[];
}

/**
 * Wires a workload so it rolls when a Secret written by one of its ExternalSecrets changes, through
 * Stakater Reloader (annotations on the workload) or UDS Core pod reload (a label on the Secret).
 *
 * The Secret names come from the ExternalSecret constructs, never retyped. At synth, every
 * ExternalSecret must be in the workload's namespace and its Secret must be consumed by the pod
 * template (env, envFrom or a volume). The workload is typed structurally, so Deployments,
 * StatefulSets and DaemonSets of any cdk8s-plus 2.x line, and plain `ApiObject`s of those kinds, work.
 *
 * @see https://github.com/stakater/Reloader
 * @see https://uds.defenseunicorns.com/reference/deployment/pod-reload
 */
export class ReloaderWiring extends Construct {
  /** The target Secret names this wiring covers, sorted. */
  public readonly secretNames: string[];
  /** The reload mechanism. */
  public readonly mechanism: ReloadMechanism;
  /** The Reloader mode (`ReloaderMode.LIST` unless set; unused with UDS Core). */
  public readonly mode: ReloaderMode;

  private readonly workload: IReloadableWorkload;
  private readonly udsSelector?: string;
  private readonly udsLabels?: { [label: string]: string };

  constructor(scope: Construct, id: string, props: ReloaderWiringProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'ReloaderWiringProps');
    const path = this.node.path;
    const workload = props.workload;
    if (workload === null || typeof workload !== 'object' || !isReloadableKind(workload.kind)) {
      throw unsupportedReloadWorkload(path, workload === null || typeof workload !== 'object' ? workload : workload.kind);
    }
    this.workload = workload;
    const mechanism = props.mechanism ?? ReloadMechanism.STAKATER_RELOADER;
    if (!(Object.values(ReloadMechanism) as unknown[]).includes(mechanism)) {
      throw unknownReloadMechanism(path, mechanism);
    }
    this.mechanism = mechanism;
    this.mode = props.mode ?? ReloaderMode.LIST;
    if (!Array.isArray(props.externalSecrets) || props.externalSecrets.length === 0) {
      throw reloaderWithoutSecrets(path);
    }
    const workloadNamespace = workload.metadata.namespace;
    for (const es of props.externalSecrets) {
      if (workloadNamespace !== undefined && es.namespace !== undefined && es.namespace !== workloadNamespace) {
        throw reloaderCrossNamespace(path, es.externalSecretName, es.namespace, workloadNamespace);
      }
    }
    this.secretNames = [...new Set(props.externalSecrets.map((es) => es.targetSecretName))].sort();

    let state = STATES.get(workload);
    if (!state) {
      state = { modes: new Set(), listed: new Set() };
      STATES.set(workload, state);
    }
    const existing: { [key: string]: string } = workload.metadata.toJson()?.annotations ?? {};
    const current = state.mechanism ?? (Object.values(ReloaderAnnotations).some((k) => existing[k] !== undefined) ? ReloadMechanism.STAKATER_RELOADER : undefined);
    if (current !== undefined && current !== mechanism) {
      throw reloadMechanismsMixed(path, workload.name, current, mechanism);
    }

    if (mechanism === ReloadMechanism.UDS_CORE) {
      if (props.mode !== undefined) throw reloaderOptionWithUds(path, 'mode', props.mode);
      if (props.pausePeriod !== undefined) throw reloaderOptionWithUds(path, 'pausePeriod', String(props.pausePeriod));
      if (props.udsPodSelector !== undefined) {
        const sel = props.udsPodSelector;
        const entries = sel !== null && typeof sel === 'object' ? Object.entries(sel) : [];
        if (entries.length === 0 || entries.some(([k, v]) => !validLabelKey(k) || !validLabelValue(v))) {
          throw invalidUdsPodSelector(path, sel);
        }
        this.udsLabels = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
        this.udsSelector = entries.map(([k, v]) => `${k}=${v}`).join(',');
      }
      const selector = this.udsSelector ?? '';
      for (const es of props.externalSecrets) {
        const previous = UDS_SELECTORS.get(es);
        if (previous !== undefined && previous !== selector) {
          throw conflictingUdsPodSelector(path, es.targetSecretName, previous || undefined, this.udsSelector);
        }
      }
      state.mechanism = mechanism;
      for (const es of props.externalSecrets) {
        UDS_SELECTORS.set(es, selector);
        es.addSecretLabel(UdsPodReloadKeys.RELOAD, 'true');
        if (this.udsSelector) {
          es.addSecretAnnotation(UdsPodReloadKeys.SELECTOR, this.udsSelector);
        }
      }
      this.node.addValidation({ validate: () => [...this.validateConsumed(), ...this.validateSelector()] });
      return;
    }

    if (props.udsPodSelector !== undefined) {
      throw udsSelectorWithReloader(path, props.udsPodSelector);
    }
    assertDuration(path, 'pausePeriod', props.pausePeriod, PAUSE_PERIOD_BOUNDS);
    if (props.pausePeriod !== undefined && workload.kind !== ReloadableWorkloadKind.DEPLOYMENT) {
      throw reloaderPauseNotDeployment(path, props.pausePeriod.toGoString(), workload.kind, workload.name);
    }
    const auto = state.modes.has(ReloaderMode.AUTO) || this.mode === ReloaderMode.AUTO || existing[ReloaderAnnotations.AUTO] === 'true';
    const search = state.modes.has(ReloaderMode.SEARCH) || this.mode === ReloaderMode.SEARCH || existing[ReloaderAnnotations.SEARCH] === 'true';
    if (auto && search) {
      throw reloaderAutoWithSearch(path, this.mode, workload.name);
    }
    state.mechanism = mechanism;
    state.modes.add(this.mode);

    switch (this.mode) {
      case ReloaderMode.LIST:
        this.secretNames.forEach((n) => state.listed.add(n));
        workload.metadata.addAnnotation(ReloaderAnnotations.SECRET_RELOAD, [...state.listed].sort().join(','));
        break;
      case ReloaderMode.SEARCH:
        workload.metadata.addAnnotation(ReloaderAnnotations.SEARCH, 'true');
        props.externalSecrets.forEach((es) => es.addSecretAnnotation(ReloaderAnnotations.MATCH, 'true'));
        break;
      case ReloaderMode.AUTO:
        workload.metadata.addAnnotation(ReloaderAnnotations.AUTO, 'true');
        break;
    }
    if (props.pausePeriod !== undefined) {
      workload.metadata.addAnnotation(ReloaderAnnotations.PAUSE_PERIOD, props.pausePeriod.toGoString());
    }
    this.node.addValidation({ validate: () => this.validateConsumed() });
  }

  private podTemplate(): { metadata?: { labels?: { [k: string]: string } }; spec?: PodSpecJson } | undefined {
    return ApiObject.of(this.workload).toJson()?.spec?.template;
  }

  private validateConsumed(): string[] {
    const consumed = consumedSecretNames(this.podTemplate()?.spec);
    const sorted = [...consumed].sort();
    return this.secretNames
      .filter((n) => !consumed.has(n))
      .map((n) => validationMessage(this.node.path, reloaderSecretNotConsumed(this.node.path, n, this.workload.name, sorted)));
  }

  private validateSelector(): string[] {
    if (!this.udsLabels || !this.udsSelector) {
      return [];
    }
    const podLabels = this.podTemplate()?.metadata?.labels ?? {};
    const misses = Object.entries(this.udsLabels).some(([k, v]) => podLabels[k] !== v);
    return misses
      ? [validationMessage(this.node.path, udsSelectorMissesWorkload(this.node.path, this.udsSelector, this.workload.name, podLabels))]
      : [];
  }
}
