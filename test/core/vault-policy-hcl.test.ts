import { escapeVaultPolicyLiteral, parseVaultPolicyHcl, renderVaultPolicyHcl, VaultPolicyHclSyntaxError } from '../../lib/core/vault-policy-hcl';

const HOSTILE = [
  'secret/data/a" {\n  capabilities = ["read"]\n}\npath "sys/*',
  'secret/data/${var.admin_path}',
  'secret/data/%{ if true }x%{ endif }',
  'secret/data/back\\slash\\"',
  'secret/data/tab\there\rcr',
  'secret/data/\u0000nul\u001bescape\u2028line',
  'secret/data/$${already}',
];

describe('Vault policy HCL serializer', () => {
  test('a plain policy renders as path blocks', () => {
    // GIVEN / WHEN
    const text = renderVaultPolicyHcl([{ path: 'secret/data/a', capabilities: ['read'] }, { path: 'secret/metadata/*', capabilities: ['list'] }]);
    // THEN
    expect(text).toBe('path "secret/data/a" {\n  capabilities = ["read"]\n}\n\npath "secret/metadata/*" {\n  capabilities = ["list"]\n}\n');
  });

  test.each(HOSTILE)('hostile path %j stays one string: one block, read back unchanged', (path) => {
    // GIVEN / WHEN
    const text = renderVaultPolicyHcl([{ path, capabilities: ['read'] }]);
    // THEN
    expect(text.split('\n')).toHaveLength(4);
    expect(text.match(/(?<!\$)\$\{|(?<!%)%\{/g)).toBeNull();
    expect(parseVaultPolicyHcl(text)).toEqual([{ path, capabilities: ['read'] }]);
  });

  test('escapes quotes, backslashes, control characters and Terraform template sequences', () => {
    // GIVEN / WHEN / THEN
    expect(escapeVaultPolicyLiteral('a"b\\c\nd${e}%{f}\u0001')).toBe('a\\"b\\\\c\\nd$${e}%%{f}\\u0001');
  });

  test('verbatim markers (cdktf tokens) are copied, the rest escaped, and read back', () => {
    // GIVEN
    const token = /\$\{TfToken\[TOKEN\.\d+\]\}/;
    const path = '${TfToken[TOKEN.12]}/data/${x}';
    // WHEN
    const text = renderVaultPolicyHcl([{ path, capabilities: ['read'] }], { verbatim: token });
    // THEN
    expect(text).toContain('path "${TfToken[TOKEN.12]}/data/$${x}"');
    expect(parseVaultPolicyHcl(text, { verbatim: token })).toEqual([{ path, capabilities: ['read'] }]);
  });

  test.each([
    ['path "a" {\n  capabilities = ["read"]\n}\npath "sys/*" {', 'expected capabilities at token 12, found the end'],
    ['path "${x}" {\n  capabilities = ["read"]\n}\n', 'unescaped template sequence ${ at offset 6'],
    ['path "a\nb" { capabilities = ["read"] }', 'newline inside a string at offset 7'],
    ['path "a\\q" { capabilities = ["read"] }', 'invalid escape at offset 7'],
    ['path "a', 'unterminated string'],
    ['path "a" { capabilities = ["read"] } #', 'unexpected "#" at offset'],
  ])('text that is not a policy of the grammar is refused: %j', (text, message) => {
    // GIVEN / WHEN / THEN
    expect(() => parseVaultPolicyHcl(text)).toThrow(VaultPolicyHclSyntaxError);
    expect(() => parseVaultPolicyHcl(text)).toThrow(message);
  });
});
