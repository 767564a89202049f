import { esoValuesValidator, reloaderValuesValidator, schemaErrors } from '../helpers/chart-schema';

describe('chart schema helper', () => {
  test('accepts valid ESO values and rejects a wrongly typed value', () => {
    // GIVEN
    const validator = esoValuesValidator();
    // THEN
    expect(schemaErrors(validator, { replicaCount: 2, serviceAccount: { name: 'eso' } })).toEqual([]);
    expect(schemaErrors(validator, { replicaCount: '2', serviceAccount: { annotations: [] } })).toEqual([
      '/replicaCount must be integer',
      '/serviceAccount/annotations must be object',
    ]);
  });

  test('accepts valid Reloader values and rejects an unknown reload strategy', () => {
    // GIVEN
    const validator = reloaderValuesValidator();
    // THEN
    expect(schemaErrors(validator, { reloader: { reloadStrategy: 'annotations' } })).toEqual([]);
    expect(schemaErrors(validator, { reloader: { reloadStrategy: 'restart' } })).toEqual([
      '/reloader/reloadStrategy must be equal to one of the allowed values',
    ]);
  });
});
