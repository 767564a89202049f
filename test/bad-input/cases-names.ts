/**
 * Bad inputs about names through the PUBLIC API (the package root only): names the declaration derives
 * (roles, identities, service accounts, outputs, variables), Terraform variable names, and the Reloader
 * pause period. Expected messages: `expected-names.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  Duration, EsoAuthModel, ExternalSecret, GcpIdentityMode, InitialValue, ReloaderWiring, SecretBackend, SecretsDeclaration, SecretStore,
  SecretStoreProvider, StoreScope,
} from '../../lib';
import type { BadInput } from './cases';

function reload(pausePeriod: unknown, kind: 'Deployment' | 'StatefulSet' = 'Deployment'): () => unknown {
  return () => {
    const c = new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
    const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
    const secret = new ExternalSecret(c, 'es', { store, target: { name: 'db' }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] });
    const props = { metadata: { name: 'web' }, containers: [{ image: 'nginx:1.27', ports: [{ number: 80 }] }] };
    const workload = kind === 'Deployment' ? new kplus.Deployment(c, 'web', props) : new kplus.StatefulSet(c, 'web', props);
    return new ReloaderWiring(c, 'reload', { workload, externalSecrets: [secret], pausePeriod: pausePeriod as Duration });
  };
}

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const SM = SecretBackend.AWS_SECRETS_MANAGER;

/** An AWS declaration (one EKS cluster) built by `build`, then planned. */
export function aws(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    build(d);
    return d.plan();
  };
}

function azure(build: (d: SecretsDeclaration, vault: ReturnType<SecretsDeclaration['addKeyVault']>) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', azure: { tenantId: TENANT } });
    d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT}/1/` });
    build(d, d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' }));
    return d.plan();
  };
}

/** A Vault lab declaration (one cluster with Kubernetes auth) built by `build`, then planned. */
export function vault(build: (d: SecretsDeclaration, server: ReturnType<SecretsDeclaration['addVaultServer']>) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'lab' });
    const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
    d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
    build(d, server);
    return d.plan();
  };
}

function google(build: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', gcp: { projectId: 'platform-prod-4711', projectNumber: '314159265358' } });
    build(d);
    return d.plan();
  };
}

export const NAMES_CASES: BadInput[] = [
  // Derived names, reported on the input that produced them
  ['names: two namespaced stores derive one identity id', aws((d) => {
    d.addAwsStore('a', { name: 'a', service: SM, scope: StoreScope.NAMESPACED, namespaces: ['b-c'] });
    d.addAwsStore('a-b', { name: 'a-b', service: SM, scope: StoreScope.NAMESPACED, namespaces: ['c'] });
  })],
  ['names: a store and an existing service account derive one IAM role', aws((d) => {
    d.addAwsStore('team-a', { name: 'team-a', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addAwsStore('b', { name: 'b', service: SM, serviceAccount: { name: 'a', namespace: 'team' } });
  })],
  ['names: IAM role name over 64 characters', aws((d) => d.addAwsStore('a-very-long-store-identifier-that-makes-the-role-name-too-long', {
    name: 'sm', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT,
  }))],
  ['names: two store ids derive one Terraform output', aws((d) => {
    d.addAwsStore('a.b', { name: 'a.b', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addAwsStore('a-b', { name: 'a-b', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  })],
  ['names: Entra identity name with a dot', azure((d, kv) => d.addAzureKeyVaultStore('kv.a', { name: 'kv-a', vault: kv, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT }))],
  ['names: two long store ids truncated to one Entra identity', azure((d, kv) => {
    d.addAzureKeyVaultStore(`${'k'.repeat(130)}-one`, { name: 'one', vault: kv, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addAzureKeyVaultStore(`${'k'.repeat(130)}-two`, { name: 'two', vault: kv, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  })],
  ['names: federated credential name with a dot', azure((d, kv) => d.addAzureKeyVaultStore('kv', { name: 'kv.team-a', vault: kv, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT }))],
  ['names: two stores derive one Google service account', google((d) => {
    d.addGkeCluster('gke', { clusterName: 'gke', projectId: 'platform-prod-4711', location: 'europe-west1' });
    d.addGoogleSecretManagerStore('a.b', { name: 'a.b', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
    d.addGoogleSecretManagerStore('a-b', { name: 'a-b', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
  })],
  ['names: two clusters derive one workload identity pool', google((d) => {
    const a = d.addCluster('on.prem', { clusterName: 'a', oidcIssuerUrl: 'https://oidc.a.example.com' });
    const b = d.addCluster('on-prem', { clusterName: 'b', oidcIssuerUrl: 'https://oidc.b.example.com' });
    d.addGoogleSecretManagerStore('gsm', { name: 'gsm', clusters: [a, b], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  })],
  ['names: pinned Vault role on a namespaced store in two namespaces', vault((d, server) => d.addVaultStore('vault', {
    name: 'vault', server, role: 'eso', scope: StoreScope.NAMESPACED, namespaces: ['team-a', 'team-b'],
  }))],
  ['names: one pinned Vault role on two stores', vault((d, server) => {
    d.addVaultStore('one', { name: 'one', server, role: 'eso', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addVaultStore('two', { name: 'two', server, role: 'eso', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  })],
  ['names: pinned Vault role giving an invalid policy name', vault((d, server) => d.addVaultStore('vault', { name: 'vault', server, role: 'eso@team-a' }))],
  ['names: stores sharing the controller pin two Vault roles', vault((d, server) => {
    d.addVaultStore('one', { name: 'one', server, role: 'eso-one' });
    d.addVaultStore('two', { name: 'two', server, role: 'eso-two' });
  })],

  // Terraform variable names of InitialValue.sensitiveVariable() and of derived variables
  ['names: variable name with a space', aws((d) => d.addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable('db password') }))],
  ['names: variable name reserved', aws((d) => d.addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable('count') }))],
  ['names: variable name undefined', aws((d) => d.addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable(undefined as never) }))],
  ['names: derived parameter variable with a dot', aws((d) => d.addParameter('db.main', { name: '/shop/db' }))],
  ['names: variable name taken by a parameter\'s derived variable', aws((d) => {
    d.addParameter('db', { name: '/shop/db' });
    d.addSecretsManagerSecret('other', { name: 'shop/other', initialValue: InitialValue.sensitiveVariable('parameter_db') });
  })],

  // Reloader pause period: Go's time.ParseDuration, Deployments only
  ['reloader: pausePeriod zero', reload(Duration.ZERO)],
  ['reloader: pausePeriod sub-second', reload(Duration.millis(250))],
  ['reloader: pausePeriod fractional seconds', reload(Duration.millis(2500))],
  ['reloader: pausePeriod NaN', reload(Duration.minutes(NaN))],
  ['reloader: pausePeriod past Go\'s range', reload(Duration.hours(3000000))],
  ['reloader: pausePeriod a number', reload(300)],
  ['reloader: pausePeriod on a StatefulSet', reload(Duration.minutes(5), 'StatefulSet')],
];
