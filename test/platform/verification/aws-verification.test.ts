import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { SecretsPlatformInfrastructure } from '../../../lib/platform';
import { AccessPolicyCompiler } from '../../../lib/aws/policy/access-policy-compiler';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

function awsPlatform() {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  return { stack, infrastructure, declaration };
}

afterEach(() => jest.restoreAllMocks());

describe('output verification: AWS', () => {
  test('the rendered output passes', () => {
    expect(() => Testing.synth(awsPlatform().stack, true)).not.toThrow();
  });

  test('a compiler that adds GetSecretValue on * fails synth', () => {
    const compile = AccessPolicyCompiler.prototype.compile;
    jest.spyOn(AccessPolicyCompiler.prototype, 'compile').mockImplementation(function (this: AccessPolicyCompiler) {
      const document = compile.call(this);
      return { ...document, Statement: [...document.Statement, { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['*'] }] } as ReturnType<typeof compile>;
    });
    expect(() => Testing.synth(awsPlatform().stack, true)).toThrow('x');
  });
});
