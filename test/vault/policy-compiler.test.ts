import { Policy } from '@cdktf/provider-vault/lib/policy';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { VaultCapability, VaultPolicyCompiler } from '../../lib/vault';

describe('VaultPolicyCompiler', () => {
  test('a read is exactly the data path of the key', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN
    compiler.addKvRead('secret', 'apps/team-a/db');
    // THEN
    expect(compiler.rules).toEqual([{ path: 'secret/data/apps/team-a/db', capabilities: ['read'] }]);
    expect(compiler.toHcl()).toBe('path "secret/data/apps/team-a/db" {\n  capabilities = ["read"]\n}\n');
  });

  test('metadata read is exact and separate from the data read', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN
    compiler.addKvRead('secret', 'a');
    compiler.addKvMetadataRead('secret', 'a');
    // THEN
    expect(compiler.rules).toEqual([
      { path: 'secret/data/a', capabilities: ['read'] },
      { path: 'secret/metadata/a', capabilities: ['read'] },
    ]);
  });

  test('a find under a prefix lists names under it and reads exactly the declared keys it matches', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN
    compiler.addKvFind('secret', 'apps/team-a', ['apps/team-a/db', 'apps/team-a/api']);
    // THEN
    expect(compiler.rules).toEqual([
      { path: 'secret/data/apps/team-a/api', capabilities: ['read'] },
      { path: 'secret/data/apps/team-a/db', capabilities: ['read'] },
      { path: 'secret/metadata/apps/team-a/*', capabilities: ['list'] },
    ]);
  });

  test('a find without prefix lists the mount\'s names, never a data glob', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN
    compiler.addKvFind('kv', undefined, ['a']);
    // THEN
    expect(compiler.rules).toEqual([
      { path: 'kv/data/a', capabilities: ['read'] },
      { path: 'kv/metadata/*', capabilities: ['list'] },
    ]);
  });

  test('a find without keys, or with a key outside its prefix, is refused', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN / THEN
    expect(() => compiler.addKvFind('kv', 'apps', [])).toThrow(
      '[VaultPolicyCompiler] keys: received []. Allowed: the keys the find reads, at least one. '
      + 'Fix: pass keys: the KV paths of the declared secrets the find matches (the policy reads only those; the listing shows names, never values).');
    expect(() => compiler.addKvFind('kv', 'apps', ['other/db'])).toThrow(
      '[VaultPolicyCompiler] keys[0]: received "other/db". Allowed: keys under the find\'s prefix "apps/". Fix: pass keys:');
    expect(compiler.isEmpty).toBe(true);
  });

  test('a push grants create/read/update on data and metadata, delete only when asked', () => {
    // GIVEN
    const keep = new VaultPolicyCompiler();
    const del = new VaultPolicyCompiler();
    // WHEN
    keep.addKvPush('secret', 'seed/azure');
    del.addKvPush('secret', 'seed/azure', { allowDelete: true });
    // THEN
    expect(keep.rules).toEqual([
      { path: 'secret/data/seed/azure', capabilities: ['create', 'read', 'update'] },
      { path: 'secret/metadata/seed/azure', capabilities: ['create', 'read', 'update'] },
    ]);
    expect(del.rules.map((r) => r.capabilities)).toEqual([
      ['create', 'read', 'update', 'delete'], ['create', 'read', 'update', 'delete'],
    ]);
  });

  test('grants on one path merge, rules are sorted, output is stable', () => {
    // GIVEN
    const a = new VaultPolicyCompiler();
    const b = new VaultPolicyCompiler();
    // WHEN
    a.addKvRead('secret', 'z'); a.addKvRead('secret', 'a'); a.addKvPush('secret', 'a');
    b.addKvPush('secret', 'a'); b.addKvRead('secret', 'a'); b.addKvRead('secret', 'z');
    // THEN
    expect(a.toHcl()).toBe(b.toHcl());
    expect(a.rules[0]).toEqual({ path: 'secret/data/a', capabilities: ['create', 'read', 'update'] });
  });

  test('exact engine paths are accepted', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN
    compiler.addPath('database/creds/netbox', [VaultCapability.READ]);
    // THEN
    expect(compiler.rules).toEqual([{ path: 'database/creds/netbox', capabilities: ['read'] }]);
    expect(compiler.isEmpty).toBe(false);
  });

  test.each(['secret/data/*', 'secret/+/x', '/database/creds/a', 'database/creds/'])('a glob or open path %s is rejected', (path) => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN / THEN
    expect(() => compiler.addPath(path, [VaultCapability.READ])).toThrow(
      `[VaultPolicyCompiler] path: received ${JSON.stringify(path)}. Allowed: an exact Vault API path without "*" or "+" (prefix globs are only compiled for a find, with mount.grantFind). ` +
      'Fix: grant each exact path that is used, or grant a find under a declared prefix with mount.grantFind(grantee, { prefix }).');
  });

  test('a key with a glob is rejected', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler();
    // WHEN / THEN
    expect(() => compiler.addKvRead('secret', 'apps/*')).toThrow(
      '[VaultPolicyCompiler] key: received "apps/*". Allowed: a KV path relative to the mount: segments of letters, digits, "_", "-", "." and "@" separated by single "/", ' +
      'no leading or trailing "/", no "." or ".." segment, no "*" or "+" (policies are compiled from exact paths). ' +
      'Fix: pass the path as `vault kv put <mount>/<path>` would, for example "apps/team-a/db", without the mount and without "data/".');
  });

  test('a grant from another Vault namespace is rejected', () => {
    // GIVEN
    const compiler = new VaultPolicyCompiler({ namespace: 'admin/team-a' });
    // WHEN / THEN
    expect(() => compiler.assertSameNamespace('stack/Secret', 'admin/team-b')).toThrow(
      '[stack/Secret] namespace: received "admin/team-b". Allowed: the grantee\'s Vault namespace "admin/team-a" (a policy only covers paths of its own namespace). ' +
      'Fix: create the secret, mount and role in the same Vault namespace, or grant a role of the secret\'s namespace.');
    expect(() => compiler.assertSameNamespace('stack/Secret', 'admin/team-a')).not.toThrow();
  });

  test('an invalid namespace is rejected', () => {
    // GIVEN / WHEN / THEN
    expect(() => new VaultPolicyCompiler({ namespace: '/admin/' })).toThrow(
      '[VaultPolicyCompiler] namespace: received "/admin/". Allowed: a Vault namespace path: segments of letters, digits, "_" and "-" separated by "/", without leading or trailing "/" ' +
      '(for HCP Vault, "admin" or a child such as "admin/team-a"). Fix: pass the namespace as `vault namespace list` shows it, for example "admin/team-a".');
  });

  describe('no path reaches the policy text that could not be a Vault path', () => {
    const REFUSED = (path: string, reason: string) => `[VaultPolicyCompiler] path: received ${JSON.stringify(path)}. Allowed: a Vault API path of segments of letters, digits, "_", "-", "." and "@" `
      + `separated by single "/", outside Vault's own mounts (sys, auth, identity, cubbyhole): ${reason}. `
      + 'Fix: grant the exact path of a declared KV key or dynamic secrets engine role; Vault\'s control plane is never granted to ESO.';

    test.each([
      ['sys/policy/eso', 'sys'], ['auth/token/create', 'auth'], ['identity/entity/id/x', 'identity'], ['cubbyhole/other', 'cubbyhole'],
    ])('%s, on Vault\'s own mount, is refused', (path, mount) => {
      // GIVEN
      const compiler = new VaultPolicyCompiler();
      // WHEN / THEN
      expect(() => compiler.addPath(path, [VaultCapability.UPDATE])).toThrow(REFUSED(path, `"${mount}/" is Vault's own mount`));
      expect(compiler.isEmpty).toBe(true);
    });

    test.each([
      ['database/creds/a" {\n  capabilities = ["read"]\n}\npath "sys/policy/x', 3],
      ['database/creds/${var.role}', 3],
      ['database/../sys/policy', 2],
      ['database//creds', 2],
      ['database/creds/a b', 3],
      ['database/creds/{{identity.entity.id}}', 3],
    ])('%j is refused at the segment that is not one', (path, segment) => {
      // GIVEN
      const compiler = new VaultPolicyCompiler();
      // WHEN / THEN
      expect(() => compiler.addPath(path, [VaultCapability.READ])).toThrow(`[VaultPolicyCompiler] path: received ${JSON.stringify(path)}. Allowed: `);
      expect(() => compiler.addPath(path, [VaultCapability.READ])).toThrow(`: segment ${segment} `);
    });

    test('a cdktf token in a path is copied verbatim (Terraform resolves it), and the policy reads back', () => {
      // GIVEN
      const stack = new TerraformStack(Testing.app(), 's');
      const mount = new TerraformVariable(stack, 'mount', { type: 'string' }).stringValue;
      const compiler = new VaultPolicyCompiler();
      // WHEN
      compiler.addKvRead(mount, 'apps/db');
      // THEN
      const hcl = compiler.toHcl();
      expect(hcl).toBe(`path "${mount}/data/apps/db" {\n  capabilities = ["read"]\n}\n`);
      expect(Testing.synthScope((scope) => {
        new Policy(scope, 'p', { name: 'p', policy: hcl });
      })).toContain('"policy": "path \\"${var.mount}/data/apps/db\\" {');
    });
  });
});
