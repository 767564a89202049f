/**
 * CES-LP-9: the declaration's Azure role assignments, with those the user declares already exist, fit
 * the subscription's limit (`azure.roleAssignmentLimit`, default 4,000). Each read is assigned per
 * secret unless vault scope is exact (see `azureAssignments`); past the limit, `terraform apply` would
 * fail halfway with `RoleAssignmentLimitExceeded`, so the plan refuses first and names the identities
 * that use the most.
 */
import { AZURE_ROLE_ASSIGNMENT_LIMIT, azureAssignments, azureSecretsPerVault } from '../../declaration/backends/azure-key-vault';
import { DescribedValue } from '../../errors';
import { PlanRule, RuleCategory, RuleViolation } from '../rule';

/** How many of the identities that use the most the message names. */
const TOP = 5;

export const azureRoleAssignmentBudget: PlanRule = {
  id: 'CES-LP-9',
  category: RuleCategory.LEAST_PRIVILEGE,
  title: 'Azure role assignments fit the subscription\'s limit',
  acknowledgeable: false,
  *check({ declaration, plan }): Iterable<RuleViolation> {
    const identities = plan.identities.filter((identity) => identity.azure !== undefined);
    if (identities.length === 0) {
      return;
    }
    const counts = azureSecretsPerVault(declaration.secrets);
    const used = identities.map((identity) => ({ id: identity.id, count: azureAssignments(identity, counts).count }));
    const declared = used.reduce((sum, u) => sum + u.count, 0);
    const existing = declaration.azure?.existingRoleAssignments ?? 0;
    const limit = declaration.azure?.roleAssignmentLimit ?? AZURE_ROLE_ASSIGNMENT_LIMIT;
    if (declared + existing <= limit) {
      return;
    }
    const top = [...used].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, TOP);
    yield {
      path: declaration.name, prop: 'azure.roleAssignmentLimit', subject: 'azure-subscription',
      value: new DescribedValue(`${declared + existing} role assignments (${declared} declared here + ${existing} existing)`),
      allowed: `at most ${limit} role assignments in the subscription; the identities that use the most: ${top.map((u) => `${u.id} (${u.count})`).join(', ')}`,
      fix: 'declare the vaults these identities read in full with exclusive: true (one assignment per vault), split the secrets over vaults read in full, '
        + 'or move identities to another subscription; raise roleAssignmentLimit only if Microsoft raised your subscription\'s limit',
    };
  },
};
