/**
 * Output verification of the Azure Key Vault backend (loaded with `azure-cloud.ts` only): every role
 * assignment of an identity's principal (scope and role), every role assignment the platform emits,
 * the custom list roles (their actions), and the identity's federated credentials (issuer, subject,
 * audience), compared with the plan.
 */
import { azureAssignments, clusterIssuerUrl, IdentityPlan, KeyVaultDeclaration } from '../../core/declaration';
import { AZURE_TOKEN_EXCHANGE_AUDIENCE } from '../../core/identity';
import { IConstruct } from 'constructs';
import { EmittedTerraform, stringAttribute, stringList } from '../verification/emitted-terraform';
import { OutputFinding, OutputRules, setDifference } from '../verification/output-rules';

/** The one data action a vault's custom list role may allow: secret names and properties, never values. */
const LIST_SECRETS_DATA_ACTION = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
const SECRETS_USER = 'Key Vault Secrets User';
const SECRETS_OFFICER = 'Key Vault Secrets Officer';
const LIST_ROLE = 'the vault\'s custom list role';

/** One rendered Azure identity and the references its grants use. */
export interface AzureVerificationIdentity {
  /** The identity plan. */
  readonly plan: IdentityPlan;
  /** The identity's principal ID and resource ID (references to the `azurerm_user_assigned_identity`). */
  readonly principalId: string;
  /** Resource ID of the identity (what its federated credentials name as parent). */
  readonly id: string;
}

/** What the Azure renderer knows when verifying. */
export interface AzureVerification {
  /** The `SecretsPlatformInfrastructure` (every role assignment under it belongs to a planned identity). */
  readonly scope: IConstruct;
  /** Rendered identities. */
  readonly identities: readonly AzureVerificationIdentity[];
  /** Scope (resource ID, a reference for rendered secrets) of a declared secret. */
  secretScope(secretId: string): string;
  /** Scope (resource ID) of a declared vault. */
  vaultScope(vaultId: string): string;
  /** Declared secrets per vault (what decides vault-scope reads). */
  readonly secretsPerVault: ReadonlyMap<KeyVaultDeclaration, number>;
}

function plannedAssignments(input: AzureVerification, emitted: EmittedTerraform, plan: IdentityPlan): Set<string> {
  const planned = new Set<string>();
  const secret = (id: string) => emitted.text(input.secretScope(id))!;
  const vault = (id: string) => emitted.text(input.vaultScope(id))!;
  // Where each read goes (vault scope only where exact) is the plan's, not the renderer's: azureAssignments.
  const assignments = azureAssignments(plan, input.secretsPerVault);
  assignments.secretReads.forEach((s) => planned.add(`${SECRETS_USER} on ${secret(s.id)}`));
  assignments.vaultReads.forEach((v) => planned.add(`${SECRETS_USER} on ${vault(v.id)}`));
  assignments.vaultLists.forEach((v) => planned.add(`${LIST_ROLE} on ${vault(v.id)}`));
  assignments.secretWrites.forEach((s) => planned.add(`${SECRETS_OFFICER} on ${secret(s.id)}`));
  return planned;
}

/** Every difference between the emitted Azure resources and the plan. */
export function verifyAzure(input: AzureVerification, emitted: EmittedTerraform): OutputFinding[] {
  const findings: OutputFinding[] = [];
  // Custom roles the platform emits: list only.
  const listRoles = new Set<string>();
  for (const definition of emitted.under(input.scope, 'azurerm_role_definition')) {
    listRoles.add(`\${${definition.address}.role_definition_resource_id}`);
    listRoles.add(`\${${definition.address}.id}`);
    const blocks = (Array.isArray(definition.body.permissions) ? definition.body.permissions : [definition.body.permissions]) as Array<Record<string, unknown> | undefined>;
    for (const block of blocks.filter((b): b is Record<string, unknown> => typeof b === 'object' && b !== null)) {
      const extra = [
        ...stringList(block, 'actions').map((a) => `action ${a}`),
        ...stringList(block, 'data_actions').filter((a) => a !== LIST_SECRETS_DATA_ACTION).map((a) => `data action ${a}`),
      ];
      for (const action of extra) {
        findings.push({
          rule: OutputRules.AZURE_CUSTOM_ROLE, subject: `role ${String(definition.body.name)}`, where: `${definition.address}.permissions`,
          emitted: action, allowed: `only the data action ${LIST_SECRETS_DATA_ACTION}`,
        });
      }
    }
  }
  const roleOf = (body: Readonly<Record<string, unknown>>) => {
    const name = stringAttribute(body, 'role_definition_name');
    const id = stringAttribute(body, 'role_definition_id') ?? '';
    return name ?? (listRoles.has(id) ? LIST_ROLE : `the role ${id}`);
  };
  const byPrincipal = new Map(input.identities.map((i) => [emitted.text(i.principalId)!, { identity: i, planned: plannedAssignments(input, emitted, i.plan) }]));
  const underPlatform = new Set(emitted.under(input.scope, 'azurerm_role_assignment').map((r) => r.address));
  for (const assignment of emitted.resources('azurerm_role_assignment')) {
    const entry = byPrincipal.get(stringAttribute(assignment.body, 'principal_id') ?? '');
    const granted = `${roleOf(assignment.body)} on ${String(assignment.body.scope)}`;
    if (entry !== undefined) {
      if (!entry.planned.has(granted)) {
        findings.push({
          rule: OutputRules.AZURE_ROLE_ASSIGNMENT, subject: `identity ${entry.identity.plan.id}`, where: assignment.address, emitted: granted,
          allowed: `the assignments the plan derives from identity "${entry.identity.plan.id}"'s reads, finds and pushes: ${[...entry.planned].sort().join('; ') || 'none'}`,
        });
      }
    } else if (underPlatform.has(assignment.address)) {
      findings.push({
        rule: OutputRules.AZURE_ROLE_ASSIGNMENT, subject: 'the platform', where: assignment.address,
        emitted: `${granted} to the principal ${String(assignment.body.principal_id)}`, allowed: 'role assignments to the planned identities only',
      });
    }
  }
  // Federated credentials: exactly the planned issuer, subject and audience per cluster.
  const byParent = new Map(input.identities.map((i) => [emitted.text(i.id)!, i]));
  const credentials = new Map<string, Set<string>>();
  for (const credential of emitted.resources('azurerm_federated_identity_credential')) {
    const identity = byParent.get(stringAttribute(credential.body, 'parent_id') ?? '');
    if (identity !== undefined) {
      const set = credentials.get(identity.plan.id) ?? new Set<string>();
      set.add(`issuer ${String(credential.body.issuer)} subject ${String(credential.body.subject)} audience ${stringList(credential.body, 'audience').join(',')}`);
      credentials.set(identity.plan.id, set);
    }
  }
  for (const { plan } of input.identities) {
    const subject = `system:serviceaccount:${plan.serviceAccount.namespace}:${plan.serviceAccount.name}`;
    const expected = new Set(plan.clusters.map((c) => `issuer ${clusterIssuerUrl(c)!} subject ${subject} audience ${AZURE_TOKEN_EXCHANGE_AUDIENCE}`));
    const difference = setDifference(credentials.get(plan.id) ?? new Set(), expected);
    const allowed = `exactly the planned credentials: ${[...expected].sort().join('; ')}`;
    difference.extra.forEach((e) => findings.push({ rule: OutputRules.AZURE_FEDERATED_CREDENTIAL, subject: `identity ${plan.id}`, where: 'azurerm_federated_identity_credential', emitted: `a credential with ${e}`, allowed }));
    difference.missing.forEach((m) => findings.push({ rule: OutputRules.AZURE_FEDERATED_CREDENTIAL, subject: `identity ${plan.id}`, where: 'azurerm_federated_identity_credential', emitted: `no credential with ${m}`, allowed }));
  }
  return findings;
}
