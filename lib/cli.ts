#!/usr/bin/env node
// The `cdk-external-secrets` command (package.json `bin`). Subcommands: migrate.
import * as fs from 'fs';
import { MIGRATE_USAGE, runMigrateCli } from './migrate/cli';

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === 'migrate') {
    return runMigrateCli(rest, {
      readFile: (p) => fs.readFileSync(p, 'utf8'),
      readStdin: () => fs.readFileSync(0, 'utf8'),
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
    });
  }
  process.stderr.write(`Usage: cdk-external-secrets <command>\nCommands:\n  migrate   convert KES and ESO v1beta1 manifests to ESO v1\n\n${MIGRATE_USAGE}`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
