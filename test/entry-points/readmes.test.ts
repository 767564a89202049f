import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
/** The subpaths of package.json `exports` (`core`, `platform/k8s`, …). */
const SUBPATHS = Object.keys(pkg.exports).filter((s) => s !== '.' && typeof pkg.exports[s] === 'object').map((s) => s.slice(2));
const MODULE_READMES = readdirSync(join(ROOT, 'lib'), { withFileTypes: true })
  .filter((d) => d.isDirectory()).map((d) => `lib/${d.name}/README.md`);

/** Every `import { a, b } from 'cdk-external-secrets…'` of a file, with its names. */
function packageImports(file: string): Array<{ from: string; names: string[] }> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(cdk-external-secrets(?:\/[\w/-]+)?)'/g)]
    .map((m) => ({ from: m[2], names: m[1].split(',').map((n) => n.trim()).filter(Boolean) }));
}

describe('READMEs import from entry points', () => {
  test.each(['README.md', ...MODULE_READMES])('%s imports only from subpaths, and each name from an entry point that exports it', (file) => {
    // GIVEN the README's imports
    const imports = packageImports(file);
    // WHEN / THEN: never the package root, only a subpath of the exports map, each name exported there
    for (const { from, names } of imports) {
      const subpath = from.slice('cdk-external-secrets/'.length);
      expect([file, from, SUBPATHS.includes(subpath)]).toEqual([file, from, true]);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const entry = require(join(ROOT, 'lib', subpath)) as Record<string, unknown>;
      expect(names.filter((n) => !(n in entry))).toEqual([]);
    }
  });

  test.each(MODULE_READMES.filter((f) => SUBPATHS.includes(f.split('/')[1])))('%s names its entry point', (file) => {
    // GIVEN / WHEN / THEN
    expect(readFileSync(join(ROOT, file), 'utf8')).toContain(`\`cdk-external-secrets/${file.split('/')[1]}\``);
  });

  test('the root README\'s entry-point table lists every entry point of package.json exports, and the root', () => {
    // GIVEN the table under "Each layer is its own entry point"
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('Each layer is its own entry point'), readme.indexOf('### The declaration'));
    const listed = [...table.matchAll(/^\| `(cdk-external-secrets(?:\/[\w/-]+)?)` \|/gm)].map((m) => m[1]);
    // WHEN / THEN
    expect(listed.slice().sort()).toEqual(['cdk-external-secrets', ...SUBPATHS.map((s) => `cdk-external-secrets/${s}`)].sort());
  });
});
