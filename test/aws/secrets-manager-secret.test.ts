import { TerraformVariable } from 'cdktf';
import { Duration } from '../../lib/core/duration';
import { AccessPolicyCompiler, EsoPolicySids } from '../../lib/aws/policy/access-policy-compiler';
import { KmsKey } from '../../lib/aws/kms-key';
import { PolicyEffect } from '../../lib/aws/policy/policy-document';
import { RotationSchedule } from '../../lib/aws/rotation-schedule';
import { SecretValueSource } from '../../lib/aws/secret-value-source';
import { SecretsManagerSecret } from '../../lib/aws/secrets-manager-secret';
import { findResource, Json, literalEnv, makeStack, resourcesOf, synth } from './util';

/** Every string path in a JSON value whose key matches. */
function keysNamed(value: Json, name: string, out: string[] = [], path = ''): string[] {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === name) {
        out.push(`${path}.${k}`);
      }
      keysNamed(v, name, out, `${path}.${k}`);
    }
  }
  return out;
}

describe('SecretsManagerSecret', () => {
  test('creates an empty secret with a customer-managed key, recovery window, tags, replicas and a resource policy', () => {
    // GIVEN
    const stack = makeStack();
    const key = new KmsKey(stack, 'Key', { environment: literalEnv() });
    // WHEN
    const secret = new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/db',
      description: 'database',
      encryptionKey: key,
      recoveryWindow: Duration.days(7),
      tags: { team: 'a' },
      replicaRegions: [{ region: 'eu-central-1' }, { region: 'eu-north-1', encryptionKey: KmsKey.fromKeyArn(stack, 'Replica', 'arn:aws:kms:eu-north-1:111122223333:key/r') }],
      resourcePolicy: { Version: '2012-10-17', Statement: [{ Effect: PolicyEffect.DENY, Principal: { AWS: '*' }, Action: ['secretsmanager:DeleteSecret'], Resource: ['*'] }] },
      environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    const resource = findResource(json, 'aws_secretsmanager_secret');
    expect(resource).toMatchObject({
      name: 'team-a/db', description: 'database', recovery_window_in_days: 7, tags: { team: 'a' }, region: 'eu-west-1',
      replica: [{ region: 'eu-central-1' }, { region: 'eu-north-1', kms_key_id: 'arn:aws:kms:eu-north-1:111122223333:key/r' }],
    });
    expect(resource.kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    const policy = findResource(json, 'aws_secretsmanager_secret_policy');
    expect(policy.block_public_policy).toBe(true);
    expect(JSON.parse(policy.policy).Statement[0].Action).toEqual(['secretsmanager:DeleteSecret']);
    expect(resourcesOf(json, 'aws_secretsmanager_secret_version')).toHaveLength(0);
    expect(secret.arnForPolicies).toBe('arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????');
    expect(secret.secretName).toBe('team-a/db');
    expect(secret.encryptionKey).toBe(key);
  });

  test('a value from a sensitive variable goes only through secret_string_wo, never secret_string', () => {
    // GIVEN
    const stack = makeStack();
    const variable = new TerraformVariable(stack, 'db_password', { type: 'string', sensitive: true });
    // WHEN
    new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/db', value: SecretValueSource.fromSensitiveVariable(variable, { version: 3 }), environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    const version = findResource(json, 'aws_secretsmanager_secret_version');
    expect(version.secret_string_wo).toBe('${var.db_password}');
    expect(version.secret_string_wo_version).toBe(3);
    // Behind a write-only attribute the variable is ephemeral as well as sensitive: a saved plan does not hold it.
    expect(json.variable.db_password).toEqual({ type: 'string', sensitive: true, ephemeral: true });
    expect(json.variable.db_password.default).toBeUndefined();
    expect(keysNamed(json, 'secret_string')).toEqual([]);
    expect(keysNamed(json, 'secret_binary')).toEqual([]);
  });

  test('a generated password uses the ephemeral random-password block, never the data source', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/api', value: SecretValueSource.generatedPassword({ length: 48, excludePunctuation: true }), environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    const ephemeral = json.ephemeral.aws_secretsmanager_random_password;
    const names = Object.keys(ephemeral);
    expect(names).toHaveLength(1);
    expect(ephemeral[names[0]]).toEqual({ password_length: 48, require_each_included_type: true, exclude_punctuation: true, region: 'eu-west-1' });
    const version = findResource(json, 'aws_secretsmanager_secret_version');
    expect(version.secret_string_wo).toBe(`\${ephemeral.aws_secretsmanager_random_password.${names[0]}.random_password}`);
    expect(json.data?.aws_secretsmanager_random_password).toBeUndefined();
    expect(keysNamed(json, 'secret_string')).toEqual([]);
  });

  test('rotation with a Lambda and a schedule', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/db',
      rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.everyDays(30) },
      environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    expect(findResource(json, 'aws_secretsmanager_secret_rotation')).toMatchObject({
      rotation_lambda_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
      rotate_immediately: true,
      rotation_rules: { automatically_after_days: 30 },
    });
  });

  test('rotation: Secrets Manager may invoke the function for this secret only, and the function role gets exactly the rotation grants', () => {
    // GIVEN
    const stack = makeStack();
    const key = KmsKey.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:111122223333:key/k');
    // WHEN
    new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/db', encryptionKey: key,
      rotation: {
        rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.everyDays(30),
        functionRoleName: 'rotate-db-execution',
      },
      environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    const permission = findResource(json, 'aws_lambda_permission');
    expect(permission).toEqual({
      action: 'lambda:InvokeFunction',
      function_name: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate',
      principal: 'secretsmanager.amazonaws.com',
      source_arn: expect.stringMatching(/^\$\{aws_secretsmanager_secret\.Secret_[A-Za-z0-9_]+\.arn\}$/),
      source_account: '111122223333',
      statement_id: 'SecretsManagerRotation-team-a_db-fb696b48',
      region: 'eu-west-1',
    });
    const policy = findResource(json, 'aws_iam_role_policy');
    expect(policy.role).toBe('rotate-db-execution');
    expect(JSON.parse(policy.policy).Statement).toEqual([
      {
        Sid: 'RotateSecrets', Effect: 'Allow',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
        Resource: ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????'],
      },
      {
        Sid: 'RotateSecretsKmsOnlyViaSecretsManager', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: ['arn:aws:kms:eu-west-1:111122223333:key/k'],
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
      },
    ]);
    // The first rotation (rotate_immediately) runs only once the function may be invoked and has its grants.
    const rotation = findResource(json, 'aws_secretsmanager_secret_rotation');
    expect(rotation.depends_on).toEqual([
      expect.stringMatching(/^aws_lambda_permission\./), expect.stringMatching(/^aws_iam_role_policy\./),
    ]);
  });

  test('rotation with grantInvoke: false and no function role emits neither a permission nor a grant', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/db',
      rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.everyDays(7), grantInvoke: false },
      environment: literalEnv(),
    });
    const json = synth(stack);
    // THEN
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual([]);
    expect(resourcesOf(json, 'aws_iam_role_policy')).toEqual([]);
    expect(findResource(json, 'aws_secretsmanager_secret_rotation').depends_on).toBeUndefined();
  });

  test('rotation.functionRoleName that is not an IAM role name', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SecretsManagerSecret(stack, 'Secret', {
      secretName: 'team-a/db',
      rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', schedule: RotationSchedule.everyDays(7), functionRoleName: 'arn:aws:iam::111122223333:role/rotate' },
      environment: literalEnv(),
    })).toThrow('[stack/Secret] rotation.functionRoleName: received "arn:aws:iam::111122223333:role/rotate". Allowed: 1 to 64 characters among letters, digits and +=,.@_-. Fix: shorten or rename the role, for example "eso-team-a".');
  });

  test('grantRead: read actions on the secret, kms:Decrypt on its key only via Secrets Manager', () => {
    // GIVEN
    const stack = makeStack();
    const key = KmsKey.fromKeyArn(stack, 'Key', 'arn:aws:kms:eu-west-1:111122223333:key/k');
    const secret = new SecretsManagerSecret(stack, 'Secret', { secretName: 'team-a/db', encryptionKey: key, environment: literalEnv() });
    const compiler = new AccessPolicyCompiler();
    // WHEN
    const grant = secret.grantRead(compiler);
    const doc = compiler.compile();
    // THEN
    expect(grant.resourceArns).toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:team-a/db-??????']);
    expect(doc.Statement.find((s) => s.Sid === EsoPolicySids.KMS_DECRYPT)).toEqual({
      Sid: 'KmsDecryptOnlyViaService', Effect: 'Allow', Action: ['kms:Decrypt'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/k'],
      Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } },
    });
  });

  test('without a literal environment, ARNs come from data sources created once per stack', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    new SecretsManagerSecret(stack, 'A', { secretName: 'a' });
    new SecretsManagerSecret(stack, 'B', { secretName: 'b' });
    const json = synth(stack);
    // THEN
    expect(Object.keys(json.data.aws_caller_identity)).toHaveLength(1);
    expect(Object.keys(json.data.aws_region)).toHaveLength(1);
    expect(Object.keys(json.data.aws_partition)).toHaveLength(1);
    expect(findResource(json, 'aws_secretsmanager_secret', (r) => r.name === 'a').region).toBeUndefined();
  });

  test('fromSecretName imports without creating anything', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const imported = SecretsManagerSecret.fromSecretName(stack, 'Imported', { secretName: 'shared/api', region: 'us-gov-west-1', account: '111122223333' });
    const json = synth(stack);
    // THEN
    expect(imported.arnForPolicies).toBe('arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:shared/api-??????');
    expect(imported.secretArn).toBe('arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:shared/api');
    expect(json.resource).toBeUndefined();
  });

  test('fails on an invalid secret name', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SecretsManagerSecret(stack, 'Secret', { secretName: 'team a/db', environment: literalEnv() }))
      .toThrow('[stack/Secret] secretName: received "team a/db". Allowed: 1 to 512 characters among letters, digits and /_+=.@-. Fix: rename the secret, for example "team/app/database".');
  });

  test('warns on a name ending in a hyphen and six characters', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN
    const secret = new SecretsManagerSecret(stack, 'Secret', { secretName: 'db-abcdef', environment: literalEnv() });
    // THEN
    const warnings = secret.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => m.data);
    expect(warnings).toEqual(['[stack/Secret] secretName: received "db-abcdef". Allowed: 1 to 512 characters among letters, digits and /_+=.@-, not ending in a hyphen followed by six characters (Secrets Manager appends "-" and six random characters to every ARN, so such a name is mistaken for an ARN suffix). Fix: change the end of the name, for example replace the last hyphen with "_" or "/".']);
  });

  test('fails on a recovery window out of range', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SecretsManagerSecret(stack, 'Secret', { secretName: 'db', recoveryWindow: Duration.days(3), environment: literalEnv() }))
      .toThrow('[stack/Secret] recoveryWindow: received 3. Allowed: 0 (delete without recovery) or a whole number of days from 7 to 30. Fix: pass Duration.days(n) with n = 0 or 7 <= n <= 30.');
  });

  test('fails on a plaintext value cast to a value source, without echoing it', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => new SecretsManagerSecret(stack, 'Secret', { secretName: 'db', value: 'hunter2' as unknown as SecretValueSource, environment: literalEnv() }))
      .toThrow('[stack/Secret] value: received "<a plain string, value not shown>". Allowed: a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options). Fix: never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable).');
  });

  test('fails on an invalid imported secret name', () => {
    // GIVEN
    const stack = makeStack();
    // WHEN / THEN
    expect(() => SecretsManagerSecret.fromSecretName(stack, 'Imported', { secretName: 'bad name', region: 'eu-west-1', account: '111122223333' }))
      .toThrow('[stack/Imported] secretName: received "bad name". Allowed: 1 to 512 characters among letters, digits and /_+=.@-. Fix: rename the secret, for example "team/app/database".');
  });
});
