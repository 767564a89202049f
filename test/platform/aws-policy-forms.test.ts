/**
 * Exact AWS grants at any size: the plan chooses per identity the exact ARN list, the grant tag bounded
 * by the owned prefix, or managed policies; the synthesized policies (cdktf validations on) stay within
 * IAM's limits and, simulated with a small IAM evaluator, allow every declared read and deny every
 * other one: look-alike names, secrets created later under the prefix, the grant tag copied elsewhere.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { ownedPrefixGuardrailPolicy } from '../../lib/aws';
import { EsoAuthModel, GRANT_SET_TAG_KEY, IAM_POLICY_LIMITS, IdentityPlan, SecretBackend, SecretsDeclaration, StoreScope } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { EvalPolicy, evaluate } from '../helpers/iam-evaluator';
import { resourcesOf, TerraformJson } from '../helpers/terraform';

const ACCOUNT = '111122223333';
const REGION = 'eu-west-1';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const DEPLOYER = `arn:aws:iam::${ACCOUNT}:role/terraform-deployer`;
const READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'];

interface EstateOptions {
  /** Secrets the controller's ClusterSecretStore reads (namespace `platform`). */
  readonly shared: number;
  /** Team namespaces, each with its own store identity. */
  readonly teams: number;
  /** Secrets each team reads. */
  readonly perTeam: number;
  /** Owned prefix. */
  readonly ownedSecretNamePrefix?: string;
  /** Folder of the shared secrets (default `shop/shared/`). */
  readonly sharedFolder?: string;
  readonly managedPoliciesAttachedElsewhere?: number;
}

/** What the test itself says each identity may read (independent of the plan): identity id → secret names. */
type Expected = Map<string, Set<string>>;

function pad(n: number): string {
  return String(n).padStart(4, '0');
}

/** One EKS cluster; the controller's store reads the shared secrets, each team namespace its own through its own identity. */
function estate(options: EstateOptions): { declaration: SecretsDeclaration; expected: Expected } {
  const d = new SecretsDeclaration({
    name: 'shop',
    aws: {
      accountId: ACCOUNT, region: REGION, ownedSecretNamePrefix: options.ownedSecretNamePrefix,
      managedPoliciesAttachedElsewhere: options.managedPoliciesAttachedElsewhere,
    },
  });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
  const expected: Expected = new Map();
  const shared = d.addAwsStore('shared', { name: 'shared', service: SecretBackend.AWS_SECRETS_MANAGER });
  const sharedSecrets = Array.from({ length: options.shared }, (_, i) =>
    d.addSecretsManagerSecret(`shared-${pad(i)}`, { name: `${options.sharedFolder ?? 'shop/shared/'}s${pad(i)}` }));
  for (let i = 0; i < sharedSecrets.length; i += 10) {
    d.addExternalSecret(`shared-${pad(i)}`, {
      name: `shared-${pad(i)}`, namespace: 'platform', store: shared,
      data: sharedSecrets.slice(i, i + 10).map((secret, j) => ({ secretKey: `k${j}`, secret })),
    });
  }
  expected.set('controller-prod', new Set(sharedSecrets.map((s) => s.name)));
  const team = d.addAwsStore('team', { name: 'team', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  for (let t = 0; t < options.teams; t++) {
    const ns = `team-${pad(t)}`;
    const secrets = Array.from({ length: options.perTeam }, (_, j) => d.addSecretsManagerSecret(`${ns}-${j}`, { name: `shop/${ns}/s${j}` }));
    d.addExternalSecret(ns, { name: 'app', namespace: ns, store: team, data: secrets.map((secret, j) => ({ secretKey: `k${j}`, secret })) });
    expected.set(`store-team-${ns}`, new Set(secrets.map((s) => s.name)));
  }
  return { declaration: d, expected };
}

function synth(declaration: SecretsDeclaration): { json: TerraformJson; stack: TerraformStack } {
  const stack = new TerraformStack(Testing.app() as App, 'cloud');
  new AwsProvider(stack, 'aws', { region: REGION });
  new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  // Validations on: the policy size checks and the output verification run.
  return { json: JSON.parse(Testing.synth(stack, true)) as TerraformJson, stack };
}

interface RolePolicies {
  readonly inline: string[];
  readonly managed: string[];
}

/** Every policy attached to each role, by role name, as emitted (JSON text, whitespace-free like IAM counts). */
function policiesByRole(json: TerraformJson): Map<string, RolePolicies> {
  const roles = json.resource?.aws_iam_role ?? {};
  const nameOf = new Map(Object.entries(roles).map(([id, body]) => [`\${aws_iam_role.${id}.name}`, body.name as string]));
  const managed = new Map(Object.entries(json.resource?.aws_iam_policy ?? {}).map(([id, body]) => [`\${aws_iam_policy.${id}.arn}`, body.policy as string]));
  const result = new Map<string, RolePolicies>([...nameOf.values()].map((n) => [n, { inline: [], managed: [] }]));
  for (const policy of resourcesOf(json, 'aws_iam_role_policy')) {
    result.get(nameOf.get(policy.role as string)!)!.inline.push(policy.policy as string);
  }
  for (const attachment of resourcesOf(json, 'aws_iam_role_policy_attachment')) {
    result.get(nameOf.get(attachment.role as string)!)!.managed.push(managed.get(attachment.policy_arn as string)!);
  }
  return result;
}

/** Tags of every emitted secret, by secret name. */
function secretTags(json: TerraformJson): Map<string, Record<string, string>> {
  return new Map(resourcesOf(json, 'aws_secretsmanager_secret').map((s) => [s.name as string, (s.tags ?? {}) as Record<string, string>]));
}

/** A real secret ARN: the name and the random six characters Secrets Manager appends. */
function secretArn(name: string, suffix = 'AbC123'): string {
  return `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${suffix}`;
}

function assertWithinLimits(policies: Map<string, RolePolicies>, attachedElsewhere = 0): void {
  for (const [role, { inline, managed }] of policies) {
    const inlineChars = inline.reduce((sum, p) => sum + JSON.stringify(JSON.parse(p)).length, 0);
    expect({ role, inlineOver: inlineChars > IAM_POLICY_LIMITS.INLINE }).toEqual({ role, inlineOver: false });
    managed.forEach((p) => expect({ role, managedOver: JSON.stringify(JSON.parse(p)).length > IAM_POLICY_LIMITS.MANAGED }).toEqual({ role, managedOver: false }));
    expect({ role, attachmentsOver: managed.length + attachedElsewhere > IAM_POLICY_LIMITS.ATTACHMENTS }).toEqual({ role, attachmentsOver: false });
  }
}

/**
 * Simulates every identity against every emitted secret: allowed exactly where the test expects.
 * Returns the number of requests evaluated.
 */
function simulate(plan: readonly IdentityPlan[], policies: Map<string, RolePolicies>, tags: Map<string, Record<string, string>>, expected: Expected): number {
  let evaluated = 0;
  const wrong: string[] = [];
  for (const identity of plan) {
    const documents: EvalPolicy[] = [...policies.get(identity.aws!.roleName)!.inline, ...policies.get(identity.aws!.roleName)!.managed]
      .map((p) => JSON.parse(p) as EvalPolicy);
    const reads = expected.get(identity.id)!;
    for (const [name, resourceTags] of tags) {
      for (const action of READ_ACTIONS) {
        const decision = evaluate(documents, { action, resource: secretArn(name), resourceTags });
        evaluated++;
        if ((decision === 'allow') !== reads.has(name)) {
          wrong.push(`${identity.id} ${action} ${name}: ${decision}`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
  return evaluated;
}

describe('AWS policy forms', () => {
  test('arn-list: identities whose exact ARNs fit the inline policy read by exact ARN, and no secret carries the grant tag', () => {
    // GIVEN a small estate that owns a prefix
    const { declaration, expected } = estate({ shared: 20, teams: 3, perTeam: 10, ownedSecretNamePrefix: 'shop/' });
    // WHEN
    const plan = declaration.plan();
    const { json } = synth(declaration);
    // THEN every identity uses the ARN list, with its measured reason
    expect(plan.identities.map((i) => [i.id, i.policyForm?.form])).toEqual([
      ['controller-prod', 'arn-list'], ['store-team-team-0000', 'arn-list'], ['store-team-team-0001', 'arn-list'], ['store-team-team-0002', 'arn-list'],
    ]);
    expect(plan.identities[0].policyForm?.reason).toBe('20 exact ARNs (1600 characters) fit the inline policy (8192 of 10240 characters for reads)');
    const tags = secretTags(json);
    expect([...tags.values()].filter((t) => GRANT_SET_TAG_KEY in t)).toEqual([]);
    const policies = policiesByRole(json);
    assertWithinLimits(policies);
    expect(resourcesOf(json, 'aws_iam_policy')).toEqual([]);
    simulate(plan.identities, policies, tags, expected);
  });

  test('tag-and-prefix: the issue\'s estate (1,000 secrets on the controller\'s store, 100 teams x 10) synthesizes within IAM limits and simulates exactly', () => {
    // GIVEN one EKS cluster, 2,000 secrets under the owned prefix "shop/"
    const { declaration, expected } = estate({ shared: 1000, teams: 100, perTeam: 10, ownedSecretNamePrefix: 'shop/' });
    // WHEN
    const plan = declaration.plan();
    const { json } = synth(declaration);
    // THEN the controller reads by grant tag bounded by the prefix, the teams by exact ARN
    const controller = plan.identities.find((i) => i.id === 'controller-prod')!;
    expect(controller.policyForm).toEqual({
      form: 'tag-and-prefix',
      reason: '1000 exact ARNs (80000 characters) exceed the inline policy (8192 characters for reads): 1000 secrets created under the owned prefix "shop/" are read by tag cdk-external-secrets/grant-set (1 value), 0 by exact ARN',
    });
    expect(plan.identities.filter((i) => i.id !== 'controller-prod').every((i) => i.policyForm?.form === 'arn-list')).toBe(true);
    expect(plan.identities).toHaveLength(101);
    const policies = policiesByRole(json);
    assertWithinLimits(policies);
    const statement = (JSON.parse(policies.get(controller.aws!.roleName)!.inline[0]) as EvalPolicy).Statement;
    expect(statement).toEqual([{
      Sid: 'ReadSecretsByGrantTagUnderOwnedPrefix', Effect: 'Allow',
      Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
      Resource: [`arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:shop/*`],
      Condition: { StringEquals: { [`secretsmanager:ResourceTag/${GRANT_SET_TAG_KEY}`]: controller.aws!.grants!.tagValues[0] } },
    }]);
    // Only the shared secrets carry the grant tag, all with the controller's one value
    const tags = secretTags(json);
    const tagged = [...tags].filter(([, t]) => GRANT_SET_TAG_KEY in t);
    expect(tagged).toHaveLength(1000);
    expect(new Set(tagged.map(([, t]) => t[GRANT_SET_TAG_KEY]))).toEqual(new Set(controller.aws!.grants!.tagValues));
    expect(tagged.every(([name]) => name.startsWith('shop/shared/'))).toBe(true);
    // Every identity x every secret x read actions: allowed exactly where declared
    expect(simulate(plan.identities, policies, tags, expected)).toBe(101 * 2000 * 2);

    // Secrets the declaration did not declare for the controller are denied whatever they look like
    const controllerPolicies = policies.get(controller.aws!.roleName)!.inline.map((p) => JSON.parse(p) as EvalPolicy);
    const value = controller.aws!.grants!.tagValues[0];
    const read = (name: string, resourceTags: Record<string, string> = {}) =>
      evaluate(controllerPolicies, { action: 'secretsmanager:GetSecretValue', resource: secretArn(name), resourceTags });
    expect(read('shop/shared/s0001', { [GRANT_SET_TAG_KEY]: value })).toBe('allow');
    // created later under the prefix by someone else, without the tag
    expect(read('shop/shared/s9999')).toBe('implicit-deny');
    // look-alikes outside the prefix, even carrying a copied grant tag
    expect(read('shop2/shared/s0001', { [GRANT_SET_TAG_KEY]: value })).toBe('implicit-deny');
    expect(read('shopx', { [GRANT_SET_TAG_KEY]: value })).toBe('implicit-deny');
    expect(read('other/s0001', { [GRANT_SET_TAG_KEY]: value })).toBe('implicit-deny');
    // a team's secret (under the prefix, tag of another set) is not the controller's
    expect(read('shop/team-0001/s1', { [GRANT_SET_TAG_KEY]: 'gs-0000' })).toBe('implicit-deny');
    // Under the prefix, copying the tag is what the guardrail SCP forbids to anyone but the deployer
    const scp = ownedPrefixGuardrailPolicy({ declaration, deployerRoleArns: [DEPLOYER] }) as unknown as EvalPolicy;
    const intruder = `arn:aws:iam::${ACCOUNT}:role/some-team`;
    const create = (principalArn: string, name: string, requestTags: Record<string, string>) =>
      evaluate([], { action: 'secretsmanager:CreateSecret', resource: secretArn(name), requestTags, principalArn }, [scp]);
    expect(create(intruder, 'shop/shared/s9999', { [GRANT_SET_TAG_KEY]: value })).toBe('explicit-deny');
    expect(create(intruder, 'shop/shared/s9999', {})).toBe('explicit-deny');
    expect(create(intruder, 'elsewhere/x', { [GRANT_SET_TAG_KEY.toUpperCase()]: value })).toBe('explicit-deny');
    expect(create(intruder, 'elsewhere/x', { team: 'a' })).not.toBe('explicit-deny');
    expect(create(DEPLOYER, 'shop/shared/s9999', { [GRANT_SET_TAG_KEY]: value })).not.toBe('explicit-deny');
    const tag = (action: string, principalArn: string) => evaluate([], {
      action, resource: secretArn('shop/team-0001/s1'), principalArn, requestTags: action === 'secretsmanager:TagResource' ? { [GRANT_SET_TAG_KEY]: value } : undefined,
      tagKeys: action === 'secretsmanager:UntagResource' ? [GRANT_SET_TAG_KEY] : undefined,
    }, [scp]);
    expect(tag('secretsmanager:TagResource', intruder)).toBe('explicit-deny');
    expect(tag('secretsmanager:UntagResource', intruder)).toBe('explicit-deny');
    expect(tag('secretsmanager:TagResource', DEPLOYER)).not.toBe('explicit-deny');
  });

  test('tag-and-prefix: identities sharing secrets get one grant-set value per distinct set of readers', () => {
    // GIVEN two cluster stores (two identities) reading overlapping sets of 150 secrets each
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: ACCOUNT, region: REGION, ownedSecretNamePrefix: 'shop/' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const a = d.addAwsStore('a', { name: 'a', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const b = d.addAwsStore('b', { name: 'b', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const secrets = Array.from({ length: 300 }, (_, i) => d.addSecretsManagerSecret(`s${pad(i)}`, { name: `shop/s/${pad(i)}` }));
    for (let i = 0; i < 20; i++) {
      // a reads 0..199, b reads 100..299: three sets of readers ({a}, {a,b}, {b})
      d.addExternalSecret(`a${i}`, { name: `a${i}`, namespace: 'x', store: a, data: secrets.slice(i * 10, i * 10 + 10).map((secret, j) => ({ secretKey: `k${j}`, secret })) });
      d.addExternalSecret(`b${i}`, { name: `b${i}`, namespace: 'x', store: b, data: secrets.slice(100 + i * 10, 110 + i * 10).map((secret, j) => ({ secretKey: `k${j}`, secret })) });
    }
    // WHEN
    const plan = d.plan();
    const { json } = synth(d);
    // THEN
    const [ia, ib] = ['store-a', 'store-b'].map((id) => plan.identities.find((i) => i.id === id)!);
    expect([ia.policyForm?.form, ib.policyForm?.form]).toEqual(['tag-and-prefix', 'tag-and-prefix']);
    expect(ia.aws!.grants!.tagValues).toHaveLength(2);
    expect(ib.aws!.grants!.tagValues).toHaveLength(2);
    const common = ia.aws!.grants!.tagValues.filter((v) => ib.aws!.grants!.tagValues.includes(v));
    expect(common).toHaveLength(1);
    const expected: Expected = new Map([
      ['store-a', new Set(secrets.slice(0, 200).map((s) => s.name))],
      ['store-b', new Set(secrets.slice(100).map((s) => s.name))],
    ]);
    const policies = policiesByRole(json);
    assertWithinLimits(policies);
    simulate([ia, ib], policies, secretTags(json), expected);
  });

  test('managed-policies: without an owned prefix, 200 exact ARNs are split over managed policies of at most 6,144 characters', () => {
    // GIVEN no owned prefix
    const { declaration, expected } = estate({ shared: 200, teams: 2, perTeam: 10 });
    // WHEN
    const plan = declaration.plan();
    const { json } = synth(declaration);
    // THEN
    const controller = plan.identities.find((i) => i.id === 'controller-prod')!;
    expect(controller.policyForm).toEqual({
      form: 'managed-policies',
      reason: '200 exact ARNs (16000 characters) exceed the inline policy and the declaration owns no name prefix: split over 3 managed policies (at most 6144 characters each, 10 available)',
    });
    const policies = policiesByRole(json);
    expect(policies.get(controller.aws!.roleName)!.managed).toHaveLength(3);
    // nothing else to grant: no inline policy for the controller
    expect(policies.get(controller.aws!.roleName)!.inline).toEqual([]);
    assertWithinLimits(policies);
    simulate(plan.identities, policies, secretTags(json), expected);
  });

  test('managed-policies: secrets outside the owned prefix cannot be tagged, so their ARNs are split; managed policies attached elsewhere are counted', () => {
    // GIVEN an owned prefix that the shared secrets are not under, and 6 policies attached elsewhere
    const { declaration, expected } = estate({ shared: 300, teams: 1, perTeam: 10, ownedSecretNamePrefix: 'shop/', sharedFolder: 'common/', managedPoliciesAttachedElsewhere: 6 });
    // WHEN
    const plan = declaration.plan();
    const { json } = synth(declaration);
    // THEN
    expect(plan.identities.find((i) => i.id === 'controller-prod')!.policyForm).toEqual({
      form: 'managed-policies',
      reason: '300 exact ARNs (22500 characters) exceed the inline policy and too few of them are created under the owned prefix "shop/": split over 4 managed policies (at most 6144 characters each, 4 available)',
    });
    assertWithinLimits(policiesByRole(json), 6);
    simulate(plan.identities, policiesByRole(json), secretTags(json), expected);
  });

  test('path-hierarchy: an owned parameter directory whose every declared parameter the identity reads is granted whole; a shared directory stays exact', () => {
    // GIVEN the owned path "/shop/": 150 parameters under /shop/team-a/ all read by store "params",
    // and 20 under /shop/mixed/ of which it reads 19 (the 20th is another identity's)
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: ACCOUNT, region: REGION, ownedParameterPath: '/shop/' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const params = d.addAwsStore('params', { name: 'params', service: SecretBackend.AWS_PARAMETER_STORE, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const other = d.addAwsStore('other', { name: 'other', service: SecretBackend.AWS_PARAMETER_STORE, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    const teamA = Array.from({ length: 150 }, (_, i) => d.addParameter(`a${i}`, { name: `/shop/team-a/p${pad(i)}` }));
    const mixed = Array.from({ length: 20 }, (_, i) => d.addParameter(`m${i}`, { name: `/shop/mixed/p${pad(i)}` }));
    const readAll = [...teamA, ...mixed.slice(0, 19)];
    for (let i = 0; i < readAll.length; i += 10) {
      d.addExternalSecret(`p${i}`, { name: `p${i}`, namespace: 'x', store: params, data: readAll.slice(i, i + 10).map((secret, j) => ({ secretKey: `k${j}`, secret })) });
    }
    d.addExternalSecret('o', { name: 'o', namespace: 'x', store: other, data: [{ secretKey: 'k', secret: mixed[19] }] });
    // WHEN
    const plan = d.plan();
    const { json } = synth(d);
    // THEN
    const identity = plan.identities.find((i) => i.id === 'store-params')!;
    expect(identity.policyForm).toEqual({
      form: 'path-hierarchy',
      reason: '169 exact ARNs (10966 characters) exceed the inline policy (8192 characters for reads): 150 parameters by 1 path under the owned path "/shop/" whose every declared parameter the identity reads, 19 by exact ARN',
    });
    expect(identity.aws!.grants!.parameterPaths).toEqual([`arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/shop/team-a/*`]);
    const policies = policiesByRole(json);
    assertWithinLimits(policies);
    const documents = policies.get(identity.aws!.roleName)!.inline.map((p) => JSON.parse(p) as EvalPolicy);
    const get = (name: string) => evaluate(documents, { action: 'ssm:GetParameter', resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter${name}` });
    const wrong = [...teamA, ...mixed].filter((p) => (get(p.name) === 'allow') !== readAll.includes(p)).map((p) => p.name);
    expect(wrong).toEqual([]);
    // look-alikes and neighbours are not granted
    expect(get('/shop/team-a2/p0000')).toBe('implicit-deny');
    expect(get('/shop/team-b/p0000')).toBe('implicit-deny');
    expect(get('/shop/mixed/p0019')).toBe('implicit-deny');
    // a parameter created later under the owned directory is what the guardrail denies to anyone but the deployer
    const scp = ownedPrefixGuardrailPolicy({ declaration: d, deployerRoleArns: [DEPLOYER] }) as unknown as EvalPolicy;
    const put = (principalArn: string) => evaluate([], { action: 'ssm:PutParameter', resource: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/shop/team-a/later`, principalArn }, [scp]);
    expect(put(`arn:aws:iam::${ACCOUNT}:role/some-team`)).toBe('explicit-deny');
    expect(put(DEPLOYER)).not.toBe('explicit-deny');
  });

  test('no exact form fits: the plan refuses, naming the identity and the way out', () => {
    // GIVEN 1,000 shared secrets and no owned prefix
    const { declaration } = estate({ shared: 1000, teams: 0, perTeam: 0 });
    // THEN
    expect(() => declaration.plan()).toThrow('[shop/stores/shared] grants: received "identity controller-prod reading 1000 secrets". '
      + 'Allowed: an exact grant within IAM\'s default quotas (inline policy 10,240 characters per role; managed policies 6,144 characters each, at most 10 per role): '
      + '80000 characters of exact ARNs need 14 managed policies of 10 available, and the declaration owns no name prefix to grant by tag. '
      + 'Fix: set aws.ownedSecretNamePrefix to the folder your secrets live in (e.g. "shop/") so created secrets are granted by tag, or split the consumers over several stores (one identity each).');
  });

  test('verification: a grant tag put on a secret the plan does not tag fails synth (CES-VER-1)', () => {
    // GIVEN the tag form, and an override copying the controller's grant tag onto a team secret
    const { declaration } = estate({ shared: 200, teams: 1, perTeam: 10, ownedSecretNamePrefix: 'shop/' });
    const value = declaration.plan().identities.find((i) => i.id === 'controller-prod')!.aws!.grants!.tagValues[0];
    const stack = new TerraformStack(Testing.app() as App, 'cloud');
    new AwsProvider(stack, 'aws', { region: REGION });
    const platform = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    const secret = platform.node.findAll().find((c) => c.node.path.endsWith('Secret-team-0000-0/Resource'))!;
    (secret as unknown as { addOverride(path: string, value: unknown): void }).addOverride(`tags.${GRANT_SET_TAG_KEY}`, value);
    // THEN
    expect(() => Testing.synth(stack, true)).toThrow(`secrets/team-0000-0 in aws_secretsmanager_secret.platform_Secret-team-0000-0_`);
    expect(() => Testing.synth(stack, true)).toThrow(`received "${GRANT_SET_TAG_KEY}=\\"${value}\\"". Allowed: no ${GRANT_SET_TAG_KEY} tag (the plan reads this secret by exact ARN only).`);
  });
});
