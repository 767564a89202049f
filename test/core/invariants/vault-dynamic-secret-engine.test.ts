import { Duration, StoreScope, VaultHttpMethod } from '../../../lib/core';
import { vaultLab } from './privilege-fixtures';

const ENGINE = 'the credential endpoint of a dynamic secrets engine for one role: <mount>/creds/<role>, <mount>/static-creds/<role>, <mount>/static-cred/<role>, '
  + '<mount>/issue/<role>, <mount>/sign/<role>, <mount>/sts/<role>, or <mount>/roleset|static-account|impersonated-account/<name>/token|key; '
  + 'no "*", "+", "." or ".." segment and no Vault control mount (sys, auth, identity, cubbyhole) in the mount path';

function withDynamicPath(path: string, method = VaultHttpMethod.GET) {
  const { d, server } = vaultLab();
  const dynamic = d.addVaultDynamicSecret('gen', { name: 'gen', server, path, method, leaseTtl: Duration.minutes(30) });
  const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED });
  d.addExternalSecret('e', { name: 'e', namespace: 'apps', store, refreshInterval: Duration.minutes(10), dynamicSecrets: [dynamic] });
  return d;
}

describe('CES-LP-3: a Vault dynamic secret is granted only on an engine\'s credential endpoint for one role', () => {
  test.each([
    ['database/creds/app'], ['teams/a/db/static-creds/app'], ['pki/issue/web'], ['ssh/sign/ops'], ['aws/sts/deploy'], ['gcp/roleset/ci/token'], ['ldap/static-cred/svc'],
  ])('%s passes', (path) => {
    // GIVEN / WHEN
    const [identity] = withDynamicPath(path, VaultHttpMethod.POST).plan().identities;
    // THEN
    expect(identity.dynamicSecrets.map((g) => g.path)).toEqual([path]);
  });

  test.each([
    ['sys/policy/eso'], ['sys/creds/x'], ['auth/token/create'], ['auth/token/creds/x'], ['identity/oidc/token/x'], ['cubbyhole/creds/x'],
    ['team/sys/creds/x'], ['database/config/app'], ['database/roles/app'], ['database/creds'], ['transit/encrypt/key'], ['gcp/roleset/ci/bindings'],
  ])('%s is refused at the dynamic secret\'s path', (path) => {
    // GIVEN
    const d = withDynamicPath(path);
    // WHEN / THEN
    expect(() => d.plan()).toThrow(`[lab/dynamicSecrets/gen] path: received ${JSON.stringify(path)}. Allowed: ${ENGINE}. `
      + 'Fix: pass the engine path ESO reads credentials from, for example "database/creds/app" or "pki/issue/web" (rule CES-LP-3).');
  });

  test('an engine path on a declared KV mount is refused: KV keys are read through declared secrets', () => {
    // GIVEN a "creds" directory of the KV mount
    const d = withDynamicPath('secret/creds/app');
    // WHEN / THEN
    expect(() => d.plan()).toThrow('[lab/dynamicSecrets/gen] path: received "secret/creds/app". Allowed: a dynamic secrets engine\'s path, not the KV mount "secret" of Vault vault '
      + '(KV keys are read through declared secrets). Fix: declare the KV key with addVaultSecret and read it with data or extract (rule CES-LP-3).');
  });

  test('cannot be acknowledged', () => {
    // GIVEN
    const { d } = vaultLab();
    // WHEN / THEN
    expect(() => d.acknowledge({ ruleId: 'CES-LP-3', reason: 'the controller manages policies itself' })).toThrow('[lab/acknowledgements/0] ruleId: received "CES-LP-3".');
  });
});
