/**
 * Output verification of the Vault backend (loaded with `vault-cloud.ts` only): every `vault_policy`
 * of an identity is parsed back from its HCL (generically, whatever generated it) and each path and
 * capability compared with what the plan grants (reads, finds, pushes, dynamic secrets); every auth role
 * holding an identity's policy must be that identity's role, bound to exactly its service account,
 * namespace, audience or subject, on its auth mount, with no other policy.
 */
import { IdentityPlan, VaultAuthKind, vaultFindPrefix, VaultDynamicSecretDeclaration, VaultSecretDeclaration, VaultStoreDeclaration } from '../../core/declaration';
import { capabilityForMethod } from '../../core/vault-engines';
import { IConstruct } from 'constructs';
import { EmittedResource, EmittedTerraform, stringAttribute, stringList } from '../verification/emitted-terraform';
import { OutputFinding, OutputRules } from '../verification/output-rules';
import { parseVaultPolicy, PolicyParseError, terraformStringToText } from '../verification/vault-policy-hcl';

/** One rendered Vault identity: its plan, the role construct and the auth mount path it was given (a reference). */
export interface VaultVerificationIdentity {
  /** The identity plan. */
  readonly plan: IdentityPlan;
  /** The role construct (its policy is rendered under it). */
  readonly role: IConstruct;
  /** The auth mount the role was rendered on (its path, and the mount construct when rendered here). */
  readonly mount: { readonly mountPath: string } & Partial<IConstruct>;
}

/** Planned capabilities by policy path. */
function plannedRules(plan: IdentityPlan): Map<string, Set<string>> {
  const rules = new Map<string, Set<string>>();
  const allow = (path: string, capabilities: readonly string[]) => {
    const set = rules.get(path) ?? new Set<string>();
    capabilities.forEach((c) => set.add(c));
    rules.set(path, set);
  };
  for (const secret of plan.reads as readonly VaultSecretDeclaration[]) {
    allow(`${secret.mount}/data/${secret.name}`, ['read']);
  }
  for (const secret of plan.metadataReads as readonly VaultSecretDeclaration[]) {
    allow(`${secret.mount}/metadata/${secret.name}`, ['read']);
  }
  for (const use of plan.finds) {
    // ESO lists the names under the find's path, then reads each matched key: names only, never a value.
    const store = use.store as VaultStoreDeclaration;
    const prefix = vaultFindPrefix(use.find.path);
    allow(`${store.mount}/metadata/${prefix ? `${prefix}/*` : '*'}`, ['list']);
    for (const secret of use.matched as readonly VaultSecretDeclaration[]) {
      allow(`${secret.mount}/data/${secret.name}`, ['read']);
    }
  }
  for (const push of plan.pushes) {
    const destination = push.destination as VaultSecretDeclaration;
    allow(`${destination.mount}/data/${destination.name}`, ['create', 'read', 'update']);
    allow(`${destination.mount}/metadata/${destination.name}`, ['create', 'read', 'update']);
  }
  for (const dynamic of plan.dynamicSecrets as readonly VaultDynamicSecretDeclaration[]) {
    allow(dynamic.path, [capabilityForMethod(dynamic.method)]);
  }
  return rules;
}

function checkPolicy(plan: IdentityPlan, resource: EmittedResource): OutputFinding[] {
  const planned = plannedRules(plan);
  const finding = (emitted: string): OutputFinding => ({
    rule: OutputRules.VAULT_POLICY, subject: `identity ${plan.id}`, where: `${resource.address}.policy`, emitted,
    allowed: `the paths the plan derives from identity "${plan.id}"'s reads, finds, pushes and dynamic secrets: ${[...planned].map(([p, c]) => `${p} [${[...c].sort().join(', ')}]`).join('; ') || 'none'}`,
  });
  let rules;
  try {
    const text = resource.body.policy;
    if (typeof text !== 'string') {
      return [finding('a policy that is not a string')];
    }
    rules = parseVaultPolicy(terraformStringToText(text));
  } catch (e) {
    if (e instanceof PolicyParseError) {
      return [finding(`a policy that does not parse as Vault policy HCL (${e.message})`)];
    }
    throw e;
  }
  const findings: OutputFinding[] = [];
  for (const rule of rules) {
    const allowed = planned.get(rule.path);
    const extra = rule.capabilities.filter((c) => c !== 'deny' && !allowed?.has(c));
    if (extra.length > 0) {
      findings.push(finding(`path "${rule.path}" with ${extra.map((c) => JSON.stringify(c)).join(', ')}`));
    }
    if (rule.attributes.length > 0 && allowed === undefined) {
      findings.push(finding(`path "${rule.path}" with ${rule.attributes.join(', ')}`));
    }
  }
  return findings;
}

const ROLE_TYPES = ['vault_kubernetes_auth_backend_role', 'vault_jwt_auth_backend_role'];

/** Every difference between the emitted Vault policies and roles and the plan. */
export function verifyVault(identities: readonly VaultVerificationIdentity[], emitted: EmittedTerraform): OutputFinding[] {
  const findings: OutputFinding[] = [];
  const owners = new Map<string, VaultVerificationIdentity>();
  const ownPolicy = new Map<string, string>();
  for (const identity of identities) {
    for (const policy of emitted.under(identity.role, 'vault_policy')) {
      owners.set(`\${${policy.address}.name}`, identity);
      ownPolicy.set(identity.plan.id, `\${${policy.address}.name}`);
    }
    owners.set(identity.plan.vault!.policyName, identity);
  }
  // Every policy of the stack named like an identity's policy (its own, or one that would replace it).
  for (const policy of emitted.resources('vault_policy')) {
    const owner = owners.get(stringAttribute(policy.body, 'name') ?? '');
    if (owner !== undefined) {
      findings.push(...checkPolicy(owner.plan, policy));
    }
  }
  // Every role holding an identity's policy is that identity's role, bound exactly as planned.
  const own = new Map<string, VaultVerificationIdentity>();
  identities.forEach((identity) => ROLE_TYPES.forEach((type) => emitted.under(identity.role, type).forEach((r) => own.set(r.address, identity))));
  for (const type of ROLE_TYPES) {
    for (const role of emitted.resources(type)) {
      const policies = stringList(role.body, 'token_policies');
      const identity = own.get(role.address);
      if (identity === undefined) {
        for (const policy of policies.filter((p) => owners.has(p))) {
          const owner = owners.get(policy)!;
          findings.push({
            rule: OutputRules.VAULT_ROLE, subject: `identity ${owner.plan.id}`, where: `${role.address}.token_policies`,
            emitted: `another role (${String(role.body.role_name)}) holding the identity's policy`, allowed: `only the identity's own role ${owner.plan.vault!.roleName}`,
          });
        }
        continue;
      }
      findings.push(...checkRole(identity, role, policies, emitted, ownPolicy.get(identity.plan.id)));
    }
  }
  findings.push(...verifyIssuers(identities, emitted));
  return findings;
}

/** The auth mounts rendered here trust the planned issuer: the cluster's (JWT), the declared one (Kubernetes), never none. */
function verifyIssuers(identities: readonly VaultVerificationIdentity[], emitted: EmittedTerraform): OutputFinding[] {
  const findings: OutputFinding[] = [];
  const seen = new Set<IConstruct>();
  for (const { plan, mount } of identities) {
    const auth = plan.vault!.auth;
    if (mount.node === undefined || seen.has(mount as IConstruct)) {
      continue;
    }
    seen.add(mount as IConstruct);
    const expected: Array<[string, string, unknown]> = auth.kind === VaultAuthKind.JWT
      ? [['vault_jwt_auth_backend', 'bound_issuer', auth.cluster.oidcIssuerUrl], ['vault_jwt_auth_backend', 'oidc_discovery_url', auth.cluster.oidcIssuerUrl?.replace(/\/+$/, '')]]
      : [['vault_kubernetes_auth_backend_config', 'issuer', auth.issuer]];
    for (const [type, field, value] of expected) {
      for (const resource of emitted.under(mount as IConstruct, type)) {
        const actual = resource.body[field];
        if (actual !== value) {
          findings.push({
            rule: OutputRules.VAULT_ROLE, subject: `auth mount ${auth.mountPath}`, where: `${resource.address}.${field}`,
            emitted: actual === undefined ? 'no value' : String(actual), allowed: value === undefined ? 'no value' : `the planned ${String(value)}`,
          });
        }
      }
    }
  }
  return findings;
}

/** The mount path the role names: the literal path, or a reference to the path of the auth mount rendered here. */
function mountPath(identity: VaultVerificationIdentity, role: EmittedResource, emitted: EmittedTerraform): string | undefined {
  const literal = emitted.text(identity.mount.mountPath);
  const backend = stringAttribute(role.body, 'backend');
  if (backend === literal || identity.mount.node === undefined) {
    return literal;
  }
  const references = ['vault_auth_backend', 'vault_jwt_auth_backend']
    .flatMap((type) => emitted.under(identity.mount as IConstruct, type))
    .map((resource) => `\${${resource.address}.path}`);
  return references.includes(backend ?? '') ? backend : literal;
}

function checkRole(identity: VaultVerificationIdentity, role: EmittedResource, policies: string[], emitted: EmittedTerraform, policy: string | undefined): OutputFinding[] {
  const { plan } = identity;
  const vault = plan.vault!;
  const sa = plan.serviceAccount;
  const jwt = vault.auth.kind === VaultAuthKind.JWT;
  const expected: Record<string, unknown> = jwt
    ? {
      role_name: vault.roleName, backend: mountPath(identity, role, emitted), role_type: 'jwt', user_claim: 'sub',
      bound_subject: `system:serviceaccount:${sa.namespace}:${sa.name}`, bound_audiences: [vault.audiences[0] ?? 'vault'],
      bound_claims: undefined, token_policies: policy !== undefined ? [policy] : [],
    }
    : {
      role_name: vault.roleName, backend: mountPath(identity, role, emitted),
      bound_service_account_names: [sa.name], bound_service_account_namespaces: [sa.namespace],
      audience: vault.audiences[0], token_policies: policy !== undefined ? [policy] : [],
    };
  const findings: OutputFinding[] = [];
  for (const [field, value] of Object.entries(expected)) {
    const actual = field === 'token_policies' ? policies : role.body[field];
    if (JSON.stringify(actual) !== JSON.stringify(value)) {
      findings.push({
        rule: OutputRules.VAULT_ROLE, subject: `identity ${plan.id}`, where: `${role.address}.${field}`,
        emitted: actual === undefined ? 'no value' : typeof actual === 'string' ? actual : JSON.stringify(actual), allowed: value === undefined ? 'no value' : `the planned ${JSON.stringify(value)}`,
      });
    }
  }
  return findings;
}
