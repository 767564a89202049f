/**
 * Cluster side of the ESO + Reloader example (cdk8s): the ClusterSecretStore, two ExternalSecrets
 * refreshed every 5 minutes from the rotating database secret, and two Deployments that roll when
 * their Secret changes:
 *
 * - `ledger-api`, LIST mode: `secret.reloader.stakater.com/reload: ledger-api-database`, with a
 *   5-minute pause period (several rotations in a row give one rollout, not a storm of them);
 * - `ledger-worker`, SEARCH mode: `reloader.stakater.com/search: "true"` on the workload and
 *   `reloader.stakater.com/match: "true"` on its Secret, through the ExternalSecret's
 *   `target.template.metadata`.
 *
 * Argo CD sync waves: the ESO release is installed first (Terraform, or wave <= 0 if Argo CD installs
 * it); then the ClusterSecretStore (wave 1), the ExternalSecrets (wave 2, Argo CD waits until they are
 * Ready, i.e. the Secrets exist) and the Deployments (wave 3).
 */
import { App, Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Duration } from '../../lib/core';
import { ReloaderMode } from '../../lib/k8s';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { apiDatabase, cluster, declaration, LEDGER_NAMESPACE, workerDatabase } from './declaration';

/** Argo CD sync waves of the example's objects. */
export const SYNC_WAVES = { stores: 1, externalSecrets: 2, workloads: 3 } as const;

/** Pause of `ledger-api` rollouts after a reload. */
export const API_PAUSE_PERIOD = Duration.minutes(5);

function ledgerDeployment(chart: Chart, name: string): kplus.Deployment {
  const deployment = new kplus.Deployment(chart, name, {
    metadata: {
      name,
      namespace: LEDGER_NAMESPACE,
      annotations: { 'argocd.argoproj.io/sync-wave': String(SYNC_WAVES.workloads) },
    },
    replicas: 2,
    securityContext: { ensureNonRoot: true },
  });
  return deployment;
}

function ledgerContainer(deployment: kplus.Deployment, name: string, image: string): kplus.Container {
  return deployment.addContainer({
    name,
    image,
    portNumber: 8080,
    securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, user: 10001 },
    resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128) } },
  });
}

/** Adds the example's chart to a cdk8s app. */
export function addEsoReloaderChart(app: App): Chart {
  const chart = new Chart(app, 'eso-reloader');
  const platform = new SecretsPlatformManifests(chart, 'platform', {
    declaration, cluster, createNamespaces: true,
    syncWaves: { stores: SYNC_WAVES.stores, externalSecrets: SYNC_WAVES.externalSecrets },
  });

  // LIST mode: the API reads single keys as env vars and names its Secret in the annotation.
  const apiSecret = platform.externalSecret(apiDatabase);
  const api = ledgerDeployment(chart, 'ledger-api');
  const apiContainer = ledgerContainer(api, 'ledger-api', 'ghcr.io/example/ledger-api:3.2.0');
  for (const key of ['DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASSWORD']) {
    apiContainer.env.addVariable(key, apiSecret.envValue(key));
  }
  platform.reloadOnChange(api, [apiDatabase], { mode: ReloaderMode.LIST, pausePeriod: API_PAUSE_PERIOD });

  // SEARCH mode: the worker takes the whole Secret (envFrom); the Secret opts in with `match`.
  const workerSecret = platform.externalSecret(workerDatabase);
  const worker = ledgerDeployment(chart, 'ledger-worker');
  ledgerContainer(worker, 'ledger-worker', 'ghcr.io/example/ledger-worker:3.2.0').env.copyFrom(kplus.Env.fromSecret(workerSecret.secret));
  platform.reloadOnChange(worker, [workerDatabase], { mode: ReloaderMode.SEARCH });
  return chart;
}
