// Errors of the HTML access report (`renderAccessReport`, `cdk-external-secrets access report`).
import { configurationError, ConfigurationError, DescribedValue, describeType } from './format';

/** A value given to `renderAccessReport` where an access model (plain JSON data) was expected. */
export function accessReportNotAModel(prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path: 'renderAccessReport', prop, value: describeType(value),
    allowed: 'an access model: buildAccessModel(declaration), or readAccessModel(file, text) of a synth\'s <declaration>.access-model.json',
    fix: 'pass the access model itself, not the declaration or a value derived from it',
  });
}

/** Options of `renderAccessReport` that are not an object, or an object with other keys than `base`. */
export function accessReportOptions(value: unknown): ConfigurationError {
  const keys = typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : undefined;
  return configurationError({
    path: 'renderAccessReport', prop: 'options',
    value: keys === undefined ? describeType(value)
      : new DescribedValue(`an object with ${keys.slice(0, 4).map((k) => JSON.stringify(k)).join(', ')}${keys.length > 4 ? ` and ${keys.length - 4} more keys` : ''}`),
    allowed: 'an object ({ base?: AccessModel }) or nothing',
    fix: 'pass { base: baseModel } to compare with a base, or leave the options out',
  });
}
