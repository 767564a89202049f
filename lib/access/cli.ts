/**
 * `cdk-external-secrets access diff <base> <head>`: compares the access models of two synths (files or
 * synth output folders) and prints the changes as Markdown or JSON. Nothing is printed when an argument
 * or a model is bad: the whole input is read and checked first.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cliArgument, ConfigurationError } from '../core/errors';
import type { CliIo } from '../migrate/cli';
import { compareText } from './build-model';
import { diffAccessModels } from './diff';
import { renderAccessDiffMarkdown } from './diff-markdown';
import type { AccessModel } from './model-types';
import { readAccessModel } from './read-model';

/** The file name ending synth gives access models (`<example>.access-model.json`). */
export const ACCESS_MODEL_FILE_SUFFIX = '.access-model.json';

/** The usage text of `cdk-external-secrets access`. */
export const ACCESS_USAGE = `Usage: cdk-external-secrets access <command> [options]

Commands:
  diff       compare the access models of two synths (cdk-external-secrets access diff --help)

Options:
  --help     this text
`;

/** The usage text of `cdk-external-secrets access diff`. */
export const ACCESS_DIFF_USAGE = `Usage: cdk-external-secrets access diff <base> <head> [options]

Compares two access models (files *${ACCESS_MODEL_FILE_SUFFIX}, or synth output folders holding them,
paired by file name) and prints who gains or loses access to which secret: grants per identity, reach
per namespace, trust, store admissions, find matches, tenant namespaces, acknowledgements. A fact only
in <head> broadens, a fact only in <base> narrows, a changed policy form is another change.
Exit code: 0 when nothing broadens (or --fail-on none), 1 when something broadens and --fail-on
broadening is set, 2 for bad arguments or models.

Options:
  --format markdown|json    output format (default markdown: for a pull-request comment)
  --fail-on broadening|none exit 1 when a change broadens access (default none)
  --help                    this text
`;

/** Every access model file under a folder, by its path relative to the folder. */
function modelFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(ACCESS_MODEL_FILE_SUFFIX)) found.push(rel);
    }
  };
  walk('');
  return found.sort(compareText);
}

/** The models of one argument, by name: '' for a file, the file stem for each model of a folder. */
function loadModels(prop: string, target: string, io: CliIo): Record<string, AccessModel> {
  let isDir: boolean;
  try {
    isDir = fs.statSync(target).isDirectory();
  } catch (e) {
    throw cliArgument('access diff', prop, target, `an access model file or a synth output folder (${(e as Error).message.split('\n')[0]})`);
  }
  if (!isDir) {
    return { '': readAccessModel(target, readText(prop, target, io)) };
  }
  const files = modelFiles(target);
  if (files.length === 0) {
    throw cliArgument('access diff', prop, target, `an access model file or a folder holding *${ACCESS_MODEL_FILE_SUFFIX} files (synth writes them next to each access matrix)`);
  }
  const models: Record<string, AccessModel> = {};
  for (const rel of files) {
    const file = path.join(target, rel);
    const model = readAccessModel(file, readText(prop, file, io));
    models[rel.slice(0, -ACCESS_MODEL_FILE_SUFFIX.length)] = model;
  }
  return models;
}

function readText(prop: string, file: string, io: CliIo): string {
  try {
    return io.readFile(file);
  } catch (e) {
    throw cliArgument('access diff', prop, file, `a readable file (${(e as Error).message.split('\n')[0]})`);
  }
}

/** The value of an option (`--format json` or `--format=json`) among the allowed ones. */
function optionValue(name: string, value: string | undefined, allowed: readonly string[]): string {
  if (value === undefined || !allowed.includes(value)) {
    throw cliArgument('access diff', name, value ?? '(missing)', allowed.join(' or '));
  }
  return value;
}

/**
 * Runs `cdk-external-secrets access diff <base> <head>`; returns the exit code (0 nothing broadens,
 * 1 something broadens with `--fail-on broadening`, 2 bad arguments or models).
 */
export function runAccessDiffCli(argv: readonly string[], io: CliIo): number {
  let output: string;
  let failOn = 'none';
  let broadening = 0;
  try {
    const positional: string[] = [];
    let format = 'markdown';
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i];
      if (arg === '--help' || arg === '-h') {
        io.stdout(ACCESS_DIFF_USAGE);
        return 0;
      }
      const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (flag === '--format' || flag === '--fail-on') {
        const value = inline ?? argv[++i];
        if (flag === '--format') format = optionValue(flag, value, ['markdown', 'json']);
        else failOn = optionValue(flag, value, ['broadening', 'none']);
      } else if (arg.startsWith('-')) {
        throw cliArgument('access diff', 'option', arg, '--format, --fail-on or --help');
      } else {
        positional.push(arg);
      }
    }
    if (positional.length !== 2) {
      throw cliArgument('access diff', 'arguments', positional, 'two: <base> <head>, each an access model file or a synth output folder');
    }
    const diff = diffAccessModels(loadModels('base', positional[0], io), loadModels('head', positional[1], io));
    broadening = diff.broadening;
    output = format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderAccessDiffMarkdown(diff);
  } catch (e) {
    if (!(e instanceof ConfigurationError)) throw e;
    io.stderr(`${e.message}\n`);
    return 2;
  }
  io.stdout(output);
  return failOn === 'broadening' && broadening > 0 ? 1 : 0;
}

/** Runs `cdk-external-secrets access <command>`; returns the exit code. */
export function runAccessCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'diff':
      return runAccessDiffCli(rest, io);
    case '--help':
    case '-h':
      io.stdout(ACCESS_USAGE);
      return 0;
    default:
      io.stderr(`${cliArgument('access', 'command', command, 'diff or --help').message}\n\n${ACCESS_USAGE}`);
      return 2;
  }
}
