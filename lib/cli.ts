#!/usr/bin/env node
// The `cdk-external-secrets` command (package.json `bin`). Subcommands: migrate, validate, access.
import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { runAccessCli } from './access/cli';
import { cliArgument, ConfigurationError, migrateNotAnObject, migrateYamlError } from './core/errors';
import { CliIo, runMigrateCli } from './migrate/cli';
import { checkManifests } from './validation';

/** The usage text of `cdk-external-secrets`. */
export const USAGE = `Usage: cdk-external-secrets <command> [options]

Commands:
  migrate    convert KES and ESO v1beta1 manifests to ESO v1 (cdk-external-secrets migrate --help)
  validate   check Kubernetes YAML files as the API server would (cdk-external-secrets validate --help)
  access     compare the access models of two synths (cdk-external-secrets access diff --help)

Options:
  --version  print the version of cdk-external-secrets
  --help     this text
`;

/** The usage text of `cdk-external-secrets validate`. */
export const VALIDATE_USAGE = `Usage: cdk-external-secrets validate <files...>

Checks every object of the YAML files (for example cdk8s synth output: dist/*.yaml) as the API server
would: ESO objects against the CRD schemas of the pinned ESO release (defaults applied, CEL rules, no
unknown fields), core objects against the Kubernetes schemas. Prints one line per problem, with the
file and the object path, to standard error.
Exit code: 0 when every object is valid, 1 when a problem was found, 2 for bad arguments or unreadable files.

Options:
  --help     this text
`;

/** The version in the package's package.json. */
function version(): string {
  for (const dir of [path.join(__dirname, '..'), path.join(__dirname, '..', '..')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'cdk-external-secrets' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not this directory
    }
  }
  return 'unknown';
}

/** The objects of one YAML file, and the problems of documents that are not objects. */
function readObjects(file: string, text: string): { objects: unknown[]; problems: string[] } {
  const objects: unknown[] = [];
  const problems: string[] = [];
  parseAllDocuments(text, { uniqueKeys: true }).forEach((doc, index) => {
    const where = `${file}#${index}`;
    if (doc.errors.length > 0) {
      problems.push(migrateYamlError(where, doc.errors[0].message.split('\n')[0]).message);
      return;
    }
    let value: unknown;
    try {
      // Alias expansion is bounded (YAML "billion laughs"): the default limit of the yaml package.
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      problems.push(migrateYamlError(where, (e as Error).message.split('\n')[0]).message);
      return;
    }
    if (value === null || value === undefined) return;
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push(migrateNotAnObject(where, value).message);
      return;
    }
    objects.push(value);
  });
  return { objects, problems };
}

/**
 * Runs `cdk-external-secrets validate <files...>`; returns the exit code (0 valid, 1 problems found,
 * 2 bad arguments or unreadable files).
 */
export function runValidateCli(argv: readonly string[], io: CliIo): number {
  const files: string[] = [];
  for (const a of argv) {
    if (a === '--help' || a === '-h') {
      io.stdout(VALIDATE_USAGE);
      return 0;
    }
    if (a.startsWith('-')) {
      io.stderr(`${cliArgument('validate', 'option', a, 'a YAML file, or --help').message}\n`);
      return 2;
    }
    files.push(a);
  }
  if (files.length === 0) {
    io.stderr(`${cliArgument('validate', 'files', [], 'one or more YAML files, such as dist/*.yaml').message}\n`);
    return 2;
  }
  const texts: Array<[string, string]> = [];
  for (const file of files) {
    try {
      texts.push([file, io.readFile(file)]);
    } catch (e) {
      io.stderr(`${cliArgument('validate', 'files', file, `a readable file (${(e as Error).message.split('\n')[0]})`).message}\n`);
      return 2;
    }
  }
  let count = 0;
  const problems: string[] = [];
  for (const [file, text] of texts) {
    const read = readObjects(file, text);
    count += read.objects.length;
    problems.push(...read.problems.map((p) => `${file}: ${p}`));
    try {
      problems.push(...checkManifests(read.objects).map((p) => `${file}: ${p.message}`));
    } catch (e) {
      if (!(e instanceof ConfigurationError)) throw e;
      problems.push(`${file}: ${e.message}`);
    }
  }
  if (problems.length > 0) {
    io.stderr(`${problems.join('\n')}\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}.\n`);
    return 1;
  }
  io.stdout(`${count} object${count === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}: valid.\n`);
  return 0;
}

/** Runs `cdk-external-secrets <argv>`; returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return runMigrateCli(rest, io);
    case 'validate':
      return runValidateCli(rest, io);
    case 'access':
      return runAccessCli(rest, io);
    case '--version':
      io.stdout(`${version()}\n`);
      return 0;
    case '--help':
    case '-h':
    case 'help':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(`${cliArgument('', 'command', command, 'migrate, validate, access, --version or --help').message}\n\n${USAGE}`);
      return 2;
  }
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), {
    readFile: (p) => fs.readFileSync(p, 'utf8'),
    readStdin: () => fs.readFileSync(0, 'utf8'),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
