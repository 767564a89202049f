import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Duration, SecretBackend, SecretsDeclaration } from '../../lib/core';
import {
  ArgoCdApplicationMode, ArgoCdApplications, ArgoCdDestination, FluxKustomizations, FluxSourceKind, GitOpsClusterApp, GitOpsLayout,
  GitOpsPhase, gitOpsPhaseOf, SecretsPlatformManifests,
} from '../../lib/platform/k8s';
import { checkManifests, validateManifests } from '../../lib/validation';
import { applyStructuralDefaults, servedSchema } from '../../lib/validation/schema-defaults';
import { K8sManifest } from '../helpers/eso-schema';

const PROD_API = 'https://prod.k8s.example.com';

function declare() {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const stage = declaration.addEksCluster('stage', { clusterName: 'shop-stage', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/STAGE' });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db' });
  const store = declaration.addAwsStore('sm', { name: 'secrets-manager', service: SecretBackend.AWS_SECRETS_MANAGER });
  const prodDb = declaration.addExternalSecret('prod-db', { name: 'db', namespace: 'shop', store, clusters: [prod], data: [{ secretKey: 'password', secret: db }] });
  const stageDb = declaration.addExternalSecret('stage-db', { name: 'db-stage', namespace: 'shop', store, clusters: [stage], data: [{ secretKey: 'password', secret: db }] });
  return { declaration, prod, stage, prodDb, stageDb };
}

function layoutOf(d: ReturnType<typeof declare>, extra: Partial<ConstructorParameters<typeof GitOpsLayout>[0]> = {}): GitOpsLayout {
  return new GitOpsLayout({
    declaration: d.declaration,
    clusters: [
      { cluster: d.prod, argoCdDestination: ArgoCdDestination.server(PROD_API) },
      { cluster: d.stage, directory: 'staging', argoCdDestination: ArgoCdDestination.clusterName('shop-stage'), fluxKubeConfigSecret: 'stage-kubeconfig' },
    ],
    ...extra,
  });
}

/** A cluster app with the platform and a Reloader-wired Deployment reading the cluster's ExternalSecret. */
function clusterApp(d: ReturnType<typeof declare>, layout: GitOpsLayout, cluster = d.prod, repositoryDir = '/nonexistent') {
  const app = new GitOpsClusterApp({ layout, cluster, repositoryDir });
  const chart = new Chart(app, 'platform');
  const platform = new SecretsPlatformManifests(chart, 'platform', { declaration: d.declaration, cluster, createNamespaces: true });
  const es = cluster === d.prod ? d.prodDb : d.stageDb;
  const web = new kplus.Deployment(chart, 'web', { metadata: { name: 'web', namespace: 'shop' }, containers: [{ image: 'nginx:1.27', portNumber: 8080 }] });
  web.containers[0].env.copyFrom(kplus.Env.fromSecret(platform.externalSecret(es).secret));
  platform.reloadOnChange(web, [es]);
  return app;
}

const waveOf = (m: K8sManifest) => m.metadata?.annotations?.['argocd.argoproj.io/sync-wave'];

describe('gitOpsPhaseOf', () => {
  test.each([
    ['v1', 'Namespace', GitOpsPhase.STORES],
    ['v1', 'ServiceAccount', GitOpsPhase.STORES],
    ['rbac.authorization.k8s.io/v1', 'Role', GitOpsPhase.STORES],
    ['rbac.authorization.k8s.io/v1', 'RoleBinding', GitOpsPhase.STORES],
    ['external-secrets.io/v1', 'ClusterSecretStore', GitOpsPhase.STORES],
    ['external-secrets.io/v1', 'SecretStore', GitOpsPhase.STORES],
    ['generators.external-secrets.io/v1alpha1', 'VaultDynamicSecret', GitOpsPhase.STORES],
    ['external-secrets.io/v1', 'ExternalSecret', GitOpsPhase.EXTERNAL_SECRETS],
    ['external-secrets.io/v1', 'ClusterExternalSecret', GitOpsPhase.EXTERNAL_SECRETS],
    ['external-secrets.io/v1alpha1', 'PushSecret', GitOpsPhase.EXTERNAL_SECRETS],
    ['apps/v1', 'Deployment', GitOpsPhase.WORKLOADS],
    ['v1', 'Secret', GitOpsPhase.WORKLOADS],
    ['example.com/v1', 'Namespace', GitOpsPhase.WORKLOADS],
  ])('%s %s is in the %s phase', (apiVersion, kind, phase) => {
    expect(gitOpsPhaseOf(apiVersion, kind)).toBe(phase);
  });
});

describe('GitOpsLayout', () => {
  test('defaults: directories under clusters/ named by cluster id, waves 1 < 2 < 3', () => {
    const d = declare();
    const layout = new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod }, { cluster: d.stage }] });
    expect(layout.directoryOf(d.prod)).toBe('clusters/prod');
    expect(layout.phaseDirectoryOf(d.stage, GitOpsPhase.EXTERNAL_SECRETS)).toBe('clusters/stage/external-secrets');
    expect([GitOpsPhase.STORES, GitOpsPhase.EXTERNAL_SECRETS, GitOpsPhase.WORKLOADS].map((p) => layout.syncWave(p))).toEqual([1, 2, 3]);
  });

  test('basePath, directory and waves as given', () => {
    const d = declare();
    const layout = layoutOf(d, { basePath: 'platform/clusters', syncWaves: { stores: -5, externalSecrets: 0, workloads: 10 } });
    expect(layout.phaseDirectoryOf(d.stage, GitOpsPhase.WORKLOADS)).toBe('platform/clusters/staging/workloads');
    expect(layout.syncWave(GitOpsPhase.STORES)).toBe(-5);
    expect(layout.syncWave(GitOpsPhase.WORKLOADS)).toBe(10);
  });

  const errors: Array<[string, (d: ReturnType<typeof declare>) => unknown, string]> = [
    ['path traversal in a directory', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, directory: '..' }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].directory: received "..". Allowed: a DNS-1123 label (lowercase letters, digits and "-", at most 63 characters): one directory name, also used in the names of the Argo CD Applications and Flux Kustomizations. Fix: name the directory "prod" (no "/", "." or "..": the directory must stay inside basePath).'],
    ['a directory with slashes', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, directory: 'a/../../etc' }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].directory: received "a/../../etc". Allowed: a DNS-1123 label (lowercase letters, digits and "-", at most 63 characters): one directory name, also used in the names of the Argo CD Applications and Flux Kustomizations. Fix: name the directory "prod" (no "/", "." or "..": the directory must stay inside basePath).'],
    ['two clusters in one directory', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, directory: 'shop' }, { cluster: d.stage, directory: 'shop' }] }),
      '[shop/gitops] clusters[1].directory: received "shop". Allowed: a value different from the one at clusters[0].directory (it must be unique). Fix: give each cluster its own directory (two clusters in one directory would each apply the other\'s objects).'],
    ['a cluster listed twice', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod }, { cluster: d.prod, directory: 'x' }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[1].cluster: received "prod". Allowed: a value different from the one at clusters[0].cluster (it must be unique). Fix: list each cluster once.'],
    ['a declared cluster left out', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod }] }),
      '[shop/gitops] clusters: received ["prod"]. Allowed: an entry for every cluster of the declaration, including "stage". Fix: add { cluster: <the "stage" cluster> } to clusters.'],
    ['a cluster of another declaration', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod }, { cluster: declare().stage }] }),
      '[shop/gitops] clusters[1].cluster: received "stage". Allowed: a cluster declared in this declaration (declaration.addEksCluster() and the like). Fix: pass the object the declaration returned for the cluster.'],
    ['a basePath leaving the repository', (d) => layoutOf(d, { basePath: '../outside' }),
      '[shop/gitops] basePath: received "../outside". Allowed: a relative path inside the repository: segments of letters, digits, ".", "_" and "-" separated by "/", none of them "." or "..", no leading or trailing "/". Fix: pass a path such as "clusters" or "platform/clusters".'],
    ['an absolute basePath', (d) => layoutOf(d, { basePath: '/etc' }),
      '[shop/gitops] basePath: received "/etc". Allowed: a relative path inside the repository: segments of letters, digits, ".", "_" and "-" separated by "/", none of them "." or "..", no leading or trailing "/". Fix: pass a path such as "clusters" or "platform/clusters".'],
    ['waves not increasing', (d) => layoutOf(d, { syncWaves: { stores: 2, externalSecrets: 2 } }),
      '[shop/gitops] syncWaves: received {"stores":2,"externalSecrets":2,"workloads":3}. Allowed: integers with stores < externalSecrets < workloads (stores must exist before the ExternalSecrets that use them, and Secrets before the workloads that mount them). Fix: pass increasing waves such as { stores: 1, externalSecrets: 2, workloads: 3 }.'],
    ['a fractional wave', (d) => layoutOf(d, { syncWaves: { stores: 0.5 } }),
      '[shop/gitops] syncWaves: received {"stores":0.5,"externalSecrets":2,"workloads":3}. Allowed: integers with stores < externalSecrets < workloads (stores must exist before the ExternalSecrets that use them, and Secrets before the workloads that mount them). Fix: pass increasing waves such as { stores: 1, externalSecrets: 2, workloads: 3 }.'],
    ['a plain-http API server', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, argoCdDestination: ArgoCdDestination.server('http://prod.example.com') }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].argoCdDestination.server: received "http://prod.example.com". Allowed: an API server URL: an absolute https:// URL with a host and no user or password. Fix: use https://.'],
    ['credentials in the API server URL (never echoed)', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, argoCdDestination: ArgoCdDestination.server('https://admin:hunter2@prod.example.com') }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].argoCdDestination.server: received "https://***@prod.example.com". Allowed: an API server URL: an absolute https:// URL with a host and no user or password. Fix: remove the credentials from the URL and give them to the consumer through its auth settings (credentials in a URL end up in Git and logs).'],
    ['a template as Argo CD cluster name', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, argoCdDestination: ArgoCdDestination.clusterName('{{.evil}}') }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].argoCdDestination.name: received "{{.evil}}". Allowed: an Argo CD cluster name: 1 to 253 letters, digits, ".", "_" and "-", starting and ending with a letter or digit. Fix: use the name shown by `argocd cluster list`.'],
    ['a string as destination', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, argoCdDestination: 'https://prod.example.com' as never }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].argoCdDestination: received a string. Allowed: ArgoCdDestination.server() or ArgoCdDestination.clusterName(). Fix: pass ArgoCdDestination.server() or ArgoCdDestination.clusterName().'],
    ['a kubeconfig Secret name that is not a name', (d) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, fluxKubeConfigSecret: 'Prod_Kube' }, { cluster: d.stage }] }),
      '[shop/gitops] clusters[0].fluxKubeConfigSecret: received "Prod_Kube". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "prod-kube".'],
  ];
  test.each(errors)('refuses %s', (_name, build, message) => {
    expect(() => build(declare())).toThrow(message);
  });
});

describe('GitOpsClusterApp', () => {
  test('every object gets the wave of its phase: stores, service accounts and namespaces 1, ExternalSecrets 2, the Reloader-wired Deployment 3', () => {
    // GIVEN
    const d = declare();
    // WHEN
    const phases = clusterApp(d, layoutOf(d)).objectsByPhase() as Record<GitOpsPhase, K8sManifest[]>;
    // THEN
    const kinds = (phase: GitOpsPhase) => phases[phase].map((m) => m.kind).sort();
    expect(kinds(GitOpsPhase.STORES)).toEqual(['ClusterSecretStore', 'Namespace']);
    expect(kinds(GitOpsPhase.EXTERNAL_SECRETS)).toEqual(['ExternalSecret']);
    expect(kinds(GitOpsPhase.WORKLOADS)).toEqual(['Deployment']);
    expect(phases[GitOpsPhase.STORES].map(waveOf)).toEqual(['1', '1']);
    expect(phases[GitOpsPhase.EXTERNAL_SECRETS].map(waveOf)).toEqual(['2']);
    const deployment = phases[GitOpsPhase.WORKLOADS][0];
    expect(waveOf(deployment)).toBe('3');
    expect(deployment.metadata?.annotations?.['secret.reloader.stakater.com/reload']).toBe('db');
    validateManifests(Object.values(phases).flat());
  });

  test('the layout\'s own waves are applied', () => {
    const d = declare();
    const phases = clusterApp(d, layoutOf(d, { syncWaves: { stores: -2, externalSecrets: -1, workloads: 0 } })).objectsByPhase() as Record<GitOpsPhase, K8sManifest[]>;
    expect([...phases[GitOpsPhase.STORES], ...phases[GitOpsPhase.EXTERNAL_SECRETS], ...phases[GitOpsPhase.WORKLOADS]].map(waveOf)).toEqual(['-2', '-2', '-1', '0']);
  });

  test('a wave set on an object that agrees with its phase is kept; one that contradicts it is refused at the object', () => {
    const d = declare();
    const layout = layoutOf(d);
    const agreeing = new GitOpsClusterApp({ layout, cluster: d.prod });
    new SecretsPlatformManifests(new Chart(agreeing, 'c'), 'platform', { declaration: d.declaration, cluster: d.prod, syncWaves: { stores: 1, externalSecrets: 2 } });
    expect((agreeing.objectsByPhase()[GitOpsPhase.EXTERNAL_SECRETS] as K8sManifest[]).map(waveOf)).toEqual(['2']);

    const contradicting = new GitOpsClusterApp({ layout, cluster: d.prod });
    new SecretsPlatformManifests(new Chart(contradicting, 'c'), 'platform', { declaration: d.declaration, cluster: d.prod, syncWaves: { stores: 0, externalSecrets: 5 } });
    expect(() => contradicting.objectsByPhase()).toThrow(
      '[c/platform/Store-sm/Resource] metadata.annotations["argocd.argoproj.io/sync-wave"]: received "0". Allowed: "1", the wave of the "stores" phase of the GitOps layout (its directory and Flux Kustomization). Fix: remove the sync wave from the object (the layout sets it on every object), or set the layout\'s syncWaves.stores to it.');
  });

  test('another cluster\'s platform objects are refused in a cluster\'s directory', () => {
    const d = declare();
    const app = new GitOpsClusterApp({ layout: layoutOf(d), cluster: d.prod });
    new SecretsPlatformManifests(new Chart(app, 'c'), 'platform', { declaration: d.declaration, cluster: d.stage });
    expect(() => app.objectsByPhase()).toThrow(
      '[c/platform] cluster: received "stage". Allowed: "prod", the cluster this directory is for (a directory holds only its cluster\'s objects). Fix: render cluster "stage" in its own GitOpsClusterApp.');
  });

  test('a cluster the layout does not hold, and a layout that is not one, are refused', () => {
    const d = declare();
    expect(() => new GitOpsClusterApp({ layout: layoutOf(d), cluster: declare().prod })).toThrow(
      '[GitOpsClusterApp] cluster: received "prod". Allowed: a cluster declared in this declaration (declaration.addEksCluster() and the like). Fix: pass the object the declaration returned for the cluster.');
    expect(() => new GitOpsClusterApp({ layout: {} as never, cluster: d.prod })).toThrow(
      '[GitOpsClusterApp] layout: received an object. Allowed: a GitOpsLayout. Fix: pass a GitOpsLayout.');
  });

  test('synth writes <basePath>/<directory>/<phase>/<chart>.k8s.yaml, replaces stale files and keeps empty phases', () => {
    // GIVEN a repository directory with a stale object in the stores phase
    const repo = mkdtempSync(join(tmpdir(), 'gitops-'));
    try {
      const d = declare();
      const layout = layoutOf(d);
      const stale = join(repo, 'clusters', 'staging', 'stores');
      mkdirSync(stale, { recursive: true });
      writeFileSync(join(stale, 'removed.k8s.yaml'), 'kind: Secret\n');
      // WHEN the staging cluster (no workload in this app) is written
      const app = new GitOpsClusterApp({ layout, cluster: d.stage, repositoryDir: repo });
      new SecretsPlatformManifests(new Chart(app, 'platform'), 'platform', { declaration: d.declaration, cluster: d.stage });
      app.synth();
      // THEN
      const dir = join(repo, 'clusters', 'staging');
      expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual([
        'external-secrets', 'external-secrets/platform.k8s.yaml', 'stores', 'stores/platform.k8s.yaml', 'workloads', 'workloads/.gitkeep',
      ]);
      expect(readFileSync(join(dir, 'external-secrets', 'platform.k8s.yaml'), 'utf8')).toContain('name: db-stage');
      expect(readFileSync(join(dir, 'external-secrets', 'platform.k8s.yaml'), 'utf8')).not.toContain('name: db\n');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe('ArgoCdApplications', () => {
  function render(layout: GitOpsLayout, props: Partial<ConstructorParameters<typeof ArgoCdApplications>[2]> = {}): K8sManifest[] {
    const chart = new Chart(Testing.app(), 'argo');
    new ArgoCdApplications(chart, 'apps', { layout, repository: { url: 'git@github.com:shop/platform.git' }, ...props });
    return Testing.synth(chart) as K8sManifest[];
  }

  test('one Application per cluster: its directory, recursive, to its destination, automated sync; valid against the Argo CD CRD', () => {
    const d = declare();
    const apps = render(layoutOf(d), { mode: ArgoCdApplicationMode.APPLICATION_PER_CLUSTER, repository: { url: 'https://git.example.com/shop/platform.git', targetRevision: 'v1.2.0' } });
    expect(apps).toEqual([
      {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop-prod', namespace: 'argocd' },
        spec: {
          project: 'default',
          source: { repoURL: 'https://git.example.com/shop/platform.git', targetRevision: 'v1.2.0', path: 'clusters/prod', directory: { recurse: true } },
          destination: { server: PROD_API },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
      {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', metadata: { name: 'shop-staging', namespace: 'argocd' },
        spec: {
          project: 'default',
          source: { repoURL: 'https://git.example.com/shop/platform.git', targetRevision: 'v1.2.0', path: 'clusters/staging', directory: { recurse: true } },
          destination: { name: 'shop-stage' },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
    ]);
    validateManifests(apps);
  });

  test('ApplicationSet: per-cluster values are list elements, the template only references them; one set per destination form', () => {
    const d = declare();
    const sets = render(layoutOf(d), { namespace: 'gitops', project: 'platform', namePrefix: 'secrets' });
    expect(sets.map((s) => s.metadata?.name)).toEqual(['secrets-by-server', 'secrets-by-name']);
    expect(sets[0].spec).toEqual({
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [{ list: { elements: [{ name: 'secrets-prod', path: 'clusters/prod', destination: PROD_API }] } }],
      template: {
        metadata: { name: '{{.name}}' },
        spec: {
          project: 'platform',
          source: { repoURL: 'git@github.com:shop/platform.git', targetRevision: 'HEAD', path: '{{.path}}', directory: { recurse: true } },
          destination: { server: '{{.destination}}' },
          syncPolicy: { automated: { prune: true, selfHeal: true } },
        },
      },
    });
    expect((sets[1].spec as { generators: unknown }).generators).toEqual([{ list: { elements: [{ name: 'secrets-staging', path: 'clusters/staging', destination: 'shop-stage' }] } }]);
    expect((sets[1].spec as { template: { spec: { destination: unknown } } }).template.spec.destination).toEqual({ name: '{{.destination}}' });
    validateManifests(sets);
  });

  test('clusters with one destination form get one ApplicationSet named by the prefix', () => {
    const d = declare();
    const layout = new GitOpsLayout({ declaration: d.declaration, clusters: [
      { cluster: d.prod, argoCdDestination: ArgoCdDestination.server(PROD_API) },
      { cluster: d.stage, argoCdDestination: ArgoCdDestination.server('https://kubernetes.default.svc') },
    ] });
    const sets = render(layout);
    expect(sets.map((s) => s.metadata?.name)).toEqual(['shop']);
    expect((sets[0].spec as { generators: Array<{ list: { elements: unknown[] } }> }).generators[0].list.elements).toHaveLength(2);
  });

  const S = ArgoCdDestination.server(PROD_API);
  const both = (d: ReturnType<typeof declare>) => new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, argoCdDestination: S }, { cluster: d.stage, argoCdDestination: S }] });
  const ALLOWED_URL = 'Allowed: a Git repository URL: https://host/path, ssh://[user@]host[:port]/path or user@host:path, with no password, query, fragment, whitespace or "{" "}".';
  const errors: Array<[string, (d: ReturnType<typeof declare>) => unknown, string]> = [
    ['a cluster with no destination', (d) => render(new GitOpsLayout({ declaration: d.declaration, clusters: [{ cluster: d.prod, argoCdDestination: S }, { cluster: d.stage }] })),
      '[shop/gitops] clusters[1].argoCdDestination: received no argoCdDestination. Allowed: an Argo CD destination for cluster "stage": ArgoCdDestination.server(<API server URL>) or ArgoCdDestination.clusterName(<Argo CD cluster name>). Fix: set argoCdDestination on the "stage" entry of the GitOpsLayout (the in-cluster destination is ArgoCdDestination.server("https://kubernetes.default.svc")).'],
    ['a plain-http repository', (d) => render(both(d), { repository: { url: 'http://git.example.com/p.git' } }),
      `[argo/apps] repository.url: received "http://git.example.com/p.git". ${ALLOWED_URL} Fix: use https:// or ssh:// (Argo CD and Flux fetch over these).`],
    ['a token in the repository URL (never echoed)', (d) => render(both(d), { repository: { url: 'https://bot:ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/org/p.git' } }),
      `[argo/apps] repository.url: received "https://***@github.com/org/p.git". ${ALLOWED_URL} Fix: remove the credentials from the URL and give them to Argo CD (a repository Secret) or Flux (secretRef) instead (credentials in a URL end up in Git and logs).`],
    ['an ssh password in the repository URL', (d) => render(both(d), { repository: { url: 'ssh://git:pw@host/p.git' } }),
      `[argo/apps] repository.url: received "ssh://***@host/p.git". ${ALLOWED_URL} Fix: remove the credentials from the URL and give them to Argo CD (a repository Secret) or Flux (secretRef) instead (credentials in a URL end up in Git and logs).`],
    ['a template in the repository URL', (d) => render(both(d), { repository: { url: 'https://git.example.com/{{.x}}.git' } }),
      `[argo/apps] repository.url: received "https://git.example.com/{{.x}}.git". ${ALLOWED_URL} Fix: remove whitespace, "{", "}", the query and the fragment.`],
    ['a repository URL without scheme', (d) => render(both(d), { repository: { url: 'git.example.com/p.git' } }),
      `[argo/apps] repository.url: received "git.example.com/p.git". ${ALLOWED_URL} Fix: pass a full URL such as "https://github.com/org/platform.git" or "git@github.com:org/platform.git".`],
    ['a repository URL without path', (d) => render(both(d), { repository: { url: 'https://git.example.com' } }),
      `[argo/apps] repository.url: received "https://git.example.com". ${ALLOWED_URL} Fix: include the host and the repository path.`],
    ['a revision with a template', (d) => render(both(d), { repository: { url: 'git@github.com:org/p.git', targetRevision: 'main..{{x}}' } }),
      '[argo/apps] repository.targetRevision: received "main..{{x}}". Allowed: a branch, tag or commit: letters, digits, ".", "_", "/" and "-", at most 255 characters, no ".." and no leading or trailing "/" or ".". Fix: pass a revision such as "main", "v1.2.0" or "HEAD".'],
    ['an unknown mode', (d) => render(both(d), { mode: 'Both' as never }),
      '[argo/apps] mode: received "Both". Allowed: one of "ApplicationSet", "Application" (ArgoCdApplicationMode). Fix: pass one of "ApplicationSet", "Application" (ArgoCdApplicationMode).'],
  ];
  test.each(errors)('refuses %s', (_name, build, message) => {
    expect(() => build(declare())).toThrow(message);
  });
});

describe('FluxKustomizations', () => {
  function render(layout: GitOpsLayout, props: Partial<ConstructorParameters<typeof FluxKustomizations>[2]> = {}): K8sManifest[] {
    const chart = new Chart(Testing.app(), 'flux');
    new FluxKustomizations(chart, 'k', { layout, sourceRef: { kind: FluxSourceKind.GIT_REPOSITORY, name: 'platform' }, ...props });
    return Testing.synth(chart) as K8sManifest[];
  }

  test('three Kustomizations per cluster chained stores <- external-secrets <- workloads, each waiting for health; valid against the Flux CRD', () => {
    const d = declare();
    const ks = render(layoutOf(d));
    expect(ks.map((k) => k.metadata?.name)).toEqual([
      'shop-prod-stores', 'shop-prod-external-secrets', 'shop-prod-workloads', 'shop-staging-stores', 'shop-staging-external-secrets', 'shop-staging-workloads',
    ]);
    expect(ks.map((k) => (k.spec?.dependsOn as Array<{ name: string }> | undefined)?.map((x) => x.name))).toEqual([
      undefined, ['shop-prod-stores'], ['shop-prod-external-secrets'], undefined, ['shop-staging-stores'], ['shop-staging-external-secrets'],
    ]);
    expect(ks[1]).toEqual({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1', kind: 'Kustomization', metadata: { name: 'shop-prod-external-secrets', namespace: 'flux-system' },
      spec: {
        dependsOn: [{ name: 'shop-prod-stores' }], interval: '10m', path: './clusters/prod/external-secrets', prune: true, wait: true, force: false,
        sourceRef: { kind: 'GitRepository', name: 'platform' },
      },
    });
    expect(ks.slice(3).map((k) => k.spec?.kubeConfig)).toEqual([1, 2, 3].map(() => ({ secretRef: { name: 'stage-kubeconfig' } })));
    validateManifests(ks);
  });

  test('one cluster, an OCI source in another namespace, a custom interval and prefix', () => {
    const d = declare();
    const ks = render(layoutOf(d), {
      clusters: [d.prod], sourceRef: { kind: FluxSourceKind.OCI_REPOSITORY, name: 'platform', namespace: 'sources' }, interval: Duration.minutes(90), namePrefix: 'eso', namespace: 'gitops',
    });
    expect(ks.map((k) => [k.metadata?.namespace, k.metadata?.name, k.spec?.interval, k.spec?.path])).toEqual([
      ['gitops', 'eso-prod-stores', '1h30m', './clusters/prod/stores'],
      ['gitops', 'eso-prod-external-secrets', '1h30m', './clusters/prod/external-secrets'],
      ['gitops', 'eso-prod-workloads', '1h30m', './clusters/prod/workloads'],
    ]);
    expect(ks[0].spec?.sourceRef).toEqual({ kind: 'OCIRepository', name: 'platform', namespace: 'sources' });
    validateManifests(ks);
  });

  const errors: Array<[string, (d: ReturnType<typeof declare>) => unknown, string]> = [
    ['a prefix making names too long for a label', (d) => render(layoutOf(d), { namePrefix: 'a'.repeat(50) }),
      '[flux/k] namePrefix: received "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa". Allowed: a prefix whose derived names are at most 63 characters (Argo CD and Flux copy the name into a label value); "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-prod-external-secrets" has 72. Fix: pass a shorter namePrefix, or shorter cluster directories.'],
    ['a source kind Kustomizations cannot read', (d) => render(layoutOf(d), { sourceRef: { kind: 'HelmRepository' as never, name: 'platform' } }),
      '[flux/k] sourceRef.kind: received "HelmRepository". Allowed: one of "GitRepository", "OCIRepository", "Bucket" (FluxSourceKind). Fix: pass one of "GitRepository", "OCIRepository", "Bucket" (FluxSourceKind).'],
    ['a source name with a path', (d) => render(layoutOf(d), { sourceRef: { kind: FluxSourceKind.GIT_REPOSITORY, name: '../platform' } }),
      '[flux/k] sourceRef.name: received "../platform". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. Fix: rename it, for example "platform".'],
    ['a zero interval', (d) => render(layoutOf(d), { interval: Duration.ZERO }),
      '[flux/k] interval: received Duration.ZERO (0s). Allowed: a duration greater than zero. Fix: pass at least Duration.seconds(1).'],
    ['a cluster the layout does not hold', (d) => render(layoutOf(d), { clusters: [declare().prod] }),
      '[flux/k] clusters[0]: received "prod". Allowed: a cluster declared in this declaration (declaration.addEksCluster() and the like). Fix: pass the object the declaration returned for the cluster.'],
  ];
  test.each(errors)('refuses %s', (_name, build, message) => {
    expect(() => build(declare())).toThrow(message);
  });
});

describe('Argo CD and Flux objects against their CRDs', () => {
  function emitted(): K8sManifest[] {
    const d = declare();
    const layout = layoutOf(d);
    const chart = new Chart(Testing.app(), 'engines');
    new ArgoCdApplications(chart, 'set', { layout, repository: { url: 'git@github.com:shop/platform.git' } });
    new ArgoCdApplications(chart, 'apps', { layout, repository: { url: 'git@github.com:shop/platform.git' }, mode: ArgoCdApplicationMode.APPLICATION_PER_CLUSTER });
    new FluxKustomizations(chart, 'flux', { layout, sourceRef: { kind: FluxSourceKind.GIT_REPOSITORY, name: 'platform' } });
    return Testing.synth(chart) as K8sManifest[];
  }

  test('no drift: the API server would add no default under spec (what is in Git is what the cluster holds)', () => {
    for (const object of emitted()) {
      const schema = servedSchema(object.apiVersion, object.kind);
      expect(schema).toBeDefined();
      expect(applyStructuralDefaults(object, schema!).spec).toEqual(object.spec);
    }
  });

  test('the validator is strict for these kinds: a misspelt field (also inside the ApplicationSet template), a missing required field and a wrong enum are reported', () => {
    const [set, , app, , ...kustomizations] = emitted();
    const misspelt = { ...app, spec: { ...app.spec, syncPolicy: undefined, syncPolicyy: { automated: {} } } };
    const noPrune = { ...kustomizations[0], spec: Object.fromEntries(Object.entries(kustomizations[0].spec!).filter(([key]) => key !== 'prune')) };
    const badKind = { ...kustomizations[1], spec: { ...kustomizations[1].spec, sourceRef: { kind: 'HelmChart', name: 'x' } } };
    const badGenerator = { ...set, spec: { ...set.spec, generators: [{ lists: {} }] } };
    const template = (set.spec as { template: { spec: Record<string, unknown> } }).template;
    const badTemplate = { ...set, metadata: { name: 'other', namespace: 'argocd' }, spec: { ...set.spec, template: { ...template, spec: { ...template.spec, destination: { server: '{{.destination}}', cluster: 'x' } } } } };
    expect(checkManifests([misspelt, noPrune, badKind, badGenerator, badTemplate]).map((e) => e.message)).toEqual([
      '[Application argocd/shop-prod] spec.syncPolicyy: received an object. Allowed: the fields the schema declares here: "destination", "ignoreDifferences", "info", "project", "revisionHistoryLimit", "source", "sourceHydrator", "sources", "syncPolicy". Fix: rename it to "syncPolicy" (the API server would drop an unknown field silently).',
      '[Kustomization flux-system/shop-prod-stores] spec.prune: received undefined. Allowed: a value: the schema requires this field. Fix: set it.',
      '[Kustomization flux-system/shop-prod-external-secrets] spec.sourceRef.kind: received a string. Allowed: one of "OCIRepository", "GitRepository", "Bucket", "ExternalArtifact". Fix: change the value to one the schema of the served version accepts.',
      '[ApplicationSet argocd/shop-by-server] spec.generators[0].lists: received an object. Allowed: the fields the schema declares here: "clusterDecisionResource", "clusters", "git", "list", "matrix", "merge", "plugin", "pullRequest", "scmProvider", "selector". Fix: rename it to "list" (the API server would drop an unknown field silently).',
      '[ApplicationSet argocd/other] spec.template.spec.destination.cluster: received a string. Allowed: the fields the schema declares here: "name", "namespace", "server". Fix: remove it (the API server would drop an unknown field silently).',
    ]);
  });
});
