/**
 * Strict validators for ESO objects, compiled on first use from the schemas generated at build time
 * (`data/eso-crds.json`, from the pinned CRD bundle) with the CRDs' CEL rules as a keyword.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import { CEL_RULES_KEYWORD } from './cel-rules';
import type { EsoSchemaData } from './schema-data';

/** RFC 3339 date-time. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
/** Standard base64. */
const BYTE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

let data: EsoSchemaData | undefined;
let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function readSchemaData(name: string): EsoSchemaData {
  const file = join(__dirname, 'data', name);
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EsoSchemaData;
  } catch (e) {
    throw new Error(`cdk-external-secrets: the schema data ${file} is missing or unreadable (${(e as Error).message}); ` +
      'in a checkout of the repository run `npm run schemas` (npm run build and npm pack do it)');
  }
}

/**
 * The generated schema data shipped with the package: the ESO CRDs (`eso-crds.json`) and the GitOps
 * engines' CRDs the library emits objects of (`gitops-crds.json`: Argo CD, Flux), merged.
 */
export function esoSchemaData(): EsoSchemaData {
  if (!data) {
    const eso = readSchemaData('eso-crds.json');
    const gitops = readSchemaData('gitops-crds.json');
    data = {
      source: `${eso.source}; ${gitops.source}`,
      versions: { ...eso.versions, ...gitops.versions },
      schemas: { ...eso.schemas, ...gitops.schemas },
    };
  }
  return data;
}

function getAjv(): Ajv {
  if (!ajv) {
    // inlineRefs false: a shared subschema (see generate-data.ts) compiles once, not at every use.
    ajv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false, inlineRefs: false });
    ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    ajv.addFormat('byte', BYTE);
    ajv.addFormat('date-time', DATE_TIME);
    ajv.addKeyword(CEL_RULES_KEYWORD);
  }
  return ajv;
}

/** The served versions of an ESO kind, or undefined when the bundle has no such kind. */
export function servedVersions(group: string, kind: string): string[] | undefined {
  return esoSchemaData().versions[`${group}/${kind}`]?.filter((v) => v.served).map((v) => v.name);
}

/** The validator of a served `<group>/<version>/<kind>`, or undefined when it is not served. */
export function esoValidator(group: string, version: string, kind: string): ValidateFunction | undefined {
  const key = `${group}/${version}/${kind}`;
  let fn = validators.get(key);
  if (!fn) {
    const schema = esoSchemaData().schemas[key];
    if (schema === undefined) {
      return undefined;
    }
    fn = getAjv().compile(schema as object);
    validators.set(key, fn);
  }
  return fn;
}
