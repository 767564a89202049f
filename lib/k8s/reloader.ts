import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  reloaderAutoWithSearch, reloaderCrossNamespace, reloaderSecretNotConsumed, reloaderWithoutSecrets, validationMessage,
} from '../core/errors';
import { Duration } from '../core/duration';
import { ExternalSecret } from './external-secret';
import { ReloaderAnnotations, ReloaderMode } from './reloader-mode';

/** Props of {@link ReloaderWiring}. */
export interface ReloaderWiringProps {
  /** The workload to roll: a cdk8s-plus Deployment, StatefulSet or DaemonSet. */
  readonly workload: kplus.Workload;
  /** The ExternalSecrets whose Secrets the workload consumes (same namespace as the workload). */
  readonly externalSecrets: ExternalSecret[];
  /**
   * How Reloader finds the Secrets.
   * @default ReloaderMode.LIST
   */
  readonly mode?: ReloaderMode;
  /**
   * Pause rollouts of a Deployment for this long after a reload
   * (`deployment.reloader.stakater.com/pause-period`).
   * @default - no pause
   */
  readonly pausePeriod?: Duration;
}

/** Per-workload state, so several wirings of one workload merge into one annotation. */
interface WorkloadState {
  readonly modes: Set<ReloaderMode>;
  readonly listed: Set<string>;
}

const STATES = new WeakMap<kplus.Workload, WorkloadState>();

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
 * Annotates a workload so Stakater Reloader rolls it when a Secret written by one of its
 * ExternalSecrets changes.
 *
 * The Secret names come from the ExternalSecret constructs, never retyped. At synth, every
 * ExternalSecret must be in the workload's namespace and its Secret must be consumed by the pod
 * template (env, envFrom or a volume).
 *
 * @see https://github.com/stakater/Reloader
 */
export class ReloaderWiring extends Construct {
  /** The target Secret names this wiring covers, sorted. */
  public readonly secretNames: string[];
  /** The mode. */
  public readonly mode: ReloaderMode;

  private readonly workload: kplus.Workload;

  constructor(scope: Construct, id: string, props: ReloaderWiringProps) {
    super(scope, id);
    const path = this.node.path;
    const workload = props.workload;
    this.workload = workload;
    this.mode = props.mode ?? ReloaderMode.LIST;
    if (props.externalSecrets.length === 0) {
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
    const existing: { [key: string]: string } = workload.metadata.toJson().annotations ?? {};
    const auto = state.modes.has(ReloaderMode.AUTO) || this.mode === ReloaderMode.AUTO || existing[ReloaderAnnotations.AUTO] === 'true';
    const search = state.modes.has(ReloaderMode.SEARCH) || this.mode === ReloaderMode.SEARCH || existing[ReloaderAnnotations.SEARCH] === 'true';
    if (auto && search) {
      throw reloaderAutoWithSearch(path, this.mode, workload.name);
    }
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
    if (props.pausePeriod) {
      workload.metadata.addAnnotation(ReloaderAnnotations.PAUSE_PERIOD, props.pausePeriod.toGoString());
    }
    this.node.addValidation({ validate: () => this.validateConsumed() });
  }

  private validateConsumed(): string[] {
    const json = ApiObject.of(this.workload).toJson();
    const consumed = consumedSecretNames(json?.spec?.template?.spec);
    const sorted = [...consumed].sort();
    return this.secretNames
      .filter((n) => !consumed.has(n))
      .map((n) => validationMessage(this.node.path, reloaderSecretNotConsumed(this.node.path, n, this.workload.name, sorted)));
  }
}
