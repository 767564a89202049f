// Internal: builds the helm_release resource shared by the ESO and Reloader constructs.
import { Release } from '@cdktf/provider-helm/lib/release';
import { dependable, TerraformDataSource, TerraformModule, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { Duration } from '../../core/duration';
import { assertDnsLabel } from '../../core/validation';
import { PinnedChart } from '../charts';
import { HelmReleaseOptions } from '../release-options';
import {
  assertChartVersion, assertReleaseName, checkCount, deepMerge, prune, renderValuesDocument, ValueTree,
} from './values';

/** What a release construct passes to {@link createRelease}. */
export interface CreateReleaseInput {
  readonly chart: PinnedChart;
  readonly releaseName: string;
  readonly namespace: string;
  readonly options: HelmReleaseOptions;
  readonly typedValues: ValueTree;
}

/** The created resource plus the values it was given. */
export interface CreatedRelease {
  readonly release: Release;
  readonly values: ValueTree;
  readonly chartVersion: string;
}

/** Validates the install options and creates the `helm_release` under `scope` with id `Resource`. */
export function createRelease(scope: Construct, input: CreateReleaseInput): CreatedRelease {
  const path = scope.node.path;
  const { chart, releaseName, namespace, options } = input;
  assertReleaseName(path, 'releaseName', releaseName);
  assertDnsLabel(path, 'namespace', namespace);
  const chartVersion = options.unsupportedChartVersionOverride ?? chart.version;
  assertChartVersion(path, 'unsupportedChartVersionOverride', chartVersion);
  const maxHistory = checkCount(path, 'maxHistory', options.maxHistory, 0) ?? 10;
  const timeout = options.timeout ?? Duration.minutes(10);

  const values = deepMerge(prune(input.typedValues) as ValueTree, options.extraValues ?? {});
  const release = new Release(scope, 'Resource', {
    name: releaseName,
    namespace,
    createNamespace: options.createNamespace ?? true,
    chart: chart.name,
    repository: options.repository ?? chart.repository,
    version: chartVersion,
    atomic: options.atomic ?? true,
    wait: options.wait ?? true,
    cleanupOnFail: options.cleanupOnFail ?? true,
    timeout: Math.ceil(timeout.toSeconds()),
    maxHistory,
    values: [renderValuesDocument(values)],
    provider: options.provider,
  });
  return { release, values, chartVersion };
}

const DEPENDABLE_REFS = new WeakMap<TerraformResource, string>();

/**
 * Adds `depends_on` on `release` to every Terraform resource, data source and module inside each
 * target (a target may be a single resource or any construct containing several).
 */
export function addDependsOn(release: TerraformResource, targets: IConstruct[]): void {
  // dependable() mints a new token on every call: reuse one per release so repeats deduplicate.
  const ref = DEPENDABLE_REFS.get(release) ?? dependable(release);
  DEPENDABLE_REFS.set(release, ref);
  for (const target of targets) {
    for (const node of target.node.findAll()) {
      if (node === release) {
        continue;
      }
      if (node instanceof TerraformResource || node instanceof TerraformDataSource || node instanceof TerraformModule) {
        const current = node.dependsOn ?? [];
        if (!current.includes(ref)) {
          node.dependsOn = [...current, ref];
        }
      }
    }
  }
}
