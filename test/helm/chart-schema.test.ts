import { esoValuesValidator, reloaderValuesValidator, schemaErrors, vaultValuesValidator } from '../helpers/chart-schema';

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

  test('accepts valid Vault values and rejects a wrongly typed value', () => {
    // GIVEN
    const validator = vaultValuesValidator();
    // THEN
    expect(schemaErrors(validator, { server: { ha: { enabled: true, replicas: 3 } } })).toEqual([]);
    expect(schemaErrors(validator, { server: { ha: { replicas: '3' } } })).toEqual(['/server/ha/replicas must be integer']);
  });
});
