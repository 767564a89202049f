// Errors of the `cdk-external-secrets` command line (lib/cli.ts, lib/migrate/cli.ts): arguments the
// commands do not accept. Messages name the command and the flag the user typed.
import { configurationError, ConfigurationError } from './format';

/** A command-line argument a command does not accept (`command` is `migrate`, `validate`, or empty for the top level). */
export function cliArgument(command: string, arg: string, value: unknown, allowed: string): ConfigurationError {
  const full = command === '' ? 'cdk-external-secrets' : `cdk-external-secrets ${command}`;
  return configurationError({
    path: full, prop: arg, value,
    allowed,
    fix: `run \`${full} --help\` for the usage`,
  });
}
