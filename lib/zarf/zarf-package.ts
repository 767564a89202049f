import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { assertDnsLabel, assertShape, assertType } from '../core/validation';
import {
  airGapPullSecret, chartValuesRejected, duplicateZarfName, emptyCollection, invalidString, emptyZarfPackage, invalidZarfName, missingZarfVersion, zarfValuesWithToken,
} from '../core/errors';
import type { Acknowledgement } from '../core/invariants/acknowledgements';
import {
  checkImagePinning, checkManifestSecretMaterial, checkOutputAcknowledgements, checkPrivateKeyMaterial, checkSecretMaterial, checkWorkloadHardening,
  describeAcknowledged, enforceOutputRules, OUTPUT_RULES,
} from '../core/invariants/output';
import { checkChartValues } from '../validation/chart-values';
import { ZarfHelmChart } from './zarf-helm-chart';
import { ZarfManifests } from './zarf-manifests';

/** Props of {@link ZarfPackage}. */
export interface ZarfPackageProps {
  /** Package name (`metadata.name`, `^[a-z0-9][a-z0-9-]*$`). */
  readonly name: string;
  /** Package version (`metadata.version`). */
  readonly version: string;
  /**
   * Description (`metadata.description`).
   * @default - none
   */
  readonly description?: string;
  /**
   * Target cluster architecture (`metadata.architecture`, e.g. `amd64`).
   * @default - chosen by `zarf package create`
   */
  readonly architecture?: string;
  /**
   * Helm charts: one required component each, with the chart pinned and every image it pulls.
   * @default - none
   */
  readonly charts?: ZarfHelmChart[];
  /**
   * Manifest collections: one required component each, deployed after the charts (Zarf deploys
   * components in order, so the ESO CRDs exist before the stores and ExternalSecrets).
   * @default - none
   */
  readonly manifests?: ZarfManifests[];
  /**
   * Acknowledged exceptions to the output rules run over the package (`CES-HARD-1`/`2` on chart values,
   * `CES-HARD-6` mutable image tags, `CES-SM-2` credentials in values and manifests; ids in
   * lib/core/invariants/README.md), each with a reason of at least 10 characters and optionally the
   * subjects it covers (an image reference, a values path). Acknowledged findings are listed in
   * `metadata.description` of `zarf.yaml`.
   * @default - none: every finding fails
   */
  readonly acknowledgements?: Acknowledgement[];
}

const NAME = /^[a-z0-9][a-z0-9-]*$/;
const TOKEN = /\$\{TfToken\[/;

function findToken(value: unknown, at: string): string | undefined {
  if (typeof value === 'string') return TOKEN.test(value) ? at : undefined;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findToken(v, `${at}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findToken(v, `${at}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The first `imagePullSecrets` list with entries in chart values, as a values path. */
function findPullSecrets(value: unknown, at: string): { path: string; value: unknown } | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'imagePullSecrets' && Array.isArray(v) && v.length > 0) return { path: `${at}.${k}`, value: v };
    const found = Array.isArray(value) ? undefined : findPullSecrets(v, `${at}.${k}`);
    if (found) return found;
  }
  return undefined;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().filter((k) => (value as { [k: string]: unknown })[k] !== undefined)
      .map((k) => [k, sortKeys((value as { [k: string]: unknown })[k])]));
  }
  return value;
}

/**
 * A Zarf package (`zarf.yaml`, kind `ZarfPackageConfig`, Zarf 0.84 schema) for air-gapped delivery,
 * for example onto UDS Core: the ESO and Reloader charts pinned (url, name, version, namespace,
 * values file from the typed values), every image the charts pull listed (pinned by tag or digest,
 * derived from the chart defaults and the image overrides), and the cluster-side manifests as a
 * component.
 *
 * Engine-free: charts come from values or from the releases' `renderedValues` (structurally), so
 * no cdktf is loaded; manifests from objects (a cdk8s chart's `toJson()`) or synthesized files.
 *
 * @see https://docs.zarf.dev/ref/packages/
 */
export class ZarfPackage {
  /** Package name. */
  public readonly name: string;
  /** Package version (the `ref` a UDS bundle deploys it by). */
  public readonly version: string;
  /** Every image the package carries, sorted. */
  public readonly images: string[];

  private readonly props: ZarfPackageProps;
  private readonly acknowledged: readonly string[];
  private readonly path: string;

  constructor(props: ZarfPackageProps) {
    this.path = `ZarfPackage ${typeof props?.name === 'string' ? props.name : ''}`.trim();
    if (typeof props?.name !== 'string' || !NAME.test(props.name)) {
      throw invalidZarfName(this.path, 'name', props?.name);
    }
    if (typeof props.version !== 'string' || props.version.trim() === '') {
      throw missingZarfVersion(this.path, props.version);
    }
    assertShape(this.path, '', props, {
      'description?': 'string', 'architecture?': 'string',
      'charts?': { arrayOf: { instance: ZarfHelmChart, name: 'a ZarfHelmChart (ZarfHelmChart.externalSecrets(), reloader() or from...Release())' } },
      'manifests?': { arrayOf: { instance: ZarfManifests, name: 'a ZarfManifests (ZarfManifests.fromObjects() or fromFiles())' } },
    });
    const charts = props.charts ?? [];
    const manifests = props.manifests ?? [];
    if (charts.length === 0 && manifests.length === 0) {
      throw emptyZarfPackage(this.path);
    }
    const names = new Set<string>();
    const claim = (prop: string, name: string): void => {
      if (!NAME.test(name)) throw invalidZarfName(this.path, prop, name);
      if (names.has(name)) throw duplicateZarfName(this.path, prop, name);
      names.add(name);
    };
    charts.forEach((c, i) => {
      claim(`charts[${i}].releaseName`, c.releaseName);
      assertDnsLabel(this.path, `charts[${i}].namespace`, c.namespace);
      assertType(this.path, `charts[${i}].values`, c.values, 'object');
      const token = findToken(c.values, 'values');
      if (token) throw zarfValuesWithToken(this.path, `charts[${i}].${token}`);
      // Zarf's agent supplies the pull secret of the cluster's registry; a connected cluster's does not exist here.
      const pullSecrets = findPullSecrets(c.values, 'values');
      if (pullSecrets) throw airGapPullSecret(this.path, `charts[${i}].${pullSecrets.path}`, pullSecrets.value);
      // Zarf deploys the chart with Helm, which checks the chart's values.schema.json.
      const problems = checkChartValues(c.chart, c.values) ?? [];
      if (problems.length > 0) throw chartValuesRejected(this.path, `charts[${i}].values`, `${c.chart.name} ${c.chart.version}`, problems);
    });
    manifests.forEach((m, i) => {
      claim(`manifests[${i}].name`, m.name);
      assertDnsLabel(this.path, `manifests[${i}].namespace`, m.namespace);
      if (m.objects !== undefined && m.objects.length === 0 || m.files !== undefined && m.files.length === 0) {
        throw emptyCollection(this.path, `manifests[${i}]`, [], 'at least one object or file (an empty collection deploys nothing)', 'pass the objects of chart.toJson(), or the synthesized YAML files');
      }
      (m.files ?? []).forEach((file, j) => {
        if (typeof file !== 'string' || file.trim() === '') {
          throw invalidString(this.path, `manifests[${i}].files[${j}]`, String(file), 'a path of a YAML file, relative to zarf.yaml', 'pass the path of a synthesized YAML file');
        }
      });
    });
    this.name = props.name;
    this.version = props.version;
    this.images = [...new Set(charts.flatMap((c, i) => c._images(`${this.path}/charts[${i}]`)))].sort();
    // Output rules: an air-gapped package carries pinned images, hardened values, no secret material.
    const audit = enforceOutputRules([
      ...charts.flatMap((c, i) => [
        ...checkWorkloadHardening(this.path, c.values, `charts[${i}].values`),
        ...checkSecretMaterial(this.path, c.values, `charts[${i}].values`),
        ...checkPrivateKeyMaterial(this.path, c.values, `charts[${i}].values`),
      ]),
      ...manifests.flatMap((m, i) => [
        ...checkManifestSecretMaterial(this.path, m.objects ?? [], `manifests[${i}].objects`),
        ...checkPrivateKeyMaterial(this.path, m.objects ?? [], `manifests[${i}].objects`),
      ]),
      ...checkImagePinning(this.path, this.images),
    ], checkOutputAcknowledgements(this.path, props.acknowledgements, OUTPUT_RULES));
    this.acknowledged = describeAcknowledged(audit);
    this.props = props;
  }

  /** The `zarf.yaml` document. */
  public toJson(): { [key: string]: unknown } {
    const p = this.props;
    const charts = p.charts ?? [];
    return {
      kind: 'ZarfPackageConfig',
      metadata: {
        name: p.name,
        version: p.version,
        ...(p.description !== undefined || this.acknowledged.length > 0
          ? { description: [p.description, ...this.acknowledged.length > 0 ? [`Acknowledged: ${this.acknowledged.join('; ')}`] : []].filter((d) => d !== undefined).join(' ') }
          : {}),
        ...(p.architecture !== undefined ? { architecture: p.architecture } : {}),
      },
      components: [
        ...charts.map((c, i) => ({
          name: c.releaseName,
          description: `${c.chart.name} chart ${c.chart.version} (app ${c.chart.appVersion}) and its images`,
          required: true,
          charts: [{
            name: c.releaseName,
            ...(c.releaseName !== c.chart.name ? { repoName: c.chart.name } : {}),
            url: c.chart.repository,
            version: c.chart.version,
            namespace: c.namespace,
            releaseName: c.releaseName,
            valuesFiles: [`values/${c.releaseName}.yaml`],
          }],
          images: c._images(`${this.path}/charts[${i}]`),
        })),
        ...(p.manifests ?? []).map((m) => ({
          name: m.name,
          description: 'External Secrets Operator stores and ExternalSecrets (applied after the CRDs)',
          required: true,
          manifests: [{
            name: m.name,
            ...(m.namespace !== undefined ? { namespace: m.namespace } : {}),
            files: m.files ?? [`manifests/${m.name}.yaml`],
          }],
        })),
      ],
    };
  }

  /** Every file of the package directory, by relative path: `zarf.yaml`, the values files and written manifests. */
  public files(): { [relativePath: string]: string } {
    const out: { [relativePath: string]: string } = { 'zarf.yaml': stringify(this.toJson(), { lineWidth: 0 }) };
    for (const c of this.props.charts ?? []) {
      out[`values/${c.releaseName}.yaml`] = stringify(sortKeys(c.values), { lineWidth: 0 });
    }
    for (const m of this.props.manifests ?? []) {
      if (m.objects !== undefined) {
        out[`manifests/${m.name}.yaml`] = m.objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
      }
    }
    return out;
  }

  /** Writes {@link files} under `directory` (created if needed). */
  public writeTo(directory: string): void {
    for (const [rel, text] of Object.entries(this.files())) {
      const file = path.join(directory, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
  }
}
