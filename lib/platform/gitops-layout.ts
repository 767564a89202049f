/**
 * The per-cluster GitOps layout (engine-free): where each cluster's objects live in the repository,
 * in which phase (stores, ExternalSecrets, workloads) and sync wave, and where Argo CD sends them.
 * `GitOpsClusterApp` writes the directories, `ArgoCdApplications` and `FluxKustomizations` point the
 * engines at them (`gitops.ts`).
 */
import { ClusterDeclaration, SecretsDeclaration } from '../core/declaration';
import {
  duplicateValue, gitOpsClusterMissing, gitOpsClusterNotDeclared, invalidArgoCdClusterName, invalidGitOpsBasePath, invalidGitOpsDirectory,
  suggestDnsName, unorderedSyncWaves,
} from '../core/errors';
import { assertDeclaration, assertDnsSubdomain, assertPropsObject, assertShape, assertType, assertUrl, isDnsLabel } from '../core/validation';

/** The phases of a cluster's directory, applied in this order. */
export enum GitOpsPhase {
  /** Namespaces, service accounts, RBAC, SecretStores, ClusterSecretStores and generators. */
  STORES = 'stores',
  /** ExternalSecrets, ClusterExternalSecrets, PushSecrets and ClusterPushSecrets. */
  EXTERNAL_SECRETS = 'external-secrets',
  /** Everything else: the workloads that mount the Secrets (Reloader-wired Deployments and the like). */
  WORKLOADS = 'workloads',
}

/** The phases in apply order. */
export const GITOPS_PHASES: readonly GitOpsPhase[] = [GitOpsPhase.STORES, GitOpsPhase.EXTERNAL_SECRETS, GitOpsPhase.WORKLOADS];

const STORE_KINDS = new Set(['Namespace', 'ServiceAccount', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']);
const ESO_STORE_KINDS = new Set(['SecretStore', 'ClusterSecretStore']);
const ESO_SECRET_KINDS = new Set(['ExternalSecret', 'ClusterExternalSecret', 'PushSecret', 'ClusterPushSecret']);

/**
 * The phase of an object, from its `apiVersion` and `kind`: stores (and what they need: namespaces,
 * service accounts, RBAC, ESO generators), then ESO's secret kinds, then everything else.
 */
export function gitOpsPhaseOf(apiVersion: string, kind: string): GitOpsPhase {
  const slash = apiVersion.lastIndexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const core = group === '' || group === 'rbac.authorization.k8s.io';
  if (core && STORE_KINDS.has(kind)) {
    return GitOpsPhase.STORES;
  }
  if (group === 'generators.external-secrets.io' || group === 'external-secrets.io' && ESO_STORE_KINDS.has(kind)) {
    return GitOpsPhase.STORES;
  }
  if (group === 'external-secrets.io' && ESO_SECRET_KINDS.has(kind)) {
    return GitOpsPhase.EXTERNAL_SECRETS;
  }
  return GitOpsPhase.WORKLOADS;
}

/** Argo CD sync waves of the phases. */
export interface GitOpsSyncWaves {
  /**
   * Wave of the stores phase.
   * @default 1
   */
  readonly stores?: number;
  /**
   * Wave of the ExternalSecrets phase.
   * @default 2
   */
  readonly externalSecrets?: number;
  /**
   * Wave of the workloads phase.
   * @default 3
   */
  readonly workloads?: number;
}

/** Where Argo CD deploys a cluster's directory: an API server URL or a cluster name registered in Argo CD. */
export class ArgoCdDestination {
  /**
   * The cluster's API server URL (`spec.destination.server`), as registered in Argo CD;
   * `https://kubernetes.default.svc` is the cluster Argo CD runs in.
   */
  public static server(url: string): ArgoCdDestination {
    return new ArgoCdDestination(url, undefined);
  }

  /** The name of a cluster registered in Argo CD (`spec.destination.name`). */
  public static clusterName(name: string): ArgoCdDestination {
    return new ArgoCdDestination(undefined, name);
  }

  private constructor(
    /** The API server URL, when given by URL. */
    public readonly server: string | undefined,
    /** The Argo CD cluster name, when given by name. */
    public readonly name: string | undefined,
  ) {}
}

/** One cluster of a {@link GitOpsLayout}. */
export interface GitOpsClusterOptions {
  /** The cluster (declared in the layout's declaration). */
  readonly cluster: ClusterDeclaration;
  /**
   * The cluster's directory under `basePath` (one path segment).
   * @default - the cluster's declaration id
   */
  readonly directory?: string;
  /**
   * Where Argo CD deploys this cluster's directory.
   * @default - none: `ArgoCdApplications` refuses the layout (Flux needs no destination)
   */
  readonly argoCdDestination?: ArgoCdDestination;
  /**
   * Flux on a management cluster: the Secret (in the Kustomizations' namespace) holding this cluster's
   * kubeconfig (`spec.kubeConfig.secretRef.name`).
   * @default - none: the Kustomizations apply to the cluster Flux runs in
   */
  readonly fluxKubeConfigSecret?: string;
}

/** Props of {@link GitOpsLayout}. */
export interface GitOpsLayoutProps {
  /** The declaration whose clusters are laid out. */
  readonly declaration: SecretsDeclaration;
  /** Every cluster of the declaration, once. */
  readonly clusters: readonly GitOpsClusterOptions[];
  /**
   * The directory holding the cluster directories, relative to the repository root.
   * @default "clusters"
   */
  readonly basePath?: string;
  /**
   * Argo CD sync waves of the phases (strictly increasing).
   * @default { stores: 1, externalSecrets: 2, workloads: 3 }
   */
  readonly syncWaves?: GitOpsSyncWaves;
}

/** A resolved cluster entry of the layout. */
export interface GitOpsClusterEntry {
  /** The cluster. */
  readonly cluster: ClusterDeclaration;
  /** Its directory name (one segment). */
  readonly directory: string;
  /** Its Argo CD destination, if given. */
  readonly argoCdDestination?: ArgoCdDestination;
  /** Its Flux kubeconfig Secret, if given. */
  readonly fluxKubeConfigSecret?: string;
}

const PATH_SEGMENT = /^[A-Za-z0-9._-]+$/;
const ARGO_CLUSTER_NAME = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,251}[A-Za-z0-9])?$/;

/**
 * One directory per cluster of a declaration: `<basePath>/<directory>/<phase>/`, with the sync wave of
 * each phase. Shared by the writer of the directories ({@link GitOpsClusterApp}) and the objects that
 * point the GitOps engines at them ({@link ArgoCdApplications}, {@link FluxKustomizations}), so the
 * paths and waves agree by construction.
 */
export class GitOpsLayout {
  /** The path errors name: `<declaration>/gitops`. */
  public readonly path: string;
  /** The declaration. */
  public readonly declaration: SecretsDeclaration;
  /** The directory of the cluster directories, relative to the repository root. */
  public readonly basePath: string;
  /** One entry per cluster, in declaration order. */
  public readonly clusters: readonly GitOpsClusterEntry[];
  private readonly waves: Readonly<Record<GitOpsPhase, number>>;

  constructor(props: GitOpsLayoutProps) {
    assertPropsObject('GitOpsLayout', props, 'GitOpsLayoutProps');
    assertDeclaration('GitOpsLayout', props.declaration);
    this.declaration = props.declaration;
    this.path = `${props.declaration.name}/gitops`;
    assertShape(this.path, '', props, { 'clusters': 'array', 'basePath?': 'string', 'syncWaves?': 'object' });
    this.basePath = props.basePath ?? 'clusters';
    const segments = this.basePath.split('/');
    if (!segments.every((s) => PATH_SEGMENT.test(s) && s !== '.' && s !== '..')) {
      throw invalidGitOpsBasePath(this.path, this.basePath);
    }
    this.waves = this.orderedWaves(props.syncWaves ?? {});
    this.clusters = this.entries(props);
  }

  /** The wave of a phase. */
  public syncWave(phase: GitOpsPhase): number {
    return this.waves[phase];
  }

  /** The entry of a cluster (throws the library's error for a cluster the layout does not hold). */
  public entry(cluster: ClusterDeclaration, path: string = this.path, prop = 'cluster'): GitOpsClusterEntry {
    const found = this.clusters.find((e) => e.cluster === cluster);
    if (!found) {
      throw gitOpsClusterNotDeclared(path, prop, typeof (cluster as { id?: unknown } | undefined)?.id === 'string' ? cluster.id : cluster);
    }
    return found;
  }

  /** A cluster's directory relative to the repository root (`clusters/blue`). */
  public directoryOf(cluster: ClusterDeclaration): string {
    return `${this.basePath}/${this.entry(cluster).directory}`;
  }

  /** A phase's directory of a cluster relative to the repository root (`clusters/blue/stores`). */
  public phaseDirectoryOf(cluster: ClusterDeclaration, phase: GitOpsPhase): string {
    return `${this.directoryOf(cluster)}/${phase}`;
  }

  private orderedWaves(waves: GitOpsSyncWaves): Record<GitOpsPhase, number> {
    assertShape(this.path, 'syncWaves', waves, { 'stores?': 'number', 'externalSecrets?': 'number', 'workloads?': 'number' });
    const ordered = { stores: waves.stores ?? 1, externalSecrets: waves.externalSecrets ?? 2, workloads: waves.workloads ?? 3 };
    const values = [ordered.stores, ordered.externalSecrets, ordered.workloads];
    if (!values.every(Number.isSafeInteger) || !(values[0] < values[1] && values[1] < values[2])) {
      throw unorderedSyncWaves(this.path, ordered);
    }
    return { [GitOpsPhase.STORES]: ordered.stores, [GitOpsPhase.EXTERNAL_SECRETS]: ordered.externalSecrets, [GitOpsPhase.WORKLOADS]: ordered.workloads };
  }

  private entries(props: GitOpsLayoutProps): GitOpsClusterEntry[] {
    const declared = props.declaration.clusters;
    const byCluster = new Map<ClusterDeclaration, number>();
    const byDirectory = new Map<string, number>();
    const entries = props.clusters.map((options, i) => {
      const prop = `clusters[${i}]`;
      assertShape(this.path, prop, options, {
        'cluster': 'object', 'directory?': 'string', 'fluxKubeConfigSecret?': 'string',
        'argoCdDestination?': { instance: ArgoCdDestination, name: 'ArgoCdDestination.server() or ArgoCdDestination.clusterName()' },
      });
      if (!declared.includes(options.cluster)) {
        throw gitOpsClusterNotDeclared(this.path, `${prop}.cluster`, typeof options.cluster.id === 'string' ? options.cluster.id : options.cluster);
      }
      const first = byCluster.get(options.cluster);
      if (first !== undefined) {
        throw duplicateValue(this.path, `${prop}.cluster`, options.cluster.id, `clusters[${first}].cluster`, 'list each cluster once');
      }
      byCluster.set(options.cluster, i);
      const directory = options.directory ?? options.cluster.id;
      if (!isDnsLabel(directory)) {
        throw invalidGitOpsDirectory(this.path, options.directory === undefined ? `${prop}.cluster.id` : `${prop}.directory`, directory, isDnsLabel(options.cluster.id) ? options.cluster.id : suggestDnsName(directory.replace(/\./g, '-'), 63));
      }
      const sameDirectory = byDirectory.get(directory);
      if (sameDirectory !== undefined) {
        throw duplicateValue(this.path, `${prop}.directory`, directory, `clusters[${sameDirectory}].directory`,
          'give each cluster its own directory (two clusters in one directory would each apply the other\'s objects)');
      }
      byDirectory.set(directory, i);
      if (options.argoCdDestination !== undefined) {
        assertArgoCdDestination(this.path, `${prop}.argoCdDestination`, options.argoCdDestination);
      }
      assertDnsSubdomain(this.path, `${prop}.fluxKubeConfigSecret`, options.fluxKubeConfigSecret);
      return { cluster: options.cluster, directory, argoCdDestination: options.argoCdDestination, fluxKubeConfigSecret: options.fluxKubeConfigSecret };
    });
    const missing = declared.find((c) => !byCluster.has(c));
    if (missing) {
      throw gitOpsClusterMissing(this.path, missing.id, entries.map((e) => e.cluster.id));
    }
    return entries;
  }
}

function assertArgoCdDestination(path: string, prop: string, destination: ArgoCdDestination): void {
  if (destination.server !== undefined) {
    assertUrl(path, `${prop}.server`, destination.server, { schemes: ['https'], what: 'an API server URL' });
  } else {
    assertType(path, `${prop}.name`, destination.name, 'string');
    if (!ARGO_CLUSTER_NAME.test(destination.name!)) {
      throw invalidArgoCdClusterName(path, `${prop}.name`, destination.name!);
    }
  }
}
