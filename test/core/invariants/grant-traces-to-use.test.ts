import { auditDeclaration, DeclarationPlan, Duration, evaluateRules, StoreScope } from '../../../lib/core';
import { grantTracesToUse } from '../../../lib/core/invariants/rules/grant-traces-to-use';
import { vaultLab } from './privilege-fixtures';

function lab() {
  const { d, server } = vaultLab();
  const db = d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'] });
  const other = d.addVaultSecret('other', { server, path: 'apps/other', properties: ['password'] });
  const shared = d.addVaultSecret('shared', { server, path: 'apps/shared/a', properties: ['k'] });
  const generator = d.addVaultDynamicSecret('gen', { name: 'gen', server, path: 'database/creds/app', leaseTtl: Duration.minutes(30) });
  const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED });
  d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, refreshInterval: Duration.minutes(10), data: [{ secretKey: 'p', secret: db }], find: [{ path: 'apps/shared' }], dynamicSecrets: [generator] });
  d.addPushSecret('push', { name: 'push', namespace: 'apps', store, sourceSecretName: 'local', destination: other });
  return { d, other, shared };
}

describe('CES-LP-5: every grant traces to a declared use', () => {
  test('reads, find matches, pushes and dynamic secrets of declared consumers pass', () => {
    // GIVEN / WHEN
    const { d } = lab();
    // THEN
    expect(auditDeclaration(d).violations).toEqual([]);
    expect(d.plan().identities.map((i) => [i.reads.length, i.finds.length, i.pushes.length, i.dynamicSecrets.length])).toEqual([[1, 1, 1, 1]]);
  });

  test('a grant the planner added without a use (a corrupted plan) is refused, naming the identity and the grant', () => {
    // GIVEN a plan whose identity also reads "other" (only pushed, never read)
    const { d, other } = lab();
    const plan = d.resolvePlan();
    const corrupted: DeclarationPlan = { ...plan, identities: plan.identities.map((i) => ({ ...i, reads: [...i.reads, other] })) };
    // WHEN
    const findings = evaluateRules({ declaration: d, plan: corrupted }, [], [grantTracesToUse]);
    // THEN
    expect(findings.map((f) => f.error.message)).toEqual([
      '[lab/stores/vault] grants: received "read of secret \\"other\\"". Allowed: grants that a declared ExternalSecret or PushSecret of the identity\'s stores uses: '
      + 'identity "store-vault-apps" would be granted the read of secret "other" without one. Fix: report this as a bug of cdk-external-secrets (the planned grant has no declared use); '
      + 'meanwhile remove the store or consumer that produces it (rule CES-LP-5).',
    ]);
  });

  test('cannot be acknowledged', () => {
    // GIVEN
    const { d } = lab();
    // WHEN / THEN
    expect(() => d.acknowledge({ ruleId: 'CES-LP-5', reason: 'grants without a consumer on purpose' })).toThrow('[lab/acknowledgements/0] ruleId: received "CES-LP-5".');
  });
});
