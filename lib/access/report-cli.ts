import * as fs from 'fs';
import { cliArgument, ConfigurationError } from '../core/errors';
import type { CliIo } from '../migrate/cli';
import type { AccessModel } from './model-types';
import { readAccessModel } from './read-model';
import { renderAccessReport } from './report';

/** The usage text of `cdk-external-secrets access report`. */
export const ACCESS_REPORT_USAGE = `Usage: cdk-external-secrets access report <model> [--base <model>] [--out <file>]

Writes one self-contained HTML page of an access model (the <declaration>.access-model.json synth
writes): every grant as namespace -> store -> identity -> secret, in a paged table filterable by cluster,
tenant, backend and search text, and the neighbourhood of the node you select. With --base, the grants
gained and lost since the base model and the widened trust are highlighted, and the changes listed,
broadening first. The page loads nothing from the network (inline style and script, a
Content-Security-Policy that allows nothing else) and shows every name as text.
Exit code: 0 when the page was written, 2 for bad arguments or a model that cannot be read.

Options:
  --base <model>  the access model to compare with (for a pull request: the base branch's)
  --out <file>    the HTML file to write (default access-report.html)
  --help          this text
`;

const COMMAND = 'access report';

function fail(io: CliIo, error: ConfigurationError): number {
  io.stderr(`${error.message}\n`);
  return 2;
}

/**
 * Runs `cdk-external-secrets access report <model> [--base <model>] [--out <file>]`; returns the exit
 * code (0 written, 2 bad arguments or an unreadable model).
 */
export function runAccessReportCli(argv: readonly string[], io: CliIo): number {
  const files: string[] = [];
  let base: string | undefined;
  let out = 'access-report.html';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      io.stdout(ACCESS_REPORT_USAGE);
      return 0;
    }
    if (a === '--base' || a === '--out') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('-')) {
        return fail(io, cliArgument(COMMAND, a, value, a === '--base' ? 'an access model file after --base' : 'a file name after --out'));
      }
      if (a === '--base') base = value;
      else out = value;
      i++;
      continue;
    }
    if (a.startsWith('-')) return fail(io, cliArgument(COMMAND, 'option', a, '--base <model>, --out <file> or --help'));
    files.push(a);
  }
  if (files.length !== 1) {
    return fail(io, cliArgument(COMMAND, 'model', files, 'exactly one access model file, such as dist/access-matrix/<declaration>.access-model.json'));
  }
  const read = (file: string, flag: string): AccessModel => {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (e) {
      throw cliArgument(COMMAND, flag, file, `a readable file (${(e as Error).message.split('\n')[0]})`);
    }
    return readAccessModel(file, text);
  };
  let html: string;
  try {
    const head = read(files[0], 'model');
    html = renderAccessReport(head, { base: base === undefined ? undefined : read(base, '--base') });
  } catch (e) {
    if (e instanceof ConfigurationError) return fail(io, e);
    throw e;
  }
  try {
    (io.writeFile ?? ((p: string, t: string) => fs.writeFileSync(p, t)))(out, html);
  } catch (e) {
    return fail(io, cliArgument(COMMAND, '--out', out, `a file that can be written (${(e as Error).message.split('\n')[0]})`));
  }
  io.stdout(`Wrote ${out}${base === undefined ? '' : ` (compared with ${base})`}.\n`);
  return 0;
}
