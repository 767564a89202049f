import { auditDeclaration, EsoAuthModel } from '../../../lib/core';
import { vaultLab } from './privilege-fixtures';

describe('CES-LP-4: a Vault role is bound to a token audience', () => {
  test('the default audience ("vault") passes', () => {
    // GIVEN
    const { d, server } = vaultLab();
    d.addVaultStore('vault', { name: 'vault', server, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    // WHEN / THEN
    expect(d.plan().identities.map((i) => i.vault?.audiences)).toEqual([['vault']]);
    expect(auditDeclaration(d).violations).toEqual([]);
  });

  test('an empty audience list is refused at the store, and accepted with an acknowledgement and its reason', () => {
    // GIVEN
    const { d, server } = vaultLab();
    d.addVaultStore('vault', { name: 'vault', server, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, audiences: [] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow(
      '[lab/stores/vault] audiences: received []. Allowed: at least one audience: Vault role kubernetes-rke2/lab-vault-eso would accept any token of '
      + 'external-secrets/eso-vault, the default API server tokens included. Fix: leave audiences unset (["vault"]) or pass the audience the Vault role expects '
      + '(rule CES-LP-4; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-LP-4\', reason: \'…\', appliesTo: [\'store-vault\'] })).');
    d.acknowledge({ ruleId: 'CES-LP-4', reason: 'the existing role has no audience until the migration ends', appliesTo: ['store-vault'] });
    expect(auditDeclaration(d).acknowledged.map((f) => f.violation.subject)).toEqual(['store-vault']);
  });
});
