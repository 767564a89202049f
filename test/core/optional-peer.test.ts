import { readFileSync } from 'fs';
import { join } from 'path';
import { loadOptionalPeer, OPTIONAL_PROVIDER_PEERS } from '../../lib/core/optional-peer';

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- x.js`), { code: 'MODULE_NOT_FOUND' });
}

describe('optional provider peers', () => {
  test('the ranges are the optional peers of package.json', () => {
    // GIVEN the manifest
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
      peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    // WHEN / THEN
    for (const [name, range] of Object.entries(OPTIONAL_PROVIDER_PEERS)) {
      expect([name, pkg.peerDependencies[name], pkg.peerDependenciesMeta[name]?.optional]).toEqual([name, range, true]);
    }
    expect(Object.keys(pkg.peerDependencies).filter((n) => n.startsWith('@cdktf/provider-')).sort()).toEqual(Object.keys(OPTIONAL_PROVIDER_PEERS).sort());
  });

  test('returns what the loader returns', () => {
    // GIVEN / WHEN / THEN
    expect(loadOptionalPeer('stack/Prod', '@cdktf/provider-aws', 'HelmConnection.fromEks', () => 42)).toBe(42);
  });

  test('a provider that is not installed fails with the install command', () => {
    // GIVEN a loader whose package is missing
    // WHEN / THEN
    expect(() => loadOptionalPeer('stack/Prod', '@cdktf/provider-azurerm', 'HelmConnection.fromAks', () => {
      throw notFound('@cdktf/provider-azurerm/lib/data-azurerm-kubernetes-cluster');
    })).toThrow('[stack/Prod] peerDependencies["@cdktf/provider-azurerm"]: received undefined. Allowed: @cdktf/provider-azurerm ^14.23.1 installed ' +
      '(HelmConnection.fromAks uses it). Fix: npm install @cdktf/provider-azurerm.');
  });

  test('other load failures propagate unchanged', () => {
    // GIVEN a provider whose own dependency is missing
    // WHEN / THEN
    expect(() => loadOptionalPeer('stack/Prod', '@cdktf/provider-aws', 'x', () => {
      throw notFound('cdktf');
    })).toThrow("Cannot find module 'cdktf'");
  });
});
