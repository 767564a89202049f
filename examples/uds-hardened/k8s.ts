/**
 * Cluster side of the UDS hardened example (cdk8s): the ClusterSecretStore, the ExternalSecret of the
 * mission database credentials and the `mission-api` Deployment, wired to UDS Core pod reload: the
 * ExternalSecret's target Secret carries `uds.dev/pod-reload: "true"` (and a selector narrowing the
 * restart to the API pods), the Deployment carries no Reloader annotation.
 *
 * Zarf deploys the charts first, then these manifests, so the ESO CRDs exist when they are applied.
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ReloadMechanism } from '../../lib/k8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { cluster, declaration, MISSION_NAMESPACE, MISSION_POD_LABELS, missionDatabase } from './declaration';

/** Adds the example's chart to a cdk8s app. */
export function addUdsHardenedChart(app: App): Chart {
  const chart = new Chart(app, 'uds-hardened');
  const platform = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster, createNamespaces: true });

  const secret = platform.externalSecret(missionDatabase);
  const api = new kplus.Deployment(chart, 'mission-api', {
    metadata: { name: 'mission-api', namespace: MISSION_NAMESPACE },
    podMetadata: { labels: { ...MISSION_POD_LABELS } },
    replicas: 2,
    securityContext: { ensureNonRoot: true },
  });
  const container = api.addContainer({
    name: 'mission-api',
    image: 'registry1.dso.mil/ironbank/example/mission-api:1.4.0',
    portNumber: 8080,
    securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, user: 10001 },
    resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128) } },
  });
  for (const key of ['DB_USER', 'DB_PASSWORD']) {
    container.env.addVariable(key, secret.envValue(key));
  }
  platform.reloadOnChange(api, [missionDatabase], { mechanism: ReloadMechanism.UDS_CORE, udsPodSelector: { ...MISSION_POD_LABELS } });
  return chart;
}

/** The chart's objects, for the Zarf package's manifests component. */
export function udsManifests(): unknown[] {
  return addUdsHardenedChart(new App()).toJson();
}
