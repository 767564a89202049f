import { TerraformVariable, Token } from 'cdktf';
import { SecretValueSource, SecretValueSourceKind } from '../../lib/aws/secret-value-source';
import { makeStack } from './util';

describe('SecretValueSource', () => {
  test('a sensitive variable binds to its var reference', () => {
    // GIVEN
    const stack = makeStack();
    const variable = new TerraformVariable(stack, 'pw', { type: 'string', sensitive: true });
    // WHEN
    const source = SecretValueSource.fromSensitiveVariable(variable);
    // THEN
    expect(source.kind).toBe(SecretValueSourceKind.SENSITIVE_VARIABLE);
    expect(source.version).toBe(1);
    expect(Token.isUnresolved(source.bind(stack))).toBe(true); // renders as ${var.pw}: see secrets-manager-secret.test.ts
  });

  test('a generated password defaults to 32 characters', () => {
    // GIVEN / WHEN
    const source = SecretValueSource.generatedPassword();
    // THEN
    expect(source.kind).toBe(SecretValueSourceKind.GENERATED_PASSWORD);
    expect(source.version).toBe(1);
  });

  test('fails on a variable that is not sensitive', () => {
    // GIVEN
    const stack = makeStack();
    const variable = new TerraformVariable(stack, 'pw', { type: 'string' });
    // WHEN / THEN
    expect(() => SecretValueSource.assertIsSource('stack/Secret', 'value', SecretValueSource.fromSensitiveVariable(variable)))
      .toThrow('[stack/Secret] value (variable stack/pw).sensitive: received false. Allowed: true: a variable holding a secret value must be declared sensitive (variable "pw" is not). Fix: declare the variable with new TerraformVariable(scope, id, { type: "string", sensitive: true }).');
  });

  test('fails on a plain string cast to a variable', () => {
    // GIVEN / WHEN / THEN
    expect(() => SecretValueSource.assertIsSource('stack/Secret', 'value', SecretValueSource.fromSensitiveVariable('hunter2' as unknown as TerraformVariable)))
      .toThrow('[stack/Secret] value (SecretValueSource.fromSensitiveVariable): received "<a plain string, value not shown>". Allowed: a TerraformVariable declared with sensitive: true. Fix: never put a secret value in code: declare new TerraformVariable(scope, id, { type: "string", sensitive: true }) and pass the variable.');
  });

  test('fails on a password length over 4096', () => {
    // GIVEN / WHEN / THEN
    expect(() => SecretValueSource.assertIsSource('stack/Secret', 'value', SecretValueSource.generatedPassword({ length: 5000 })))
      .toThrow('[stack/Secret] value.length: received 5000. Allowed: a whole number from 1 to 4096. Fix: pass a length such as 32.');
  });

  test('fails on a write-only version of 0', () => {
    // GIVEN / WHEN / THEN
    expect(() => SecretValueSource.assertIsSource('stack/Secret', 'value', SecretValueSource.generatedPassword({ version: 0 })))
      .toThrow('[stack/Secret] value.version: received 0. Allowed: a whole number of 1 or more. Fix: start at 1 and increase it each time the value must be written again.');
  });

  test('assertIsSource rejects anything else without echoing the value', () => {
    // GIVEN / WHEN / THEN
    expect(() => SecretValueSource.assertIsSource('p', 'value', { secret: 'x' }))
      .toThrow('[p] value: received "<object, value not shown>". Allowed: a SecretValueSource: SecretValueSource.fromSensitiveVariable(variable) or SecretValueSource.generatedPassword(options). Fix: never put a secret value in code: declare a sensitive TerraformVariable and pass SecretValueSource.fromSensitiveVariable(variable).');
  });
});
