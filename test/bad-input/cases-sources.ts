/**
 * Bad inputs of the source architectures' remaining components through the PUBLIC API (the package
 * root only): rotation end to end, AWS workloads reading secrets outside Kubernetes. Expected messages:
 * `expected-sources.ts`.
 */
import { Duration, SecretBackend, SecretsDeclaration } from '../../lib';
import type { BadInput } from './cases';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const LAMBDA = 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-db';

function aws(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    build(d);
    return d.plan();
  };
}

export const SOURCES_CASES: readonly BadInput[] = [
  ['rotation: function role given as an ARN', aws((d) => d.addSecretsManagerSecret('db', {
    name: 'shop/db', rotation: { rotationLambdaArn: LAMBDA, functionRoleName: 'arn:aws:iam::111122223333:role/rotate-db' },
  }))],
  ['rotation: refreshed slower than a rate(6 hours) schedule', aws((d) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: { rotationLambdaArn: LAMBDA, scheduleExpression: 'rate(6 hours)' } });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, refreshInterval: Duration.hours(12), data: [{ secretKey: 'password', secret: db, property: 'password' }] });
  })],
];
