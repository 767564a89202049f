import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { addAllStacks, allDeclarations } from '../../examples/all';
import { TerraformJson } from '../helpers/terraform';

interface Manifest {
  readonly stacks: Record<string, { readonly dependencies: readonly string[]; readonly synthesizedStackPath: string }>;
}

type HelmProviderBlock = { alias?: string; kubernetes: { host?: string; config_context?: string } };

const EXAMPLES = join(__dirname, '../../examples');

/** The example folders (shared and readme hold helpers, quickstarts the install-line projects the consumer test runs). */
const folders = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !['shared', 'readme', 'quickstarts'].includes(e.name)).map((e) => e.name).sort();

/**
 * The cluster a Helm provider connects to, read back from the synthesized JSON: the name of the
 * cluster data source its host comes from (EKS, AKS, GKE), or the kubeconfig context.
 */
function connectedCluster(json: TerraformJson, provider: HelmProviderBlock): string {
  const { host, config_context: context } = provider.kubernetes;
  if (context !== undefined) {
    return context;
  }
  const ref = /\$\{data\.(aws_eks_cluster|azurerm_kubernetes_cluster|google_container_cluster)\.([\w-]+)\./.exec(host ?? '');
  if (!ref) {
    throw new Error(`helm provider ${provider.alias ?? '(default)'} connects to no known cluster: ${JSON.stringify(provider.kubernetes)}`);
  }
  return json.data![ref[1]][ref[2]].name as string;
}

/** The clusters (by name) an ESO release of the stack is installed on. */
function esoClusters(json: TerraformJson): string[] {
  const providers = ((json.provider as Record<string, HelmProviderBlock[]> | undefined)?.helm ?? []);
  return Object.values(json.resource?.helm_release ?? {}).filter((r) => r.chart === 'external-secrets').map((release) => {
    // `helm` (the default configuration) or `helm.<alias>`
    const alias = /^helm\.(.+)$/.exec(String(release.provider))?.[1];
    return connectedCluster(json, providers.find((p) => p.alias === alias)!);
  });
}

describe('every example deploys as written: ESO on every cluster with stores, stacks in order', () => {
  // GIVEN every example's stacks, synthesized as `cdktf synth` does (manifest.json is what `cdktf deploy '*'` orders by)
  const app = Testing.app();
  addAllStacks(app);
  app.synth();
  const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8')) as Manifest;
  const stackJson = (id: string) => JSON.parse(readFileSync(join(app.outdir, manifest.stacks[id].synthesizedStackPath), 'utf8')) as TerraformJson;

  /** The example's stacks (named after its folder) and every stack they wait for. */
  function stacksOf(folder: string): string[] {
    const found = new Set(Object.keys(manifest.stacks).filter((id) => id === folder || id.startsWith(`${folder}-`)));
    for (const id of found) {
      manifest.stacks[id].dependencies.forEach((d) => found.add(d));
    }
    return [...found].sort();
  }

  /** The order `cdktf deploy '*'` applies the example's stacks in: waves of stacks whose dependencies are applied. */
  function deployWaves(folder: string): string[][] {
    const pending = new Set(stacksOf(folder));
    const done = new Set<string>();
    const waves: string[][] = [];
    while (pending.size > 0) {
      const wave = [...pending].filter((id) => manifest.stacks[id].dependencies.every((d) => done.has(d))).sort();
      if (wave.length === 0) {
        throw new Error(`${folder}: dependency cycle among ${[...pending].join(', ')}`);
      }
      wave.forEach((id) => { pending.delete(id); done.add(id); });
      waves.push(wave);
    }
    return waves;
  }

  test.each(folders)('%s installs ESO on exactly the clusters its declaration puts stores on', (folder) => {
    // GIVEN the clusters the example's declaration serves stores on
    const declaration = allDeclarations[folder];
    const withStores = [...new Set(declaration.stores.flatMap((s) => declaration.clustersOfStore(s)).map((c) => c.clusterName))].sort();
    expect(withStores.length).toBeGreaterThan(0);
    // WHEN collecting the ESO releases of the example's stacks, by the cluster their Helm connection reaches
    const installed = stacksOf(folder).flatMap((id) => esoClusters(stackJson(id)));
    // THEN every cluster with stores has ESO exactly once, and no release goes elsewhere
    expect(installed.sort()).toEqual(withStores);
  });

  test('every example applies its stacks in the order docs/deploy.md states', () => {
    // THEN
    expect(Object.fromEntries(folders.map((f) => [f, deployWaves(f)]))).toEqual({
      'aws-only': [['aws-only-cluster'], ['aws-only-secrets']],
      'azure-only': [['azure-only-cluster'], ['azure-only-secrets']],
      'bootstrap-credentials': [['bootstrap-credentials']],
      'eso-reloader': [['eso-reloader']],
      'estate': [['estate-shared'], [
        'estate-eso-aks-01', 'estate-eso-eks-01', 'estate-eso-eks-02', 'estate-eso-eks-03',
        'estate-team-0001', 'estate-team-0002', 'estate-team-0003', 'estate-team-0004', 'estate-team-0005', 'estate-team-0006',
      ]],
      'hardened-images': [['hardened-images']],
      'multi-cloud-tenants': [['multi-cloud-tenants-aks', 'multi-cloud-tenants-gke'], ['multi-cloud-tenants-secrets']],
      'on-prem-vault': [['on-prem-vault']],
      'pod-identity': [['pod-identity-cluster'], ['pod-identity-secrets']],
      'shared-clusters': [['shared-clusters-secrets'], ['shared-clusters-blue', 'shared-clusters-green']],
      'two-phase-vault': [['bootstrap-credentials'], ['two-phase-vault-release'], ['two-phase-vault-config']],
      'uds-hardened': [['uds-hardened']],
    });
  });

  test('every stack belongs to an example', () => {
    expect(Object.keys(manifest.stacks).filter((id) => !folders.some((f) => stacksOf(f).includes(id)))).toEqual([]);
  });
});
