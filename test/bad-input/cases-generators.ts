/**
 * Bad inputs about generators through the PUBLIC API (the package root only): an ExternalSecret without
 * a store that still reads from one, and Password generators. Expected messages: `expected-generators.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { ExternalSecret, GeneratorKind, Password, PasswordGeneratorDeclaration, SecretBackend, SecretsDeclaration } from '../../lib';
import type { BadInput } from './cases';

function chart(): Chart {
  return new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
}

/** A declaration with one EKS cluster and a Password generator, given to `build`. */
function declared(build: (d: SecretsDeclaration, cluster: ReturnType<SecretsDeclaration['addEksCluster']>, pw: PasswordGeneratorDeclaration) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const cluster = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const pw = d.addPasswordGenerator('session', { name: 'session-key' });
    build(d, cluster, pw);
    return d.plan();
  };
}

const GENERATED = [{ generator: { kind: GeneratorKind.PASSWORD, name: 'pw' } }];

export const GENERATORS_CASES: BadInput[] = [
  ['generators: es without a store reads data', () => new ExternalSecret(chart(), 'es', { data: [{ secretKey: 'db', remoteRef: { key: 'prod/db' } }] })],
  ['generators: es without a store mixes a generator and an extract', () => new ExternalSecret(chart(), 'es', {
    dataFrom: [...GENERATED, { extract: { key: 'prod/all' } }],
  })],
  ['generators: es without a store adds a find later', () => new ExternalSecret(chart(), 'es', { dataFrom: GENERATED }).addDataFrom({ find: { nameRegexp: 'prod-.*' } })],
  ['generators: declared password with more symbols than the alphabet', declared((d) => d.addPasswordGenerator('pin', { name: 'pin', length: 40, symbols: 40, digits: 0, symbolCharacters: '-_' }))],
  ['generators: declared password length a string', declared((d) => d.addPasswordGenerator('pin', { name: 'pin', length: '32' as never }))],
  ['generators: declared password name uppercase', declared((d) => d.addPasswordGenerator('pin', { name: 'Session' }))],
  ['generators: generated secret on no cluster', declared((d, _c, pw) => d.addGeneratedSecret('web', { name: 'web', namespace: 'web', clusters: [], generated: [{ generator: pw }] }))],
  ['generators: generated secret without clusters (JavaScript)', declared((d, _c, pw) => d.addGeneratedSecret('web', { name: 'web', namespace: 'web', generated: [{ generator: pw }] } as never))],
  ['generators: generated secret with a hand-made generator', declared((d, c) => d.addGeneratedSecret('web', {
    name: 'web', namespace: 'web', clusters: [c], generated: [{ generator: { id: 'x', name: 'x', length: 24 } }],
  }))],
  ['generators: generated secretKey with a slash', declared((d, c, pw) => d.addGeneratedSecret('web', { name: 'web', namespace: 'web', clusters: [c], generated: [{ generator: pw, secretKey: 'a/b' }] }))],
  ['generators: generated secret writing the Secret an ExternalSecret writes', declared((d, c, pw) => {
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'web', store, data: [{ secretKey: 'url', secret: d.addSecretsManagerSecret('db', { name: 'web/db' }) }] });
    return d.addGeneratedSecret('web', { name: 'web', namespace: 'web', clusters: [c], targetSecretName: 'db', generated: [{ generator: pw }] });
  })],
  ['generators: generated secret options undefined', declared((d) => d.addGeneratedSecret('web', undefined as never))],
  ['generators: password length zero', () => new Password(chart(), 'pw', { name: 'pw', length: 0 })],
];
