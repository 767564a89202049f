/**
 * Optional peer dependencies (the Terraform providers) are loaded when a construct first needs them,
 * not when its module is imported, so a project installs only the providers of the clouds it uses.
 */
import { missingOptionalPeer } from './errors/common';

/** The ranges of the optional provider peers (as in package.json `peerDependencies`). */
export const OPTIONAL_PROVIDER_PEERS: Readonly<Record<string, string>> = {
  '@cdktf/provider-aws': '^21.22.1',
  '@cdktf/provider-azurerm': '^14.23.1',
  '@cdktf/provider-google': '^16.12.1',
  '@cdktf/provider-helm': '^12.1.2',
  '@cdktf/provider-vault': '^15.6.1',
};

/**
 * Runs `load` (a `require` of a deep path of `packageName`) and turns "package not installed" into
 * the library's error; any other failure propagates.
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
    const error = e as { code?: string; message?: string };
    if (error.code === 'MODULE_NOT_FOUND' && typeof error.message === 'string' && error.message.includes(`'${packageName}/`)) {
      throw missingOptionalPeer(path, packageName, OPTIONAL_PROVIDER_PEERS[packageName] ?? 'any version', neededBy);
    }
    throw e;
  }
}
