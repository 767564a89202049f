// Errors of the UDS builders (lib/zarf/uds-package.ts, uds-bundle.ts) and air-gapped values.
import { configurationError, ConfigurationError } from './format';

/** A store whose backend module does not describe the endpoints ESO calls for it. */
export function storeEndpointsUnknown(path: string, prop: string, value: string, backend: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `a store of a backend that describes its endpoints (backend "${backend}" does not), so the egress ESO needs is exact`,
    fix: 'implement endpoints() in the backend module, or leave the store off this cluster',
  });
}

/** Air-gapped chart values that name an image pull secret. */
export function airGapPullSecret(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'no imagePullSecrets in a Zarf package: Zarf\'s agent rewrites the images to the cluster\'s registry and adds its own pull secret, and a pull secret of a connected cluster (synced by ESO, created by hand) does not exist on the air-gapped one',
    fix: 'package values without imagePullSecrets (set them only on the connected release, or pass the chart values without them)',
  });
}

/** A UDS bundle without packages, or a package entry not built with UdsBundlePackage. */
export function invalidUdsBundlePackage(path: string, prop: string, value: unknown): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: 'a UdsBundlePackage (UdsBundlePackage.local(zarfPackage, path) or UdsBundlePackage.remote({ name, repository, ref }))',
    fix: 'build each entry with UdsBundlePackage.local() or remote()',
  });
}
