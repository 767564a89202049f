// Errors of the HTML access report (`renderAccessReport`, `cdk-external-secrets access report`).
import { configurationError, ConfigurationError, describeType } from './format';

/** A value given to `renderAccessReport` where an access model (plain JSON data) was expected. */
export function accessReportNotAModel(prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path: 'renderAccessReport', prop, value: describeType(value),
    allowed: 'an access model: buildAccessModel(declaration), or readAccessModel(file, text) of a synth\'s <declaration>.access-model.json',
    fix: 'pass the access model itself, not the declaration or a value derived from it',
  });
}

/** Options of `renderAccessReport` that are not an object. */
export function accessReportOptions(value: unknown): ConfigurationError {
  return configurationError({
    path: 'renderAccessReport', prop: 'options', value: describeType(value),
    allowed: 'an object ({ base?: AccessModel }) or nothing',
    fix: 'pass { base: baseModel } to compare with a base, or leave the options out',
  });
}
