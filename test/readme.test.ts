import { readFileSync } from 'fs';
import { join } from 'path';
import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { readmeChart } from '../examples/readme/main.k8s';
import { readmeStack } from '../examples/readme/main.tf';
import { findManifest, synthValid } from './helpers/eso-schema';
import { resourceWhere, synthTerraform } from './helpers/terraform';

const ROOT = join(__dirname, '..');

/** The lines between `// README:BEGIN <name>` and `// README:END`, de-indented. */
function block(file: string, name: string): string {
  const text = readFileSync(join(ROOT, 'examples/readme', file), 'utf8');
  const match = new RegExp(`// README:BEGIN ${name}\\n([\\s\\S]*?)\\n\\s*// README:END`).exec(text);
  if (!match) {
    throw new Error(`no README block ${name} in ${file}`);
  }
  const lines = match[1].split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

describe('README snippets', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  test.each([
    ['platform.ts', 'declaration'],
    ['main.tf.ts', 'tf'],
    ['main.k8s.ts', 'k8s'],
  ])('the README shows %s (%s) exactly as compiled and run here', (file, name) => {
    expect(readme).toContain(block(file, name));
  });

  test.each(['platform.ts', 'main.tf.ts', 'main.k8s.ts'])('the README shows the imports of %s with the package subpaths', (file) => {
    // GIVEN the example's import lines, with repository paths written as package subpaths
    const imports = readFileSync(join(ROOT, 'examples/readme', file), 'utf8').split('\n')
      .filter((l) => l.startsWith('import '))
      .map((l) => l.replace(/'\.\.\/\.\.\/lib(\/[\w/-]+)?'/, (_, sub: string | undefined) => `'cdk-external-secrets${sub ?? ''}'`));
    // WHEN / THEN: the README's complete file has exactly these imports
    expect(imports.length).toBeGreaterThan(0);
    const start = readme.indexOf(`// ${file} —`);
    expect(start).toBeGreaterThanOrEqual(0);
    const shown = readme.slice(start, readme.indexOf('```', start)).split('\n').filter((l) => l.startsWith('import '));
    expect(shown).toEqual(imports);
  });

  test('the declaration module imports only the engine-free core', () => {
    // GIVEN / WHEN / THEN
    expect(readme).toContain("from 'cdk-external-secrets/core';");
    expect(readFileSync(join(ROOT, 'examples/readme/platform.ts'), 'utf8')).toContain("from '../../lib/core';");
  });

  test('the cdktf snippet synthesizes the derived controller role and a sensitive variable for the initial value', () => {
    const json = synthTerraform(readmeStack(Testing.app()));
    expect(resourceWhere(json, 'aws_iam_role', 'name', 'shop-prod-eso-controller')).toBeDefined();
    expect(json.variable?.shop_db).toEqual(expect.objectContaining({ sensitive: true }));
  });

  test('the cdk8s snippet synthesizes valid manifests', () => {
    const manifests = synthValid(readmeChart(new K8sApp()));
    expect(findManifest(manifests, 'ExternalSecret', 'db-credentials').spec?.refreshInterval).toBe('15m');
    const deployment = manifests.find((m) => m.kind === 'Deployment')!;
    expect(deployment.metadata?.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'db-credentials' });
    expect(JSON.stringify(deployment.spec)).toContain('"secretKeyRef":{"key":"DB_PASSWORD","name":"db-credentials"}');
  });
});
