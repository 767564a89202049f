/**
 * Reads an access model back: JSON, the version this library writes, and its JSON Schema (ajv, strict).
 * Anything else is refused with the file named and what is wrong; nothing is guessed.
 */
import Ajv, { ValidateFunction } from 'ajv';
import { accessModelInvalid, accessModelNotJson, accessModelVersion } from '../core/errors/access';
import { describeType } from '../core/errors/format';
import { ACCESS_MODEL_API_VERSION, AccessModel } from './model-types';
import { ACCESS_MODEL_SCHEMA } from './schema';

let validator: ValidateFunction | undefined;

/** The schema's validator, compiled once (ajv strict mode: the schema itself is checked too). */
export function accessModelValidator(): ValidateFunction {
  validator ??= new Ajv({ strict: true, allErrors: false, logger: false }).compile(ACCESS_MODEL_SCHEMA);
  return validator;
}

/** The value at a JSON pointer (ajv's `instancePath`). */
function at(document: unknown, pointer: string): unknown {
  let value = document;
  for (const segment of pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))) {
    value = (value as Record<string, unknown> | undefined)?.[segment];
  }
  return value;
}

/**
 * Parses and checks one access model; `file` names it in messages. Throws a `ConfigurationError` for
 * text that is not JSON, another `apiVersion`, or a document the schema refuses.
 */
export function readAccessModel(file: string, text: string): AccessModel {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    throw accessModelNotJson(file, (e as Error).message.split('\n')[0]);
  }
  const apiVersion = typeof document === 'object' && document !== null && !Array.isArray(document)
    ? (document as Record<string, unknown>).apiVersion : undefined;
  if (apiVersion !== ACCESS_MODEL_API_VERSION) {
    throw accessModelVersion(file, apiVersion, ACCESS_MODEL_API_VERSION);
  }
  const validate = accessModelValidator();
  if (!validate(document)) {
    const error = validate.errors![0];
    const extra = error.keyword === 'additionalProperties' ? `/${(error.params as { additionalProperty: string }).additionalProperty}` : '';
    const missing = error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : '';
    const pointer = `${error.instancePath}${extra}${missing}`;
    const allowed = error.keyword === 'additionalProperties' ? 'only the properties of the access model schema'
      : error.keyword === 'enum' ? `one of ${((error.params as { allowedValues: unknown[] }).allowedValues).join(', ')}`
        : `a value that ${error.message ?? 'matches the schema'}`;
    throw accessModelInvalid(file, pointer, describeType(at(document, pointer)), allowed);
  }
  return document as AccessModel;
}
