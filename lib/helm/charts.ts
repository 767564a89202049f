/**
 * The Helm charts this library installs, pinned to the versions it is tested against.
 *
 * Pinned versions keep `cdktf synth` deterministic and let the typed values be checked against the
 * chart's own `values.schema.json` in tests. Upgrading a chart is a library release, not a prop.
 */

/** A pinned Helm chart: name, version, repository and the application version it ships. */
export interface PinnedChart {
  /** Chart name in its repository. */
  readonly name: string;
  /** Exact chart version. */
  readonly version: string;
  /** HTTP(S) chart repository URL. */
  readonly repository: string;
  /** Application (image) version the chart deploys by default. */
  readonly appVersion: string;
}

/**
 * External Secrets Operator chart `external-secrets` 2.9.0 (app v2.9.0).
 * @see https://github.com/external-secrets/external-secrets/tree/helm-chart-2.9.0/deploy/charts/external-secrets
 */
export const ESO_CHART: PinnedChart = Object.freeze({
  name: 'external-secrets',
  version: '2.9.0',
  repository: 'https://charts.external-secrets.io',
  appVersion: 'v2.9.0',
});

/**
 * Stakater Reloader chart `reloader` 2.2.16 (app v1.4.21).
 * @see https://github.com/stakater/Reloader/tree/chart-v2.2.16/deployments/kubernetes/chart/reloader
 */
export const RELOADER_CHART: PinnedChart = Object.freeze({
  name: 'reloader',
  version: '2.2.16',
  repository: 'https://stakater.github.io/stakater-charts',
  appVersion: 'v1.4.21',
});

/**
 * HashiCorp Vault chart `vault` 0.34.1 (Vault 2.0.4).
 * @see https://github.com/hashicorp/vault-helm/tree/v0.34.1
 */
export const VAULT_CHART: PinnedChart = Object.freeze({
  name: 'vault',
  version: '0.34.1',
  repository: 'https://helm.releases.hashicorp.com',
  appVersion: '2.0.4',
});
