import { assertDnsLabel, assertDnsSubdomain, isDnsLabel, isDnsSubdomain, isUnresolved } from '../../lib/core';

describe('DNS-1123 validation', () => {
  test('labels and subdomains', () => {
    expect(isDnsLabel('shop-prod')).toBe(true);
    expect(isDnsLabel('shop.prod')).toBe(false);
    expect(isDnsLabel('a'.repeat(64))).toBe(false);
    expect(isDnsSubdomain('shop.prod-1')).toBe(true);
    expect(isDnsSubdomain('Shop')).toBe(false);
    expect(isDnsSubdomain('-shop')).toBe(false);
  });

  test('fails on a name that is not a DNS-1123 subdomain, suggesting a fix', () => {
    expect(() => assertDnsSubdomain('chart/es', 'metadata.name', 'My_Secret')).toThrow(
      '[chart/es] metadata.name: received "My_Secret". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", ' +
      'each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "my-secret".');
  });

  test('fails on a namespace that is not a DNS-1123 label', () => {
    expect(() => assertDnsLabel('chart/es', 'namespace', 'team.a')).toThrow(
      '[chart/es] namespace: received "team.a". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", ' +
      'starting and ending with a letter or digit. Fix: rename it, for example "team-a".');
  });

  test('skips unresolved tokens', () => {
    expect(isUnresolved('${TfToken[TOKEN.12]}')).toBe(true);
    expect(isUnresolved(-1.8881545897087626e+289)).toBe(true);
    expect(isUnresolved('plain')).toBe(false);
    expect(() => assertDnsSubdomain('p', 'name', '${TfToken[TOKEN.1]}')).not.toThrow();
  });
});
