/**
 * The Zarf package and UDS bundle of the UDS hardened example: the ESO chart (values rendered from the
 * typed values of tf.ts, Iron Bank image pinned by digest), ESO's UDS `Package` CR (network allow
 * list derived from the declaration) and the cluster-side manifests of k8s.ts. No Reloader chart: UDS
 * Core reloads the pods. `npm run synth` writes the package to dist/zarf/ (zarf.yaml, values/,
 * manifests/) and the bundle to dist/uds-bundle.yaml; `zarf package create dist/zarf` builds the
 * archive, `uds create dist` the bundle.
 *
 * Engine-free itself: it reads the release structurally and the chart's objects as JSON.
 */
import { UdsBundle, UdsBundlePackage, UdsPackage, ZarfHelmChart, ZarfManifests, ZarfPackage } from '../../lib/zarf';
import { cluster, declaration } from './declaration';
import { udsManifests } from './k8s';
import { udsEsoRelease } from './tf';

/** Package version: bump it with every change of the charts, images or manifests. */
export const PACKAGE_VERSION = '1.0.0';

/** The UDS Core release the bundle deploys first. */
export const UDS_CORE = { name: 'core', repository: 'ghcr.io/defenseunicorns/packages/uds/core', ref: '1.11.0-registry1' } as const;

/** ESO's UDS `Package` CR: egress to exactly what the declaration's stores on the cluster need. */
export function udsEsoPackage(): UdsPackage {
  return new UdsPackage({ declaration, cluster });
}

/** The example's Zarf package. */
export function udsZarfPackage(): ZarfPackage {
  return new ZarfPackage({
    name: 'uds-mission-secrets',
    version: PACKAGE_VERSION,
    description: 'External Secrets Operator (Iron Bank image) and the mission secrets, for UDS Core (pod reload by UDS)',
    architecture: 'amd64',
    charts: [ZarfHelmChart.fromExternalSecretsRelease(udsEsoRelease())],
    manifests: [
      ZarfManifests.fromObjects('uds-mission-secrets-network', [udsEsoPackage().toJson()]),
      ZarfManifests.fromObjects('uds-mission-secrets-manifests', udsManifests()),
    ],
  });
}

/** The bundle: UDS Core from Iron Bank's flavor, then the mission secrets package built into `zarf/`. */
export function udsBundle(): UdsBundle {
  return new UdsBundle({
    name: 'uds-mission',
    version: PACKAGE_VERSION,
    description: 'UDS Core and the mission secrets platform',
    architecture: 'amd64',
    packages: [UdsBundlePackage.remote(UDS_CORE), UdsBundlePackage.local(udsZarfPackage(), 'zarf')],
  });
}
