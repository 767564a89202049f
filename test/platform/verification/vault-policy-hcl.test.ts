import { parseVaultPolicy, PolicyParseError, terraformStringToText } from '../../../lib/platform/verification/vault-policy-hcl';

describe('Vault policy HCL parser (output verification)', () => {
  test('path blocks, capabilities, comments of every kind, and other attributes', () => {
    const text = [
      '# a comment',
      'path "secret/data/apps/db" {',
      '  capabilities = ["read", "list",] // trailing comma and comment',
      '}',
      '/* block',
      '   comment */',
      'path "database/creds/netbox" { capabilities = ["update"] allowed_parameters = { "ttl" = [] } }',
    ].join('\n');
    expect(parseVaultPolicy(text)).toEqual([
      { path: 'secret/data/apps/db', capabilities: ['read', 'list'], attributes: [] },
      { path: 'database/creds/netbox', capabilities: ['update'], attributes: ['allowed_parameters'] },
    ]);
  });

  test('string escapes decode as Vault reads them: a quote inside a path stays in the path', () => {
    expect(parseVaultPolicy('path "a\\"b\\\\c\\u0041\\U0001F600\\n\\t\\r" { capabilities = ["read"] }')).toEqual([
      { path: 'a"b\\cA\u{1F600}\n\t\r', capabilities: ['read'], attributes: [] },
    ]);
  });

  test('every capability list of a block counts, and an empty policy has no rules', () => {
    expect(parseVaultPolicy('path "p" { capabilities = ["read"]\n capabilities = ["sudo"] }')[0].capabilities).toEqual(['read', 'sudo']);
    expect(parseVaultPolicy('  # nothing\n')).toEqual([]);
  });

  test.each([
    ['path "p" { capabilities = ["read"]', 'expected "}" at offset 34'],
    ['path "p { capabilities = ["read"] }', 'an unterminated string at offset 31'],
    ['path "p" { capabilities = ["re\\qad"] }', 'an unknown string escape at offset 30'],
    ['path "p" { capabilities = ["\\u12"] }', 'a bad unicode escape at offset 28'],
    ['key "p" { policy = "write" }', 'a top-level "key" (only path blocks are allowed) at offset 0'],
    ['path "p" { capabilities = ["read"] } ;', 'an unexpected character ";" at offset 37'],
    ['/* open', 'an unterminated comment at offset 0'],
    ['path p { }', 'expected a string at offset 5'],
    [`path "p" { a = ${'['.repeat(20)}${']'.repeat(20)} }`, 'nesting deeper than 16 at offset 31'],
  ])('%j is refused: %s', (text, message) => {
    expect(() => parseVaultPolicy(text)).toThrow(new PolicyParseError(message.replace(/ at offset \d+$/, ''), Number(/(\d+)$/.exec(message)![1])));
    expect(() => parseVaultPolicy(text)).toThrow(message);
  });

  test('Terraform string escapes are undone; a live template is refused', () => {
    expect(terraformStringToText('path "$${x}" %%{y}')).toBe('path "${x}" %{y}');
    expect(() => terraformStringToText('path "${var.x}"')).toThrow('a live Terraform template "${" at offset 6');
    expect(() => terraformStringToText('%{ if true }')).toThrow('a live Terraform template "%{" at offset 0');
  });
});
