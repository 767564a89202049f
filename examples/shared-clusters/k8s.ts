/**
 * Cluster side of the shared-across-clusters example (cdk8s): one chart per cluster. Both get the
 * `primary` ClusterSecretStore (with its `eso-primary` service account annotated with the shared
 * role) and the shared ExternalSecrets; only blue gets the `cluster-local` store and its
 * ExternalSecret.
 */
import { App, Chart } from 'cdk8s';
import { ClusterDeclaration } from '../../lib/core';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { blue, declaration, green } from './declaration';

/** One chart per cluster of the example. */
export interface SharedClustersCharts {
  /** The blue cluster's chart (`shared-clusters-blue`). */
  readonly blue: Chart;
  /** The green cluster's chart (`shared-clusters-green`). */
  readonly green: Chart;
}

/** Adds the example's charts (one per cluster) to a cdk8s app. */
export function addSharedClustersCharts(app: App): SharedClustersCharts {
  const chartFor = (cluster: ClusterDeclaration): Chart => {
    const chart = new Chart(app, `shared-clusters-${cluster.id}`);
    new SecretsPlatformManifests(chart, 'platform', {
      declaration, cluster, createNamespaces: true, syncWaves: { stores: 1, externalSecrets: 2 },
    });
    return chart;
  };
  return { blue: chartFor(blue), green: chartFor(green) };
}
