/**
 * Bad inputs about generators through the PUBLIC API (the package root only): an ExternalSecret without
 * a store that still reads from one, and Password generators. Expected messages: `expected-generators.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { ExternalSecret, GeneratorKind, Password } from '../../lib';
import type { BadInput } from './cases';

function chart(): Chart {
  return new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
}

const GENERATED = [{ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' } }];

export const GENERATORS_CASES: BadInput[] = [
  ['generators: es without a store reads data', () => new ExternalSecret(chart(), 'es', { data: [{ secretKey: 'db', remoteRef: { key: 'prod/db' } }] })],
  ['generators: es without a store mixes a generator and an extract', () => new ExternalSecret(chart(), 'es', {
    dataFrom: [...GENERATED, { extract: { key: 'prod/all' } }],
  })],
  ['generators: es without a store adds a find later', () => new ExternalSecret(chart(), 'es', { dataFrom: GENERATED }).addDataFrom({ find: { nameRegexp: 'prod-.*' } })],
  ['generators: password length zero', () => new Password(chart(), 'pw', { name: 'pw', length: 0 })],
];
