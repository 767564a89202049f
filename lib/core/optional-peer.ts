/**
 * Optional peer dependencies (the Terraform providers) are loaded when a construct first needs them,
 * not when its module is imported, so a project installs only the providers of the clouds it uses.
 * A missing peer fails with the library's error naming the install line that brings it.
 */
import { missingEntryPeers, missingOptionalPeer, missingRootPeers } from './errors/common';

/** The ranges of the optional provider peers (as in package.json `peerDependencies`). */
export const OPTIONAL_PROVIDER_PEERS: Readonly<Record<string, string>> = {
  '@cdktf/provider-aws': '^21.22.1',
  '@cdktf/provider-azurerm': '^14.23.1',
  '@cdktf/provider-google': '^16.12.1',
  '@cdktf/provider-helm': '^12.1.2',
  '@cdktf/provider-vault': '^15.6.1',
  '@cdktn/provider-aws': '^25.7.0',
  '@cdktn/provider-azurerm': '^16.1.0',
};

/** One install line of the README: the packages a project of one kind installs. */
export interface InstallLine {
  /** What the line is for (`AWS`, `cluster side only`). */
  readonly use: string;
  /** The packages, in the README's order (`name` or `name@version`). */
  readonly packages: readonly string[];
}

/** The README's install lines, one per kind of project. */
export const INSTALL_LINES: readonly InstallLine[] = [
  { use: 'cluster side only', packages: ['cdk-external-secrets', 'constructs', 'cdk8s', 'cdk8s-plus-33'] },
  { use: 'AWS', packages: ['cdk-external-secrets', 'constructs', 'cdktf', '@cdktf/provider-aws', '@cdktf/provider-helm'] },
  { use: 'Azure', packages: ['cdk-external-secrets', 'constructs', 'cdktf', '@cdktf/provider-azurerm', '@cdktf/provider-helm'] },
  { use: 'HashiCorp Vault', packages: ['cdk-external-secrets', 'constructs', 'cdktf', '@cdktf/provider-vault', '@cdktf/provider-helm'] },
  { use: 'Google', packages: ['cdk-external-secrets', 'constructs', 'cdktf', '@cdktf/provider-google', '@cdktf/provider-helm'] },
  // CDK Terrain (cdktn), the community continuation of the archived CDKTF: entry points cdk-external-secrets/cdktn/*.
  { use: 'AWS on CDK Terrain', packages: ['cdk-external-secrets', 'constructs@10.7', 'cdktn@0.24', '@cdktn/provider-aws@25'] },
  { use: 'Azure on CDK Terrain', packages: ['cdk-external-secrets', 'constructs@10.7', 'cdktn@0.24', '@cdktn/provider-azurerm@16'] },
];

/** `npm install <packages>` of an install line. */
export function installCommand(line: InstallLine): string {
  return `npm install ${line.packages.join(' ')}`;
}

/**
 * How a missing package is installed: the install line that brings it alone (`the Azure install
 * line: npm install …`), or, for a package every cloud line has, the line of each cloud.
 */
export function installHint(packageName: string): string {
  // A line may pin a version (`cdktn@0.24`): it still brings the package.
  const lines = INSTALL_LINES.filter((l) => l.packages.some((p) => p === packageName || p.startsWith(`${packageName}@`)));
  if (lines.length === 0) {
    // A package of no install line (a cdktn provider not yet released where the README was written).
    return `no install line has it yet: npm install ${packageName}`;
  }
  if (lines.length === 1) {
    return `the ${lines[0].use} install line: ${installCommand(lines[0])}`;
  }
  return `every cloud's install line has it: ${lines.map((l) => l.use).join(', ')}; for example ${installCommand(lines[0])}`;
}

/**
 * Runs `load` (a `require` of a deep path of `packageName`, or of a module of this library that
 * requires one) and turns "package not installed" into the library's error; any other failure
 * propagates.
 *
 * @param path - construct path for the message
 * @param packageName - the optional peer, e.g. `@cdktf/provider-azurerm`
 * @param neededBy - what needs it, e.g. `HelmConnection.fromAks`
 * @param load - `() => require('<packageName>/lib/<resource>')`
 */
export function loadOptionalPeer<T>(path: string, packageName: string, neededBy: string, load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (isMissing(e, packageName)) {
      throw missingOptionalPeer(path, packageName, OPTIONAL_PROVIDER_PEERS[packageName] ?? 'any version', neededBy, installHint(packageName));
    }
    throw e;
  }
}

/** Whether `error` is Node's "Cannot find module" for `packageName` or one of its deep paths. */
function isMissing(error: unknown, packageName: string): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === 'MODULE_NOT_FOUND' && typeof e.message === 'string'
    && (e.message.includes(`'${packageName}/`) || e.message.includes(`'${packageName}'`));
}

/** Every peer the package root loads: the engines, one cdk8s-plus line, every provider. */
const ROOT_PEERS: readonly (readonly string[])[] = [
  ['constructs'], ['cdk8s'], [28, 29, 30, 31, 32, 33, 34].map((n) => `cdk8s-plus-${n}`), ['cdktf'],
  ...Object.keys(OPTIONAL_PROVIDER_PEERS).filter((name) => name.startsWith('@cdktf/')).map((name) => [name]),
];

/**
 * Checks that every peer the package root (`cdk-external-secrets`) loads is installed, before it
 * loads them: the root re-exports every layer, so a project built from one install line imports
 * from the subpath of its layer instead. Throws the library's error naming what is missing.
 *
 * @param resolve - `require.resolve` (a test passes its own)
 */
export function checkRootPeers(resolve: (id: string) => string = require.resolve): void {
  const missing = ROOT_PEERS.filter((alternatives) => !alternatives.some((name) => isResolvable(resolve, name)))
    .map((alternatives) => (alternatives.length === 1 ? alternatives[0] : `one of ${alternatives.join(', ')}`));
  if (missing.length > 0) {
    throw missingRootPeers('cdk-external-secrets', missing);
  }
}

function isResolvable(resolve: (id: string) => string, name: string): boolean {
  try {
    resolve(name);
    return true;
  } catch (e) {
    if (isMissing(e, name)) {
      return false;
    }
    throw e;
  }
}

/**
 * Checks, when a subpath entry point loads, that the peers it requires at load are installed (an
 * entry whose backend's provider is missing would otherwise fail with Node's "Cannot find module" for
 * whichever deep path loads first). Throws the library's error naming the install line.
 *
 * @param entry - the entry point, e.g. `cdk-external-secrets/aws`
 * @param peers - the packages it requires at load, in install order
 * @param resolve - `require.resolve` (a test passes its own)
 */
export function checkEntryPeers(entry: string, peers: readonly string[], resolve: (id: string) => string = require.resolve): void {
  const missing = peers.filter((name) => !isResolvable(resolve, name));
  if (missing.length > 0) {
    // The line that brings the most specific missing package (a provider before cdktf or constructs).
    const hint = installHint(missing[missing.length - 1]);
    throw missingEntryPeers(entry, missing, hint);
  }
}
