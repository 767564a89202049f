import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { App as K8sApp, Chart } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import * as library from '../../lib';
import { OidcProviderMode } from '../../lib/core';
import { addAllCharts, addAllStacks } from '../../examples/all';

const ROOT = join(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const guide = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');

/** The example folders (shared and readme hold helpers, quickstarts the install-line projects the consumer test runs). */
const folders = readdirSync(join(ROOT, 'examples'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && !['shared', 'readme', 'quickstarts'].includes(e.name)).map((e) => e.name).sort();

/** Every `code span` of a Markdown text. */
function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
}

describe('README examples table and the deploy guide match the code', () => {
  test('the README examples table lists every example folder once', () => {
    // WHEN reading the first column of the table under "## Examples"
    const section = readme.slice(readme.indexOf('## Examples'), readme.indexOf('\n## ', readme.indexOf('## Examples') + 1));
    const rows = [...section.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]).sort();
    // THEN
    expect(rows).toEqual(folders);
    expect(readme).toContain('[docs/deploy.md](docs/deploy.md)');
  });

  test('every OidcProviderMode member the guide names exists, and the guide explains each member', () => {
    const named = [...new Set([...guide.matchAll(/OidcProviderMode\.(\w+)/g)].map((m) => m[1]))].sort();
    expect(named).toEqual(Object.values(OidcProviderMode).sort());
  });

  test('every `Export.member` the guide names is a member of an export of the library', () => {
    // WHEN collecting Name.member spans whose Name is exported by the library
    const references = codeSpans(guide).flatMap((span) => [...span.matchAll(/\b([A-Z]\w+)\.(\w+)/g)])
      .map((m) => [m[1], m[2]] as const)
      .filter(([name]) => name in library);
    // THEN there are some, and each member exists (enum member or static method)
    expect(references.length).toBeGreaterThanOrEqual(10);
    for (const [name, member] of references) {
      expect([name, member, member in (library as unknown as Record<string, object>)[name]]).toEqual([name, member, true]);
    }
  });

  test('every stack and chart the guide names exists', () => {
    // GIVEN the stack and chart ids of every example
    const tf = Testing.app();
    addAllStacks(tf);
    const stacks = tf.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack).map((s) => s.node.id);
    const k8s = new K8sApp();
    addAllCharts(k8s);
    const charts = k8s.node.children.filter((c): c is Chart => c instanceof Chart).map((c) => c.node.id);
    // WHEN collecting the spans named like an example's stack or chart
    const named = codeSpans(guide).filter((span) => folders.some((f) => span.startsWith(`${f}-`)));
    // THEN each is one
    expect(named.length).toBeGreaterThanOrEqual(10);
    expect(named.filter((id) => !stacks.includes(id) && !charts.includes(id))).toEqual([]);
    // AND every stack is in the guide
    expect(stacks.filter((id) => !guide.includes(`\`${id}\``))).toEqual([]);
  });
});
