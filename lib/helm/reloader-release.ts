import { Release } from '@cdktf/provider-helm/lib/release';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import {
  mutuallyExclusive, reloaderNamespacesWithWatchGlobally, reloaderReplicasWithoutHa,
  reloaderSelectorWithoutWatchGlobally, reloaderSyncAfterRestartWithoutReloadOnCreate,
} from '../core/errors';
import { assertDnsLabel, assertDnsSubdomain, assertPropsObject } from '../core/validation';
import { RELOADER_CHART } from './charts';
import { checkWorkloadHardening } from '../core/invariants/output';
import { createRelease } from './private/release';
import {
  checkCount, renderContainerSecurityContext, renderPodSecurityContext, renderResources, ValueTree,
} from './private/values';
import { HelmReleaseOptions } from './release-options';
import { ReloaderHelmValues, ReloadStrategy } from './reloader-values';

/** Props of {@link ReloaderHelmRelease}. */
export interface ReloaderHelmReleaseProps extends HelmReleaseOptions {
  /**
   * Helm release name (at most 53 characters).
   * @default "reloader"
   */
  readonly releaseName?: string;
  /**
   * Namespace to install into (a DNS-1123 label).
   * @default "reloader"
   */
  readonly namespace?: string;
  /**
   * Typed chart values.
   * @default - chart defaults, except `reloadStrategy: annotations` and `reloadOnCreate: true`
   */
  readonly values?: ReloaderHelmValues;
}

/**
 * Stakater Reloader, installed with Helm (`helm_release` of chart `reloader` 2.2.16, pinned) with
 * typed values and ESO-friendly defaults: `reloadStrategy: annotations` (no GitOps drift) and
 * `reloadOnCreate: true` (Secrets ESO deletes and recreates are noticed).
 *
 * Reloader does not need the ESO CRDs, so it does not depend on the ESO release: install both in
 * the same stack and they roll out in parallel. Workloads opt in with Reloader annotations (see the
 * cdk8s side of this library).
 */
export class ReloaderHelmRelease extends Construct implements ITerraformDependable {
  /** The `helm_release` resource. */
  public readonly release: Release;
  /** The Helm release name. */
  public readonly releaseName: string;
  /** The namespace Reloader runs in. */
  public readonly namespace: string;
  /** The installed chart version. */
  public readonly chartVersion: string;
  /** The values given to Helm (typed values merged with `extraValues`), before token resolution. */
  public readonly renderedValues: { [key: string]: unknown };

  constructor(scope: Construct, id: string, props: ReloaderHelmReleaseProps = {}) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'ReloaderHelmReleaseProps');
    this.releaseName = props.releaseName ?? 'reloader';
    this.namespace = props.namespace ?? 'reloader';
    assertDnsLabel(this.node.path, 'namespace', this.namespace);
    const created = createRelease(this, {
      chart: RELOADER_CHART,
      releaseName: this.releaseName,
      namespace: this.namespace,
      options: props,
      typedValues: renderReloaderValues(this.node.path, props.values ?? {}),
      hardening: checkWorkloadHardening,
    });
    this.release = created.release;
    this.chartVersion = created.chartVersion;
    this.renderedValues = created.values;
  }

  /** The `helm_release` address, so the construct itself can be used in `dependsOn`. */
  public get fqn(): string {
    return this.release.fqn;
  }
}

function joinList(list: string[] | undefined): string | undefined {
  return list === undefined || list.length === 0 ? undefined : list.join(',');
}

function renderReloaderValues(path: string, v: ReloaderHelmValues): ValueTree {
  if (v.ignoreSecrets === true && v.ignoreConfigMaps === true) {
    throw mutuallyExclusive(path, 'values.ignoreSecrets', true, 'values.ignoreConfigMaps',
      'Reloader can ignore Secrets or ConfigMaps, not both: keep ignoreSecrets false next to ESO');
  }
  const replicas = checkCount(path, 'values.replicas', v.replicas, 0);
  if (replicas !== undefined && replicas > 1 && v.enableHA !== true) {
    throw reloaderReplicasWithoutHa(path, 'values.replicas', replicas);
  }
  const namespaces = v.namespaces ?? [];
  for (const [i, ns] of namespaces.entries()) {
    assertDnsLabel(path, `values.namespaces[${i}]`, ns);
  }
  for (const [i, ns] of (v.ignoreNamespaces ?? []).entries()) {
    assertDnsLabel(path, `values.ignoreNamespaces[${i}]`, ns);
  }
  if (namespaces.length > 0 && v.watchGlobally === true) {
    throw reloaderNamespacesWithWatchGlobally(path, 'values.namespaces', namespaces);
  }
  const watchGlobally = v.watchGlobally ?? (namespaces.length > 0 ? false : undefined);
  const namespaceSelector = joinList(v.namespaceSelector);
  if (namespaceSelector !== undefined && watchGlobally === false) {
    throw reloaderSelectorWithoutWatchGlobally(path, 'values.namespaceSelector', namespaceSelector);
  }
  const reloadOnCreate = v.reloadOnCreate ?? true;
  if (v.syncAfterRestart === true && !reloadOnCreate) {
    throw reloaderSyncAfterRestartWithoutReloadOnCreate(path, 'values.syncAfterRestart', true);
  }
  for (const [i, name] of (v.imagePullSecrets ?? []).entries()) {
    assertDnsSubdomain(path, `values.imagePullSecrets[${i}]`, name);
  }
  const image = v.image?._resolve(path, 'values.image');

  return {
    image: image === undefined ? undefined : {
      repository: image.repository,
      tag: image.tag,
      digest: image.digest,
      pullPolicy: image.pullPolicy,
    },
    global: {
      imagePullSecrets: v.imagePullSecrets?.map((name) => ({ name })),
    },
    reloader: {
      watchGlobally,
      namespaces: namespaces.length > 0 ? [...namespaces] : undefined,
      namespaceSelector,
      ignoreNamespaces: joinList(v.ignoreNamespaces),
      resourceLabelSelector: joinList(v.resourceLabelSelector),
      reloadStrategy: v.reloadStrategy ?? ReloadStrategy.ANNOTATIONS,
      reloadOnCreate,
      reloadOnDelete: v.reloadOnDelete,
      syncAfterRestart: v.syncAfterRestart,
      ignoreSecrets: v.ignoreSecrets,
      ignoreConfigMaps: v.ignoreConfigMaps,
      ignoreJobs: v.ignoreJobs,
      ignoreCronJobs: v.ignoreCronJobs,
      autoReloadAll: v.autoReloadAll,
      enableHA: v.enableHA,
      readOnlyRootFileSystem: v.readOnlyRootFileSystem,
      logFormat: v.logFormat,
      logLevel: v.logLevel,
      deployment: {
        replicas,
        resources: renderResources(path, 'values.resources', v.resources),
        securityContext: renderPodSecurityContext(path, 'values.podSecurityContext', v.podSecurityContext),
        containerSecurityContext: renderContainerSecurityContext(path, 'values.containerSecurityContext',
          v.containerSecurityContext),
      },
    },
  };
}
