import { auditDeclaration, EsoAuthModel, StoreScope } from '../../../lib/core';
import { awsLab, vaultLab } from './privilege-fixtures';

const LP1 = 'the store\'s identity may read only the declared secrets a find matches, so a find matching none is granted nothing and delivers nothing. ';

describe('CES-LP-1: every find matches at least one declared secret', () => {
  test('a Vault find matching a declared key under its path passes', () => {
    // GIVEN
    const { d, server } = vaultLab();
    d.addVaultSecret('api', { server, path: 'apps/shared/api', properties: ['key'] });
    const store = d.addVaultStore('vault', { name: 'vault', server });
    d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, find: [{ path: 'apps/shared' }] });
    // WHEN
    const [identity] = d.plan().identities;
    // THEN
    expect(identity.finds.map((f) => [f.path, f.prop, f.matched.map((s) => s.name)])).toEqual([['lab/externalSecrets/e', 'find[0]', ['apps/shared/api']]]);
  });

  test('a Vault find whose path is only a string prefix of a key (not its directory) matches nothing and is refused', () => {
    // GIVEN a key "apps/shared-other": ESO lists the directory apps/shared/, which does not hold it
    const { d, server } = vaultLab();
    d.addVaultSecret('other', { server, path: 'apps/shared-other', properties: ['key'] });
    const store = d.addVaultStore('vault', { name: 'vault', server });
    d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, find: [{ path: 'apps/shared' }] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow(
      '[lab/externalSecrets/e] find[0]: received {"path":"apps/shared"}. Allowed: a find that matches at least one KV secret declared on mount "secret" of Vault vault '
      + `(by nameRegexp, path and tags): ${LP1}`
      + 'Fix: declare the secrets the find should read with addVaultSecret({ server, mount, path, properties }) (managedElsewhere: true for secrets created outside this declaration), '
      + 'or change the find to match them (rule CES-LP-1).');
  });

  test('a Vault find by tags matches nothing (the policy never grants metadata reads for finds) and cannot be acknowledged', () => {
    // GIVEN
    const { d, server } = vaultLab();
    d.addVaultSecret('api', { server, path: 'apps/api', properties: ['key'] });
    const store = d.addVaultStore('vault', { name: 'vault', server });
    d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, find: [{ tags: { team: 'a' } }] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow('[lab/externalSecrets/e] find[0]: received {"tags":{"team":"a"}}. Allowed: a find that matches at least one KV secret');
    expect(() => d.acknowledge({ ruleId: 'CES-LP-1', reason: 'a find for nothing, on purpose' })).toThrow('[lab/acknowledgements/0] ruleId: received "CES-LP-1".');
  });

  test('a Secrets Manager find matching nothing is refused once, though a namespaced store plans it per namespace', () => {
    // GIVEN
    const { d, sm } = awsLab();
    d.addSecretsManagerSecret('s', { name: 'shop/s' });
    const store = d.addAwsStore('sm', { name: 'sm', service: sm, scope: StoreScope.NAMESPACED, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ nameRegexp: 'billing/.*' }] });
    // WHEN
    const audit = auditDeclaration(d);
    // THEN
    expect(audit.violations.map((f) => [f.rule.id, f.violation.subject])).toEqual([['CES-LP-1', 'shop/externalSecrets/e/find[0]']]);
  });
});
