/**
 * Validates rendered Helm values against the charts' own `values.schema.json` (upstream data under
 * ../shared/upstream, never copied into the project).
 *
 * - ESO 2.9.0: JSON Schema 2020-12, compiled with `ajv/dist/2020`.
 * - Reloader 2.2.16: declares `"$schema": "http://json-schema.org/schema#"` (draft-07 era, uses
 *   `if`/`then`); compiled with Ajv's default draft-07 dialect after dropping that unversioned URI,
 *   which Ajv does not know.
 *
 * - Vault 0.34.1: declares `"$schema": "https://json-schema.org/draft-07/schema#"` (https, which Ajv
 *   does not know by that URI); compiled with Ajv's default draft-07 dialect after dropping it.
 *
 * Paths are relative to the repository root and can be overridden with `ESO_CHART_SCHEMA_PATH` /
 * `RELOADER_CHART_SCHEMA_PATH` (test-only: the library itself never reads the environment).
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';

const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where the ESO chart schema is read from. */
export const ESO_CHART_SCHEMA_PATH = resolve(REPO_ROOT,
  process.env.ESO_CHART_SCHEMA_PATH ?? '../shared/upstream/external-secrets/chart-values.schema.json');
/** Where the Reloader chart schema is read from. */
export const RELOADER_CHART_SCHEMA_PATH = resolve(REPO_ROOT,
  process.env.RELOADER_CHART_SCHEMA_PATH ?? '../shared/upstream/reloader/chart-values.schema.json');

/** Where the Vault chart schema is read from. */
export const VAULT_CHART_SCHEMA_PATH = resolve(REPO_ROOT,
  process.env.VAULT_CHART_SCHEMA_PATH ?? '../shared/upstream/vault/chart-values.schema.json');

let esoValidator: ValidateFunction | undefined;
let vaultValidator: ValidateFunction | undefined;
let reloaderValidator: ValidateFunction | undefined;

function load(path: string): { [key: string]: unknown } {
  return JSON.parse(readFileSync(path, 'utf8')) as { [key: string]: unknown };
}

/** The compiled ESO chart values validator. */
export function esoValuesValidator(): ValidateFunction {
  if (esoValidator === undefined) {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    esoValidator = ajv.compile(load(ESO_CHART_SCHEMA_PATH));
  }
  return esoValidator;
}

/** The compiled Reloader chart values validator. */
export function reloaderValuesValidator(): ValidateFunction {
  if (reloaderValidator === undefined) {
    const schema = load(RELOADER_CHART_SCHEMA_PATH);
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    reloaderValidator = ajv.compile(schema);
  }
  return reloaderValidator;
}

/** The compiled Vault chart values validator. */
export function vaultValuesValidator(): ValidateFunction {
  if (vaultValidator === undefined) {
    const schema = load(VAULT_CHART_SCHEMA_PATH);
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    vaultValidator = ajv.compile(schema);
  }
  return vaultValidator;
}

/** Schema errors of `values` as readable lines; empty when valid. */
export function schemaErrors(validator: ValidateFunction, values: unknown): string[] {
  if (validator(values)) {
    return [];
  }
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/** Asserts (jest) that `values` satisfies the ESO chart's values.schema.json. */
export function expectValidEsoValues(values: unknown): void {
  expect(schemaErrors(esoValuesValidator(), values)).toEqual([]);
}

/** Asserts (jest) that `values` satisfies the Reloader chart's values.schema.json. */
export function expectValidReloaderValues(values: unknown): void {
  expect(schemaErrors(reloaderValuesValidator(), values)).toEqual([]);
}

/** Asserts (jest) that `values` satisfies the Vault chart's values.schema.json. */
export function expectValidVaultValues(values: unknown): void {
  expect(schemaErrors(vaultValuesValidator(), values)).toEqual([]);
}
