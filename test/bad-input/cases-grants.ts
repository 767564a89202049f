/**
 * Bad inputs about AWS grant forms through the PUBLIC API (the package root only): the owned name
 * prefix, managed policies attached elsewhere, the library's grant tag in declared tags, the guardrail
 * policy, and an identity too large for every exact form. Expected messages: `expected-grants.ts`.
 */
import { ownedPrefixGuardrailPolicy, SecretBackend, SecretsDeclaration } from '../../lib';
import type { BadInput } from './cases';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

function owned(ownedSecretNamePrefix: unknown): () => unknown {
  return () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1', ownedSecretNamePrefix: ownedSecretNamePrefix as string } });
}

function ownedPath(ownedParameterPath: unknown): () => unknown {
  return () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1', ownedParameterPath: ownedParameterPath as string } });
}

function attached(count: unknown): () => unknown {
  return () => new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1', managedPoliciesAttachedElsewhere: count as number } });
}

/** One identity reading `count` secrets named `<folder><i>`. */
function crowded(count: number, folder: string, options: { prefix?: string; attachedElsewhere?: number } = {}): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1', ownedSecretNamePrefix: options.prefix, managedPoliciesAttachedElsewhere: options.attachedElsewhere } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const secrets = Array.from({ length: count }, (_, i) => d.addSecretsManagerSecret(`s${i}`, { name: `${folder}${String(i).padStart(4, '0')}` }));
    d.addExternalSecret('all', { name: 'all', namespace: 'app', store, data: secrets.map((secret, i) => ({ secretKey: `k${i}`, secret })) });
    return d.plan();
  };
}

const withPrefix = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1', ownedSecretNamePrefix: 'shop/' } });

export const GRANTS_CASES: readonly BadInput[] = [
  ['grants: owned prefix without a trailing slash (covers look-alikes)', owned('app')],
  ['grants: owned prefix "*"', owned('shop/*')],
  ['grants: owned prefix "/" only', owned('//')],
  ['grants: owned prefix empty', owned('')],
  ['grants: owned prefix a number', owned(42)],
  ['grants: owned prefix with a space', owned('my shop/')],
  ['grants: owned parameter path without a trailing slash (covers look-alikes)', ownedPath('/shop')],
  ['grants: owned parameter path "/" (every parameter)', ownedPath('/')],
  ['grants: owned parameter path not starting with a slash', ownedPath('shop/')],
  ['grants: owned parameter path with an empty level', ownedPath('/shop//a/')],
  ['grants: owned parameter path under /aws', ownedPath('/aws/service/')],
  ['grants: owned parameter path with a wildcard', ownedPath('/shop/*/')],
  ['grants: managed policies attached elsewhere 10', attached(10)],
  ['grants: managed policies attached elsewhere negative', attached(-1)],
  ['grants: managed policies attached elsewhere fractional', attached(1.5)],
  ['grants: managed policies attached elsewhere a string', attached('2')],
  ['grants: the grant tag on a declared secret', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    return d.addSecretsManagerSecret('db', { name: 'shop/db', tags: { 'cdk-external-secrets/grant-set': 'gs-0123456789abcdef0123456789abcdef' } });
  }],
  ['grants: the grant tag in other case on a declared secret', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    return d.addSecretsManagerSecret('db', { name: 'shop/db', tags: { 'CDK-External-Secrets/Grant-Set': 'gs-1' } });
  }],
  ['grants: the grant tag in the declaration tags', () => new SecretsDeclaration({ name: 'shop', tags: { 'cdk-external-secrets/grant-set': 'gs-1' }, aws: { accountId: '111122223333', region: 'eu-west-1' } })],
  ['grants: 1,000 secrets on one identity without an owned prefix', crowded(1000, 'shop/shared/')],
  ['grants: 1,000 secrets outside the owned prefix', crowded(1000, 'common/', { prefix: 'shop/' })],
  ['grants: 300 secrets with 8 managed policies attached elsewhere', crowded(300, 'common/', { attachedElsewhere: 8 })],
  ['grants: guardrail for a declaration without owned prefix', () => ownedPrefixGuardrailPolicy({
    declaration: new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } }), deployerRoleArns: ['arn:aws:iam::111122223333:role/deployer'],
  })],
  ['grants: guardrail without deployers', () => ownedPrefixGuardrailPolicy({ declaration: withPrefix, deployerRoleArns: [] })],
  ['grants: guardrail with a wildcard deployer', () => ownedPrefixGuardrailPolicy({ declaration: withPrefix, deployerRoleArns: ['arn:aws:iam::111122223333:role/*'] })],
  ['grants: guardrail with a user as deployer', () => ownedPrefixGuardrailPolicy({ declaration: withPrefix, deployerRoleArns: ['arn:aws:iam::111122223333:user/alice'] })],
];
