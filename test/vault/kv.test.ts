import { TerraformVariable } from 'cdktf';
import { Duration } from '../../lib/core';
import { VaultKvMount, VaultKvSecret, VaultKvSecretValue, VaultPolicy } from '../../lib/vault';
import { valueLeaks } from '../helpers/terraform';
import { all, one, policyRules, synth, vaultStack } from './helpers';

describe('VaultKvMount', () => {
  test('mounts KV version 2 at "secret" by default, without engine settings', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN
    const kv = new VaultKvMount(stack, 'Kv');
    // THEN
    const out = synth(stack);
    expect(one(out, 'vault_mount', 'path', 'secret')).toEqual({
      path: 'secret', type: 'kv', options: { version: '2' },
      description: 'KV v2 secrets read by External Secrets Operator',
    });
    expect(all(out, 'vault_kv_secret_backend_v2')).toHaveLength(0);
    expect(kv.dataPath('a/b')).toBe('secret/data/a/b');
    expect(kv.metadataPath('a/b')).toBe('secret/metadata/a/b');
  });

  test('engine settings and a namespace', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN
    new VaultKvMount(stack, 'Kv', { path: 'kv-prod', namespace: 'admin/team-a', maxVersions: 20, casRequired: false, deleteVersionAfter: Duration.days(30) });
    // THEN
    const out = synth(stack);
    expect(one(out, 'vault_mount', 'path', 'kv-prod')).toMatchObject({ namespace: 'admin/team-a' });
    expect(all(out, 'vault_kv_secret_backend_v2')[0]).toMatchObject({
      namespace: 'admin/team-a', max_versions: 20, cas_required: false, delete_version_after: 2592000,
    });
  });

  test.each(['/secret', 'secret/', 'sys', 'auth/x', 'a//b', 'a b'])('mount path %s is rejected', (path) => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKvMount(stack, 'Kv', { path })).toThrow(`[test/Kv] path: received ${JSON.stringify(path)}. Allowed: a mount path of segments`);
  });

  test('exact message of a bad mount path', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKvMount(stack, 'Kv', { path: '/kv/' })).toThrow(
      '[test/Kv] path: received "/kv/". Allowed: a mount path of segments of letters, digits, "_", "-" and "." separated by single "/", without leading or trailing "/" ' +
      '(and not "sys", "auth", "identity" or "cubbyhole", which Vault reserves). Fix: use a path such as "kv".');
  });

  test('maxVersions must be a whole number', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKvMount(stack, 'Kv', { maxVersions: 1.5 })).toThrow(
      '[test/Kv] maxVersions: received 1.5. Allowed: an integer of 0 or more. Fix: pass a whole number of at least 0.');
  });

  test('deleteVersionAfter must be whole seconds', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKvMount(stack, 'Kv', { deleteVersionAfter: Duration.parse('1500ms') })).toThrow(
      '[test/Kv] deleteVersionAfter: received "1s500ms". Allowed: a whole number of seconds of at least 1s. Fix: pass a Duration of whole seconds, for example Duration.hours(1).');
  });

  test('fromMountPath creates nothing and still grants finds', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = VaultKvMount.fromMountPath(stack, 'Kv', 'kv-legacy');
    const policy = new VaultPolicy(stack, 'Policy', { policyName: 'eso-finder' });
    // WHEN
    const grant = kv.grantFind(policy, { prefix: 'apps', keys: ['apps/db'] });
    // THEN
    const out = synth(stack);
    expect(all(out, 'vault_mount')).toHaveLength(0);
    expect(grant.rules.map((r) => r.path)).toEqual(['kv-legacy/metadata/apps/*', 'kv-legacy/data/apps/db']);
    expect(policyRules(one(out, 'vault_policy', 'name', 'eso-finder').policy)).toEqual({
      'kv-legacy/data/apps/db': ['read'],
      'kv-legacy/metadata/apps/*': ['list'],
    });
  });

  test('a find prefix with a glob is rejected at the mount', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = VaultKvMount.fromMountPath(stack, 'Kv', 'secret');
    const policy = new VaultPolicy(stack, 'Policy', { policyName: 'p' });
    // WHEN / THEN
    expect(() => kv.grantFind(policy, { prefix: 'apps/*', keys: ['apps/db'] })).toThrow('[test/Kv] prefix: received "apps/*".');
    expect(() => kv.grantFind(policy, { prefix: 'apps' } as never)).toThrow(
      '[test/Kv] options.keys: received undefined. Allowed: an array of strings. Fix: set options.keys to an array of strings.');
  });
});

describe('VaultKvSecret', () => {
  test('default placeholder: {} written once with cas 0, never read back', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    // WHEN
    const secret = new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'apps/team-a/db', properties: ['username', 'password'] });
    // THEN
    const out = synth(stack);
    const body = one(out, 'vault_kv_secret_v2', 'name', 'apps/team-a/db');
    expect(body).toMatchObject({
      data_json_wo: '{}', data_json_wo_version: 1, disable_read: true, cas: 0,
      lifecycle: { ignore_changes: ['data_json_wo_version', 'cas'] },
    });
    expect(body.mount).toMatch(/^\$\{vault_mount\..+\.path\}$/);
    expect(body).not.toHaveProperty('data_json');
    expect(secret.properties).toEqual(['username', 'password']);
    expect(valueLeaks(out)).toEqual([]);
  });

  test('one sensitive variable per property, JSON-encoded into data_json_wo', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = VaultKvMount.fromMountPath(stack, 'Kv', 'secret', { namespace: 'admin' });
    const user = new TerraformVariable(stack, 'db_user', { type: 'string', sensitive: true });
    const pass = new TerraformVariable(stack, 'db_pass', { type: 'string', sensitive: true });
    // WHEN
    const secret = new VaultKvSecret(stack, 'Db', {
      mount: kv, secretPath: 'db', value: VaultKvSecretValue.fromSensitiveVariables({ username: user, password: pass }, { version: 2 }),
    });
    // THEN
    const body = one(synth(stack), 'vault_kv_secret_v2', 'name', 'db');
    expect(body).toMatchObject({
      mount: 'secret', namespace: 'admin', disable_read: true, data_json_wo_version: 2,
      data_json_wo: '${jsonencode({"password" = var.db_pass, "username" = var.db_user})}',
    });
    expect(body).not.toHaveProperty('cas');
    expect(body).not.toHaveProperty('lifecycle');
    expect(secret.properties).toEqual(['username', 'password']);
  });

  test('fromNewVariables creates sensitive ephemeral variables for the declared properties', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    // WHEN
    const secret = new VaultKvSecret(stack, 'Db', {
      mount: kv, secretPath: 'db', properties: ['password'], value: VaultKvSecretValue.fromNewVariables(),
    });
    // THEN
    const out = synth(stack);
    const name = secret.valueVariables.password.friendlyUniqueId;
    expect(out.variable?.[name]).toMatchObject({ type: 'string', sensitive: true, nullable: false, ephemeral: true });
    expect(one(out, 'vault_kv_secret_v2', 'name', 'db').data_json_wo).toBe(`\${jsonencode({"password" = var.${name}})}`);
    expect(valueLeaks(out)).toEqual([]);
  });

  test('a JSON variable', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    const json = new TerraformVariable(stack, 'db_json', { type: 'string', sensitive: true });
    // WHEN
    new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'db', value: VaultKvSecretValue.fromSensitiveVariable(json) });
    // THEN
    expect(one(synth(stack), 'vault_kv_secret_v2', 'name', 'db').data_json_wo).toBe('${var.db_json}');
  });

  test('a plain string value is rejected without echoing it', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'db', value: 'hunter2' as unknown as VaultKvSecretValue })).toThrow(
      '[test/Db] value: received "<a plain string, value not shown>". Allowed: a VaultKvSecretValue: VaultKvSecretValue.fromSensitiveVariable(variable), ' +
      'VaultKvSecretValue.fromSensitiveVariables({ property: variable }) or VaultKvSecretValue.placeholder(). Fix: never put a secret value in code: declare a TerraformVariable with sensitive: true and pass it.');
  });

  test('a non-sensitive variable is rejected', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    const open = new TerraformVariable(stack, 'open', { type: 'string' });
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'db', value: VaultKvSecretValue.fromSensitiveVariables({ p: open }) })).toThrow(
      '[test/Db] value.p: received false. Allowed: true: a variable holding a secret value must be declared sensitive (variable "open" is not). ' +
      'Fix: declare the variable with new TerraformVariable(scope, id, { type: "string", sensitive: true }).');
  });

  test('a string where a variable is expected is rejected', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'Db', {
      mount: kv, secretPath: 'db', value: VaultKvSecretValue.fromSensitiveVariables({ p: 'x' as unknown as TerraformVariable }),
    })).toThrow('[test/Db] value.p: received "<a plain string, value not shown>". Allowed: a TerraformVariable declared with sensitive: true.');
  });

  test('variables must cover exactly the declared properties', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    const pass = new TerraformVariable(stack, 'pass', { type: 'string', sensitive: true });
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'Db', {
      mount: kv, secretPath: 'db', properties: ['username', 'password'], value: VaultKvSecretValue.fromSensitiveVariables({ password: pass }),
    })).toThrow('[test/Db] value: received ["password"]. Allowed: exactly the declared properties "username", "password". ' +
      'Fix: pass one sensitive variable per declared property, or update properties.');
  });

  test('fromNewVariables needs declared properties', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'db', value: VaultKvSecretValue.fromNewVariables() })).toThrow(
      '[test/Db] properties: received []. Allowed: exactly the declared properties "<at least one property>".');
  });

  test('the write-only version must be a positive integer', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    const json = new TerraformVariable(stack, 'json', { type: 'string', sensitive: true });
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'db', value: VaultKvSecretValue.fromSensitiveVariable(json, { version: 0 }) })).toThrow(
      '[test/Db] value.version: received 0. Allowed: a whole number of 1 or more. Fix: start at 1 and increase it each time the value must be written again.');
  });

  test('paths with data/ globs or dots are rejected', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    // WHEN / THEN
    expect(() => new VaultKvSecret(stack, 'A', { mount: kv, secretPath: '/apps/db' })).toThrow('[test/A] secretPath: received "/apps/db".');
    expect(() => new VaultKvSecret(stack, 'B', { mount: kv, secretPath: 'apps/../db' })).toThrow('[test/B] secretPath: received "apps/../db".');
    expect(() => VaultKvSecret.fromSecretPath(stack, 'C', kv, 'apps/+')).toThrow('[test/C] secretPath: received "apps/+".');
  });

  test('grants: read, metadata and write compile into the grantee policy exactly', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = new VaultKvMount(stack, 'Kv');
    const db = new VaultKvSecret(stack, 'Db', { mount: kv, secretPath: 'apps/db' });
    const seed = VaultKvSecret.fromSecretPath(stack, 'Seed', kv, 'seed/azure', ['clientId']);
    const policy = new VaultPolicy(stack, 'Policy', { policyName: 'eso' });
    // WHEN
    db.grantRead(policy);
    db.grantReadMetadata(policy);
    seed.grantWrite(policy, { allowDelete: true });
    // THEN
    expect(policyRules(one(synth(stack), 'vault_policy', 'name', 'eso').policy)).toEqual({
      'secret/data/apps/db': ['read'],
      'secret/metadata/apps/db': ['read'],
      'secret/data/seed/azure': ['create', 'read', 'update', 'delete'],
      'secret/metadata/seed/azure': ['create', 'read', 'update', 'delete'],
    });
    expect(seed.properties).toEqual(['clientId']);
  });

  test('a grant across Vault namespaces is rejected', () => {
    // GIVEN
    const stack = vaultStack();
    const kv = VaultKvMount.fromMountPath(stack, 'Kv', 'secret', { namespace: 'admin/a' });
    const db = VaultKvSecret.fromSecretPath(stack, 'Db', kv, 'db');
    const policy = new VaultPolicy(stack, 'Policy', { policyName: 'eso', namespace: 'admin/b' });
    // WHEN / THEN
    expect(() => db.grantRead(policy)).toThrow('[test/Db] namespace: received "admin/a". Allowed: the grantee\'s Vault namespace "admin/b"');
  });
});
