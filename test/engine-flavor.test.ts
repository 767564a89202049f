import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ENGINE_SPECIFIERS, FLAVORED_ENTRIES, engineModules, flavorText, mapEngineSpecifier, writeFlavor } from '../lib/engine-flavor';

describe('the cdktn flavor (one source, two engines)', () => {
  test('maps the engine and every provider, deep paths included, and nothing else', () => {
    expect(mapEngineSpecifier('cdktf')).toBe('cdktn');
    expect(mapEngineSpecifier('@cdktf/provider-aws/lib/iam-role')).toBe('@cdktn/provider-aws/lib/iam-role');
    expect(mapEngineSpecifier('@cdktf/provider-helm')).toBe('@cdktn/provider-helm');
    expect([mapEngineSpecifier('cdktf-cli'), mapEngineSpecifier('cdk8s'), mapEngineSpecifier('constructs'), mapEngineSpecifier('@cdktf/hcl2json')])
      .toEqual([undefined, undefined, undefined, undefined]);
    expect(Object.keys(ENGINE_SPECIFIERS)).toEqual(['cdktf', '@cdktf/provider-aws', '@cdktf/provider-azurerm', '@cdktf/provider-google', '@cdktf/provider-helm', '@cdktf/provider-vault']);
  });

  test('an engine module is one that loads an engine, directly or through another module, or an entry\'s peer check', () => {
    const modules = new Map<string, string[]>([
      ['core/index', ['./errors']], ['core/errors', []],
      ['aws/role', ['@cdktf/provider-aws/lib/iam-role', '../core/errors']],
      ['aws/index', ['./peers', './role', './private']], ['aws/peers', ['../core/optional-peer']], ['aws/private/index', ['./policy']], ['aws/private/policy', ['cdktf']],
      ['platform/k8s', ['cdk8s', '../core']],
    ]);
    expect([...engineModules(modules)].sort()).toEqual(['aws/index', 'aws/peers', 'aws/private/index', 'aws/private/policy', 'aws/role']);
  });

  test('rewrites specifiers and peer-check literals; engine-free modules stay shared', () => {
    const engine = new Set(['aws/role', 'aws/peers', 'aws/index']);
    const js = [
      'const iam_role_1 = require("@cdktf/provider-aws/lib/iam-role");',
      'const cdktf_1 = require("cdktf");',
      'const errors_1 = require("../core/errors");',
      'const peers_1 = require("./peers");',
      "(0, optional_peer_1.checkEntryPeers)('cdk-external-secrets/aws', ['constructs', 'cdktf', '@cdktf/provider-aws']);",
      "loadOptionalPeer(path, '@cdktf/provider-helm', 'EsoClusterAddons', () => require('../helm/eso-release'));",
      "const hint = 'cdk-external-secrets/core';",
    ].join('\n');
    expect(flavorText(js, 'aws/role', engine, '../../lib').split('\n')).toEqual([
      'const iam_role_1 = require("@cdktn/provider-aws/lib/iam-role");',
      'const cdktf_1 = require("cdktn");',
      'const errors_1 = require("../../../lib/core/errors");',
      'const peers_1 = require("./peers");',
      "(0, optional_peer_1.checkEntryPeers)('cdk-external-secrets/cdktn/aws', ['constructs', 'cdktn', '@cdktn/provider-aws']);",
      "loadOptionalPeer(path, '@cdktn/provider-helm', 'EsoClusterAddons', () => require('../../../lib/helm/eso-release'));",
      "const hint = 'cdk-external-secrets/core';",
    ]);
    const dts = "import { IamRole } from '@cdktf/provider-aws/lib/iam-role';\nimport type { Duration } from '../core/duration';\nexport declare function f(): import(\"cdktf\").Lazy;";
    expect(flavorText(dts, 'aws/role', engine, '../../lib')).toBe(
      "import { IamRole } from '@cdktn/provider-aws/lib/iam-role';\nimport type { Duration } from '../../../lib/core/duration';\nexport declare function f(): import(\"cdktn\").Lazy;");
    expect(FLAVORED_ENTRIES).toEqual(['aws', 'azure', 'gcp', 'vault', 'helm', 'platform']);
  });

  test('writes the flavor of a build tree: engine modules only, shared ones referenced', () => {
    // GIVEN a small build tree
    const root = mkdtempSync(join(tmpdir(), 'flavor-'));
    const build = join(root, 'build', 'lib');
    const files: Record<string, string> = {
      'core/errors.js': 'exports.x = 1;', 'core/errors.d.ts': 'export declare const x = 1;',
      'aws/index.js': 'require("./peers");\nrequire("./role");', 'aws/index.d.ts': "export * from './role';",
      'aws/peers.js': 'require("../core/errors");', 'aws/peers.d.ts': 'export {};',
      'aws/role.js': 'require("cdktf");\nrequire("../core/errors");', 'aws/role.d.ts': "import { Lazy } from 'cdktf';",
      'index.js': 'require("./aws");', 'index.d.ts': "export * from './aws';",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(join(build, file, '..'), { recursive: true });
      writeFileSync(join(build, file), text);
    }
    // WHEN
    const written = writeFlavor(build, join(root, 'build', 'cdktn', 'lib'));
    // THEN
    expect(written).toEqual(['aws/index', 'aws/peers', 'aws/role']);
    expect(existsSync(join(root, 'build/cdktn/lib/core/errors.js'))).toBe(false);
    // the package root loads the engine too, but has no cdktn flavor
    expect(existsSync(join(root, 'build/cdktn/lib/index.js'))).toBe(false);
    expect(readFileSync(join(root, 'build/cdktn/lib/aws/role.js'), 'utf8')).toBe('require("cdktn");\nrequire("../../../lib/core/errors");');
    expect(readFileSync(join(root, 'build/cdktn/lib/aws/role.d.ts'), 'utf8')).toBe("import { Lazy } from 'cdktn';");
    expect(readFileSync(join(root, 'build/cdktn/lib/aws/index.js'), 'utf8')).toBe('require("./peers");\nrequire("./role");');
  });

  test('package.json exports one cdktn entry per flavored entry point, with cdktn and its providers as optional peers', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>; peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(Object.keys(pkg.exports).filter((s) => s.startsWith('./cdktn/'))).toEqual(FLAVORED_ENTRIES.map((e) => `./cdktn/${e}`));
    for (const entry of FLAVORED_ENTRIES) {
      expect(pkg.exports[`./cdktn/${entry}`]).toEqual({ types: `./build/cdktn/lib/${entry}/index.d.ts`, default: `./build/cdktn/lib/${entry}/index.js` });
    }
    for (const peer of ['cdktn', '@cdktn/provider-aws', '@cdktn/provider-azurerm']) {
      expect([peer, pkg.peerDependenciesMeta[peer]?.optional]).toEqual([peer, true]);
    }
    expect(pkg.peerDependencies.cdktn).toBe('^0.24.0');
  });
});
