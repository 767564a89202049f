/**
 * The Zarf package of the UDS hardened example: the ESO chart (values rendered from the typed values
 * of tf.ts, Iron Bank image pinned by digest) and the cluster-side manifests of k8s.ts. No Reloader
 * chart: UDS Core reloads the pods. `npm run synth` writes it to dist/zarf/ (zarf.yaml, values/,
 * manifests/); `zarf package create dist/zarf` builds the archive.
 *
 * Engine-free itself: it reads the release structurally and the chart's objects as JSON.
 */
import { ZarfHelmChart, ZarfManifests, ZarfPackage } from '../../lib/zarf';
import { udsManifests } from './k8s';
import { udsEsoRelease } from './tf';

/** Package version: bump it with every change of the charts, images or manifests. */
export const PACKAGE_VERSION = '1.0.0';

/** The example's Zarf package. */
export function udsZarfPackage(): ZarfPackage {
  return new ZarfPackage({
    name: 'uds-mission-secrets',
    version: PACKAGE_VERSION,
    description: 'External Secrets Operator (Iron Bank image) and the mission secrets, for UDS Core (pod reload by UDS)',
    architecture: 'amd64',
    charts: [ZarfHelmChart.fromExternalSecretsRelease(udsEsoRelease())],
    manifests: [ZarfManifests.fromObjects('uds-mission-secrets-manifests', udsManifests())],
  });
}
