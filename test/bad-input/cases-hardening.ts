/**
 * Bad inputs about secret material, ESO semantics that never deliver and hardening undone through escape
 * hatches, through the PUBLIC API (the package root only), written the way a careless team or an
 * attacker would: credentials pasted into tags, descriptions, annotations and Helm values, plain
 * Secrets in an air-gapped package, rotation defeated by refresh settings, pushes ESO refuses, removed
 * template functions, ESO or Reloader run as root, Vault in dev mode or without TLS or quorum, floating
 * image tags. Expected messages: `expected-hardening.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { Testing, TerraformStack } from 'cdktf';
import {
  Duration, ExternalSecret, ExternalSecretsOperatorRelease, RefreshPolicy, ReloaderHelmRelease, SecretBackend, SecretsDeclaration, SecretStore,
  SecretStoreProvider, VaultHelmRelease, ZarfHelmChart, ZarfManifests, ZarfPackage,
} from '../../lib';
import type { BadInput } from './cases';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const ROTATION = { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', afterDays: 30 };
// Credential shapes, assembled so this file holds no scannable secret.
const AWS_KEY = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const VAULT_TOKEN = ['hvs', 'CAESIAbCdEfGhIjKlMnOpQrStUv'].join('.');
const GITHUB_TOKEN = ['ghp', 'x'.repeat(36)].join('_');

type Declared = (d: SecretsDeclaration, store: ReturnType<SecretsDeclaration['addAwsStore']>) => unknown;

/** A declaration with one EKS cluster and one Secrets Manager store; `build` adds the bad part; plan() runs the rules. */
function declared(build: Declared, props: { tags?: Record<string, string> } = {}): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' }, ...props });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    build(d, store);
    return d.plan();
  };
}

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'hardening');
}

function chart() {
  const c = new Chart(K8sTesting.app(), 'c', { namespace: 'shop' });
  const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
  return { c, store };
}

export const HARDENING_CASES: BadInput[] = [
  // Secret material (CES-SM-1): every declared text that reaches Git or state.
  ['hardening: an access key pasted into the declaration tags', declared(() => undefined, { tags: { 'deployed-by': AWS_KEY } })],
  ['hardening: a database password in a secret description', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', description: 'initial password=Sup3rS3cret!' });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }] });
  })],
  ['hardening: a Vault token in a secret tag', declared((d) => d.addSecretsManagerSecret('db', { name: 'shop/db', tags: { 'vault-token': VAULT_TOKEN } }))],
  ['hardening: a GitHub token in an ExternalSecret template annotation', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], template: { annotations: { 'ci/token': GITHUB_TOKEN } } });
  })],
  ['hardening: a URL with a password in a template annotation', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }],
      template: { annotations: { 'shop/dsn': 'postgres://admin:hunter22@db.shop:5432/app' } } });
  })],
  ['hardening: a token in the query string of a template annotation on the L2 construct', () => {
    const { c, store } = chart();
    return new ExternalSecret(c, 'es', { store, target: { name: 'db', template: { metadata: { annotations: { 'shop/hook': 'https://hooks.example.com/x?token=abcdef0123456789' } } } },
      data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] });
  }],

  // ESO semantics that never deliver (CES-ESO-n).
  ['hardening: an immutable ExternalSecret on a rotating database password', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: ROTATION });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, immutable: true, data: [{ secretKey: 'password', secret: db }] });
  })],
  ['hardening: refreshPolicy OnChange on a rotating secret', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: ROTATION });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, refreshPolicy: RefreshPolicy.ON_CHANGE, extract: [{ secret: db }] });
  })],
  ['hardening: refreshInterval 0 on a rotating secret', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: ROTATION });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, refreshInterval: Duration.seconds(0), data: [{ secretKey: 'password', secret: db }] });
  })],
  ['hardening: a refresh every 60 days on a secret rotating every 30', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: ROTATION });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, refreshInterval: Duration.days(60), data: [{ secretKey: 'password', secret: db }] });
  })],
  ['hardening: a template still using base64decode from engine v1', declared((d, store) => {
    const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret: db }], template: { data: { cert: '{{ .k | base64decode }}' } } });
  })],
  ['hardening: a template reading the controller environment with env on the L2 construct', () => {
    const { c, store } = chart();
    return new ExternalSecret(c, 'es', { store, target: { name: 'db', template: { data: { region: '{{ env "AWS_REGION" }}' } } }, data: [{ secretKey: 'k', remoteRef: { key: 'r' } }] });
  }],
  ['hardening: a PushSecret into a secret the declaration tags managed-by cdk-external-secrets', declared((d, store) => {
    const out = d.addSecretsManagerSecret('out', { name: 'shop/out' });
    d.addPushSecret('out', { name: 'out', namespace: 'shop', store, sourceSecretName: 'generated', destination: out });
  })],

  // Hardening undone through escape hatches (CES-HARD-n, CES-SM-2/3).
  ['hardening: ESO run as root through extraValues', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { securityContext: { runAsUser: 0 } } })],
  ['hardening: ESO webhook with privilege escalation', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { webhook: { securityContext: { allowPrivilegeEscalation: true } } } })],
  ['hardening: ESO cert controller with a writable root filesystem', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { certController: { securityContext: { readOnlyRootFilesystem: false } } } })],
  ['hardening: ESO security context removed with null', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { securityContext: null } })],
  ['hardening: ESO with NET_ADMIN added', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { securityContext: { capabilities: { add: ['NET_ADMIN'] } } } })],
  ['hardening: ESO on the host network', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { hostNetwork: true } })],
  ['hardening: Reloader privileged', () => new ReloaderHelmRelease(stack(), 'reloader', { extraValues: { reloader: { deployment: { containerSecurityContext: { privileged: true } } } } })],
  ['hardening: an AWS key in ESO extraValues annotations', () => new ExternalSecretsOperatorRelease(stack(), 'eso', { extraValues: { podAnnotations: { owner: AWS_KEY } } })],
  ['hardening: Vault in dev mode through extraValues', () => new VaultHelmRelease(stack(), 'vault', { values: { tls: { secretName: 'vault-tls' } }, extraValues: { server: { dev: { enabled: true } } } })],
  ['hardening: Vault TLS switched off through extraValues', () => new VaultHelmRelease(stack(), 'vault', { values: { tls: { secretName: 'vault-tls' } }, extraValues: { global: { tlsDisable: true } } })],
  ['hardening: Vault raft with two replicas', () => new VaultHelmRelease(stack(), 'vault', { values: { tls: { secretName: 'vault-tls' }, replicas: 2 } })],
  ['hardening: Vault injector pointed at http://', () => new VaultHelmRelease(stack(), 'vault', { values: { tls: { secretName: 'vault-tls' } }, extraValues: { injector: { externalVaultAddr: 'http://vault.vault:8200' } } })],
  ['hardening: an acknowledgement of a hardening rule without a reason', () => new ReloaderHelmRelease(stack(), 'reloader', { acknowledgements: [{ ruleId: 'CES-HARD-1', reason: '' }] })],
  ['hardening: a Zarf package carrying ESO at latest', () => new ZarfPackage({ name: 'p', version: '1.0.0', charts: [ZarfHelmChart.externalSecrets({ values: { image: { tag: 'latest' } } })] })],
  ['hardening: a Zarf package carrying Reloader at main', () => new ZarfPackage({ name: 'p', version: '1.0.0', charts: [ZarfHelmChart.reloader({ values: { image: { tag: 'main' } } })] })],
  ['hardening: a plain Secret in a Zarf package', () => new ZarfPackage({ name: 'p', version: '1.0.0',
    manifests: [ZarfManifests.fromObjects('secrets', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: 'aHVudGVyMg==' } }])] })],
  ['hardening: a plain Secret acknowledged away', () => new ZarfPackage({ name: 'p', version: '1.0.0',
    manifests: [ZarfManifests.fromObjects('secrets', [{ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 'hunter2' } }])],
    acknowledgements: [{ ruleId: 'CES-SM-3', reason: 'the cluster has no secret store yet' }] })],
];
