import { KmsViaService } from '../../../lib/aws/arns';
import { AccessPolicyCompiler, EsoPolicySids, SecretFindKind } from '../../../lib/aws/policy/access-policy-compiler';
import { PolicyEffect, PolicyStatementJson } from '../../../lib/aws/policy/policy-document';

const SECRET_A = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????';
const SECRET_B = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/api-??????';
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY2 = 'arn:aws:kms:eu-west-1:111122223333:key/9999abcd-12ab-34cd-56ef-1234567890ab';
const PARAM = 'arn:aws:ssm:eu-west-1:111122223333:parameter/team-a/db-password';

function sid(doc: { Statement: readonly PolicyStatementJson[] }, id: string): PolicyStatementJson | undefined {
  return doc.Statement.find((s) => s.Sid === id);
}

describe('AccessPolicyCompiler', () => {
  test('reads: exact secret ARNs, no list/batch, kms only on the key via Secrets Manager', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    // WHEN
    compiler.readSecret({ arnForPolicies: SECRET_A, kmsKeyArn: KEY, region: 'eu-west-1' });
    compiler.readSecret({ arnForPolicies: SECRET_B, region: 'eu-west-1' });
    compiler.readSecret({ arnForPolicies: SECRET_A, kmsKeyArn: KEY, region: 'eu-west-1' });
    const doc = compiler.compile();
    // THEN
    expect(doc).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadSecrets', Effect: 'Allow',
          Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
          Resource: [SECRET_B, SECRET_A],
        },
        {
          Sid: 'KmsDecryptOnlyViaService', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY],
          Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
        },
      ],
    });
  });

  test('find adds ListSecrets + BatchGetSecretValue on * in a Sid that says why', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    // WHEN
    compiler.findSecrets({ kind: SecretFindKind.BY_TAGS, readableArns: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*'], region: 'eu-west-1' });
    const doc = compiler.compile();
    // THEN
    expect(sid(doc, EsoPolicySids.FIND_SECRETS)).toEqual({
      Sid: 'FindRequiresWildcardListSecretsAndBatchGetSecretValueAwsHasNoResourceLevelPermission',
      Effect: 'Allow', Action: ['secretsmanager:BatchGetSecretValue', 'secretsmanager:ListSecrets'], Resource: ['*'],
    });
    expect(sid(doc, EsoPolicySids.READ_SECRETS)!.Resource).toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*']);
  });

  test('no find, no wildcard list permissions', () => {
    // GIVEN / WHEN
    const doc = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_A, region: 'eu-west-1' }).compile();
    // THEN
    expect(doc.Statement.flatMap((s) => s.Resource ?? [])).not.toContain('*');
    expect(doc.Statement.flatMap((s) => s.Action)).not.toContain('secretsmanager:ListSecrets');
  });

  test('SSM: exact reads, path finds on the path, tag finds with DescribeParameters + tag:GetResources on *, kms via SSM', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    // WHEN
    compiler.readParameter({ parameterArn: PARAM, kmsKeyArn: KEY, region: 'eu-west-1' });
    compiler.findParametersByPath({ pathArn: 'arn:aws:ssm:eu-west-1:111122223333:parameter/team-b/', region: 'eu-west-1' });
    compiler.findParametersByTags({ readableArns: ['arn:aws:ssm:eu-west-1:111122223333:parameter/team-c/*'], region: 'eu-west-1' });
    const doc = compiler.compile();
    // THEN
    expect(sid(doc, EsoPolicySids.READ_PARAMETERS)).toEqual({
      Sid: 'ReadParameters', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: ['arn:aws:ssm:eu-west-1:111122223333:parameter/team-a/db-password', 'arn:aws:ssm:eu-west-1:111122223333:parameter/team-c/*'],
    });
    expect(sid(doc, EsoPolicySids.FIND_PARAMETERS_BY_PATH)).toEqual({
      Sid: 'FindParametersByPath', Effect: 'Allow', Action: ['ssm:GetParametersByPath'],
      Resource: ['arn:aws:ssm:eu-west-1:111122223333:parameter/team-b', 'arn:aws:ssm:eu-west-1:111122223333:parameter/team-b/*'],
    });
    expect(sid(doc, EsoPolicySids.FIND_PARAMETERS_BY_TAGS)).toEqual({
      Sid: EsoPolicySids.FIND_PARAMETERS_BY_TAGS, Effect: 'Allow', Action: ['ssm:DescribeParameters', 'tag:GetResources'], Resource: ['*'],
    });
    expect(sid(doc, EsoPolicySids.KMS_DECRYPT)!.Condition).toEqual({ StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } });
  });

  test('keys used through different services get one statement per distinct service set', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    // WHEN
    compiler.readSecret({ arnForPolicies: SECRET_A, kmsKeyArn: KEY, region: 'eu-west-1' });
    compiler.readParameter({ parameterArn: PARAM, kmsKeyArn: KEY, region: 'eu-west-1' });
    compiler.decrypt({ keyArn: KEY2, viaService: KmsViaService.SSM, region: 'eu-west-1' });
    const doc = compiler.compile();
    // THEN
    expect(doc.Statement.filter((s) => s.Action.includes('kms:Decrypt'))).toEqual([
      {
        Sid: 'KmsDecryptOnlyViaService1', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY],
        Condition: { StringEquals: { 'kms:ViaService': ['secretsmanager.eu-west-1.amazonaws.com', 'ssm.eu-west-1.amazonaws.com'] } },
      },
      {
        Sid: 'KmsDecryptOnlyViaService2', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [KEY2],
        Condition: { StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } },
      },
    ]);
  });

  test('no push, no write action', () => {
    // GIVEN / WHEN
    const doc = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_A, region: 'eu-west-1' })
      .findSecrets({ kind: SecretFindKind.BY_NAME, readableArns: [SECRET_B], region: 'eu-west-1' }).compile();
    // THEN
    const actions = doc.Statement.flatMap((s) => s.Action);
    for (const write of ['secretsmanager:CreateSecret', 'secretsmanager:PutSecretValue', 'secretsmanager:DeleteSecret', 'secretsmanager:TagResource', 'ssm:PutParameter']) {
      expect(actions).not.toContain(write);
    }
  });

  test('push to Secrets Manager: guarded create, tag and delete; resource policy and replication only when asked', () => {
    // GIVEN
    const prefix = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/pushed/*';
    const compiler = new AccessPolicyCompiler();
    // WHEN
    compiler.pushSecret({ namePrefixArn: prefix, region: 'eu-west-1', kmsKeyArn: KEY });
    const plain = compiler.compile();
    compiler.pushSecret({ namePrefixArn: prefix, region: 'eu-west-1', usesResourcePolicy: true, usesReplication: true, tagKeys: ['team'] });
    const full = compiler.compile();
    // THEN
    expect(sid(plain, EsoPolicySids.PUSH_SECRETS_RESOURCE_POLICY)).toBeUndefined();
    expect(sid(plain, EsoPolicySids.PUSH_SECRETS_REPLICATION)).toBeUndefined();
    expect(sid(plain, EsoPolicySids.PUSH_SECRETS_CREATE)).toEqual({
      Sid: 'PushSecretsCreateOnlyWithManagedByTag', Effect: 'Allow', Action: ['secretsmanager:CreateSecret'], Resource: [prefix],
      Condition: { StringEquals: { 'aws:RequestTag/managed-by': 'external-secrets' } },
    });
    expect(sid(plain, EsoPolicySids.PUSH_SECRETS_DELETE)).toEqual({
      Sid: 'PushSecretsDeleteOnlyManagedByExternalSecrets', Effect: 'Allow', Action: ['secretsmanager:DeleteSecret'], Resource: [prefix],
      Condition: { StringEquals: { 'secretsmanager:ResourceTag/managed-by': 'external-secrets' } },
    });
    expect(sid(plain, EsoPolicySids.PUSH_SECRETS_KMS)).toEqual({
      Sid: 'PushSecretsKmsOnlyViaSecretsManager', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [KEY],
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    });
    expect(sid(full, EsoPolicySids.PUSH_SECRETS_TAG)).toEqual({
      Sid: 'PushSecretsTagOnlyManagedByTag', Effect: 'Allow', Action: ['secretsmanager:TagResource'], Resource: [prefix],
      Condition: {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['managed-by', 'team'] },
        StringEquals: { 'aws:RequestTag/managed-by': 'external-secrets' },
      },
    });
    expect(sid(full, EsoPolicySids.PUSH_SECRETS_RESOURCE_POLICY)!.Action).toEqual(['secretsmanager:DeleteResourcePolicy', 'secretsmanager:GetResourcePolicy', 'secretsmanager:PutResourcePolicy']);
    expect(sid(full, EsoPolicySids.PUSH_SECRETS_REPLICATION)!.Action).toEqual(['secretsmanager:RemoveRegionsFromReplication', 'secretsmanager:ReplicateSecretToRegions']);
  });

  test('push to Parameter Store: write, guarded tag and delete, kms:Encrypt via SSM', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    // WHEN
    const doc = compiler.pushParameter({ parameterArn: 'arn:aws:ssm:eu-west-1:111122223333:parameter/pushed/*', kmsKeyArn: KEY, region: 'eu-west-1' }).compile();
    // THEN
    expect(sid(doc, EsoPolicySids.PUSH_PARAMETERS_WRITE)!.Action).toEqual(['ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListTagsForResource', 'ssm:PutParameter']);
    expect(sid(doc, EsoPolicySids.PUSH_PARAMETERS_TAG)!.Condition).toEqual({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['managed-by'] } });
    expect(sid(doc, EsoPolicySids.PUSH_PARAMETERS_DELETE)!.Condition).toEqual({ StringEquals: { 'ssm:resourceTag/managed-by': 'external-secrets' } });
    expect(sid(doc, EsoPolicySids.PUSH_PARAMETERS_KMS)).toEqual({
      Sid: 'PushParametersKmsOnlyViaSsm', Effect: 'Allow', Action: ['kms:Encrypt', 'kms:GenerateDataKey'], Resource: [KEY],
      Condition: { StringEquals: { 'kms:ViaService': 'ssm.eu-west-1.amazonaws.com' } },
    });
  });

  test('rotation: version-stage writes on exactly the rotated secret, no read grant for other secrets, kms via Secrets Manager; merged and non-empty', () => {
    // GIVEN a compiler with one rotated secret, merged into an empty one
    const rotating = new AccessPolicyCompiler().rotateSecret({ arnForPolicies: SECRET_A, kmsKeyArn: KEY, region: 'eu-west-1' });
    const merged = new AccessPolicyCompiler();
    expect(merged.isEmpty).toBe(true);
    // WHEN
    merged.merge(rotating);
    const doc = merged.compile();
    // THEN
    expect(merged.isEmpty).toBe(false);
    expect(doc.Statement.map((s) => s.Sid)).toEqual([EsoPolicySids.ROTATE_SECRETS, EsoPolicySids.ROTATE_SECRETS_KMS]);
    expect(sid(doc, EsoPolicySids.ROTATE_SECRETS)?.Resource).toEqual([SECRET_A]);
    expect(sid(doc, EsoPolicySids.ROTATE_SECRETS_KMS)).toEqual({
      Sid: 'RotateSecretsKmsOnlyViaSecretsManager', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [KEY],
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    });
  });

  test('user statements are added after derived ones, de-duplicated, never replacing them', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_A, region: 'eu-west-1' });
    const extra: PolicyStatementJson = { Sid: 'Extra', Effect: PolicyEffect.ALLOW, Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:eu-west-1:111122223333:q'] };
    // WHEN
    compiler.addStatement(extra).addStatement({ ...extra });
    const doc = compiler.compile();
    // THEN
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['ReadSecrets', 'Extra']);
  });

  test('merge combines grants from several compilers into one policy', () => {
    // GIVEN
    const a = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_A, region: 'eu-west-1' });
    const b = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_B, kmsKeyArn: KEY, region: 'eu-west-1' });
    // WHEN
    const doc = a.merge(b).compile();
    // THEN
    expect(sid(doc, EsoPolicySids.READ_SECRETS)!.Resource).toEqual([SECRET_B, SECRET_A]);
    expect(sid(doc, EsoPolicySids.KMS_DECRYPT)!.Resource).toEqual([KEY]);
  });

  test('output is the same whatever the order of grants', () => {
    // GIVEN
    const one = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_A, region: 'r' }).readSecret({ arnForPolicies: SECRET_B, region: 'r' });
    const two = new AccessPolicyCompiler().readSecret({ arnForPolicies: SECRET_B, region: 'r' }).readSecret({ arnForPolicies: SECRET_A, region: 'r' });
    // WHEN / THEN
    expect(JSON.stringify(one.compile())).toEqual(JSON.stringify(two.compile()));
  });

  test('10,000 grants compile quickly into one statement per kind', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    const start = Date.now();
    // WHEN
    for (let i = 0; i < 10000; i++) {
      compiler.readSecret({ arnForPolicies: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/${i}-??????`, kmsKeyArn: KEY, region: 'eu-west-1' });
    }
    const doc = compiler.compile();
    // THEN
    expect(doc.Statement).toHaveLength(2);
    expect(doc.Statement[0].Resource).toHaveLength(10000);
    expect(Date.now() - start).toBeLessThan(2000);
  });

  test('fails on a user statement with a data-plane action on every secret', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler({ path: 'decl/stores/main' });
    // WHEN / THEN
    expect(() => compiler.addStatement({ Effect: PolicyEffect.ALLOW, Action: ['secretsmanager:Get*'], Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:*'] }))
      .toThrow('[decl/stores/main] statements[0]: received {"action":"secretsmanager:Get*","resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:*"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on "*", ":secret:*", "parameter/*" or "key/*". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as "arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*".');
  });

  test('fails on a find whose readable ARNs cover every secret (self-check at compile)', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler({ path: 'p' });
    compiler.findSecrets({ kind: SecretFindKind.BY_NAME, readableArns: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:*'], region: 'eu-west-1' });
    // WHEN / THEN
    expect(() => compiler.compile()).toThrow('[p] Statement[0]: received {"action":"secretsmanager:GetSecretValue","resource":"arn:aws:secretsmanager:eu-west-1:111122223333:secret:*"}. Allowed: data-plane actions (secretsmanager:GetSecretValue, ssm:GetParameter*, kms:Decrypt and the like) only on specific ARNs or a narrow name prefix, never on "*", ":secret:*", "parameter/*" or "key/*". Fix: grant on the exact ARNs (secret.grantRead(), parameter.grantRead(), key.grantDecrypt()), or on a prefix such as "arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/*".');
  });

  test('fails on a user statement reusing a derived Sid', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler({ path: 'p' }).readSecret({ arnForPolicies: SECRET_A, region: 'eu-west-1' });
    compiler.addStatement({ Sid: 'ReadSecrets', Effect: PolicyEffect.ALLOW, Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:eu-west-1:111122223333:q'] });
    // WHEN / THEN
    expect(() => compiler.compile()).toThrow('[p] statements[0].Sid: received "ReadSecrets". Allowed: a Sid that no derived statement uses. Fix: rename the Sid of your statement.');
  });

  test('is a grantee of itself and reports emptiness', () => {
    // GIVEN
    const compiler = new AccessPolicyCompiler();
    // WHEN / THEN
    expect(compiler.grantPolicy).toBe(compiler);
    expect(compiler.isEmpty).toBe(true);
    compiler.decrypt({ keyArn: KEY, viaService: KmsViaService.SECRETS_MANAGER, region: 'eu-west-1' });
    expect(compiler.isEmpty).toBe(false);
  });
});
