/**
 * Checks Helm values against the pinned charts' own `values.schema.json` (ESO 2.9.0, Reloader
 * 2.2.16, Vault 0.34.1), as `helm install` does: the schemas are generated at build time from the
 * upstream charts (`data/chart-values.json`) and compiled on first use.
 *
 * Engine-free: the Helm release constructs (cdktf) and `ZarfPackage` call it with their final values.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { isUnresolved } from '../core/tokens';
import type { ChartSchemaData } from './schema-data';

/** A chart by name and version, as Helm resolves it. */
export interface ChartReference {
  /** Chart name (`external-secrets`, `reloader`, `vault`). */
  readonly name: string;
  /** Exact chart version. */
  readonly version: string;
}

let data: ChartSchemaData | undefined;
const validators = new Map<string, ValidateFunction>();

function chartSchemaData(): ChartSchemaData {
  if (!data) {
    const file = join(__dirname, 'data', 'chart-values.json');
    try {
      data = JSON.parse(readFileSync(file, 'utf8')) as ChartSchemaData;
    } catch (e) {
      throw new Error(`cdk-external-secrets: the chart schema data ${file} is missing or unreadable (${(e as Error).message}); ` +
        'in a checkout of the repository run `npm run schemas` (npm run build and npm pack do it)');
    }
  }
  return data;
}

function validatorFor(key: string): ValidateFunction | undefined {
  const cached = validators.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const schema = chartSchemaData().schemas[key] as Record<string, unknown> | undefined;
  if (schema === undefined) {
    return undefined;
  }
  // ESO's schema is JSON Schema 2020-12; Reloader's and Vault's are draft-07 under `$schema` URIs
  // Ajv does not know by those spellings (dropped, compiled with Ajv's default draft-07 dialect).
  const dialect2020 = typeof schema.$schema === 'string' && schema.$schema.includes('2020-12');
  const body = { ...schema };
  delete body.$schema;
  const validator = dialect2020
    ? new Ajv2020({ strict: false, allErrors: true, verbose: true, logger: false }).compile(schema)
    : new Ajv({ strict: false, allErrors: true, verbose: true, logger: false }).compile(body);
  validators.set(key, validator);
  return validator;
}

/**
 * The problems Helm's schema check would report for `values` of `chart` (`/path must be …`, never the
 * values themselves), sorted; empty when valid. Values that are unresolved cdktf tokens are known only
 * at apply and not judged.
 * @returns undefined when no schema is known for that chart and version (not a pinned chart)
 */
export function checkChartValues(chart: ChartReference, values: unknown): string[] | undefined {
  const validator = validatorFor(`${chart.name}@${chart.version}`);
  if (validator === undefined) {
    return undefined;
  }
  if (validator(values)) {
    return [];
  }
  const problems = (validator.errors ?? [])
    .filter((e) => !isUnresolved(e.data))
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf' && e.keyword !== 'oneOf')
    .map(describe);
  return [...new Set(problems)].sort();
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  return `${where} ${error.message ?? 'is invalid'}`;
}
