import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ACCESS_DIFF_USAGE, ACCESS_USAGE, renderAccessModel } from '../../lib/access';
import { runCli, USAGE } from '../../lib/cli';
import type { CliIo } from '../../lib/migrate';
import { EstateChange, estateModel } from './fixtures';

function io(): CliIo & { out: string; err: string } {
  const result = {
    out: '', err: '',
    readFile: (p: string) => fs.readFileSync(p, 'utf8'),
    readStdin: () => '',
    stdout: (t: string) => { result.out += t; },
    stderr: (t: string) => { result.err += t; },
  };
  return result;
}

/** Runs the CLI; returns [exit code, stdout, stderr]. */
function run(...argv: string[]): [number, string, string] {
  const cli = io();
  const code = runCli(argv, cli);
  return [code, cli.out, cli.err];
}

let dir: string;
/** Writes a file under the test folder; returns its path. */
function write(rel: string, text: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
function model(rel: string, change?: EstateChange): string {
  return write(rel, renderAccessModel(estateModel(change)));
}

beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'access-diff-')); });
afterEach(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe('cdk-external-secrets access diff: exit codes', () => {
  test('a broadening change: Markdown, exit 0 by default, exit 1 with --fail-on broadening', () => {
    // GIVEN base and head files
    const base = model('base.access-model.json');
    const head = model('head.access-model.json', 'new-read');
    // WHEN / THEN
    const [code, out, err] = run('access', 'diff', base, head);
    expect([code, err]).toEqual([0, '']);
    expect(out.split('\n').slice(0, 3)).toEqual(['## Access diff', '', '**Broadening: 2** · Narrowing: 0 · Other: 0 · clusters: prod']);
    expect(run('access', 'diff', base, head, '--fail-on', 'broadening')).toEqual([1, out, '']);
    expect(run('access', 'diff', '--fail-on=broadening', base, head)[0]).toBe(1);
    expect(run('access', 'diff', base, head, '--fail-on', 'none')[0]).toBe(0);
  });

  test('narrowing only: exit 0 even with --fail-on broadening', () => {
    const base = model('base.access-model.json');
    const head = model('head.access-model.json', 'removed-grant');
    const [code, out] = run('access', 'diff', base, head, '--fail-on', 'broadening');
    expect(code).toBe(0);
    expect(out).toContain('**Broadening: 0** · Narrowing: 2 · Other: 0 · clusters: prod');
  });

  test('--format json prints the diff as JSON', () => {
    const base = model('base.access-model.json');
    const head = model('head.access-model.json', 'store-admits-more');
    const [code, out] = run('access', 'diff', base, head, '--format', 'json', '--fail-on', 'broadening');
    expect(code).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ apiVersion: 'cdk-external-secrets.io/access-diff/v1', broadening: 1, narrowing: 0, other: 0, clusters: ['prod'] });
  });

  test('synth output folders: models paired by file name, a model only in head broadens under its name', () => {
    // GIVEN base with one example, head with the same (unchanged) and a second one, plus files that are not models
    model('base/access-matrix/shop.access-model.json');
    write('base/access-matrix/shop.md', '# Access matrix');
    model('head/access-matrix/shop.access-model.json');
    model('head/access-matrix/other.access-model.json', 'new-read');
    write('head/shop.k8s.yaml', 'kind: Secret');
    // WHEN
    const [code, out] = run('access', 'diff', path.join(dir, 'base'), path.join(dir, 'head'), '--format', 'json');
    // THEN
    const diff = JSON.parse(out) as { broadening: number; changes: Array<{ model: string }> };
    expect(code).toBe(0);
    expect(diff.broadening).toBe(20);
    expect([...new Set(diff.changes.map((c) => c.model))]).toEqual(['access-matrix/other']);
  });

  test('no change: "No access changes." and exit 0', () => {
    const base = model('base.access-model.json');
    const head = model('head.access-model.json', 'reordered');
    const [code, out] = run('access', 'diff', base, head, '--fail-on', 'broadening');
    expect(code).toBe(0);
    expect(out.split('\n').slice(0, 4)).toEqual(['## Access diff', '', 'No access changes.', '']);
  });

  test('help texts', () => {
    expect(run('access', 'diff', '--help')).toEqual([0, ACCESS_DIFF_USAGE, '']);
    expect(run('access', '--help')).toEqual([0, ACCESS_USAGE, '']);
    expect(USAGE).toContain('  access     compare the access models of two synths (cdk-external-secrets access diff --help)\n');
  });
});

describe('cdk-external-secrets access diff: bad arguments and models exit 2 with the library message, nothing on stdout', () => {
  const fix = 'Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.';
  test.each<[string, (base: string, head: string) => string[], (base: string, head: string) => string]>([
    ['one argument', (base) => [base],
      (base) => `[cdk-external-secrets access diff] arguments: received ${JSON.stringify([base])}. Allowed: two: <base> <head>, each an access model file or a synth output folder. Fix: run \`cdk-external-secrets access diff --help\` for the usage.`],
    ['an unknown option', (base, head) => [base, head, '--require-approval'],
      () => '[cdk-external-secrets access diff] option: received "--require-approval". Allowed: --format, --fail-on or --help. Fix: run `cdk-external-secrets access diff --help` for the usage.'],
    ['a format that is not offered', (base, head) => [base, head, '--format', 'html'],
      () => '[cdk-external-secrets access diff] --format: received "html". Allowed: markdown or json. Fix: run `cdk-external-secrets access diff --help` for the usage.'],
    ['--fail-on without a value', (base, head) => [base, head, '--fail-on'],
      () => '[cdk-external-secrets access diff] --fail-on: received "(missing)". Allowed: broadening or none. Fix: run `cdk-external-secrets access diff --help` for the usage.'],
    ['a base that does not exist', (base, head) => [path.join(path.dirname(base), 'missing.json'), head],
      (base) => `[cdk-external-secrets access diff] base: received ${JSON.stringify(path.join(path.dirname(base), 'missing.json'))}. Allowed: an access model file or a synth output folder (ENOENT: no such file or directory, stat '${path.join(path.dirname(base), 'missing.json')}'). Fix: run \`cdk-external-secrets access diff --help\` for the usage.`],
    ['a folder without models', (base) => [base, path.dirname(base) + '/empty'],
      (base) => `[cdk-external-secrets access diff] head: received ${JSON.stringify(path.dirname(base) + '/empty')}. Allowed: an access model file or a folder holding *.access-model.json files (synth writes them next to each access matrix). Fix: run \`cdk-external-secrets access diff --help\` for the usage.`],
    ['a head that is not JSON', (base) => [base, write('bad.access-model.json', '{"apiVersion":')],
      () => `[${path.join(dir, 'bad.access-model.json')}] (file): received text that is not JSON (Unexpected end of JSON input). Allowed: an access model written by synth (JSON). ${fix}`],
    ['a head of an unknown version', (base) => [base, write('v2.access-model.json', '{"apiVersion":"cdk-external-secrets.io/access-model/v2"}')],
      () => `[${path.join(dir, 'v2.access-model.json')}] apiVersion: received "cdk-external-secrets.io/access-model/v2". Allowed: cdk-external-secrets.io/access-model/v1 (the version this cdk-external-secrets reads). Fix: synthesize base and head with the same cdk-external-secrets version, one that writes this version.`],
    ['a base model edited past the schema', (_, head) => [write('edited.access-model.json', renderAccessModel({ ...estateModel(), finds: [{ identity: 'x' }] } as never)), head],
      () => `[${path.join(dir, 'edited.access-model.json')}] /finds/0/store: received undefined. Allowed: the property store (required by the access model schema). ${fix}`],
  ])('%s', (_, args, message) => {
    // GIVEN a valid base and head, and an empty folder
    const base = model('base.access-model.json');
    const head = model('head.access-model.json', 'new-read');
    fs.mkdirSync(path.join(dir, 'empty'));
    // WHEN
    const [code, out, err] = run('access', 'diff', ...args(base, head));
    // THEN
    expect([code, out, err]).toEqual([2, '', `${message(base, head)}\n`]);
  });

  test('an unknown access command', () => {
    expect(run('access', 'approve')).toEqual([2, '',
      `[cdk-external-secrets access] command: received "approve". Allowed: diff or --help. Fix: run \`cdk-external-secrets access --help\` for the usage.\n\n${ACCESS_USAGE}`]);
  });
});
