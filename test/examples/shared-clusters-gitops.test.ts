import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { parseAllDocuments } from 'yaml';
import { REPOSITORY_URL, writeSharedClustersGitOps } from '../../examples/shared-clusters/gitops';
import { validateManifests } from '../../lib/validation';
import { K8sManifest } from '../helpers/eso-schema';

/** Every file under `dir`, relative, sorted (copied into this realm's Array: jest runs tests in a VM context). */
function files(dir: string): string[] {
  return [...readdirSync(dir, { recursive: true })].map(String).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

function objects(dir: string): K8sManifest[] {
  return files(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) => parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => d.toJS() as K8sManifest));
}

describe('example: shared across clusters, GitOps repository', () => {
  test('the README shows the example\'s GitOps code exactly as compiled and run here', () => {
    const source = readFileSync(join(__dirname, '../../examples/shared-clusters/gitops.ts'), 'utf8');
    const block = /\/\/ README:BEGIN gitops\n([\s\S]*?)\n\/\/ README:END/.exec(source)![1];
    expect(readFileSync(join(__dirname, '../../README.md'), 'utf8')).toContain(`\`\`\`ts\n${block}\n\`\`\``);
  });

  const repo = mkdtempSync(join(tmpdir(), 'shared-clusters-gitops-'));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  writeSharedClustersGitOps(repo);
  const blue = (phase: string) => objects(join(repo, 'clusters', 'blue', phase));
  const green = (phase: string) => objects(join(repo, 'clusters', 'green', phase));

  test('one directory per cluster, one subdirectory per phase, plus the Argo CD and Flux objects', () => {
    expect(files(repo)).toEqual([
      'argocd/argocd.k8s.yaml',
      'clusters/blue/external-secrets/platform.k8s.yaml',
      'clusters/blue/stores/platform.k8s.yaml',
      'clusters/blue/workloads/platform.k8s.yaml',
      'clusters/green/external-secrets/platform.k8s.yaml',
      'clusters/green/stores/platform.k8s.yaml',
      'clusters/green/workloads/.gitkeep',
      'flux/blue/Kustomization.platform-blue-external-secrets.k8s.yaml',
      'flux/blue/Kustomization.platform-blue-stores.k8s.yaml',
      'flux/blue/Kustomization.platform-blue-workloads.k8s.yaml',
      'flux/green/Kustomization.platform-green-external-secrets.k8s.yaml',
      'flux/green/Kustomization.platform-green-stores.k8s.yaml',
      'flux/green/Kustomization.platform-green-workloads.k8s.yaml',
    ]);
  });

  test('every written object is valid, per cluster directory (Argo CD and Flux objects against their CRDs, strict)', () => {
    const sets = ['clusters/blue', 'clusters/green', 'argocd', 'flux'].map((dir) => objects(join(repo, dir)));
    expect(sets.flat().map((m) => m.kind)).toEqual(expect.arrayContaining(['ApplicationSet', 'Kustomization', 'ClusterSecretStore', 'ExternalSecret', 'Deployment']));
    sets.forEach((set) => validateManifests(set));
  });

  test('each directory holds only its cluster\'s objects: the blue-only store and canary stay out of green', () => {
    const names = (ms: K8sManifest[]) => ms.map((m) => `${m.kind}/${m.metadata?.name}`).sort();
    expect(names(blue('stores'))).toEqual(['ClusterSecretStore/cluster-local', 'ClusterSecretStore/primary', 'Namespace/apps', 'Namespace/ingress', 'ServiceAccount/eso-primary']);
    expect(names(green('stores'))).toEqual(['ClusterSecretStore/primary', 'Namespace/apps', 'Namespace/ingress', 'ServiceAccount/eso-primary']);
    expect(names(blue('external-secrets'))).toEqual(['ExternalSecret/canary-token', 'ExternalSecret/registry-pull', 'ExternalSecret/wildcard-tls']);
    expect(names(green('external-secrets'))).toEqual(['ExternalSecret/registry-pull', 'ExternalSecret/wildcard-tls']);
    expect(names(blue('workloads'))).toEqual(['Deployment/storefront']);
  });

  test('sync waves: every stores object 1, every ExternalSecret 2, the Reloader-wired workload 3', () => {
    const waves = (ms: K8sManifest[]) => [...new Set(ms.map((m) => m.metadata?.annotations?.['argocd.argoproj.io/sync-wave']))];
    expect(waves([...blue('stores'), ...green('stores')])).toEqual(['1']);
    expect(waves([...blue('external-secrets'), ...green('external-secrets')])).toEqual(['2']);
    expect(waves(blue('workloads'))).toEqual(['3']);
    expect(blue('workloads')[0].metadata?.annotations?.['secret.reloader.stakater.com/reload']).toBe('canary-token');
  });

  test('the ApplicationSet sends each directory to its cluster; every path it names exists', () => {
    const [set] = objects(join(repo, 'argocd'));
    const spec = set.spec as { generators: Array<{ list: { elements: Array<{ path: string; destination: string }> } }>; template: { spec: { source: { repoURL: string } } } };
    expect(spec.template.spec.source.repoURL).toBe(REPOSITORY_URL);
    expect(spec.generators[0].list.elements.map((e) => [e.path, e.destination])).toEqual([
      ['clusters/blue', 'https://BLUE0000000000000000000000000000.gr7.eu-central-1.eks.amazonaws.com'],
      ['clusters/green', 'https://GREEN000000000000000000000000000.gr7.eu-central-1.eks.amazonaws.com'],
    ]);
    spec.generators[0].list.elements.forEach((e) => expect(existsSync(join(repo, e.path))).toBe(true));
  });

  test('Flux: per cluster, stores <- external-secrets <- workloads, each on an existing phase directory', () => {
    for (const cluster of ['blue', 'green']) {
      const ks = objects(join(repo, 'flux', cluster));
      const byName = new Map(ks.map((k) => [k.metadata!.name!, k]));
      const dependsOn = (phase: string) => (byName.get(`platform-${cluster}-${phase}`)!.spec!.dependsOn as Array<{ name: string }> | undefined)?.map((d) => d.name);
      expect(dependsOn('stores')).toBeUndefined();
      expect(dependsOn('external-secrets')).toEqual([`platform-${cluster}-stores`]);
      expect(dependsOn('workloads')).toEqual([`platform-${cluster}-external-secrets`]);
      for (const k of ks) {
        expect(k.spec?.wait).toBe(true);
        expect(statSync(join(repo, String(k.spec!.path))).isDirectory()).toBe(true);
      }
    }
  });
});
