/**
 * Reads an access model back: JSON, the version this library writes, and its JSON Schema (ajv, strict).
 * Anything else is refused with the file named and what is wrong; nothing is guessed.
 */
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
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
  return checkAccessModel(file, document);
}

/**
 * Checks a parsed document as an access model of this version (its JSON Schema, ajv strict); `file`
 * names it in messages. Throws a `ConfigurationError` otherwise.
 */
export function checkAccessModel(file: string, document: unknown): AccessModel {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw accessModelInvalid(file, '', describeType(document), 'a JSON object (an access model)');
  }
  const apiVersion = (document as Record<string, unknown>).apiVersion;
  if (apiVersion !== ACCESS_MODEL_API_VERSION) {
    throw accessModelVersion(file, apiVersion, ACCESS_MODEL_API_VERSION);
  }
  const validate = accessModelValidator();
  if (!validate(document)) {
    const error = validate.errors![0];
    const extra = error.keyword === 'additionalProperties' ? `/${(error.params as { additionalProperty: string }).additionalProperty}` : '';
    const missing = error.keyword === 'required' ? `/${(error.params as { missingProperty: string }).missingProperty}` : '';
    const pointer = `${error.instancePath}${extra}${missing}`;
    throw accessModelInvalid(file, pointer, describeType(at(document, pointer)), allowedBySchema(error));
  }
  return document as AccessModel;
}

const TYPE_WORDS: Record<string, string> = { array: 'an array', object: 'an object', string: 'a string' };

/** What the schema allows where it refused a value, in the message's "Allowed:" words. */
function allowedBySchema(error: ErrorObject): string {
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown; missingProperty?: string; type?: string; limit?: number };
  switch (error.keyword) {
    case 'additionalProperties': return 'only the properties of the access model schema';
    case 'required': return `the property ${params.missingProperty} (required by the access model schema)`;
    case 'enum': return `one of ${params.allowedValues!.join(', ')}`;
    case 'const': return JSON.stringify(params.allowedValue);
    case 'type': return TYPE_WORDS[params.type!] ?? params.type!;
    case 'minLength': return 'a non-empty string';
    case 'uniqueItems': return 'a list without duplicates';
    default: return `a value that ${error.message}`;
  }
}

