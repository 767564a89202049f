import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');

/** The packages (engines, providers) a fresh process has loaded after requiring `entry`. */
function enginesLoadedBy(entry: string): string[] {
  const script = `require(${JSON.stringify(entry)});
    const names = new Set();
    for (const file of Object.keys(require.cache)) {
      const m = /node_modules\\/((@cdktf\\/)?[^/]+)/.exec(file.slice(file.lastIndexOf('node_modules/')));
      if (m && /^(cdktf|cdk8s|cdk8s-plus-\\d+|@cdktf\\/provider-[a-z]+)$/.test(m[1])) names.add(m[1]);
    }
    process.stdout.write(JSON.stringify([...names].sort()));`;
  return JSON.parse(execFileSync(process.execPath, ['-r', './examples/register.js', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('entry points (package.json exports)', () => {
  test.each([
    ['./lib/core', []],
    ['./lib/validation', []],
    ['./lib/k8s', ['cdk8s', 'cdk8s-plus-28']],
    ['./lib/platform/k8s', ['cdk8s', 'cdk8s-plus-28']],
    ['./lib/migrate', []],
    ['./lib/zarf', []],
    ['./lib/access', []],
    ['./lib/migrate/k8s', ['cdk8s', 'cdk8s-plus-28']],
  ])('%s loads no cdktf and no provider (%j only)', (entry, engines) => {
    // GIVEN a fresh node process WHEN it requires the entry THEN only these engines are loaded
    expect(enginesLoadedBy(entry)).toEqual(engines);
  });

  test.each([
    ['./lib/helm', ['@cdktf/provider-helm', 'cdktf']],
    ['./lib/azure', ['cdktf']],
    ['./lib/gcp', ['@cdktf/provider-google', 'cdktf']],
    ['./lib/platform', ['cdktf']],
  ])('%s loads no cdk8s and only the providers it needs at import (%j)', (entry, engines) => {
    // GIVEN a fresh node process WHEN it requires the entry THEN only these engines are loaded
    expect(enginesLoadedBy(entry)).toEqual(engines);
  });

  test('./lib/vault loads cdktf and the vault provider only (no cdk8s, no other provider)', () => {
    // GIVEN a fresh node process WHEN it requires the entry THEN only cdktf and @cdktf/provider-vault are loaded
    expect(enginesLoadedBy('./lib/vault')).toEqual(['@cdktf/provider-vault', 'cdktf']);
  });

  test('./lib/platform does not load the google provider (it is loaded when a declaration renders Google secrets or stores)', () => {
    // GIVEN a fresh node process WHEN it requires the platform entry THEN @cdktf/provider-google is not among the loaded packages
    expect(enginesLoadedBy('./lib/platform')).not.toContain('@cdktf/provider-google');
  });

  test('every subpath entry point is a module of the API reference named by its import path (typedoc.config.cjs, `@module`)', () => {
    // GIVEN the manifest and the TypeDoc configuration
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
    // (a Node process: the configuration loads TypeDoc, an ES module jest does not transform)
    const typedoc = JSON.parse(execFileSync(process.execPath, ['-e', 'process.stdout.write(JSON.stringify(require("./typedoc.config.cjs")))'],
      { cwd: ROOT, encoding: 'utf8' })) as { entryPoints: string[] };
    const subpaths = Object.keys(pkg.exports).filter((s) => s !== '.' && typeof pkg.exports[s] === 'object');
    // WHEN / THEN: one TypeDoc entry per subpath, each naming its module after the import path
    expect(typedoc.entryPoints).toEqual(subpaths.map((s) => (pkg.exports[s] as { default: string }).default.replace(/^\.\/build\//, '').replace(/\.js$/, '.ts')));
    for (const [subpath, source] of subpaths.map((s, i) => [s, typedoc.entryPoints[i]])) {
      expect([source, readFileSync(join(ROOT, source), 'utf8').includes(` * @module cdk-external-secrets/${subpath.slice(2)}\n`)]).toEqual([source, true]);
    }
  });

  test('every subpath of the exports map is a compiled index of lib/ with its types, and the root re-exports every folder', () => {
    // GIVEN the manifest and the root index
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string; default: string }> };
    const root = readFileSync(join(ROOT, 'lib/index.ts'), 'utf8');
    // WHEN / THEN
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (typeof target === 'string') {
        // data files: the manifest and the access model's JSON Schema
        expect([subpath, target]).toEqual([subpath, subpath === './package.json' ? './package.json' : './build/lib/access/access-model.schema.json']);
        continue;
      }
      const { types, default: js } = target as { types: string; default: string };
      const source = js.replace(/^\.\/build\//, '').replace(/\.js$/, '.ts');
      expect(types).toBe(js.replace(/\.js$/, '.d.ts'));
      expect(readFileSync(join(ROOT, source), 'utf8')).toMatch(/^\/\/ Re-exports only/);
      if (subpath !== '.') {
        expect(root).toContain(`export * from './${source.replace(/^lib\//, '').replace(/(\/index)?\.ts$/, '')}';`);
      }
    }
  });
});
