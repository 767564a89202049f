import { auditDeclaration, EsoAuthModel, KeyVaultDeclaration, SecretBackend, SecretsDeclaration, StoreScope } from '../../../lib/core';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

/** An AKS cluster and one team per entry, each with its own vault, `secrets` secrets and a namespaced store reading `read` of them. */
function azureEstate(teams: ReadonlyArray<{ secrets: number; read?: number; exclusive?: boolean; existing?: boolean }>,
  budget: { roleAssignmentLimit?: number; existingRoleAssignments?: number } = {}): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', azure: { tenantId: TENANT, ...budget } });
  const aks = d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT}/aks/` });
  teams.forEach((team, t) => {
    const name = `team-${t + 1}`;
    const vault: KeyVaultDeclaration = d.addKeyVault(name, {
      name: `kv-shop-${name}`, resourceGroupName: 'rg', location: 'westeurope', exclusive: team.exclusive,
      existingVaultId: team.existing ? `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-shop-${name}` : undefined,
    });
    const secrets = Array.from({ length: team.secrets }, (_, s) => d.addKeyVaultSecret(`${name}-${s + 1}`, { vault, name: `${name}-secret-${s + 1}` }));
    const store = d.addAzureKeyVaultStore(name, { name, vault, scope: StoreScope.NAMESPACED, namespaces: [name], clusters: [aks], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret(name, { name: 'app', namespace: name, store, data: secrets.slice(0, team.read ?? team.secrets).map((secret, i) => ({ secretKey: `k${i}`, secret })) });
  });
  return d;
}

describe('Azure role assignments: vault scope only where exact, else per secret', () => {
  test('an exclusive vault the declaration creates, read in full: one assignment at vault scope, with the reason in the plan', () => {
    // WHEN
    const identity = azureEstate([{ secrets: 3, exclusive: true }]).plan().identities[0];
    // THEN
    expect(identity.policyForm).toEqual({
      form: 'vault-scope',
      reason: 'reads every secret of exclusive vault kv-shop-team-1, which the declaration creates and alone writes, so one assignment per vault is exact (1 role assignment in all)',
    });
  });

  test.each([
    ['not exclusive (others may create secrets in it)', { secrets: 3 }, 3],
    ['exclusive, but one secret of three not read', { secrets: 3, read: 2, exclusive: true }, 2],
    ['exclusive, but an existing vault (it may hold undeclared secrets)', { secrets: 3, exclusive: true, existing: true }, 3],
    ['exclusive, read in full, but one secret: the secret scope is as small and narrower', { secrets: 1, exclusive: true }, 1],
  ])('%s: per secret', (_title, team, count) => {
    // WHEN
    const identity = azureEstate([team]).plan().identities[0];
    // THEN
    expect(identity.policyForm).toEqual({
      form: 'per-secret',
      reason: `one assignment per secret read or written (${count} role assignment${count === 1 ? '' : 's'}): no vault is both exclusive and read in full by the identity`,
    });
  });

  test('AWS identities get no Azure form', () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const secret = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    const store = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret }] });
    expect(d.plan().identities[0].policyForm?.form).not.toBe('vault-scope');
    expect(d.plan().identities[0].policyForm?.form).not.toBe('per-secret');
  });
});

describe('CES-LP-9: Azure role assignments fit the subscription\'s limit', () => {
  test('within the limit (4,000 by default, minus the declared existing assignments): passes', () => {
    expect(auditDeclaration(azureEstate([{ secrets: 5 }, { secrets: 4 }], { existingRoleAssignments: 3991 })).violations).toEqual([]);
  });

  test('over the limit: refused at the budget, naming the 5 identities that use the most, with their counts', () => {
    // GIVEN 7 teams using 1..7 assignments (28) and 3,980 existing ones: 4,008 > 4,000
    const d = azureEstate([1, 2, 3, 4, 5, 6, 7].map((secrets) => ({ secrets })), { existingRoleAssignments: 3980 });
    // WHEN / THEN
    expect(() => d.plan()).toThrow(
      '[shop] azure.roleAssignmentLimit: received 4008 role assignments (28 declared here + 3980 existing). Allowed: at most 4000 role assignments in the subscription; '
      + 'the identities that use the most: store-team-7-team-7 (7), store-team-6-team-6 (6), store-team-5-team-5 (5), store-team-4-team-4 (4), store-team-3-team-3 (3). '
      + 'Fix: declare the vaults these identities read in full with exclusive: true (one assignment per vault), split the secrets over vaults read in full, '
      + 'or move identities to another subscription; raise roleAssignmentLimit only if Microsoft raised your subscription\'s limit (rule CES-LP-9).');
  });

  test('a configured limit applies, and vault-scope assignments count once: exclusive vaults bring the same estate within it', () => {
    // GIVEN 3 teams of 4 secrets each: 12 per-secret assignments, 3 at vault scope
    const teams = [{ secrets: 4 }, { secrets: 4 }, { secrets: 4 }];
    // WHEN / THEN
    expect(() => azureEstate(teams, { roleAssignmentLimit: 10 }).plan()).toThrow(
      '[shop] azure.roleAssignmentLimit: received 12 role assignments (12 declared here + 0 existing). Allowed: at most 10 role assignments in the subscription; '
      + 'the identities that use the most: store-team-1-team-1 (4), store-team-2-team-2 (4), store-team-3-team-3 (4).');
    expect(auditDeclaration(azureEstate(teams.map((t) => ({ ...t, exclusive: true })), { roleAssignmentLimit: 10 })).violations).toEqual([]);
  });

  test('not acknowledgeable: the limit is Azure\'s, raised only through roleAssignmentLimit', () => {
    const d = azureEstate([{ secrets: 3 }], { roleAssignmentLimit: 2 });
    expect(() => d.acknowledge({ ruleId: 'CES-LP-9', reason: 'we will be fine', appliesTo: ['azure-subscription'] })).toThrow(
      '[shop/acknowledgements/0] ruleId: received "CES-LP-9". Allowed: an acknowledgeable rule; this rule has no legitimate exception. Fix: change the declaration so the rule holds.');
  });
});
