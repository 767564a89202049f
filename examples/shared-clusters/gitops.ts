/**
 * Per-cluster GitOps output of the shared-across-clusters example: one directory per cluster
 * (`clusters/blue/`, `clusters/green/`, each split into `stores/`, `external-secrets/` and
 * `workloads/`), an Argo CD ApplicationSet that deploys each directory to its cluster, and, for teams
 * on Flux, three Kustomizations per cluster chained with `dependsOn`.
 *
 *     <repository>/clusters/<cluster>/<phase>/<chart>.k8s.yaml   cluster objects (GitOpsClusterApp)
 *     <repository>/argocd/argocd.k8s.yaml                       the ApplicationSet (ArgoCdApplications)
 *     <repository>/flux/<cluster>/...                           each cluster's Kustomizations (FluxKustomizations)
 */
import { join } from 'path';
import { App, Chart, YamlOutputType } from 'cdk8s';
import {
  ArgoCdApplications, ArgoCdDestination, FluxKustomizations, FluxSourceKind, GitOpsClusterApp, GitOpsLayout, SecretsPlatformManifests,
} from '../../lib/platform/k8s';
import { addStorefront } from '../shared/storefront';
import { blue, canaryToken, declaration, green, registryPull } from './declaration';

/** The repository both engines read. */
export const REPOSITORY_URL = 'https://git.example.com/platform/clusters.git';

/** The apps the example writes: one per cluster directory, one for the Argo CD objects, one for Flux's. */
export interface SharedClustersGitOps {
  /** The cluster apps by cluster id. */
  readonly clusters: Readonly<Record<string, GitOpsClusterApp>>;
  /** The Argo CD ApplicationSet's app (`argocd/`). */
  readonly argoCd: App;
  /** The Flux Kustomizations' app (`flux/<cluster>/`). */
  readonly flux: App;
}

/** Where each cluster's directory lives and where Argo CD deploys it. */
// README:BEGIN gitops
export const layout = new GitOpsLayout({
  declaration,
  clusters: [
    { cluster: blue, argoCdDestination: ArgoCdDestination.server('https://BLUE0000000000000000000000000000.gr7.eu-central-1.eks.amazonaws.com') },
    { cluster: green, argoCdDestination: ArgoCdDestination.server('https://GREEN000000000000000000000000000.gr7.eu-central-1.eks.amazonaws.com') },
  ],
});

/** Builds the example's GitOps apps writing under `repositoryDir` (call `synth()` on each). */
export function sharedClustersGitOps(repositoryDir: string): SharedClustersGitOps {
  const clusters = Object.fromEntries([blue, green].map((cluster) => {
    const app = new GitOpsClusterApp({ layout, cluster, repositoryDir });
    const chart = new Chart(app, 'platform');
    const platform = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster, createNamespaces: true });
    if (cluster === blue) {
      // The canary reads the blue-only token and rolls when it changes: a workload of the workloads phase.
      const token = platform.externalSecret(canaryToken);
      const storefront = addStorefront(chart, {
        namespace: canaryToken.namespace, envFrom: token, mount: { externalSecret: platform.externalSecret(registryPull), path: '/etc/registry' },
      });
      platform.reloadOnChange(storefront, [canaryToken]);
    }
    return [cluster.id, app];
  }));

  const argoCd = new App({ outdir: join(repositoryDir, 'argocd') });
  new ArgoCdApplications(new Chart(argoCd, 'argocd'), 'clusters', { layout, repository: { url: REPOSITORY_URL, targetRevision: 'main' } });

  const flux = new App({ outdir: join(repositoryDir, 'flux'), yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE });
  for (const cluster of [blue, green]) {
    new FluxKustomizations(new Chart(flux, cluster.id), 'platform', {
      layout, clusters: [cluster], sourceRef: { kind: FluxSourceKind.GIT_REPOSITORY, name: 'platform' },
    });
  }
  return { clusters, argoCd, flux };
}
// README:END

/** Writes the example's GitOps repository under `repositoryDir`. */
export function writeSharedClustersGitOps(repositoryDir: string): void {
  const apps = sharedClustersGitOps(repositoryDir);
  Object.values(apps.clusters).forEach((app) => app.synth());
  apps.argoCd.synth();
  apps.flux.synth();
}
