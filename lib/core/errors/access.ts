// Errors of the access model readers (`cdk-external-secrets access diff`, `readAccessModel`).
import { configurationError, ConfigurationError, DescribedValue, describeType } from './format';

const REGENERATE = 'pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited';

/** A file that is not JSON where an access model was expected. */
export function accessModelNotJson(file: string, problem: string): ConfigurationError {
  return configurationError({
    path: file, prop: '(file)', value: new DescribedValue(`text that is not JSON (${problem})`),
    allowed: 'an access model written by synth (JSON)', fix: REGENERATE,
  });
}

/** An access model of another `apiVersion` (a newer or older library), or no access model at all. */
export function accessModelVersion(file: string, apiVersion: unknown, supported: string): ConfigurationError {
  return configurationError({
    path: file, prop: 'apiVersion', value: typeof apiVersion === 'string' ? apiVersion : new DescribedValue(apiVersion === undefined ? 'nothing' : 'a value that is not a string'),
    allowed: `${supported} (the version this cdk-external-secrets reads)`,
    fix: 'synthesize base and head with the same cdk-external-secrets version, one that writes this version',
  });
}

/** An access model that does not match its JSON Schema (edited, truncated or written by something else). */
export function accessModelInvalid(file: string, pointer: string, received: DescribedValue, allowed: string): ConfigurationError {
  return configurationError({ path: file, prop: pointer === '' ? '(document)' : pointer, value: received, allowed, fix: REGENERATE });
}

/** What `diffAccessModels` was given instead of a record of access models by name. */
export function accessModelsArgument(side: 'base' | 'head', received: unknown): ConfigurationError {
  return configurationError({
    path: 'diffAccessModels', prop: side, value: describeType(received),
    allowed: 'a record of access models by name ({ "": model } for one model each)', fix: 'pass { "": buildAccessModel(declaration) } or the models readAccessModel() returns',
  });
}
