/**
 * Output verification of the AWS backend (loaded with `aws-cloud.ts` only): reads back every IAM
 * policy attached to an identity role (inline `aws_iam_role_policy`, `aws_iam_role_policy_attachment`
 * of an `aws_iam_policy`, the role's own `inline_policy` / `managed_policy_arns`), its trust policy, its
 * EKS Pod Identity associations and the platform's KMS key policies, and compares them with what the
 * plan grants: reads, finds, pushes and assumed roles, each as (action, resource, required conditions).
 */
import {
  AwsComputeService, AwsConsumerDeclaration, AwsSecretDeclaration, ClusterDeclaration, DeclarationPlan, GRANT_SET_TAG_KEY, IAM_POLICY_LIMITS, IdentityPlan, SecretBackend, SecretDeclaration, parameterArn,
} from '../../core/declaration';
import { AWS_STS_AUDIENCE, IdentityKind } from '../../core/identity';
import { accountRootArn, KmsViaService, viaServiceName } from '../../aws/arns';
import { POD_IDENTITY_SERVICE_PRINCIPAL } from '../../aws/pod-identity-role';
import { oidcProviderName } from '../../aws/irsa-role';
import { EmittedResource, EmittedTerraform, stringAttribute, stringList } from '../verification/emitted-terraform';
import { OutputFinding, OutputRules, setDifference } from '../verification/output-rules';

/** What the AWS renderer knows when verifying: each identity with its rendered role, keys and OIDC providers. */
export interface AwsVerification {
  /** Identity plans of the backend, with the role rendered for each (its name and ARN as references to the `aws_iam_role`). */
  readonly identities: ReadonlyArray<{ readonly plan: IdentityPlan; readonly role: { readonly roleName: string; readonly roleArn: string } }>;
  /** The declaration's AWS account and region (finds without a store region use it). */
  readonly account: { readonly accountId: string; readonly region: string };
  /** The key ARN (a token for rendered keys) a secret is encrypted with, if a customer-managed key. */
  keyArn(secret: SecretDeclaration): string | undefined;
  /** The OIDC provider ARN (a token) an IRSA role trusts for a cluster. */
  oidcProviderArn(cluster: ClusterDeclaration): string;
  /** ARNs (references for rendered secrets) of the declaration's Secrets Manager secrets, by secret id. */
  readonly secretArns: ReadonlyMap<string, string>;
  /** The plan (the grant tag each declared secret carries, if any). */
  readonly plan: Pick<DeclarationPlan, 'grantTags'>;
  /** Managed policies attached to every ESO role by other means (they count against IAM's 10 per role). */
  readonly managedPoliciesAttachedElsewhere: number;
  /** The rendered KMS keys (not imported ones): their construct scope, account and partition. */
  readonly keys: ReadonlyArray<{ readonly scope: import('constructs').IConstruct; readonly accountId: string; readonly partition: string; readonly id: string }>;
  /**
   * AWS workloads outside Kubernetes (declared consumers) and the references to their role: the role
   * name as declared, and for a role the renderer created, its name and ARN references.
   * @default - none
   */
  readonly consumers?: ReadonlyArray<{ readonly consumer: AwsConsumerDeclaration; readonly roleRefs: readonly string[] }>;
  /**
   * Rotated Secrets Manager secrets whose rotation function's role the cloud side grants (`rotation.functionRoleName`).
   * @default - none
   */
  readonly rotations?: readonly AwsSecretDeclaration[];
}

/** Allowed values per condition `operator key`; an empty map requires no condition. */
type Conditions = Map<string, Set<string>>;

/** action (lower case) + resource → the conditions the plan requires there. */
class PlannedPermissions {
  private readonly byKey = new Map<string, Conditions>();

  public allow(actions: readonly string[], resources: readonly string[], conditions: Record<string, Record<string, string>> = {}): void {
    for (const action of actions) {
      for (const resource of resources) {
        const key = permissionKey(action, resource);
        const wanted: Conditions = new Map(Object.entries(conditions).flatMap(([op, byKey]) =>
          Object.entries(byKey).map(([k, v]) => [`${op} ${k}`, new Set([v])] as const)));
        const existing = this.byKey.get(key);
        if (existing === undefined) {
          this.byKey.set(key, wanted);
        } else {
          // Either planned use allows the permission: keep the conditions both require, with either's values.
          for (const opKey of [...existing.keys()]) {
            const other = wanted.get(opKey);
            if (other === undefined) {
              existing.delete(opKey);
            } else {
              other.forEach((v) => existing.get(opKey)!.add(v));
            }
          }
        }
      }
    }
  }

  /** Whether an emitted permission with these conditions is within the plan. */
  public allows(action: string, resource: string, emitted: Conditions): boolean {
    const required = this.byKey.get(permissionKey(action, resource));
    if (required === undefined) {
      return false;
    }
    for (const [opKey, allowed] of required) {
      const values = emitted.get(opKey);
      if (values === undefined || [...values].some((v) => !allowed.has(v))) {
        return false;
      }
    }
    return true;
  }

  public get size(): number {
    return this.byKey.size;
  }
}

function permissionKey(action: string, resource: string): string {
  return `${action.toLowerCase()} ${resource}`;
}

const READ_SECRET = ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'];
const READ_PARAMETER = ['ssm:GetParameter', 'ssm:GetParameters'];
const MANAGED_BY_KEY = 'managed-by';
const MANAGED_BY_VALUE = 'external-secrets';

/** How a planned read and its key use are allowed (the same for ESO identities and AWS consumers). */
function readers(input: AwsVerification, emitted: EmittedTerraform, planned: PlannedPermissions) {
  const decrypt = (secret: SecretDeclaration, service: KmsViaService, region: string, actions: readonly string[]) => {
    const key = emitted.text(input.keyArn(secret));
    if (key !== undefined) {
      planned.allow(actions, [key], { StringEquals: { 'kms:ViaService': viaServiceName(service, region) } });
    }
  };
  const read = (declared: SecretDeclaration) => {
    const secret = declared as AwsSecretDeclaration;
    const manager = secret.backend === SecretBackend.AWS_SECRETS_MANAGER;
    planned.allow(manager ? READ_SECRET : READ_PARAMETER, [secret.arnForPolicies]);
    decrypt(secret, manager ? KmsViaService.SECRETS_MANAGER : KmsViaService.SSM, secret.region, ['kms:Decrypt']);
  };
  return { decrypt, read };
}

/** The permissions the plan gives an identity, derived from its reads, finds, pushes and assumed roles only. */
function plannedPermissions(input: AwsVerification, emitted: EmittedTerraform, plan: IdentityPlan): PlannedPermissions {
  const planned = new PlannedPermissions();
  const { decrypt, read } = readers(input, emitted, planned);
  planned.allow(['sts:AssumeRole', 'sts:TagSession'], plan.chainedRoles);
  plan.reads.forEach(read);
  // The tag-and-prefix form: reads on the owned prefix, only where the grant tag holds one of the identity's values.
  const layout = plan.aws!.grants;
  if (layout?.taggedResource !== undefined) {
    layout.tagValues.forEach((value) => planned.allow(READ_SECRET, [layout.taggedResource!], { StringEquals: { [`secretsmanager:ResourceTag/${GRANT_SET_TAG_KEY}`]: value } }));
  }
  // The path-hierarchy form: owned parameter directories whose every declared parameter the identity reads.
  planned.allow(READ_PARAMETER, layout?.parameterPaths ?? []);
  for (const use of plan.finds) {
    const region = (use.store as { readonly region?: string }).region ?? input.account.region;
    const matched = use.matched as readonly AwsSecretDeclaration[];
    if (use.store.backend === SecretBackend.AWS_SECRETS_MANAGER) {
      if (matched.length > 0) {
        planned.allow(['secretsmanager:BatchGetSecretValue', 'secretsmanager:ListSecrets'], ['*']);
      }
      matched.forEach(read);
    } else if (use.find.path !== undefined) {
      const pathArn = parameterArn(plan.aws!.partition, region, input.account.accountId, use.find.path).replace(/\/+$/, '');
      planned.allow(['ssm:GetParametersByPath'], [pathArn, `${pathArn}/*`]);
      matched.forEach((secret) => decrypt(secret, KmsViaService.SSM, region, ['kms:Decrypt']));
    } else if (matched.length > 0) {
      planned.allow(['ssm:DescribeParameters', 'tag:GetResources'], ['*']);
      matched.forEach(read);
    }
  }
  for (const push of plan.pushes) {
    const destination = push.destination as AwsSecretDeclaration;
    const arn = [destination.arnForPolicies];
    const tagKeys = { 'ForAllValues:StringEquals': { 'aws:TagKeys': MANAGED_BY_KEY } };
    if (destination.backend === SecretBackend.AWS_SECRETS_MANAGER) {
      const requestTag = { [`aws:RequestTag/${MANAGED_BY_KEY}`]: MANAGED_BY_VALUE };
      planned.allow(['secretsmanager:CreateSecret'], arn, { StringEquals: requestTag });
      planned.allow(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue'], arn);
      planned.allow(['secretsmanager:TagResource'], arn, { ...tagKeys, StringEquals: requestTag });
      planned.allow(['secretsmanager:DeleteSecret'], arn, { StringEquals: { [`secretsmanager:ResourceTag/${MANAGED_BY_KEY}`]: MANAGED_BY_VALUE } });
      decrypt(destination, KmsViaService.SECRETS_MANAGER, destination.region, ['kms:Decrypt', 'kms:GenerateDataKey']);
    } else {
      planned.allow(['ssm:GetParameter', 'ssm:GetParameters', 'ssm:ListTagsForResource', 'ssm:PutParameter'], arn);
      planned.allow(['ssm:AddTagsToResource'], arn, tagKeys);
      planned.allow(['ssm:DeleteParameter'], arn, { StringEquals: { [`ssm:resourceTag/${MANAGED_BY_KEY}`]: MANAGED_BY_VALUE } });
      decrypt(destination, KmsViaService.SSM, destination.region, ['kms:Encrypt', 'kms:GenerateDataKey']);
    }
  }
  return planned;
}

interface Statement {
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Condition?: unknown;
}

function list(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

/** The statements of a policy document text, or `undefined` when it is not a policy document. */
function statementsOf(text: unknown): Statement[] | undefined {
  if (typeof text !== 'string') {
    return undefined;
  }
  try {
    const document = JSON.parse(text) as { Statement?: unknown };
    const statements = document?.Statement;
    if (statements === undefined) {
      return undefined;
    }
    return (Array.isArray(statements) ? statements : [statements]).filter((s): s is Statement => typeof s === 'object' && s !== null);
  } catch {
    return undefined;
  }
}

function conditionsOf(statement: Statement): Conditions {
  const conditions: Conditions = new Map();
  const block = statement.Condition;
  if (typeof block === 'object' && block !== null) {
    for (const [op, byKey] of Object.entries(block as Record<string, unknown>)) {
      if (typeof byKey === 'object' && byKey !== null) {
        for (const [key, values] of Object.entries(byKey as Record<string, unknown>)) {
          conditions.set(`${op} ${key}`, new Set(list(values)));
        }
      }
    }
  }
  return conditions;
}

/** Checks one identity policy document: every Allow (action, resource) within the plan. */
function checkPolicy(plan: IdentityPlan, planned: PlannedPermissions, where: string, text: unknown): OutputFinding[] {
  return checkDocument(`identity ${plan.id}`, `identity "${plan.id}"'s reads, finds, pushes and assumed roles`, planned, where, text);
}

/**
 * A role created for an AWS consumer: trusted by its compute service alone (ECS tasks of the
 * declaration's account only), with no inline or managed policy besides the platform's.
 */
function checkConsumerRole(consumer: AwsConsumerDeclaration, roleRefs: readonly string[], emitted: EmittedTerraform,
  roleResources: ReadonlyMap<string, EmittedResource>): OutputFinding[] {
  if (consumer.createdFor === undefined) {
    return [];
  }
  const address = roleRefs.map((ref) => /^\$\{(aws_iam_role\.[^.]+)\.arn\}$/.exec(emitted.text(ref) ?? '')?.[1]).find((a) => a !== undefined);
  const role = address !== undefined ? roleResources.get(address) : undefined;
  if (role === undefined) {
    return [];
  }
  const subject = `AWS consumer ${consumer.id}`;
  const expected = new Set([[`Service=${consumer.createdFor}`, 'sts:AssumeRole',
    ...(consumer.createdFor === AwsComputeService.ECS_TASKS ? [`StringEquals aws:SourceAccount=${consumer.accountId}`] : [])].join(' | ')]);
  const trust = trustEntries(role.body.assume_role_policy);
  const difference = trust === undefined ? { extra: ['a trust policy that is not an IAM policy document'], missing: [] } : setDifference(trust, expected);
  const findings: OutputFinding[] = [
    ...difference.extra.map((extra) => ({ rule: OutputRules.AWS_TRUST, subject, where: `${role.address}.assume_role_policy`, emitted: `trust ${extra}`, allowed: `exactly the planned trust: ${[...expected].join('; ')}` })),
    ...difference.missing.map((missing) => ({ rule: OutputRules.AWS_TRUST, subject, where: `${role.address}.assume_role_policy`, emitted: `no trust ${missing}`, allowed: `exactly the planned trust: ${[...expected].join('; ')}` })),
  ];
  if (role.body.inline_policy !== undefined || stringList(role.body, 'managed_policy_arns').length > 0) {
    findings.push({
      rule: OutputRules.AWS_GRANT, subject, where: role.address, emitted: 'an inline_policy or managed_policy_arns on the role',
      allowed: `only the platform's own policy of AWS consumer "${consumer.id}", compiled from its declared secrets`,
    });
  }
  return findings;
}

/** Checks one policy document: every Allow (action, resource) within `planned`. */
function checkDocument(subject: string, source: string, planned: PlannedPermissions, where: string, text: unknown): OutputFinding[] {
  const finding = (emitted: string): OutputFinding => ({
    rule: OutputRules.AWS_GRANT, subject, where, emitted,
    allowed: `the permissions the plan derives from ${source} (${planned.size} action-resource pairs), each with the conditions the plan requires`,
  });
  const statements = statementsOf(text);
  if (statements === undefined) {
    return [finding('a policy that is not an IAM policy document (it cannot be verified)')];
  }
  const findings: OutputFinding[] = [];
  for (const statement of statements) {
    if (statement.Effect === 'Deny') {
      continue;
    }
    if (statement.NotAction !== undefined || statement.NotResource !== undefined || statement.Principal !== undefined || statement.NotPrincipal !== undefined) {
      findings.push(finding(`an Allow statement with ${['NotAction', 'NotResource', 'Principal', 'NotPrincipal'].filter((k) => (statement as Record<string, unknown>)[k] !== undefined).join(', ')}`));
      continue;
    }
    const conditions = conditionsOf(statement);
    for (const action of list(statement.Action)) {
      for (const resource of list(statement.Resource)) {
        if (!planned.allows(action, resource, conditions)) {
          const shown = conditions.size > 0 ? ` with conditions ${[...conditions].map(([k, v]) => `${k}=${[...v].join('|')}`).join(', ')}` : '';
          findings.push(finding(`${action} on ${resource}${shown}`));
        }
      }
    }
  }
  return findings;
}

/** The trust of a role as canonical entries `principal | action | op key=value…` (arrays expanded: each value is one alternative). */
function trustEntries(text: unknown): Set<string> | undefined {
  const statements = statementsOf(text);
  if (statements === undefined) {
    return undefined;
  }
  const entries = new Set<string>();
  for (const statement of statements) {
    if (statement.Effect === 'Deny') {
      continue;
    }
    const principals = typeof statement.Principal === 'object' && statement.Principal !== null
      ? Object.entries(statement.Principal as Record<string, unknown>).flatMap(([type, values]) => list(values).map((v) => `${type}=${v}`))
      : [`Principal=${list(statement.Principal ?? statement.NotPrincipal).join(',') || 'none'}${statement.NotPrincipal !== undefined ? ' (NotPrincipal)' : ''}`];
    let alternatives: string[][] = [[]];
    for (const [opKey, values] of conditionsOf(statement)) {
      const forAll = opKey.startsWith('ForAllValues:');
      const options = forAll ? [`${opKey}=${[...values].sort().join(',')}`] : [...values].map((v) => `${opKey}=${v}`);
      alternatives = alternatives.flatMap((alt) => options.map((o) => [...alt, o]));
    }
    for (const principal of principals) {
      for (const action of [...list(statement.Action), ...list(statement.NotAction).map((a) => `NotAction ${a}`)]) {
        for (const alt of alternatives) {
          entries.add([principal, action, ...alt.sort()].join(' | '));
        }
      }
    }
  }
  return entries;
}

function plannedTrust(input: AwsVerification, emitted: EmittedTerraform, plan: IdentityPlan): Set<string> {
  const entries = new Set<string>();
  const sa = plan.serviceAccount;
  for (const cluster of plan.clusters) {
    if (plan.kind === IdentityKind.AWS_POD_IDENTITY) {
      for (const action of ['sts:AssumeRole', 'sts:TagSession']) {
        entries.add([`Service=${POD_IDENTITY_SERVICE_PRINCIPAL}`, action, ...[
          `StringEquals aws:RequestTag/eks-cluster-name=${cluster.clusterName}`,
          `StringEquals aws:RequestTag/kubernetes-namespace=${sa.namespace}`,
          `StringEquals aws:RequestTag/kubernetes-service-account=${sa.name}`,
          `StringEquals aws:SourceAccount=${plan.aws!.accountId}`,
        ].sort()].join(' | '));
      }
    } else {
      const prefix = oidcProviderName(cluster.oidcIssuerUrl!);
      entries.add([`Federated=${emitted.text(input.oidcProviderArn(cluster))!}`, 'sts:AssumeRoleWithWebIdentity', ...[
        `StringEquals ${prefix}:aud=${AWS_STS_AUDIENCE}`,
        `StringEquals ${prefix}:sub=system:serviceaccount:${sa.namespace}:${sa.name}`,
      ].sort()].join(' | '));
    }
  }
  return entries;
}

/** Every difference between the emitted AWS resources and the plan. */
export function verifyAws(input: AwsVerification, emitted: EmittedTerraform): OutputFinding[] {
  const findings: OutputFinding[] = [];
  const byRoleRef = new Map<string, { readonly plan: IdentityPlan; readonly planned: PlannedPermissions }>();
  const rolesByIdentity = new Map<string, EmittedResource>();
  const roleResources = new Map(emitted.resources('aws_iam_role').map((r) => [r.address, r]));
  for (const { plan, role } of input.identities) {
    const entry = { plan, planned: plannedPermissions(input, emitted, plan) };
    const name = emitted.text(role.roleName)!;
    const arn = emitted.text(role.roleArn)!;
    [name, arn, plan.aws!.roleName, plan.aws!.roleArn].forEach((ref) => byRoleRef.set(ref, entry));
    const address = /^\$\{(aws_iam_role\.[^.]+)\.arn\}$/.exec(arn)?.[1];
    const resource = address !== undefined ? roleResources.get(address) : undefined;
    if (resource !== undefined) {
      rolesByIdentity.set(plan.id, resource);
    }
  }
  // The role itself: its trust, and no inline or managed policy besides the platform's attachments.
  for (const { plan } of input.identities) {
    const role = rolesByIdentity.get(plan.id);
    if (role === undefined) {
      continue;
    }
    const planned = byRoleRef.get(plan.aws!.roleName)!.planned;
    const inline = role.body.inline_policy;
    for (const block of (Array.isArray(inline) ? inline : inline !== undefined ? [inline] : []) as Array<Record<string, unknown>>) {
      findings.push(...checkPolicy(plan, planned, `${role.address}.inline_policy`, block.policy));
    }
    for (const arn of stringList(role.body, 'managed_policy_arns')) {
      findings.push({
        rule: OutputRules.AWS_GRANT, subject: `identity ${plan.id}`, where: `${role.address}.managed_policy_arns`, emitted: `the managed policy ${arn}`,
        allowed: `only the platform's own access policy of identity "${plan.id}", compiled from the plan`,
      });
    }
    const trust = trustEntries(role.body.assume_role_policy);
    const expected = plannedTrust(input, emitted, plan);
    const difference = trust === undefined ? { extra: ['a trust policy that is not an IAM policy document'], missing: [] } : setDifference(trust, expected);
    for (const extra of difference.extra) {
      findings.push({ rule: OutputRules.AWS_TRUST, subject: `identity ${plan.id}`, where: `${role.address}.assume_role_policy`, emitted: `trust ${extra}`, allowed: `exactly the planned trust: ${[...expected].join('; ')}` });
    }
    for (const missing of difference.missing) {
      findings.push({ rule: OutputRules.AWS_TRUST, subject: `identity ${plan.id}`, where: `${role.address}.assume_role_policy`, emitted: `no trust ${missing}`, allowed: `exactly the planned trust: ${[...expected].join('; ')}` });
    }
  }
  // Roles outside ESO the cloud side grants to: AWS workloads outside Kubernetes read exactly their declared
  // secrets; a rotation function's role rotates exactly its secret. One role may serve several of them.
  const byOtherRole = new Map<string, { readonly labels: string[]; readonly subjects: string[]; readonly planned: PlannedPermissions }>();
  const otherRole = (refs: readonly string[], label: string, subject: string) => {
    const first = refs.map((ref) => emitted.text(ref) ?? ref).map((ref) => byOtherRole.get(ref)).find((e) => e !== undefined);
    const entry = first ?? { labels: [], subjects: [], planned: new PlannedPermissions() };
    entry.labels.push(label);
    entry.subjects.push(subject);
    refs.map((ref) => emitted.text(ref) ?? ref).forEach((ref) => byOtherRole.set(ref, entry));
    return entry.planned;
  };
  for (const { consumer, roleRefs } of input.consumers ?? []) {
    consumer.secrets.forEach(readers(input, emitted, otherRole(roleRefs, `AWS consumer ${consumer.id}`, `AWS consumer "${consumer.id}"'s declared secrets`)).read);
    findings.push(...checkConsumerRole(consumer, roleRefs, emitted, roleResources));
  }
  for (const secret of input.rotations ?? []) {
    const planned = otherRole([secret.rotation!.functionRoleName!], `rotation function of secrets/${secret.id}`, `the rotation of secret "${secret.id}"`);
    planned.allow(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'], [secret.arnForPolicies]);
    readers(input, emitted, planned).decrypt(secret, KmsViaService.SECRETS_MANAGER, secret.region, ['kms:Decrypt', 'kms:GenerateDataKey']);
  }
  for (const policy of emitted.resources('aws_iam_role_policy')) {
    const role = stringAttribute(policy.body, 'role') ?? '';
    const entry = byRoleRef.get(role);
    if (entry !== undefined) {
      findings.push(...checkPolicy(entry.plan, entry.planned, `${policy.address}.policy`, policy.body.policy));
    }
    const other = byOtherRole.get(role);
    if (other !== undefined) {
      findings.push(...checkDocument(other.labels.join(' and '), other.subjects.join(' and '), other.planned, `${policy.address}.policy`, policy.body.policy));
    }
  }
  const managedPolicies = new Map(emitted.resources('aws_iam_policy').map((p) => [`\${${p.address}.arn}`, p]));
  const attachments: Array<{ readonly address: string; readonly roles: string[]; readonly policyArn: string }> = [
    ...emitted.resources('aws_iam_role_policy_attachment').map((a) => ({ address: a.address, roles: stringList(a.body, 'role'), policyArn: stringAttribute(a.body, 'policy_arn') ?? '' })),
    ...emitted.resources('aws_iam_policy_attachment').map((a) => ({ address: a.address, roles: stringList(a.body, 'roles'), policyArn: stringAttribute(a.body, 'policy_arn') ?? '' })),
  ];
  const attachedPerIdentity = new Map<string, number>();
  for (const attachment of attachments) {
    for (const role of attachment.roles) {
      const entry = byRoleRef.get(role);
      if (entry === undefined) {
        continue;
      }
      attachedPerIdentity.set(entry.plan.id, (attachedPerIdentity.get(entry.plan.id) ?? 0) + 1);
      const policy = managedPolicies.get(attachment.policyArn);
      if (policy === undefined) {
        findings.push({
          rule: OutputRules.AWS_GRANT, subject: `identity ${entry.plan.id}`, where: `${attachment.address}.policy_arn`, emitted: `the attached policy ${attachment.policyArn}`,
          allowed: `only policies of this stack whose every permission the plan grants identity "${entry.plan.id}"`,
        });
      } else {
        findings.push(...checkPolicy(entry.plan, entry.planned, `${policy.address}.policy`, policy.body.policy));
      }
    }
  }
  const slots = IAM_POLICY_LIMITS.ATTACHMENTS - input.managedPoliciesAttachedElsewhere;
  for (const [id, count] of attachedPerIdentity) {
    if (count > slots) {
      findings.push({
        rule: OutputRules.AWS_GRANT, subject: `identity ${id}`, where: 'aws_iam_role_policy_attachment', emitted: `${count} managed policies attached`,
        allowed: `at most ${slots} (IAM attaches 10 per role by default, ${input.managedPoliciesAttachedElsewhere} attached elsewhere)`,
      });
    }
  }
  // The grant tag: a secret carrying it is read by every identity granted its value, so only the
  // declared secrets the plan tags carry it, with exactly the planned value.
  const declaredByArn = new Map([...input.secretArns].map(([id, arn]) => [emitted.text(arn)!, id]));
  const plannedTags = new Map(input.identities.flatMap(({ plan }) => plan.aws!.grants?.taggedSecrets ?? []).map((s) => [s.id, s]));
  for (const resource of emitted.resources('aws_secretsmanager_secret')) {
    const tags = (resource.body.tags ?? {}) as Record<string, unknown>;
    const emittedValue = tags[GRANT_SET_TAG_KEY];
    const id = declaredByArn.get(`\${${resource.address}.arn}`);
    const secret = id !== undefined ? plannedTags.get(id) : undefined;
    const plannedValue = secret !== undefined ? input.plan.grantTags(secret)[GRANT_SET_TAG_KEY] : undefined;
    if (emittedValue !== plannedValue) {
      findings.push({
        rule: OutputRules.AWS_GRANT, subject: id !== undefined ? `secrets/${id}` : resource.address, where: `${resource.address}.tags`,
        emitted: emittedValue === undefined ? `no ${GRANT_SET_TAG_KEY} tag` : `${GRANT_SET_TAG_KEY}=${JSON.stringify(emittedValue)}`,
        allowed: plannedValue === undefined ? `no ${GRANT_SET_TAG_KEY} tag (the plan reads this secret by exact ARN only)` : `${GRANT_SET_TAG_KEY}=${JSON.stringify(plannedValue)}`,
      });
    }
  }
  // Pod Identity associations of the roles: exactly the planned cluster, namespace and service account.
  const byRoleArn = new Map(input.identities.map(({ plan, role }) => [emitted.text(role.roleArn)!, plan]));
  const associated = new Map<string, Set<string>>();
  for (const association of emitted.resources('aws_eks_pod_identity_association')) {
    const plan = byRoleArn.get(stringAttribute(association.body, 'role_arn') ?? '');
    if (plan !== undefined) {
      const set = associated.get(plan.id) ?? new Set<string>();
      set.add(`${String(association.body.cluster_name)} ${String(association.body.namespace)}:${String(association.body.service_account)}`);
      associated.set(plan.id, set);
    }
  }
  for (const { plan } of input.identities) {
    const expected = new Set(plan.kind === IdentityKind.AWS_POD_IDENTITY
      ? plan.clusters.map((c) => `${c.clusterName} ${plan.serviceAccount.namespace}:${plan.serviceAccount.name}`) : []);
    const difference = setDifference(associated.get(plan.id) ?? new Set(), expected);
    const allowed = expected.size > 0 ? `exactly the planned associations: ${[...expected].sort().join(', ')}` : 'no Pod Identity association (the identity federates through IRSA)';
    difference.extra.forEach((extra) => findings.push({ rule: OutputRules.AWS_POD_IDENTITY, subject: `identity ${plan.id}`, where: 'aws_eks_pod_identity_association', emitted: `association ${extra}`, allowed }));
    difference.missing.forEach((missing) => findings.push({ rule: OutputRules.AWS_POD_IDENTITY, subject: `identity ${plan.id}`, where: 'aws_eks_pod_identity_association', emitted: `no association ${missing}`, allowed }));
  }
  // Resource policies: the platform writes none on its secrets; one would grant outside the identity roles.
  const secretsByArn = new Map([...input.secretArns].map(([id, arn]) => [emitted.text(arn)!, id]));
  for (const policy of emitted.resources('aws_secretsmanager_secret_policy')) {
    const secret = secretsByArn.get(stringAttribute(policy.body, 'secret_arn') ?? '');
    if (secret !== undefined) {
      findings.push({
        rule: OutputRules.AWS_GRANT, subject: `secrets/${secret}`, where: `${policy.address}.policy`, emitted: 'a resource policy on a declared secret',
        allowed: 'no resource policy: the plan grants declared secrets only through the identity roles',
      });
    }
  }
  // KMS key policies: only the key's account root.
  for (const key of input.keys) {
    const root = accountRootArn(key.partition, key.accountId);
    for (const resource of emitted.under(key.scope, 'aws_kms_key')) {
      const trust = trustEntries(resource.body.policy);
      const principals = trust === undefined ? ['a key policy that is not an IAM policy document'] : [...new Set([...trust].map((t) => t.split(' | ')[0]))];
      for (const principal of principals.filter((p) => p !== `AWS=${root}`)) {
        findings.push({ rule: OutputRules.AWS_KMS_KEY_POLICY, subject: `kmsKeys/${key.id}`, where: `${resource.address}.policy`, emitted: principal, allowed: `only the account root AWS=${root}` });
      }
    }
  }
  return findings;
}
