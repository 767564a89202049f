/**
 * Per-cluster GitOps output (cdk8s): {@link GitOpsClusterApp} writes one directory per cluster, split
 * by phase; {@link ArgoCdApplications} and {@link FluxKustomizations} point Argo CD and Flux at them.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ApiObject, App, AppProps, Names, Yaml } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterDeclaration } from '../core/declaration';
import { Duration } from '../core/duration';
import { gitOpsNameTooLong, missingArgoCdDestination, otherClusterInDirectory, syncWaveOutOfPhase } from '../core/errors';
import { assertDnsLabel, assertPropsObject, assertShape } from '../core/validation';
import { SYNC_WAVE_ANNOTATION } from '../k8s/private/metadata';
import { assertGitRevision, assertRepositoryUrl } from './gitops-checks';
import { GITOPS_PHASES, GitOpsClusterEntry, GitOpsLayout, GitOpsPhase, gitOpsPhaseOf } from './gitops-layout';
import { SecretsPlatformManifests } from './secrets-platform-manifests';

/** The `GitOpsSyncWaves` prop of each phase, for messages. */
const WAVE_PROPS: Readonly<Record<GitOpsPhase, string>> = {
  [GitOpsPhase.STORES]: 'stores', [GitOpsPhase.EXTERNAL_SECRETS]: 'externalSecrets', [GitOpsPhase.WORKLOADS]: 'workloads',
};

/** Props of {@link GitOpsClusterApp}. */
export interface GitOpsClusterAppProps extends Omit<AppProps, 'outdir' | 'yamlOutputType'> {
  /** The layout (shared with the Argo CD and Flux objects). */
  readonly layout: GitOpsLayout;
  /** The cluster this app renders. */
  readonly cluster: ClusterDeclaration;
  /**
   * The repository root on disk: the app writes `<repositoryDir>/<basePath>/<directory>/<phase>/<chart>.k8s.yaml`.
   * @default "dist/gitops"
   */
  readonly repositoryDir?: string;
}

/**
 * A cdk8s app for one cluster of a {@link GitOpsLayout}: its charts (a `SecretsPlatformManifests` for
 * this cluster, the workloads that mount the Secrets) are written to the cluster's directory, one
 * subdirectory per phase (`stores/`, `external-secrets/`, `workloads/`), one file per chart in each,
 * and every object gets the Argo CD sync wave of its phase. `synth()` replaces the three phase
 * directories (a removed object disappears from Git) and keeps an empty phase as a `.gitkeep`, so the
 * Flux Kustomization of that phase always finds its path.
 */
export class GitOpsClusterApp extends App {
  /** The layout. */
  public readonly layout: GitOpsLayout;
  /** The cluster. */
  public readonly cluster: ClusterDeclaration;
  private readonly entry: GitOpsClusterEntry;

  constructor(props: GitOpsClusterAppProps) {
    assertPropsObject('GitOpsClusterApp', props, 'GitOpsClusterAppProps');
    if (!(props.layout instanceof GitOpsLayout)) {
      assertShape('GitOpsClusterApp', '', props, { layout: { instance: GitOpsLayout, name: 'a GitOpsLayout' } });
    }
    const entry = props.layout.entry(props.cluster, 'GitOpsClusterApp', 'cluster');
    super({ ...props, outdir: join(props.repositoryDir ?? join('dist', 'gitops'), props.layout.basePath, entry.directory) });
    this.layout = props.layout;
    this.cluster = props.cluster;
    this.entry = entry;
  }

  /**
   * Writes the cluster's directory (after the same validation as `App.synth()`): each phase directory
   * is replaced, one `<chart>.k8s.yaml` per chart with objects in that phase, `.gitkeep` when none.
   */
  public override synth(): void {
    for (const [phase, files] of Object.entries(this.filesByPhase())) {
      const dir = join(this.outdir, phase);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      files.forEach(({ file, objects }) => Yaml.save(join(dir, file), objects));
      if (files.length === 0) {
        writeFileSync(join(dir, '.gitkeep'), '');
      }
    }
  }

  /** The objects of the app by phase, as `synth()` writes them (sync waves set, validated). */
  public objectsByPhase(): Record<GitOpsPhase, unknown[]> {
    const files = this.filesByPhase();
    return Object.fromEntries(GITOPS_PHASES.map((phase) => [phase, files[phase].flatMap((f) => f.objects)])) as Record<GitOpsPhase, unknown[]>;
  }

  private filesByPhase(): Record<GitOpsPhase, Array<{ readonly file: string; readonly objects: unknown[] }>> {
    this.checkClusters();
    this.assignSyncWaves();
    this.synthYaml(); // validates every construct and resolves dependencies, as App.synth() does
    const out = Object.fromEntries(GITOPS_PHASES.map((p) => [p, []])) as unknown as Record<GitOpsPhase, Array<{ file: string; objects: unknown[] }>>;
    for (const chart of this.charts) {
      const objects = chart.toJson() as Array<{ apiVersion: string; kind: string }>;
      for (const phase of GITOPS_PHASES) {
        const inPhase = objects.filter((o) => gitOpsPhaseOf(o.apiVersion, o.kind) === phase);
        if (inPhase.length > 0) {
          out[phase].push({ file: `${Names.toDnsLabel(chart)}${this.outputFileExtension}`, objects: inPhase });
        }
      }
    }
    return out;
  }

  /** A directory holds only its cluster's platform objects. */
  private checkClusters(): void {
    for (const platform of this.node.findAll().filter((c): c is SecretsPlatformManifests => c instanceof SecretsPlatformManifests)) {
      if (platform.cluster !== this.cluster) {
        throw otherClusterInDirectory(platform.node.path, platform.cluster.id, this.cluster.id);
      }
    }
  }

  /** Every object gets its phase's wave; a different wave set on the object is refused. */
  private assignSyncWaves(): void {
    for (const object of this.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)) {
      const phase = gitOpsPhaseOf(object.apiVersion, object.kind);
      const wave = String(this.layout.syncWave(phase));
      const annotations = (object.metadata.toJson() as { annotations?: Record<string, unknown> }).annotations ?? {};
      const current = annotations[SYNC_WAVE_ANNOTATION];
      if (current !== undefined && current !== wave) {
        throw syncWaveOutOfPhase(object.node.path, String(current), phase, Number(wave), WAVE_PROPS[phase]);
      }
      object.metadata.addAnnotation(SYNC_WAVE_ANNOTATION, wave);
    }
  }

  /** The cluster's directory name. */
  public get directory(): string {
    return this.entry.directory;
  }
}

/** The Git repository the cluster directories are committed to. */
export interface GitOpsRepository {
  /** Repository URL: `https://host/path`, `ssh://[user@]host[:port]/path` or `user@host:path` (no credentials). */
  readonly url: string;
  /**
   * Branch, tag or commit to deploy.
   * @default "HEAD"
   */
  readonly targetRevision?: string;
}

/** How {@link ArgoCdApplications} points Argo CD at the cluster directories. */
export enum ArgoCdApplicationMode {
  /** One ApplicationSet with a list generator: one element (directory, destination) per cluster. */
  APPLICATION_SET = 'ApplicationSet',
  /** One Application per cluster. */
  APPLICATION_PER_CLUSTER = 'Application',
}

/** Props of {@link ArgoCdApplications}. */
export interface ArgoCdApplicationsProps {
  /** The layout whose cluster directories to deploy (every cluster needs `argoCdDestination`). */
  readonly layout: GitOpsLayout;
  /** The repository holding the directories. */
  readonly repository: GitOpsRepository;
  /**
   * An ApplicationSet, or one Application per cluster.
   * @default ArgoCdApplicationMode.APPLICATION_SET
   */
  readonly mode?: ArgoCdApplicationMode;
  /**
   * Namespace of the Argo CD objects (where Argo CD runs).
   * @default "argocd"
   */
  readonly namespace?: string;
  /**
   * Argo CD project of the Applications.
   * @default "default"
   */
  readonly project?: string;
  /**
   * Prefix of the object names: Applications are `<namePrefix>-<directory>`, the ApplicationSet `<namePrefix>`.
   * @default - the declaration's name
   */
  readonly namePrefix?: string;
}

type Json = Record<string, unknown>;

/**
 * The prefix is a DNS label, and so is every name derived from it: Argo CD and Flux copy the object
 * name into a label value of everything they apply (at most 63 characters).
 */
function assertPrefix(path: string, prop: string, prefix: string, derived: readonly string[]): void {
  assertDnsLabel(path, prop, prefix);
  const tooLong = derived.find((name) => name.length > 63);
  if (tooLong !== undefined) {
    throw gitOpsNameTooLong(path, prop, prefix, tooLong);
  }
}

/**
 * Argo CD objects that deploy each cluster's directory of a {@link GitOpsLayout} to that cluster: one
 * ApplicationSet (list generator, Go templates, `missingkey=error`) or one Application per cluster,
 * each with the directory as a recursive directory source and automated sync (prune, self-heal). Inside
 * a directory, the layout's sync waves order stores before ExternalSecrets before workloads.
 */
export class ArgoCdApplications extends Construct {
  /** The emitted objects (Applications or ApplicationSets). */
  public readonly objects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: ArgoCdApplicationsProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'ArgoCdApplicationsProps');
    assertShape(this.node.path, '', props, {
      layout: { instance: GitOpsLayout, name: 'a GitOpsLayout' }, repository: 'object', 'mode?': { enum: ArgoCdApplicationMode, name: 'ArgoCdApplicationMode' },
      'namespace?': 'string', 'project?': 'string', 'namePrefix?': 'string',
    });
    const { layout } = props;
    assertRepositoryUrl(this.node.path, 'repository.url', props.repository.url);
    const revision = props.repository.targetRevision ?? 'HEAD';
    assertGitRevision(this.node.path, 'repository.targetRevision', revision);
    const namespace = props.namespace ?? 'argocd';
    assertDnsLabel(this.node.path, 'namespace', namespace);
    const project = props.project ?? 'default';
    assertDnsLabel(this.node.path, 'project', project);
    const prefix = props.namePrefix ?? layout.declaration.name;
    assertPrefix(this.node.path, 'namePrefix', prefix, layout.clusters.map((e) => `${prefix}-${e.directory}`));
    layout.clusters.forEach((entry, i) => {
      if (entry.argoCdDestination === undefined) {
        throw missingArgoCdDestination(layout.path, `clusters[${i}].argoCdDestination`, entry.cluster.id);
      }
    });
    const source = (path: string): Json => ({ repoURL: props.repository.url, targetRevision: revision, path, directory: { recurse: true } });
    const syncPolicy = { automated: { prune: true, selfHeal: true } };
    const destination = (entry: GitOpsClusterEntry): Json => entry.argoCdDestination!.server !== undefined
      ? { server: entry.argoCdDestination!.server } : { name: entry.argoCdDestination!.name };
    if ((props.mode ?? ArgoCdApplicationMode.APPLICATION_SET) === ArgoCdApplicationMode.APPLICATION_PER_CLUSTER) {
      this.objects = layout.clusters.map((entry) => new ApiObject(this, `Application-${entry.directory}`, {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        metadata: { name: `${prefix}-${entry.directory}`, namespace },
        spec: { project, source: source(layout.directoryOf(entry.cluster)), destination: destination(entry), syncPolicy },
      }));
      return;
    }
    // One ApplicationSet per destination form (a template names either server or name): the per-cluster
    // values travel as generator elements, never spliced into the template text.
    const groups: Array<[string, 'server' | 'name', GitOpsClusterEntry[]]> = [
      ['server', 'server', layout.clusters.filter((e) => e.argoCdDestination!.server !== undefined)],
      ['name', 'name', layout.clusters.filter((e) => e.argoCdDestination!.name !== undefined)],
    ];
    const used = groups.filter(([, , entries]) => entries.length > 0);
    this.objects = used.map(([suffix, field, entries]) => new ApiObject(this, `ApplicationSet-${suffix}`, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: { name: used.length > 1 ? `${prefix}-by-${suffix}` : prefix, namespace },
      spec: {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        generators: [{
          list: {
            elements: entries.map((entry) => ({
              name: `${prefix}-${entry.directory}`, path: layout.directoryOf(entry.cluster), destination: destination(entry)[field],
            })),
          },
        }],
        template: {
          metadata: { name: '{{.name}}' },
          spec: { project, source: source('{{.path}}'), destination: { [field]: '{{.destination}}' }, syncPolicy },
        },
      },
    }));
  }
}

/** Kinds of Flux sources a Kustomization can read (`spec.sourceRef.kind`). */
export enum FluxSourceKind {
  /** A `source.toolkit.fluxcd.io` GitRepository. */
  GIT_REPOSITORY = 'GitRepository',
  /** A `source.toolkit.fluxcd.io` OCIRepository. */
  OCI_REPOSITORY = 'OCIRepository',
  /** A `source.toolkit.fluxcd.io` Bucket. */
  BUCKET = 'Bucket',
}

/** The Flux source (defined by the user) holding the repository. */
export interface FluxSourceReference {
  /** Its kind. */
  readonly kind: FluxSourceKind;
  /** Its name. */
  readonly name: string;
  /**
   * Its namespace.
   * @default - the Kustomizations' namespace
   */
  readonly namespace?: string;
}

/** Props of {@link FluxKustomizations}. */
export interface FluxKustomizationsProps {
  /** The layout whose cluster directories to deploy. */
  readonly layout: GitOpsLayout;
  /** The Flux source holding the repository (a GitRepository or OCIRepository you define). */
  readonly sourceRef: FluxSourceReference;
  /**
   * Render only these clusters (for example the one cluster whose Flux reads this chart).
   * @default - every cluster of the layout
   */
  readonly clusters?: readonly ClusterDeclaration[];
  /**
   * Namespace of the Kustomizations.
   * @default "flux-system"
   */
  readonly namespace?: string;
  /**
   * Reconciliation interval.
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * Prefix of the Kustomization names (`<namePrefix>-<directory>-<phase>`).
   * @default - the declaration's name
   */
  readonly namePrefix?: string;
}

/**
 * Flux Kustomizations that apply each cluster's directory of a {@link GitOpsLayout} phase by phase:
 * `<prefix>-<directory>-stores`, then `-external-secrets` (`dependsOn` the stores), then `-workloads`
 * (`dependsOn` the ExternalSecrets), each with `wait: true` (a phase is ready only when all of its
 * objects are: stores Ready, ExternalSecrets synced) and `prune: true`. The CRD's default
 * (`force: false`) is written out, so the object in Git equals the one in the cluster.
 */
export class FluxKustomizations extends Construct {
  /** The emitted Kustomizations. */
  public readonly objects: readonly ApiObject[];

  constructor(scope: Construct, id: string, props: FluxKustomizationsProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'FluxKustomizationsProps');
    assertShape(this.node.path, '', props, {
      layout: { instance: GitOpsLayout, name: 'a GitOpsLayout' },
      sourceRef: { shape: { kind: { enum: FluxSourceKind, name: 'FluxSourceKind' }, name: 'string', 'namespace?': 'string' } },
      'clusters?': 'array', 'namespace?': 'string', 'interval?': { instance: Duration, name: 'a Duration' }, 'namePrefix?': 'string',
    });
    const { layout } = props;
    const namespace = props.namespace ?? 'flux-system';
    assertDnsLabel(this.node.path, 'namespace', namespace);
    assertDnsLabel(this.node.path, 'sourceRef.name', props.sourceRef.name);
    assertDnsLabel(this.node.path, 'sourceRef.namespace', props.sourceRef.namespace);
    const interval = props.interval ?? Duration.minutes(10);
    interval.assertValid(this.node.path, 'interval', { min: Duration.seconds(1), allowZero: false });
    const prefix = props.namePrefix ?? layout.declaration.name;
    const entries = props.clusters === undefined ? layout.clusters
      : props.clusters.map((cluster, i) => layout.entry(cluster, this.node.path, `clusters[${i}]`));
    assertPrefix(this.node.path, 'namePrefix', prefix, entries.flatMap((e) => GITOPS_PHASES.map((p) => `${prefix}-${e.directory}-${p}`)));
    const sourceRef = { kind: props.sourceRef.kind, name: props.sourceRef.name, namespace: props.sourceRef.namespace };
    this.objects = entries.flatMap((entry) => GITOPS_PHASES.map((phase, i) => new ApiObject(this, `${entry.directory}-${phase}`, {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: `${prefix}-${entry.directory}-${phase}`, namespace },
      spec: {
        dependsOn: i > 0 ? [{ name: `${prefix}-${entry.directory}-${GITOPS_PHASES[i - 1]}` }] : undefined,
        interval: interval.toGoString(),
        path: `./${layout.phaseDirectoryOf(entry.cluster, phase)}`,
        prune: true,
        wait: true,
        force: false,
        sourceRef,
        kubeConfig: entry.fluxKubeConfigSecret !== undefined ? { secretRef: { name: entry.fluxKubeConfigSecret } } : undefined,
      },
    })));
  }
}
