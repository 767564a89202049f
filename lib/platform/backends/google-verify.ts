/**
 * Output verification of the Google Secret Manager backend (loaded with `google-cloud.ts` only): every
 * IAM member on a secret or project that names an identity's principal (or that the platform emits)
 * has a planned role on a planned secret; Google service-account impersonation is granted to exactly
 * the planned Kubernetes service accounts; each workload identity pool provider trusts the planned
 * issuer and exactly the planned subjects.
 */
import {
  ClusterDeclaration, GcpIdentityMode, IdentityPlan, SecretsDeclaration, gcpMember, gcpPoolId, isGke,
} from '../../core/declaration';
import { gkeWorkloadIdentityUserMember, workloadIdentityPoolName } from '../../core/gcp-principals';
import { serviceAccountSubject } from '../../core/identity';
import { IConstruct } from 'constructs';
import { EmittedResource, EmittedTerraform, stringAttribute, stringList } from '../verification/emitted-terraform';
import { OutputFinding, OutputRules, setDifference } from '../verification/output-rules';

const ACCESSOR = 'roles/secretmanager.secretAccessor';
const VERSION_ADDER = 'roles/secretmanager.secretVersionAdder';
const VIEWER = 'roles/secretmanager.viewer';
const WORKLOAD_IDENTITY_USER = 'roles/iam.workloadIdentityUser';

/** What the Google renderer knows when verifying. */
export interface GoogleVerification {
  /** The declaration. */
  readonly declaration: SecretsDeclaration;
  /** The `SecretsPlatformInfrastructure` (every member it emits belongs to a planned identity). */
  readonly scope: IConstruct;
  /** Rendered identities, with their construct (principals and Google service accounts are under it). */
  readonly identities: ReadonlyArray<{ readonly plan: IdentityPlan; readonly construct: IConstruct }>;
  /** Kind of the backend's secrets (`SecretDeclaration.backend`). */
  readonly backend: string;
  /** The secret name (`projects/…/secrets/…`, a reference for rendered secrets) of a declared secret. */
  secretName(secretId: string): string;
  /** The pool rendered for a cluster outside GKE: its construct and the pool's name (a reference). */
  pool(cluster: ClusterDeclaration): { readonly construct: IConstruct; readonly name: string } | undefined;
}

/** Members an identity is granted as: the derived literal, and the reference forms of rendered pools and service accounts. */
function membersOf(input: GoogleVerification, emitted: EmittedTerraform, plan: IdentityPlan, construct: IConstruct): string[] {
  const members: string[] = [];
  const google = plan.gcp!;
  for (const cluster of plan.clusters) {
    const literal = gcpMember(input.declaration, plan, cluster);
    members.push(literal);
    const pool = isGke(cluster) ? undefined : input.pool(cluster);
    if (pool !== undefined) {
      members.push(literal.replace(workloadIdentityPoolName(google.project.projectNumber, gcpPoolId(input.declaration, cluster)), emitted.text(pool.name)!));
    }
  }
  if (google.mode === GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT) {
    emitted.under(construct, 'google_service_account').forEach((sa) => members.push(`\${${sa.address}.member}`, `serviceAccount:\${${sa.address}.email}`));
  }
  return members;
}

function memberBindings(resource: EmittedResource): string[] {
  return resource.address.startsWith('google_secret_manager_secret_iam_binding.') || resource.address.startsWith('google_project_iam_binding.')
    ? stringList(resource.body, 'members') : stringList(resource.body, 'member');
}

/** Every difference between the emitted Google IAM and the plan. */
export function verifyGoogle(input: GoogleVerification, emitted: EmittedTerraform): OutputFinding[] {
  const findings: OutputFinding[] = [];
  // member -> planned "role on secret" (members shared by identities get the union) and the identities.
  const planned = new Map<string, { readonly grants: Set<string>; readonly identities: string[] }>();
  for (const { plan, construct } of input.identities) {
    const grants = [
      ...plan.reads.map((s) => `${ACCESSOR} on ${emitted.text(input.secretName(s.id))!}`),
      ...plan.pushes.flatMap((p) => [VIEWER, ACCESSOR, VERSION_ADDER].map((role) => `${role} on ${emitted.text(input.secretName(p.destination.id))!}`)),
    ];
    for (const member of membersOf(input, emitted, plan, construct)) {
      const entry = planned.get(member) ?? { grants: new Set<string>(), identities: [] };
      grants.forEach((g) => entry.grants.add(g));
      entry.identities.push(plan.id);
      planned.set(member, entry);
    }
  }
  const underPlatform = new Set(['google_secret_manager_secret_iam_member', 'google_secret_manager_secret_iam_binding']
    .flatMap((type) => emitted.under(input.scope, type)).map((r) => r.address));
  for (const type of ['google_secret_manager_secret_iam_member', 'google_secret_manager_secret_iam_binding']) {
    for (const resource of emitted.resources(type)) {
      const granted = `${String(resource.body.role)} on ${String(resource.body.secret_id)}`;
      for (const member of memberBindings(resource)) {
        const entry = planned.get(member);
        if (entry !== undefined ? !entry.grants.has(granted) : underPlatform.has(resource.address)) {
          findings.push({
            rule: OutputRules.GOOGLE_MEMBER, subject: entry !== undefined ? `identity ${entry.identities.join(', ')}` : 'the platform', where: resource.address,
            emitted: `${granted} to ${member}`,
            allowed: entry !== undefined
              ? `the roles the plan derives from the identity's reads and pushes: ${[...entry.grants].sort().join('; ') || 'none'}`
              : 'members of the planned identities only',
          });
        }
      }
    }
  }
  for (const type of ['google_project_iam_member', 'google_project_iam_binding']) {
    for (const resource of emitted.resources(type)) {
      for (const member of memberBindings(resource).filter((m) => planned.has(m))) {
        findings.push({
          rule: OutputRules.GOOGLE_MEMBER, subject: `identity ${planned.get(member)!.identities.join(', ')}`, where: resource.address,
          emitted: `${String(resource.body.role)} on the project ${String(resource.body.project)} to ${member}`, allowed: 'roles on the planned secrets only, never on a project',
        });
      }
    }
  }
  // A policy resource replaces every member of a secret: the platform never writes one on its secrets.
  const platformSecrets = new Set(input.declaration.secrets.filter((s) => s.backend === input.backend).map((s) => emitted.text(input.secretName(s.id))!));
  for (const policy of emitted.resources('google_secret_manager_secret_iam_policy')) {
    if (platformSecrets.has(String(policy.body.secret_id))) {
      findings.push({
        rule: OutputRules.GOOGLE_MEMBER, subject: 'the platform', where: `${policy.address}.policy_data`, emitted: `an IAM policy replacing the members of ${String(policy.body.secret_id)}`,
        allowed: 'members of the planned identities only, added one by one',
      });
    }
  }
  findings.push(...verifyTrust(input, emitted));
  return findings;
}

function verifyTrust(input: GoogleVerification, emitted: EmittedTerraform): OutputFinding[] {
  const findings: OutputFinding[] = [];
  // Google service accounts: impersonation by exactly the planned Kubernetes service accounts.
  for (const { plan, construct } of input.identities) {
    if (plan.gcp!.mode !== GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT) {
      continue;
    }
    const expected = new Set(plan.clusters.filter(isGke).map((c) => `${WORKLOAD_IDENTITY_USER} to ${gkeWorkloadIdentityUserMember(c.projectId, plan.serviceAccount)}`));
    const accounts = new Set(emitted.under(construct, 'google_service_account').flatMap((sa) => [`\${${sa.address}.name}`, `\${${sa.address}.id}`]));
    const granted = new Set<string>();
    for (const type of ['google_service_account_iam_member', 'google_service_account_iam_binding']) {
      emitted.resources(type).filter((r) => accounts.has(String(r.body.service_account_id)))
        .forEach((r) => memberBindings(r).concat(stringList(r.body, 'members')).forEach((m) => granted.add(`${String(r.body.role)} to ${m}`)));
    }
    const difference = setDifference(granted, expected);
    const allowed = `exactly the planned impersonation: ${[...expected].sort().join('; ')}`;
    difference.extra.forEach((e) => findings.push({ rule: OutputRules.GOOGLE_TRUST, subject: `identity ${plan.id}`, where: 'google_service_account_iam_member', emitted: e, allowed }));
    difference.missing.forEach((m) => findings.push({ rule: OutputRules.GOOGLE_TRUST, subject: `identity ${plan.id}`, where: 'google_service_account_iam_member', emitted: `no ${m}`, allowed }));
  }
  // Pools: each provider trusts the cluster's issuer and exactly the subjects of the identities on it.
  const clusters = new Map<string, { readonly cluster: ClusterDeclaration; readonly subjects: Set<string> }>();
  for (const { plan } of input.identities) {
    for (const cluster of plan.clusters.filter((c) => !isGke(c))) {
      const entry = clusters.get(cluster.id) ?? { cluster, subjects: new Set<string>() };
      entry.subjects.add(serviceAccountSubject(plan.serviceAccount));
      clusters.set(cluster.id, entry);
    }
  }
  for (const { cluster, subjects } of clusters.values()) {
    const pool = input.pool(cluster);
    if (pool === undefined) {
      continue;
    }
    for (const provider of emitted.under(pool.construct, 'google_iam_workload_identity_pool_provider')) {
      const issuer = (provider.body.oidc as { readonly issuer_uri?: unknown } | undefined)?.issuer_uri;
      if (issuer !== cluster.oidcIssuerUrl) {
        findings.push({ rule: OutputRules.GOOGLE_TRUST, subject: `cluster ${cluster.id}`, where: `${provider.address}.oidc.issuer_uri`, emitted: String(issuer), allowed: `the cluster's issuer ${cluster.oidcIssuerUrl!}` });
      }
      const condition = stringAttribute(provider.body, 'attribute_condition') ?? '';
      const match = /^assertion\.sub in \[((?:'[^'\\]*'(?:, )?)*)\]$/.exec(condition);
      const emittedSubjects = new Set(match ? [...match[1].matchAll(/'([^'\\]*)'/g)].map((m) => m[1]) : []);
      const difference = setDifference(emittedSubjects, subjects);
      const allowed = `assertion.sub in exactly the planned subjects: ${[...subjects].sort().join(', ')}`;
      if (!match) {
        findings.push({ rule: OutputRules.GOOGLE_TRUST, subject: `cluster ${cluster.id}`, where: `${provider.address}.attribute_condition`, emitted: condition === '' ? 'no condition' : condition, allowed });
      }
      difference.extra.forEach((e) => findings.push({ rule: OutputRules.GOOGLE_TRUST, subject: `cluster ${cluster.id}`, where: `${provider.address}.attribute_condition`, emitted: `the subject ${e}`, allowed }));
      if (match) {
        difference.missing.forEach((m) => findings.push({ rule: OutputRules.GOOGLE_TRUST, subject: `cluster ${cluster.id}`, where: `${provider.address}.attribute_condition`, emitted: `no subject ${m}`, allowed }));
      }
    }
  }
  return findings;
}
