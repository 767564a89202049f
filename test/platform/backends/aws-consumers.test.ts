import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { AwsComputeService, AwsConsumerRole, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { SecretsPlatformInfrastructure } from '../../../lib/platform';
import { parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../../helpers/terraform';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

function declaration() {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: ISSUER });
  const key = d.addKmsKey('k', { alias: 'shop/secrets' });
  const db = d.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
  const flag = d.addParameter('flag', { name: '/shop/flag', managedElsewhere: true });
  const other = d.addSecretsManagerSecret('other', { name: 'shop/other' });
  return { d, db, flag, other };
}

function synth(d: SecretsDeclaration) {
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new SecretsPlatformInfrastructure(stack, 'platform', { declaration: d });
  return synthTerraform(stack);
}

describe('AWS consumers outside Kubernetes (cloud side)', () => {
  test('an existing Lambda role gets an inline policy with exactly the reads of its secrets, kms via the service', () => {
    // GIVEN a Lambda role that exists, reading one secret and one parameter
    const { d, db, flag } = declaration();
    d.addAwsConsumer('billing-lambda', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/service-role/billing-lambda'), secrets: [db, flag] });
    // WHEN
    const json = synth(d);
    // THEN one inline policy on that role name, no role created
    expect(resourcesOf(json, 'aws_iam_role')).toEqual([]);
    const policy = resourceWhere(json, 'aws_iam_role_policy', 'role', 'billing-lambda');
    expect(policy.name).toBe('shop-billing-lambda-secrets');
    const statements = parsePolicy(policy.policy).Statement;
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ['ReadSecrets', ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
        ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-??????']],
      ['ReadParameters', ['ssm:GetParameter', 'ssm:GetParameters'], ['arn:aws:ssm:eu-west-1:111122223333:parameter/shop/flag']],
      ['KmsDecryptOnlyViaService', ['kms:Decrypt'], [expect.stringMatching(/^\$\{aws_kms_key\./)]],
    ]);
    expect(statements[2].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
    expect(valueLeaks(json)).toEqual([]);
  });

  test('created roles trust exactly their compute service (ECS pinned to the account); EC2 gets an instance profile; ARNs are outputs', () => {
    // GIVEN one consumer per compute service
    const { d, db, other } = declaration();
    d.addAwsConsumer('fn', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), secrets: [db] });
    d.addAwsConsumer('task', { role: AwsConsumerRole.create(AwsComputeService.ECS_TASKS), secrets: [other] });
    d.addAwsConsumer('vm', { role: AwsConsumerRole.create(AwsComputeService.EC2), secrets: [other] });
    // WHEN
    const json = synth(d);
    // THEN
    const trust = (name: string) => JSON.parse(resourceWhere(json, 'aws_iam_role', 'name', name).assume_role_policy as string);
    expect(trust('shop-fn')).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(trust('shop-task')).toEqual({ Version: '2012-10-17', Statement: [{
      Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    }] });
    expect(trust('shop-vm').Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    expect(resourcesOf(json, 'aws_iam_instance_profile').map((p) => [p.name, p.role])).toEqual([['shop-vm', expect.stringMatching(/^\$\{aws_iam_role\.[^.]+\.name\}$/)]]);
    const task = parsePolicy(resourcesOf(json, 'aws_iam_role_policy').find((p) => p.name === 'shop-task-secrets')!.policy).Statement;
    expect(task.map((s) => s.Resource)).toEqual([['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/other-??????']]);
    expect(Object.keys(json.output ?? {}).filter((o) => o.startsWith('aws_consumer_'))).toEqual([
      'aws_consumer_role_arn_fn', 'aws_consumer_role_arn_task', 'aws_consumer_role_arn_vm',
    ]);
  });

  test('ESO identities keep their own grants: a consumer adds nothing to them', () => {
    // GIVEN an ExternalSecret reading db and a Lambda reading other
    const { d, db, other } = declaration();
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
    d.addAwsConsumer('fn', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), secrets: [other] });
    // WHEN
    const json = synth(d);
    // THEN the ESO role reads db only, the Lambda role other only
    const policies = resourcesOf(json, 'aws_iam_role_policy');
    const resources = (name: string) => parsePolicy(policies.find((p) => p.name === name)!.policy).Statement.flatMap((s) => s.Resource as string[]);
    expect(resources('shop-fn-secrets')).toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/other-??????']);
    const eso = policies.find((p) => p.name !== 'shop-fn-secrets')!;
    expect(parsePolicy(eso.policy).Statement.flatMap((s) => s.Resource as string[])).toEqual(expect.not.arrayContaining([expect.stringContaining('shop/other')]));
  });
});
