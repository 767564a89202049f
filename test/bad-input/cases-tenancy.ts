/**
 * Bad inputs about tenant isolation, trust and the one validation path, through the PUBLIC API (the
 * package root only), written the way a careless team or an attacker would: every route from a consumer
 * in a tenant's namespace to another tenant's secret (finds, widened store namespaces, shared identities,
 * pushes), system namespaces and cluster-wide groups, identities shared across clusters, pool-wide Google
 * members, and options one app used to accept while the other refused. Expected messages:
 * `expected-tenancy.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { Construct } from 'constructs';
import { TerraformStack, Testing } from 'cdktf';
import {
  CreationPolicy, DeletionPolicy, EsoAuthModel, ExternalSecretsTenantAccess, GcpPrincipal, GcpProject, GoogleSecretManagerSecret, InitialValue, SecretBackend, SecretsDeclaration, StoreScope,
} from '../../lib';
import type { BadInput } from './cases';

const SM = SecretBackend.AWS_SECRETS_MANAGER;
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

type Secret = ReturnType<SecretsDeclaration['addSecretsManagerSecret']>;
interface Estate {
  readonly d: SecretsDeclaration;
  readonly payDb: Secret;
  readonly shopDb: Secret;
  readonly shared: Secret;
}

/** Two teams (payments, shop) on one EKS cluster, each owning its database secret, and a platform secret of no tenant. */
function tenants(build: (e: Estate) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'corp', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const payDb = d.addSecretsManagerSecret('pay-db', { name: 'payments/db' });
    const shopDb = d.addSecretsManagerSecret('shop-db', { name: 'shop/db' });
    const shared = d.addSecretsManagerSecret('broker', { name: 'platform/broker' });
    d.addTenant('payments', { namespaces: ['payments'], groups: ['payments-devs'], secrets: [payDb], allowPushSecrets: true });
    d.addTenant('shop', { namespaces: ['shop'], groups: ['shop-devs'], secrets: [shopDb] });
    build({ d, payDb, shopDb, shared });
    return d.plan();
  };
}

/** A declaration with one tenant given the namespaces and groups under test. */
function tenant(namespaces: string[], groups: string[] = ['team-devs']): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'corp' });
    d.addTenant('team', { namespaces, groups });
    return d.plan();
  };
}

const GCP = { projectId: 'corp-4711', projectNumber: '314159265358' };

/** Two GKE clusters (prod, dev) in one Google project, and one Google secret. */
function gke(build: (d: SecretsDeclaration, prod: ReturnType<SecretsDeclaration['addGkeCluster']>, dev: ReturnType<SecretsDeclaration['addGkeCluster']>,
  db: ReturnType<SecretsDeclaration['addGoogleSecret']>) => unknown): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'corp', gcp: GCP });
    const prod = d.addGkeCluster('prod', { clusterName: 'prod', projectId: GCP.projectId, location: 'europe-west1' });
    const dev = d.addGkeCluster('dev', { clusterName: 'dev', projectId: GCP.projectId, location: 'europe-west1' });
    build(d, prod, dev, d.addGoogleSecret('db', { name: 'db' }));
    return d.plan();
  };
}

function googleStack(): { stack: TerraformStack; secret: GoogleSecretManagerSecret } {
  const stack = new TerraformStack(Testing.app(), 's');
  const project = GcpProject.fromProjectAttributes(stack, 'Project', GCP);
  return { stack, secret: new GoogleSecretManagerSecret(stack, 'Db', { project, secretId: 'db' }) };
}

export const TENANCY_CASES: BadInput[] = [
  // Finds reaching another tenant's secret (CES-TEN-2)
  ['tenancy: a find in one tenant\'s namespace matching every database', tenants(({ d }) => {
    const store = d.addAwsStore('pay', { name: 'pay', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('dbs', { name: 'dbs', namespace: 'payments', store, find: [{ nameRegexp: '.*/db' }] });
  })],
  ['tenancy: a find by path from a platform namespace into a tenant\'s secrets', tenants(({ d }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('peek', { name: 'peek', namespace: 'ops', store, find: [{ path: 'shop/' }] });
  })],
  ['tenancy: a find by path prefix one character short of the tenant\'s own', tenants(({ d }) => {
    const store = d.addAwsStore('pay', { name: 'pay', service: SM, scope: StoreScope.NAMESPACED });
    d.addExternalSecret('p', { name: 'p', namespace: 'payments', store, find: [{ path: 's' }] });
  })],
  // Stores admitting a namespace that reaches another tenant's secret (CES-TEN-3)
  ['tenancy: a tenant store\'s namespaces widened to the other tenant', tenants(({ d, payDb }) => {
    const store = d.addAwsStore('pay', { name: 'pay', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, namespaces: ['payments', 'shop'] });
    d.addExternalSecret('db', { name: 'db', namespace: 'payments', store, data: [{ secretKey: 'url', secret: payDb }] });
  })],
  ['tenancy: a tenant store\'s namespaces widened to a namespace nobody declared', tenants(({ d, payDb }) => {
    const store = d.addAwsStore('pay', { name: 'pay', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, namespaces: ['payments', 'sandbox'] });
    d.addExternalSecret('db', { name: 'db', namespace: 'payments', store, data: [{ secretKey: 'url', secret: payDb }] });
  })],
  ['tenancy: a platform store on the controller identity a tenant store also uses', tenants(({ d, payDb, shared }) => {
    const pay = d.addAwsStore('pay', { name: 'pay', service: SM });
    d.addExternalSecret('db', { name: 'db', namespace: 'payments', store: pay, data: [{ secretKey: 'url', secret: payDb }] });
    const ops = d.addAwsStore('ops', { name: 'ops', service: SM });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store: ops, data: [{ secretKey: 'url', secret: shared }] });
  })],
  ['tenancy: one ClusterSecretStore identity for a tenant and a platform namespace', tenants(({ d, payDb, shared }) => {
    const store = d.addAwsStore('mixed', { name: 'mixed', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('db', { name: 'db', namespace: 'payments', store, data: [{ secretKey: 'url', secret: payDb }] });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store, data: [{ secretKey: 'url', secret: shared }] });
  })],
  // Pushes writing what another tenant reads (CES-TEN-4)
  ['tenancy: a tenant pushes into the platform secret the other tenant reads', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ns', { name: 'ns', service: SM, scope: StoreScope.NAMESPACED });
    d.addPushSecret('swap', { name: 'swap', namespace: 'payments', store, sourceSecretName: 'forged', destination: shared });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'shop', store, data: [{ secretKey: 'url', secret: shared }] });
  })],
  ['tenancy: a tenant pushes into a secret a platform namespace finds', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ns', { name: 'ns', service: SM, scope: StoreScope.NAMESPACED });
    d.addPushSecret('swap', { name: 'swap', namespace: 'payments', store, sourceSecretName: 'forged', destination: shared });
    const ops = d.addAwsStore('ops', { name: 'ops', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('all', { name: 'all', namespace: 'ops', store: ops, find: [{ path: 'platform/' }] });
  })],
  ['tenancy: a tenant owning a store instead of a secret (JavaScript)', tenants(({ d }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM });
    d.addTenant('infra', { namespaces: ['infra'], groups: ['infra-devs'], secrets: [store as never] });
  })],
  // System namespaces (CES-TEN-5) and cluster-wide groups (CES-TEN-6)
  ['tenancy: a tenant owning kube-system', tenant(['apps', 'kube-system'])],
  ['tenancy: a tenant owning kube-public', tenant(['kube-public'])],
  ['tenancy: a tenant owning default', tenant(['default'])],
  ['tenancy: a tenant owning the ESO controller\'s namespace', tenant(['external-secrets'])],
  ['tenancy: a tenant owning the namespace of a ClusterSecretStore\'s service account', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM, serviceAccount: { name: 'reader', namespace: 'secrets-system' } });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store, data: [{ secretKey: 'url', secret: shared }] });
    d.addTenant('infra', { namespaces: ['secrets-system'], groups: ['infra-devs'] });
  })],
  ['tenancy: tenant group system:authenticated', tenant(['apps'], ['team-devs', 'system:authenticated'])],
  ['tenancy: tenant group system:unauthenticated', tenant(['apps'], ['system:unauthenticated'])],
  ['tenancy: tenant group system:serviceaccounts', tenant(['apps'], ['system:serviceaccounts'])],
  ['tenancy: tenant group of another namespace\'s service accounts', tenant(['apps'], ['system:serviceaccounts:kube-system'])],
  ['tenancy: tenant group system:masters', tenant(['apps'], ['system:masters'])],
  ['tenancy: tenant group system:nodes', tenant(['apps'], ['system:nodes'])],
  ['tenancy: the tenant RBAC construct bound to every authenticated user', () => new ExternalSecretsTenantAccess(new Chart(K8sTesting.app(), 'c'), 'access', {
    tenant: 'shop', namespaces: ['shop'], groups: ['shop-devs', 'system:authenticated'],
  })],
  // Service accounts any pod can use (CES-TEN-7, CES-TEN-8)
  ['tenancy: a tenant store on an existing service account of the tenant\'s namespace', tenants(({ d, payDb }) => {
    const store = d.addAwsStore('pay', { name: 'pay', service: SM, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'api' } });
    d.addExternalSecret('db', { name: 'db', namespace: 'payments', store, data: [{ secretKey: 'url', secret: payDb }] });
  })],
  ['tenancy: a namespaced store on the namespace\'s default service account', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM, scope: StoreScope.NAMESPACED, serviceAccount: { name: 'default' } });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store, data: [{ secretKey: 'url', secret: shared }] });
  })],
  ['tenancy: a ClusterSecretStore on the default service account of namespace default', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM, serviceAccount: { name: 'default', namespace: 'default' } });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store, data: [{ secretKey: 'url', secret: shared }] });
  })],
  ['tenancy: acknowledging a rule without legitimate exception', tenants(({ d }) => d.acknowledge({ ruleId: 'CES-TEN-6', reason: 'every engineer may read these' }))],
  ['tenancy: acknowledging with a one-word reason', tenants(({ d }) => d.acknowledge({ ruleId: 'CES-TEN-7', reason: 'fine' }))],
  // Trust (CES-TR-1, CES-TR-2) and pool-wide Google members
  ['trust: a store trusted on a cluster where nothing uses it', () => {
    const d = new SecretsDeclaration({ name: 'corp', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    const dev = d.addEksCluster('dev', { clusterName: 'dev', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DEV' });
    const db = d.addSecretsManagerSecret('db', { name: 'prod/db' });
    const store = d.addAwsStore('s', { name: 's', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [prod, dev] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, clusters: [prod], data: [{ secretKey: 'url', secret: db }] });
    return d.plan();
  }],
  ['trust: a prod grant to the GKE controller reaches the dev cluster of the same project', gke((d, prod, _dev, db) => {
    const store = d.addGoogleSecretManagerStore('s', { name: 's', clusters: [prod] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, data: [{ secretKey: 'url', secret: db }] });
  })],
  ['trust: a dev store naming the service account a prod store derives, in one GKE project', gke((d, prod, dev, db) => {
    const onProd = d.addGoogleSecretManagerStore('s', { name: 's', clusters: [prod], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('p', { name: 'p', namespace: 'apps', store: onProd, data: [{ secretKey: 'url', secret: db }] });
    const onDev = d.addGoogleSecretManagerStore('d', { name: 'd', clusters: [dev], serviceAccount: { name: 'eso-s', namespace: 'external-secrets' } });
    d.addExternalSecret('d', { name: 'd', namespace: 'apps', store: onDev, data: [{ secretKey: 'url', secret: db }] });
  })],
  ['trust: a principalSet over a whole GKE pool as a member', () => GcpPrincipal.fromMember(new TerraformStack(Testing.app(), 's'), 'Everyone',
    'principalSet://iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/corp-4711.svc.id.goog/*')],
  ['trust: a principalSet over a namespace of a GKE pool as a member', () => GcpPrincipal.fromMember(new TerraformStack(Testing.app(), 's'), 'Namespace',
    'principalSet://iam.googleapis.com/projects/314159265358/locations/global/workloadIdentityPools/corp-4711.svc.id.goog/namespace/apps')],
  ['trust: a hand-made principal with a pool-wide member granted a secret', () => {
    const { stack, secret } = googleStack();
    const everyone = Object.assign(new Construct(stack, 'Everyone'), { member: 'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/*' });
    return secret.grantRead(everyone);
  }],
  // Options one app used to accept while the other refused (now refused where declared)
  ['one path: deletionPolicy Delete with creationPolicy Merge', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store, data: [{ secretKey: 'url', secret: shared }], creationPolicy: CreationPolicy.MERGE, deletionPolicy: DeletionPolicy.DELETE });
  })],
  ['one path: an unknown refreshPolicy from JavaScript', tenants(({ d, shared }) => {
    const store = d.addAwsStore('ops', { name: 'ops', service: SM });
    d.addExternalSecret('broker', { name: 'broker', namespace: 'ops', store, data: [{ secretKey: 'url', secret: shared }], refreshPolicy: 'Always' as never });
  })],
  ['one path: a generated password for a Key Vault secret', () => {
    const d = new SecretsDeclaration({ name: 'corp', azure: { tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' } });
    const vault = d.addKeyVault('kv', { name: 'corp-kv', resourceGroupName: 'rg', location: 'westeurope' });
    return d.addKeyVaultSecret('pw', { vault, name: 'pw', initialValue: InitialValue.generatedPassword() });
  }],
  ['one path: a find through a Google Secret Manager store', gke((d, prod, _dev, _db) => {
    const store = d.addGoogleSecretManagerStore('s', { name: 's', clusters: [prod] });
    d.addExternalSecret('all', { name: 'all', namespace: 'apps', store, find: [{ nameRegexp: '.*' }] });
  })],
];
