// Internal: builds the helm_release resource shared by the ESO and Reloader constructs.
import { Release } from '@cdktf/provider-helm/lib/release';
import { dependable, TerraformDataSource, TerraformModule, TerraformResource } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { assertDuration, Duration } from '../../core/duration';
import { chartValuesRejected, credentialInExtraValues, missingAcknowledgementReason } from '../../core/errors';
import { checkChartValues } from '../../validation/chart-values';
import { assertDnsLabel, assertShape, assertType, escapeTerraformText } from '../../core/validation';
import type { Acknowledgement } from '../../core/invariants/acknowledgements';
import {
  checkOutputAcknowledgements, checkPrivateKeyMaterial, checkSecretMaterial, describeAcknowledged, enforceOutputRules, OUTPUT_RULES, OutputFinding,
} from '../../core/invariants/output';
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
  /** The chart's hardening check over the merged values (output rules). */
  readonly hardening: (path: string, values: ValueTree, prop: string) => OutputFinding[];
  /** Acknowledgements the construct adds itself (a typed opt-in such as Vault's `allowInsecureHttp`). */
  readonly implicitAcknowledgements?: readonly Acknowledgement[];
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
  assertDuration(path, 'timeout', options.timeout, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
  const timeout = options.timeout ?? Duration.minutes(10);
  if (options.extraValues !== undefined) {
    assertType(path, 'extraValues', options.extraValues, 'object');
    const ack = options.acknowledgeExtraValues;
    if (ack !== undefined) {
      assertShape(path, 'acknowledgeExtraValues', ack, { keys: 'stringArray', reason: 'string' });
      if (ack.reason.trim().length === 0) {
        throw missingAcknowledgementReason(path, 'acknowledgeExtraValues.reason');
      }
    }
    const credential = findCredentialKey(options.extraValues, 'extraValues', ack?.keys ?? []);
    if (credential !== undefined) {
      throw credentialInExtraValues(path, credential);
    }
  }

  const values = deepMerge(prune(input.typedValues) as ValueTree, options.extraValues ?? {});
  // Helm checks the chart's values.schema.json at install: the pinned chart's schema is checked here.
  const problems = checkChartValues({ name: chart.name, version: chartVersion }, values);
  if (problems !== undefined && problems.length > 0) {
    throw chartValuesRejected(path, options.extraValues !== undefined ? 'extraValues' : 'values', `${chart.name} ${chartVersion}`, problems);
  }
  // Output rules: the merged values must not undo the hardening nor carry a credential (state is plain text).
  const blamed = options.extraValues !== undefined ? 'extraValues' : 'values';
  const acknowledgements = [...checkOutputAcknowledgements(path, options.acknowledgements, OUTPUT_RULES), ...input.implicitAcknowledgements ?? []];
  const audit = enforceOutputRules([
    ...input.hardening(path, values, blamed),
    ...checkSecretMaterial(path, options.extraValues ?? {}, 'extraValues'),
    ...checkPrivateKeyMaterial(path, values, blamed),
  ], acknowledgements);
  const acknowledged = describeAcknowledged(audit);
  const release = new Release(scope, 'Resource', {
    ...(acknowledged.length > 0 ? { description: escapeTerraformText(`Acknowledged: ${acknowledged.join('; ')}`) } : {}),
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
    values: [escapeTerraformText(renderValuesDocument(values))],
    provider: options.provider,
  });
  return { release, values, chartVersion };
}

const CREDENTIAL_KEY = /(^|[-_.])(aws_?)?(secret_?access_?key|access_?key(_?id)?|secret_?key|password|passwd|pwd|token|api_?key|client_?secret|private_?key|credentials?|connection_?string|sas_?key)$/i;

/** The dotted path of the first credential-looking key with a literal value, not acknowledged. */
function findCredentialKey(value: unknown, prefix: string, acknowledged: readonly string[]): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i] as unknown;
      // `env: [{ name: 'AWS_SECRET_ACCESS_KEY', value: '...' }]`: the name is the key.
      if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string'
        && typeof (item as { value?: unknown }).value === 'string' && (item as { value: string }).value !== ''
        && CREDENTIAL_KEY.test((item as { name: string }).name.replace(/([a-z])([A-Z])/g, '$1_$2'))
        && !acknowledged.includes(`${prefix.replace(/^extraValues\.?/, '')}[${i}]`) && !acknowledged.includes((item as { name: string }).name)) {
        return `${prefix}[${i}].value`;
      }
      const inner = findCredentialKey(item, `${prefix}[${i}]`, acknowledged);
      if (inner !== undefined) {
        return inner;
      }
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object') {
    return undefined;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const path = `${prefix}.${key}`;
    const relative = path.replace(/^extraValues\./, '');
    if (acknowledged.includes(relative)) {
      continue;
    }
    if ((typeof v === 'string' && v !== '' || typeof v === 'number') && CREDENTIAL_KEY.test(key.replace(/([a-z])([A-Z])/g, '$1_$2'))) {
      return path;
    }
    const inner = findCredentialKey(v, path, acknowledged);
    if (inner !== undefined) {
      return inner;
    }
  }
  return undefined;
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
