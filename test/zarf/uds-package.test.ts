import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { AwsIdentityMode, GcpIdentityMode, SecretBackend, SecretsDeclaration, VaultAuthKind } from '../../lib/core';
import { UdsPackage } from '../../lib/zarf';

const UPSTREAM = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream');
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const EKS_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

/** The UDS Core 1.11 `Package` schema (draft-06; the `$schema` keyword is left to Ajv's default draft). */
function udsPackageErrors(doc: unknown): unknown[] {
  const schema = JSON.parse(fs.readFileSync(path.join(UPSTREAM, 'uds', 'package-v1alpha1.schema.json'), 'utf8')) as { $schema?: string };
  delete schema.$schema;
  const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
  return validate(doc) ? [] : validate.errors ?? [];
}

function expectValidUdsPackage(doc: unknown): void {
  expect(udsPackageErrors(doc)).toEqual([]);
}

const SELECTOR = { 'app.kubernetes.io/name': 'external-secrets' };
const KUBE_API = [
  { direction: 'Egress', remoteGenerated: 'KubeAPI', description: 'Kubernetes API server (ESO controller, webhook, cert controller)' },
  { direction: 'Ingress', remoteGenerated: 'KubeAPI', selector: { 'app.kubernetes.io/name': 'external-secrets-webhook' }, port: 10250, description: 'Kubernetes API server to the ESO validating webhook' },
];

describe('UdsPackage: ESO\'s network allow list from the declaration', () => {
  test('EKS with IRSA: Secrets Manager and Parameter Store of the region, regional STS; nothing else', () => {
    // GIVEN two AWS stores read on an IRSA cluster
    const d = new SecretsDeclaration({ name: 'gov', aws: { accountId: '111122223333', region: 'us-gov-west-1' } });
    const cluster = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.us-gov-west-1.amazonaws.com/id/ABC' });
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    const param = d.addParameter('cfg', { name: '/app/cfg', managedElsewhere: true });
    const sm = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const ps = d.addAwsStore('ps', { name: 'ps', service: SecretBackend.AWS_PARAMETER_STORE });
    d.addExternalSecret('db', { name: 'db', namespace: 'app', store: sm, data: [{ secretKey: 'k', secret }] });
    d.addExternalSecret('cfg', { name: 'cfg', namespace: 'app', store: ps, data: [{ secretKey: 'k', secret: param }] });
    // WHEN
    const doc = new UdsPackage({ declaration: d, cluster }).toJson();
    // THEN
    expect(doc).toEqual({
      apiVersion: 'uds.dev/v1alpha1', kind: 'Package', metadata: { name: 'external-secrets', namespace: 'external-secrets' },
      spec: {
        network: {
          allow: [
            ...KUBE_API,
            { direction: 'Egress', selector: SELECTOR, remoteHost: 'secretsmanager.us-gov-west-1.amazonaws.com', remoteProtocol: 'TLS', port: 443, description: 'AWS Secrets Manager secretsmanager.us-gov-west-1.amazonaws.com (stores sm)' },
            { direction: 'Egress', selector: SELECTOR, remoteHost: 'ssm.us-gov-west-1.amazonaws.com', remoteProtocol: 'TLS', port: 443, description: 'AWS Systems Manager Parameter Store ssm.us-gov-west-1.amazonaws.com (stores ps)' },
            { direction: 'Egress', selector: SELECTOR, remoteHost: 'sts.us-gov-west-1.amazonaws.com', remoteProtocol: 'TLS', port: 443, description: 'AWS STS (web identity, role chaining) sts.us-gov-west-1.amazonaws.com (stores ps, sm)' },
          ],
        },
      },
    });
    expectValidUdsPackage(doc);
    // and the schema check is real: an unknown direction or field fails it
    expect(udsPackageErrors({ ...doc, spec: { network: { allow: [{ direction: 'Sideways' }] } } })).not.toEqual([]);
    expect(udsPackageErrors({ ...doc, spec: { network: { allow: [{ direction: 'Egress', remoteHosts: 'x' }] } } })).not.toEqual([]);
  });

  test('EKS Pod Identity: the agent on the node instead of STS', () => {
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const cluster = d.addEksCluster('prod', { clusterName: 'prod', identityMode: AwsIdentityMode.POD_IDENTITY });
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    d.addExternalSecret('db', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
    const pkg = new UdsPackage({ declaration: d, cluster, name: 'eso', webhookPort: 9443 });
    expect(pkg.allow.slice(1)).toEqual([
      { ...KUBE_API[1], port: 9443 },
      { direction: 'Egress', selector: SELECTOR, remoteCidr: '169.254.170.23/32', port: 80, description: 'EKS Pod Identity agent (on the node) 169.254.170.23/32 (stores sm)' },
      { direction: 'Egress', selector: SELECTOR, remoteHost: 'secretsmanager.eu-west-1.amazonaws.com', remoteProtocol: 'TLS', port: 443, description: 'AWS Secrets Manager secretsmanager.eu-west-1.amazonaws.com (stores sm)' },
    ]);
    expectValidUdsPackage(pkg.toJson());
    expect(pkg.toJson().metadata).toEqual({ name: 'eso', namespace: 'external-secrets' });
  });

  test('Azure Key Vault on EKS: the vault and Entra ID; Google with impersonation: Secret Manager, STS, IAM credentials', () => {
    const d = new SecretsDeclaration({ name: 'x', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: TENANT }, gcp: { projectId: 'shop-prod', projectNumber: '123456789012' } });
    const eks = d.addEksCluster('prod', { clusterName: 'eks-prod', oidcIssuerUrl: EKS_ISSUER });
    const gke = d.addGkeCluster('gke', { clusterName: 'gke', projectId: 'shop-prod', location: 'europe-west1' });
    const vault = d.addKeyVault('kv', { name: 'kv-shared-prod', resourceGroupName: 'rg-sec', location: 'westeurope' });
    const token = d.addKeyVaultSecret('token', { vault, name: 'api-token' });
    const azure = d.addAzureKeyVaultStore('azure', { name: 'azure', vault, clusters: [eks] });
    d.addExternalSecret('token', { name: 'token', namespace: 'apps', store: azure, data: [{ secretKey: 'token', secret: token }] });
    const db = d.addGoogleSecret('db', { name: 'db', managedElsewhere: true });
    const gsm = d.addGoogleSecretManagerStore('gsm', { name: 'gsm', identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
    d.addExternalSecret('db', { name: 'db', namespace: 'app', store: gsm, data: [{ secretKey: 'k', secret: db }] });
    // WHEN / THEN: each cluster gets only its own stores' endpoints
    expect(new UdsPackage({ declaration: d, cluster: eks }).allow.slice(2).map((r) => [r.remoteHost, r.port])).toEqual([
      ['kv-shared-prod.vault.azure.net', 443], ['login.microsoftonline.com', 443],
    ]);
    const google = new UdsPackage({ declaration: d, cluster: gke });
    expect(google.allow.slice(2).map((r) => r.remoteHost)).toEqual(['iamcredentials.googleapis.com', 'secretmanager.googleapis.com', 'sts.googleapis.com']);
    expectValidUdsPackage(google.toJson());
  });

  test('Vault: an external server by host and port, an in-cluster one by namespace', () => {
    const d = new SecretsDeclaration({ name: 'onprem' });
    const cluster = d.addCluster('rke2', { clusterName: 'rke2', oidcIssuerUrl: 'https://rke2.example.internal' });
    const external = d.addVaultServer('ext', { address: 'https://vault.example.internal:8200' });
    const local = d.addVaultServer('local', { address: 'http://vault.vault.svc:8200', allowInsecureHttp: true });
    for (const [id, server] of [['ext', external], ['local', local]] as const) {
      d.addVaultAuth(id, { server, cluster, kind: VaultAuthKind.JWT });
      const secret = d.addVaultSecret(id, { server, path: `apps/${id}`, properties: ['p'], managedElsewhere: true });
      const store = d.addVaultStore(id, { name: id, server });
      d.addExternalSecret(id, { name: id, namespace: 'apps', store, data: [{ secretKey: 'p', secret, property: 'p' }] });
    }
    const pkg = new UdsPackage({ declaration: d, cluster });
    expect(pkg.allow.slice(2)).toEqual([
      { direction: 'Egress', selector: SELECTOR, remoteNamespace: 'vault', port: 8200, description: 'HashiCorp Vault (in the cluster) namespace vault (stores local)' },
      { direction: 'Egress', selector: SELECTOR, remoteHost: 'vault.example.internal', remoteProtocol: 'TLS', port: 8200, description: 'HashiCorp Vault vault.example.internal (stores ext)' },
    ]);
    expectValidUdsPackage(pkg.toJson());
  });

  test('refuses a cluster of another declaration, and a name Kubernetes rejects', () => {
    const d = new SecretsDeclaration({ name: 'a' });
    const other = new SecretsDeclaration({ name: 'b' }).addCluster('c', { clusterName: 'c', oidcIssuerUrl: 'https://c.example.internal' });
    expect(() => new UdsPackage({ declaration: d, cluster: other })).toThrow(
      '[UdsPackage] cluster: received "c". Allowed: a cluster declared in this declaration. Fix: declare it first with declaration.addEksCluster() and pass the returned object.');
    const cluster = d.addCluster('c', { clusterName: 'c', oidcIssuerUrl: 'https://c.example.internal' });
    expect(() => new UdsPackage({ declaration: d, cluster, name: 'ESO' })).toThrow(/^\[UdsPackage\] name: received "ESO"\. Allowed: /);
  });
});
