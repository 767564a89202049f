import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretsmanagerSecretPolicy } from '@cdktf/provider-aws/lib/secretsmanager-secret-policy';
import { TerraformStack, Testing } from 'cdktf';
import { AwsComputeService, AwsConsumerRole, AwsIdentityMode, AwsSecretDeclaration, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { EsoWorkloadRole, IrsaRole, ISecretsManagerSecret, KmsKey, PolicyEffect } from '../../../lib/aws';
import { AccessPolicyCompiler } from '../../../lib/aws/policy/access-policy-compiler';
import { SecretsPlatformInfrastructure } from '../../../lib/platform';
import { FIX, synthErrors } from './helpers';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

function awsPlatform(options: { podIdentity?: boolean } = {}) {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = declaration.addEksCluster('prod', {
    clusterName: 'shop-prod', oidcIssuerUrl: ISSUER, identityMode: options.podIdentity ? AwsIdentityMode.POD_IDENTITY : undefined,
  });
  const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('e', { name: 'e', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
  const stack = new TerraformStack(Testing.app(), 'test');
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const role = infrastructure.identity(declaration.plan().identities[0]) as EsoWorkloadRole;
  return { stack, infrastructure, declaration, role, key, prod };
}

afterEach(() => jest.restoreAllMocks());

describe('output verification: AWS (CES-VER-1..4)', () => {
  test('the rendered output passes: every permission, trust and key policy is planned', () => {
    expect(synthErrors(awsPlatform().stack)).toEqual([]);
    expect(synthErrors(awsPlatform({ podIdentity: true }).stack)).toEqual([]);
  });

  test('a compiler that adds secretsmanager:GetSecretValue on * fails synth (CES-VER-1)', () => {
    // GIVEN a renderer bug: the compiled policy gains a statement the plan never asked for
    const compile = AccessPolicyCompiler.prototype.compile;
    jest.spyOn(AccessPolicyCompiler.prototype, 'compile').mockImplementation(function (this: AccessPolicyCompiler) {
      const document = compile.call(this);
      return { ...document, Statement: [...document.Statement, { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['*'] }] } as ReturnType<typeof compile>;
    });
    // THEN synth fails through the output verification, naming the identity and the extra grant
    expect(synthErrors(awsPlatform().stack)).toEqual([
      '[test/platform] identity controller-prod in aws_iam_role_policy.platform_Identity-controller-prod_AccessPolicy_8E0EF65D.policy: '
      + 'received "secretsmanager:GetSecretValue on *". Allowed: the permissions the plan derives from identity "controller-prod"\'s reads, finds, '
      + `pushes and assumed roles (5 action-resource pairs), each with the conditions the plan requires. ${FIX} (rule CES-VER-1).`,
    ]);
  });

  test('kms:Decrypt without its kms:ViaService condition is an extra grant (CES-VER-1)', () => {
    const compile = AccessPolicyCompiler.prototype.compile;
    jest.spyOn(AccessPolicyCompiler.prototype, 'compile').mockImplementation(function (this: AccessPolicyCompiler) {
      const document = compile.call(this);
      return { ...document, Statement: document.Statement.map(({ Condition: _dropped, ...s }) => s) } as ReturnType<typeof compile>;
    });
    const errors = synthErrors(awsPlatform().stack);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/received "kms:Decrypt on \$\{aws_kms_key\.platform_KmsKey-k_[0-9A-F]+\.arn\}"\. Allowed: .* \(rule CES-VER-1\)\.$/);
  });

  test('an AWS managed policy attached to an identity role anywhere in the stack fails synth (CES-VER-1)', () => {
    const { stack, role } = awsPlatform();
    new IamRolePolicyAttachment(stack, 'admin', { role: role.role.name, policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(synthErrors(stack)).toEqual([
      '[test/platform] identity controller-prod in aws_iam_role_policy_attachment.admin.policy_arn: '
      + 'received "the attached policy arn:aws:iam::aws:policy/AdministratorAccess". Allowed: only policies of this stack whose every permission the plan '
      + `grants identity "controller-prod". ${FIX} (rule CES-VER-1).`,
    ]);
  });

  test('a trust widened to every service account (an override on the role) fails synth (CES-VER-2)', () => {
    // GIVEN an injection: the trust policy overridden with a wildcard subject
    const { stack, role } = awsPlatform();
    const trust = role.trustPolicy();
    const statement = trust.Statement[0] as unknown as { Condition: { StringEquals: Record<string, string> } };
    statement.Condition.StringEquals['oidc.eks.eu-west-1.amazonaws.com/id/PROD:sub'] = 'system:serviceaccount:*:*';
    role.role.addOverride('assume_role_policy', JSON.stringify(trust));
    // THEN the extra trust and the missing planned one are both reported
    const errors = synthErrors(stack);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^\[test\/platform\] identity controller-prod in aws_iam_role\.platform_Identity-controller-prod_[0-9A-F]+\.assume_role_policy: received "trust Federated=\$\{aws_iam_openid_connect_provider\.platform_OidcProvider-prod_[0-9A-F]+\.arn\} \| sts:AssumeRoleWithWebIdentity \| StringEquals oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/PROD:aud=sts\.amazonaws\.com \| StringEquals oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/PROD:sub=system:serviceaccount:\*:\*"\. Allowed: exactly the planned trust: .*:sub=system:serviceaccount:external-secrets:external-secrets\. .* \(rule CES-VER-2\)\.$/);
    expect(errors[1]).toMatch(/received "no trust Federated=.*:sub=system:serviceaccount:external-secrets:external-secrets"\. .*\(rule CES-VER-2\)\.$/);
  });

  test('a trust statement added by a renderer bug (another service account) fails synth (CES-VER-2)', () => {
    const trustStatements = IrsaRole.prototype['trustStatements' as keyof IrsaRole] as () => Array<Record<string, unknown>>;
    jest.spyOn(IrsaRole.prototype as unknown as { trustStatements: () => unknown[] }, 'trustStatements').mockImplementation(function (this: IrsaRole) {
      const statements = trustStatements.call(this);
      const [first] = statements as Array<{ Condition: { StringEquals: Record<string, string> } }>;
      const widened = { ...first, Condition: { StringEquals: { ...first.Condition.StringEquals, 'oidc.eks.eu-west-1.amazonaws.com/id/PROD:sub': 'system:serviceaccount:default:default' } } };
      return [...statements, widened];
    });
    const errors = synthErrors(awsPlatform().stack);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/received "trust Federated=.* \| StringEquals oidc\.eks\.eu-west-1\.amazonaws\.com\/id\/PROD:sub=system:serviceaccount:default:default"\. .*\(rule CES-VER-2\)\.$/);
  });

  test('a Pod Identity association of another service account fails synth (CES-VER-3)', () => {
    const { stack, role } = awsPlatform({ podIdentity: true });
    (role as unknown as { addAssociation(a: unknown): void }).addAssociation({ clusterName: 'shop-prod', serviceAccount: { namespace: 'default', name: 'default' } });
    const errors = synthErrors(stack);
    expect(errors.filter((e) => e.includes('CES-VER-3'))).toEqual([
      '[test/platform] identity controller-prod in aws_eks_pod_identity_association: received "association shop-prod default:default". '
      + `Allowed: exactly the planned associations: shop-prod external-secrets:external-secrets. ${FIX} (rule CES-VER-3).`,
    ]);
  });

  test('a resource policy on a declared secret fails synth (CES-VER-1)', () => {
    const { stack, infrastructure, declaration } = awsPlatform();
    const secret = infrastructure.awsSecret(declaration.secrets[0] as AwsSecretDeclaration) as ISecretsManagerSecret;
    new SecretsmanagerSecretPolicy(stack, 'open', {
      secretArn: secret.secretArn,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'secretsmanager:GetSecretValue', Resource: '*' }] }),
    });
    expect(synthErrors(stack)).toEqual([
      '[test/platform] secrets/db in aws_secretsmanager_secret_policy.open.policy: received "a resource policy on a declared secret". '
      + `Allowed: no resource policy: the plan grants declared secrets only through the identity roles. ${FIX} (rule CES-VER-1).`,
    ]);
  });

  test('a KMS key policy granting another principal fails synth (CES-VER-4)', () => {
    const { stack, infrastructure, declaration } = awsPlatform();
    const key = infrastructure.kmsKey(declaration.kmsKeys[0]) as KmsKey;
    key.addToKeyPolicy({ Sid: 'Outsider', Effect: PolicyEffect.ALLOW, Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: ['kms:Decrypt'], Resource: ['*'] });
    expect(synthErrors(stack)).toEqual([
      expect.stringMatching(/^\[test\/platform\] kmsKeys\/k in aws_kms_key\.platform_KmsKey-k_[0-9A-F]+\.policy: received "AWS=arn:aws:iam::999999999999:root"\. Allowed: only the account root AWS=arn:aws:iam::111122223333:root\. .* \(rule CES-VER-4\)\.$/),
    ]);
  });
});

describe('output verification: AWS consumers outside Kubernetes (CES-VER-1)', () => {
  function consumerPlatform() {
    const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
    const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
    declaration.addAwsConsumer('invoices', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), secrets: [db] });
    declaration.addAwsConsumer('reports', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/reports'), secrets: [db] });
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    return stack;
  }

  test('the consumers\' policies pass: exactly their declared secrets, the key via Secrets Manager', () => {
    expect(synthErrors(consumerPlatform())).toEqual([]);
  });

  test('an extra grant on a created or an existing consumer role fails synth, naming the consumer', () => {
    // GIVEN a renderer bug: every compiled policy gains a statement the plan never asked for
    const compile = AccessPolicyCompiler.prototype.compile;
    jest.spyOn(AccessPolicyCompiler.prototype, 'compile').mockImplementation(function (this: AccessPolicyCompiler) {
      const document = compile.call(this);
      return { ...document, Statement: [...document.Statement, { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: ['*'] }] } as ReturnType<typeof compile>;
    });
    // THEN
    const errors = synthErrors(consumerPlatform());
    expect(errors.map((e) => e.replace(/_[0-9A-F]{8}\.policy/, '.policy'))).toEqual([
      '[test/platform] AWS consumer invoices in aws_iam_role_policy.platform_AwsConsumerPolicy-invoices.policy: received "secretsmanager:GetSecretValue on *". '
      + 'Allowed: the permissions the plan derives from AWS consumer "invoices"\'s declared secrets (5 action-resource pairs), each with the conditions the plan requires. '
      + `${FIX} (rule CES-VER-1).`,
      '[test/platform] AWS consumer reports in aws_iam_role_policy.platform_AwsConsumerPolicy-reports.policy: received "secretsmanager:GetSecretValue on *". '
      + 'Allowed: the permissions the plan derives from AWS consumer "reports"\'s declared secrets (5 action-resource pairs), each with the conditions the plan requires. '
      + `${FIX} (rule CES-VER-1).`,
    ]);
  });
});

describe('output verification: a created consumer role\'s trust (CES-VER-2)', () => {
  test('a widened trust on the role created for a Lambda function fails synth, naming the consumer', () => {
    // GIVEN an override that lets every principal of another account assume the consumer's role
    const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
    declaration.addAwsConsumer('invoices', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), secrets: [db] });
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    expect(synthErrors(stack)).toEqual([]);
    const role = stack.node.findAll().find((c) => c instanceof IamRole && c.node.id === 'AwsConsumerRole-invoices') as IamRole;
    role.addOverride('assume_role_policy', JSON.stringify({ Version: '2012-10-17', Statement: [
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'sts:AssumeRole' },
    ] }));
    // THEN
    expect(synthErrors(stack).map((e) => e.replace(/_[0-9A-F]{8}\./, '.'))).toEqual([
      '[test/platform] AWS consumer invoices in aws_iam_role.platform_AwsConsumerRole-invoices.assume_role_policy: received "trust AWS=arn:aws:iam::999999999999:root | sts:AssumeRole". '
      + `Allowed: exactly the planned trust: Service=lambda.amazonaws.com | sts:AssumeRole. ${FIX} (rule CES-VER-2).`,
    ]);
  });
});

describe('output verification: a rotation function\'s role (CES-VER-1)', () => {
  function rotationPlatform() {
    const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
    declaration.addSecretsManagerSecret('db', {
      name: 'shop/db', kmsKey: key,
      rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate-db', functionRoleName: 'rotate-db' },
    });
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    return stack;
  }

  test('the function\'s grant passes: its secret\'s rotation actions and the key via Secrets Manager', () => {
    expect(synthErrors(rotationPlatform())).toEqual([]);
  });

  test('an extra grant on the rotation function\'s role fails synth, naming the secret', () => {
    const compile = AccessPolicyCompiler.prototype.compile;
    jest.spyOn(AccessPolicyCompiler.prototype, 'compile').mockImplementation(function (this: AccessPolicyCompiler) {
      const document = compile.call(this);
      return { ...document, Statement: [...document.Statement, { Effect: 'Allow', Action: ['secretsmanager:DeleteSecret'], Resource: ['*'] }] } as ReturnType<typeof compile>;
    });
    expect(synthErrors(rotationPlatform()).map((e) => e.replace(/_[0-9A-F]{8}\.policy/, '.policy'))).toEqual([
      '[test/platform] rotation function of secrets/db in aws_iam_role_policy.platform_Secret-db_RotationFunctionPolicy.policy: received "secretsmanager:DeleteSecret on *". '
      + 'Allowed: the permissions the plan derives from the rotation of secret "db" (6 action-resource pairs), each with the conditions the plan requires. '
      + `${FIX} (rule CES-VER-1).`,
    ]);
  });
});
