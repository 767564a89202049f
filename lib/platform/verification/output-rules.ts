/**
 * Verified output: after rendering, the emitted artifacts are read back and compared with the plan
 * (emitted grants ⊆ planned grants, emitted trust = planned trust). Each comparison has a stable
 * `CES-VER-n` id; a finding fails synth with the library's message naming the identity and the
 * emitted grant or trust (never a secret value), as a renderer bug or an injection.
 *
 * Engine-free: the cdktf side (`verify-infrastructure.ts`, each backend's cloud renderer) and the
 * cdk8s side (`verify-manifests.ts`) report through the same findings.
 */
import { ConfigurationError, configurationError } from '../../core/errors/format';

/** One comparison of the emitted output with the plan. */
export interface OutputRule {
  /** Stable id, `CES-VER-<n>`. */
  readonly id: string;
  /** What the rule compares. */
  readonly title: string;
}

function rule(id: number, title: string): OutputRule {
  return { id: `CES-VER-${id}`, title };
}

/** Every output rule, by what it compares (the ids are documented in lib/core/invariants/README.md). */
export const OutputRules = {
  AWS_GRANT: rule(1, 'Every IAM permission attached to an identity role (inline, managed or attached policy), an AWS consumer\'s role or a rotation function\'s role is planned: action, resource and the conditions the plan requires'),
  AWS_TRUST: rule(2, 'An identity role\'s trust policy trusts exactly the planned principals, service accounts (`:sub`), audiences (`:aud`) and clusters'),
  AWS_POD_IDENTITY: rule(3, 'EKS Pod Identity associations of an identity role are exactly the planned cluster, namespace and service account'),
  AWS_KMS_KEY_POLICY: rule(4, 'A KMS key policy grants only the key\'s account root'),
  AZURE_ROLE_ASSIGNMENT: rule(5, 'Every Azure role assignment of an identity (scope, role) is planned, and nothing else is assigned on the platform\'s vaults and secrets'),
  AZURE_CUSTOM_ROLE: rule(6, 'The custom list role of a vault allows only listing secrets (no value read, no write, no control plane)'),
  AZURE_FEDERATED_CREDENTIAL: rule(7, 'An identity\'s federated credentials are exactly the planned issuer, subject and audience per cluster'),
  GOOGLE_MEMBER: rule(8, 'Every Google IAM member on a platform secret or project (role, member) is planned'),
  GOOGLE_TRUST: rule(9, 'Google trust is exactly the planned: service-account impersonation members, workload identity pool provider issuer and subjects'),
  VAULT_POLICY: rule(10, 'Every path and capability of an identity\'s Vault policy (the HCL parsed back) is planned'),
  VAULT_ROLE: rule(11, 'A Vault auth role binds exactly the planned service account, namespace, audience or subject, auth mount and policy'),
  STORE_IDENTITY: rule(12, 'A store authenticates as the identity the plan assigns (service account reference, role, auth mount)'),
  SERVICE_ACCOUNT_ANNOTATION: rule(13, 'A service account the platform emits carries exactly the annotations of its planned identity'),
  TENANT_RBAC: rule(14, 'A tenant RoleBinding binds only the tenant\'s declared groups, in the tenant\'s namespaces, to the tenant\'s Role'),
  EXTERNAL_SECRET_READS: rule(15, 'An ExternalSecret reads only what its declaration reads, through its planned store'),
  PUSH_SECRET_WRITES: rule(16, 'A PushSecret writes only its declared destination, through its planned store'),
  STORE_ADMITS: rule(17, 'A ClusterSecretStore admits exactly the namespaces the plan gives it'),
} as const;

/** One difference between the emitted output and the plan. */
export interface OutputFinding {
  /** The rule that found it. */
  readonly rule: OutputRule;
  /** What the plan names it by: `identity <id>`, `kmsKeys/<id>`, `store <name>`, `tenant <id>`, … */
  readonly subject: string;
  /** Where in the emitted output (`aws_iam_role_policy.<id>.policy`, `SecretStore/ns/name spec.provider…`). */
  readonly where: string;
  /** The emitted grant or trust that is not planned (or the planned one that is missing), never a secret value. */
  readonly emitted: string;
  /** What the plan allows there. */
  readonly allowed: string;
}

/** The finding as the library's error, blamed on the rendering construct. */
export function outputMismatch(path: string, finding: OutputFinding): ConfigurationError {
  return configurationError({
    path,
    prop: `${finding.subject} in ${finding.where}`,
    value: finding.emitted,
    allowed: finding.allowed,
    fix: 'the synthesized output differs from the plan: a renderer bug or an injection (an override, an aspect or a construct '
      + `that changed the platform's output); remove what changed it, or report the renderer bug (rule ${finding.rule.id})`,
  });
}

/**
 * Subset check in O(n log n): every emitted item (a canonical string) must be in `planned`; each extra
 * one is a finding. `describe` turns the canonical form back into what the message shows.
 */
export function extraItems(emitted: Iterable<{ readonly key: string; readonly where: string }>, planned: ReadonlySet<string>,
  finding: (item: { readonly key: string; readonly where: string }) => OutputFinding): OutputFinding[] {
  const findings: OutputFinding[] = [];
  for (const item of emitted) {
    if (!planned.has(item.key)) {
      findings.push(finding(item));
    }
  }
  return findings;
}

/**
 * Equality of two sets of canonical strings (a trust): every emitted one is planned, every planned one is
 * emitted. Returns the extra emitted ones and the missing planned ones.
 */
export function setDifference(emitted: ReadonlySet<string>, planned: ReadonlySet<string>): { readonly extra: string[]; readonly missing: string[] } {
  return {
    extra: [...emitted].filter((e) => !planned.has(e)).sort(),
    missing: [...planned].filter((p) => !emitted.has(p)).sort(),
  };
}
