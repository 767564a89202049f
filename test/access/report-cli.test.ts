import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildAccessModel, renderAccessModel, renderAccessReport } from '../../lib/access';
import { ACCESS_REPORT_USAGE } from '../../lib/access/report-cli';
import { runCli } from '../../lib/cli';
import { CliIo } from '../../lib/migrate';
import { allDeclarations } from '../../examples/all';
import { baseModel, headModel } from './report-fixtures';

interface TestIo extends CliIo {
  out: string;
  err: string;
  written: Record<string, string>;
  writeFile: (path: string, text: string) => void;
}

function io(files: Record<string, string> = {}): TestIo {
  const state: TestIo = {
    out: '', err: '', written: {},
    readFile: (p: string) => {
      if (!(p in files)) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      return files[p];
    },
    readStdin: () => '',
    stdout: (t: string) => { state.out += t; },
    stderr: (t: string) => { state.err += t; },
    writeFile: (p: string, t: string) => { state.written[p] = t; },
  };
  return state;
}

const MODELS = { 'head.json': renderAccessModel(headModel()), 'base.json': renderAccessModel(baseModel()) };
const FIX = 'Fix: run `cdk-external-secrets access report --help` for the usage.';

describe('cdk-external-secrets access report', () => {
  test('GIVEN a model WHEN run without --out THEN access-report.html is the report of the model, exit 0', () => {
    // GIVEN
    const cli = io(MODELS);
    // WHEN
    const code = runCli(['access', 'report', 'head.json'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.err).toBe('');
    expect(cli.out).toBe('Wrote access-report.html.\n');
    expect(cli.written).toEqual({ 'access-report.html': renderAccessReport(headModel()) });
  });

  test('GIVEN a head and a base WHEN run with --base and --out THEN the compared report is written there', () => {
    // GIVEN
    const cli = io(MODELS);
    // WHEN
    const code = runCli(['access', 'report', '--out', 'review/pr-42.html', 'head.json', '--base', 'base.json'], cli);
    // THEN
    expect(code).toBe(0);
    expect(cli.out).toBe('Wrote review/pr-42.html (compared with base.json).\n');
    expect(cli.written).toEqual({ 'review/pr-42.html': renderAccessReport(headModel(), { base: baseModel() }) });
  });

  test('GIVEN --help THEN the usage, exit 0; `access --help` lists report', () => {
    const cli = io();
    expect(runCli(['access', 'report', '--help'], cli)).toBe(0);
    expect(cli.out).toBe(ACCESS_REPORT_USAGE);
    const access = io();
    expect(runCli(['access', '--help'], access)).toBe(0);
    expect(access.out).toContain('  report     write an HTML report of an access model (cdk-external-secrets access report --help)\n');
  });

  test.each([
    [[], '[cdk-external-secrets access report] model: received []. Allowed: exactly one access model file, such as '
      + `dist/access-matrix/<declaration>.access-model.json. ${FIX}`],
    [['head.json', 'base.json'], '[cdk-external-secrets access report] model: received ["head.json","base.json"]. Allowed: exactly one access model file, such as '
      + `dist/access-matrix/<declaration>.access-model.json. ${FIX}`],
    [['head.json', '--format', 'json'], `[cdk-external-secrets access report] option: received "--format". Allowed: --base <model>, --out <file> or --help. ${FIX}`],
    [['head.json', '--base'], `[cdk-external-secrets access report] --base: received undefined. Allowed: an access model file after --base. ${FIX}`],
    [['head.json', '--out', '--base', 'base.json'], `[cdk-external-secrets access report] --out: received "--base". Allowed: a file name after --out. ${FIX}`],
    [['missing.json'], '[cdk-external-secrets access report] model: received "missing.json". Allowed: a readable file '
      + `(ENOENT: no such file or directory, open 'missing.json'). ${FIX}`],
    [['head.json', '--base', 'missing.json'], '[cdk-external-secrets access report] --base: received "missing.json". Allowed: a readable file '
      + `(ENOENT: no such file or directory, open 'missing.json'). ${FIX}`],
    [['v2.json'], '[v2.json] apiVersion: received "cdk-external-secrets.io/access-model/v2". Allowed: cdk-external-secrets.io/access-model/v1 '
      + '(the version this cdk-external-secrets reads). Fix: synthesize base and head with the same cdk-external-secrets version, one that writes this version.'],
  ])('GIVEN %j THEN the message on standard error, nothing written, exit 2', (args, message) => {
    // GIVEN
    const cli = io({ ...MODELS, 'v2.json': JSON.stringify({ ...headModel(), apiVersion: 'cdk-external-secrets.io/access-model/v2' }) });
    // WHEN
    const code = runCli(['access', 'report', ...args], cli);
    // THEN
    expect(code).toBe(2);
    expect(cli.err).toBe(`${message}\n`);
    expect(cli.out).toBe('');
    expect(cli.written).toEqual({});
  });

  test('GIVEN an --out that cannot be written THEN the message, exit 2', () => {
    const cli = io(MODELS);
    cli.writeFile = () => { throw new Error("EACCES: permission denied, open '/report.html'"); };
    expect(runCli(['access', 'report', 'head.json', '--out', '/report.html'], cli)).toBe(2);
    expect(cli.err).toBe('[cdk-external-secrets access report] --out: received "/report.html". Allowed: a file that can be written '
      + `(EACCES: permission denied, open '/report.html'). ${FIX}\n`);
  });

  test('GIVEN the command line (a real process) and every example\'s access model THEN one page per example', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'access-report-cli-'));
    const root = path.join(__dirname, '..', '..');
    try {
      for (const [example, declaration] of Object.entries(allDeclarations)) {
        fs.writeFileSync(path.join(dir, `${example}.access-model.json`), renderAccessModel(buildAccessModel(declaration)));
      }
      const example = 'multi-cloud-tenants';
      // WHEN
      const run = spawnSync(process.execPath, ['-r', './examples/register.js', 'lib/cli.ts', 'access', 'report',
        path.join(dir, `${example}.access-model.json`), '--base', path.join(dir, 'aws-only.access-model.json'), '--out', path.join(dir, 'report.html')],
      { cwd: root, encoding: 'utf8' });
      // THEN
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const model = buildAccessModel(allDeclarations[example]);
      expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8'))
        .toBe(renderAccessReport(model, { base: buildAccessModel(allDeclarations['aws-only']) }));
      for (const [name, declaration] of Object.entries(allDeclarations)) {
        const html = renderAccessReport(buildAccessModel(declaration));
        expect([name, html.includes('"rows":[[')]).toEqual([name, true]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
