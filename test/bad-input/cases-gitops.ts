/**
 * Bad inputs to the per-cluster GitOps output through the PUBLIC API (the package root only): the
 * layout of cluster directories, the Argo CD and Flux objects, a cluster's app. Expected messages:
 * `expected-gitops.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import {
  ArgoCdApplications, ArgoCdDestination, FluxKustomizations, FluxSourceKind, GitOpsClusterApp, GitOpsLayout, SecretBackend, SecretsDeclaration,
  SecretsPlatformManifests,
} from '../../lib';
import type { BadInput } from './cases';

function estate() {
  const declaration = new SecretsDeclaration({ name: 'estate', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const prod = declaration.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const dev = declaration.addEksCluster('dev', { clusterName: 'dev', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DEV' });
  const secret = declaration.addSecretsManagerSecret('db', { name: 'team/db' });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'team', store, data: [{ secretKey: 'password', secret }] });
  return { declaration, prod, dev };
}

const API = ArgoCdDestination.server('https://prod.k8s.example.com');

function layout(e = estate()): GitOpsLayout {
  return new GitOpsLayout({ declaration: e.declaration, clusters: [{ cluster: e.prod, argoCdDestination: API }, { cluster: e.dev, argoCdDestination: API }] });
}

function argo(url: string, targetRevision?: string): () => unknown {
  return () => new ArgoCdApplications(new Chart(K8sTesting.app(), 'argo'), 'apps', { layout: layout(), repository: { url, targetRevision } });
}

export const GITOPS_CASES: BadInput[] = [
  ['gitops: a directory escaping the repository', () => {
    const e = estate();
    return new GitOpsLayout({ declaration: e.declaration, clusters: [{ cluster: e.prod, directory: '../../etc' }, { cluster: e.dev }] });
  }],
  ['gitops: a base path escaping the repository', () => {
    const e = estate();
    return new GitOpsLayout({ declaration: e.declaration, basePath: 'clusters/../..', clusters: [{ cluster: e.prod }, { cluster: e.dev }] });
  }],
  ['gitops: two clusters in one directory', () => {
    const e = estate();
    return new GitOpsLayout({ declaration: e.declaration, clusters: [{ cluster: e.prod, directory: 'all' }, { cluster: e.dev, directory: 'all' }] });
  }],
  ['gitops: a declared cluster left out of the layout', () => {
    const e = estate();
    return new GitOpsLayout({ declaration: e.declaration, clusters: [{ cluster: e.prod }] });
  }],
  ['gitops: waves putting ExternalSecrets before stores', () => {
    const e = estate();
    return new GitOpsLayout({ declaration: e.declaration, syncWaves: { stores: 5, externalSecrets: 1, workloads: 9 }, clusters: [{ cluster: e.prod }, { cluster: e.dev }] });
  }],
  ['gitops: API server URL with a password', () => {
    const e = estate();
    return new GitOpsLayout({ declaration: e.declaration, clusters: [{ cluster: e.prod, argoCdDestination: ArgoCdDestination.server('https://admin:hunter2@prod.k8s.example.com') }, { cluster: e.dev }] });
  }],
  ['gitops: Argo CD cluster with no destination', () => {
    const e = estate();
    const l = new GitOpsLayout({ declaration: e.declaration, clusters: [{ cluster: e.prod, argoCdDestination: API }, { cluster: e.dev }] });
    return new ArgoCdApplications(new Chart(K8sTesting.app(), 'argo'), 'apps', { layout: l, repository: { url: 'https://git.example.com/estate.git' } });
  }],
  ['gitops: repository URL with a token', argo('https://ci:s3cret@git.example.com/estate.git')],
  ['gitops: repository URL over plain http', argo('http://git.example.com/estate.git')],
  ['gitops: repository URL with an ApplicationSet template', argo('https://git.example.com/{{.cluster}}.git')],
  ['gitops: revision with a range', argo('git@git.example.com:estate.git', 'main..feature')],
  ['gitops: Flux source name with a path', () => new FluxKustomizations(new Chart(K8sTesting.app(), 'flux'), 'k', {
    layout: layout(), sourceRef: { kind: FluxSourceKind.GIT_REPOSITORY, name: 'flux-system/platform' },
  })],
  ['gitops: another cluster\'s platform in a cluster\'s directory', () => {
    const e = estate();
    const app = new GitOpsClusterApp({ layout: layout(e), cluster: e.prod, repositoryDir: '/nonexistent' });
    new SecretsPlatformManifests(new Chart(app, 'c'), 'platform', { declaration: e.declaration, cluster: e.dev });
    return app.objectsByPhase();
  }],
  ['gitops: an ExternalSecret wave contradicting its phase', () => {
    const e = estate();
    const app = new GitOpsClusterApp({ layout: layout(e), cluster: e.prod, repositoryDir: '/nonexistent' });
    new SecretsPlatformManifests(new Chart(app, 'c'), 'platform', { declaration: e.declaration, cluster: e.prod, syncWaves: { stores: 1, externalSecrets: 7 } });
    return app.objectsByPhase();
  }],
];
