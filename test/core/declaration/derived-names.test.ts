/**
 * Names the declaration derives (identity ids, IAM roles, Entra identities and federated credentials,
 * Google service accounts and pools, Vault roles and policies, Terraform outputs and variables):
 * checked on the derived value, reported on the input that produced it, naming both inputs of a clash.
 */
import {
  EsoAuthModel, IdentityKind, GcpIdentityMode, InitialValue, SecretBackend, SecretsDeclaration, StoreScope,
} from '../../../lib/core';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const AKS_ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT}/11111111-2222-3333-4444-555555555555/`;
const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

function aws(): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
  return d;
}

function azure(clusterId = 'aks'): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', azure: { tenantId: TENANT } });
  d.addAksCluster(clusterId, { clusterName: 'aks', oidcIssuerUrl: AKS_ISSUER });
  return d;
}

function vaultLab() {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
  return { d, server };
}

function google(): SecretsDeclaration {
  return new SecretsDeclaration({ name: 'shop', gcp: GCP });
}

const SM = SecretBackend.AWS_SECRETS_MANAGER;

const SCENARIOS: Record<string, () => unknown> = {
  'identity id clash': () => {
    const d = aws();
    d.addAwsStore('a', { name: 'a', service: SM, scope: StoreScope.NAMESPACED, namespaces: ['b-c'] });
    d.addAwsStore('a-b', { name: 'a-b', service: SM, scope: StoreScope.NAMESPACED, namespaces: ['c'] });
    return d.plan();
  },
  'existing service account id clash': () => {
    const d = aws();
    d.addAwsStore('one', { name: 'one', service: SM, serviceAccount: { name: 'app', namespace: 'team-a' } });
    d.addAwsStore('two', { name: 'two', service: SM, serviceAccount: { name: 'a-app', namespace: 'team' } });
    return d.plan();
  },
  'IAM role name clash': () => {
    const d = aws();
    d.addAwsStore('team-a', { name: 'team-a', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addAwsStore('b', { name: 'b', service: SM, serviceAccount: { name: 'a', namespace: 'team' } });
    return d.plan();
  },
  'IAM role name too long': () => {
    const d = aws();
    d.addAwsStore('a-very-long-store-identifier-that-makes-the-role-name-too-long', { name: 'sm', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'IAM role name too long (controller)': () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('a-very-long-cluster-identifier-for-the-production-fleet', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
    d.addAwsStore('sm', { name: 'sm', service: SM });
    return d.plan();
  },
  'Terraform output clash': () => {
    const d = aws();
    d.addAwsStore('a.b', { name: 'a.b', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addAwsStore('a-b', { name: 'a-b', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'Azure identity name invalid': () => {
    const d = azure();
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    d.addAzureKeyVaultStore('kv.a', { name: 'kv-a', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'Azure identity name clash (truncated)': () => {
    const d = azure();
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    const long = 'k'.repeat(130);
    d.addAzureKeyVaultStore(`${long}-one`, { name: 'one', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addAzureKeyVaultStore(`${long}-two`, { name: 'two', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'federated credential name invalid': () => {
    const d = azure();
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    d.addAzureKeyVaultStore('kv', { name: 'kv.team-a', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'federated credential name too long': () => {
    const d = azure('a-cluster-identifier-that-is-long-enough-to-push-the-federated-credential-name-past-the-limit-of-azure');
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    d.addAzureKeyVaultStore('kv', { name: 'kv', vault });
    return d.plan();
  },
  'Google service account ID clash': () => {
    const d = google();
    d.addGkeCluster('gke', { clusterName: 'gke', projectId: GCP.projectId, location: 'europe-west1' });
    d.addGoogleSecretManagerStore('a.b', { name: 'a.b', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
    d.addGoogleSecretManagerStore('a-b', { name: 'a-b', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, identityMode: GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'workload identity pool clash': () => {
    const d = google();
    const a = d.addCluster('on.prem', { clusterName: 'a', oidcIssuerUrl: 'https://oidc.a.example.com' });
    const b = d.addCluster('on-prem', { clusterName: 'b', oidcIssuerUrl: 'https://oidc.b.example.com' });
    d.addGoogleSecretManagerStore('gsm', { name: 'gsm', clusters: [a, b], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'Vault pinned role on a namespaced store': () => {
    const { d, server } = vaultLab();
    d.addVaultStore('vault', { name: 'vault', server, role: 'eso', scope: StoreScope.NAMESPACED, namespaces: ['team-a', 'team-b'] });
    return d.plan();
  },
  'Vault pinned role on two stores': () => {
    const { d, server } = vaultLab();
    d.addVaultStore('one', { name: 'one', server, role: 'eso', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addVaultStore('two', { name: 'two', server, role: 'eso', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'Vault policy name invalid': () => {
    const { d, server } = vaultLab();
    d.addVaultStore('vault', { name: 'vault', server, role: 'eso@team-a' });
    return d.plan();
  },
  'Vault policy name clash': () => {
    const { d, server } = vaultLab();
    d.addVaultStore('one', { name: 'one', server, role: 'ESO', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addVaultStore('two', { name: 'two', server, role: 'eso', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    return d.plan();
  },
  'Vault stores sharing the controller with different roles': () => {
    const { d, server } = vaultLab();
    d.addVaultStore('one', { name: 'one', server, role: 'eso-one' });
    d.addVaultStore('two', { name: 'two', server, role: 'eso-two' });
    return d.plan();
  },
  'variable name with a space': () => aws().addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable('db password') }),
  'variable name starting with a digit': () => aws().addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable('1password') }),
  'variable name reserved': () => aws().addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable('count') }),
  'variable name undefined': () => aws().addSecretsManagerSecret('db', { name: 'shop/db', initialValue: InitialValue.sensitiveVariable(undefined as never) }),
  'variable name on a Key Vault secret': () => {
    const d = azure();
    const vault = d.addKeyVault('kv', { name: 'shop-kv', resourceGroupName: 'rg', location: 'westeurope' });
    return d.addKeyVaultSecret('db', { name: 'db', vault, initialValue: InitialValue.sensitiveVariable('db.password') });
  },
  'variable name on a Google secret': () => google().addGoogleSecret('db', { name: 'db', initialValue: InitialValue.sensitiveVariable('${var.x}') }),
  'variable name on a Vault secret': () => {
    const { d, server } = vaultLab();
    return d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'], initialValue: InitialValue.sensitiveVariable('-pw') });
  },
  'derived parameter variable invalid': () => aws().addParameter('db.main', { name: '/shop/db' }),
  'derived parameter variable clash': () => {
    const d = aws();
    d.addParameter('db', { name: '/shop/db' });
    d.addSecretsManagerSecret('other', { name: 'shop/other', initialValue: InitialValue.sensitiveVariable('parameter_db') });
    return d.plan();
  },
  'store name too long for its service account': () => aws().addAwsStore('aws', { name: 'a'.repeat(251), service: SM }),
};

// The exact message each scenario fails with, reported on the input the user typed.
const EXPECTED: Record<string, string> = {
  "identity id clash":
    "[shop/stores/a-b] id: received \"a-b\". Allowed: a value whose derived identity id \"store-a-b-c\" (with namespace \"c\") is not also derived from shop/stores/a id \"a\" (namespace \"b-c\"): the two would be merged into one identity (one role or identity trusting only the first service account, construct ids and outputs shared). Fix: rename one of the two so the derived ids differ.",
  "existing service account id clash":
    "[shop/stores/two] serviceAccount.name: received \"a-app\". Allowed: a value whose derived identity id \"sa-team-a-app-aws\" (with namespace \"team\") is not also derived from shop/stores/one serviceAccount.name \"app\" (namespace \"team-a\"): the two would be merged into one identity (one role or identity trusting only the first service account, construct ids and outputs shared). Fix: rename one of the two so the derived ids differ.",
  "IAM role name clash":
    "[shop/stores/team-a] id: received \"team-a\". Allowed: a value whose derived IAM role name \"shop-team-a-eso\" is not also derived from shop/stores/b serviceAccount.name \"a\" (namespace \"team\"): IAM role names are unique in account 111122223333 regardless of case, so the second role could not be created. Fix: rename one of the two so the derived role names differ.",
  "IAM role name too long":
    "[shop/stores/a-very-long-store-identifier-that-makes-the-role-name-too-long] id: received \"a-very-long-store-identifier-that-makes-the-role-name-too-long\". Allowed: a value whose derived IAM role name \"shop-a-very-long-store-identifier-that-makes-the-role-name-too-long-eso\" is valid: 1 to 64 characters among letters, digits and +=,.@_-. Fix: choose a shorter store id (or declaration name).",
  "IAM role name too long (controller)":
    "[shop/clusters/a-very-long-cluster-identifier-for-the-production-fleet] id: received \"a-very-long-cluster-identifier-for-the-production-fleet\". Allowed: a value whose derived IAM role name \"shop-a-very-long-cluster-identifier-for-the-production-fleet-eso-controller\" is valid: 1 to 64 characters among letters, digits and +=,.@_-. Fix: choose a shorter cluster id (or declaration name).",
  "Terraform output clash":
    "[shop/stores/a.b] id: received \"a.b\". Allowed: a value whose derived Terraform output \"eso_role_arn_store_a_b\" is not also derived from shop/stores/a-b id \"a-b\": Terraform keeps one output of a name, so the other identity's value would be lost. Fix: rename one of the two so their ids differ in more than \".\" and \"-\".",
  "Azure identity name invalid":
    "[shop/stores/kv.a] id: received \"kv.a\". Allowed: a value whose derived Entra user-assigned identity name \"shop-kv.a-eso\" is valid: 3 to 128 letters, digits, \"-\" and \"_\", starting with a letter or digit. Fix: use a value without \".\" (Azure identity names allow only letters, digits, \"-\" and \"_\").",
  "Azure identity name clash (truncated)":
    "[shop/stores/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-two] id: received \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-two\". Allowed: a value whose derived Entra user-assigned identity name \"shop-kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\" is not also derived from shop/stores/kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-one id \"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk-one\": Azure names identities uniquely in resource group \"rg\" (regardless of case), so both would share one identity and its federated credentials. Fix: choose a shorter store id (or declaration name) so the first 128 characters of the derived names differ.",
  "federated credential name invalid":
    "[shop/stores/kv] name: received \"kv.team-a\". Allowed: a value whose derived federated credential name \"aks-external-secrets-eso-kv.team-a\" (with cluster \"aks\", service account external-secrets/eso-kv.team-a) is valid: 3 to 120 letters, digits, \"-\" and \"_\", starting with a letter or digit (the name is <cluster id>-<namespace>-<service account>). Fix: use a value without \".\" (credential names allow only letters, digits, \"-\" and \"_\").",
  "federated credential name too long":
    "[shop/clusters/a-cluster-identifier-that-is-long-enough-to-push-the-federated-credential-name-past-the-limit-of-azure] id: received \"a-cluster-identifier-that-is-long-enough-to-push-the-federated-credential-name-past-the-limit-of-azure\". Allowed: a value whose derived federated credential name \"a-cluster-identifier-that-is-long-enough-to-push-the-federated-credential-name-past-the-limit-of-azure-external-secrets-external-secrets\" (with cluster \"a-cluster-identifier-that-is-long-enough-to-push-the-federated-credential-name-past-the-limit-of-azure\", service account external-secrets/external-secrets) is valid: 3 to 120 letters, digits, \"-\" and \"_\", starting with a letter or digit (the name is <cluster id>-<namespace>-<service account>). Fix: use a shorter value so the credential name fits in 120 characters.",
  "Google service account ID clash":
    "[shop/stores/a.b] id: received \"a.b\". Allowed: a value whose derived Google service account ID \"shop-a-b-eso\" is not also derived from shop/stores/a-b id \"a-b\": a project holds one service account of an ID, so both would share shop-a-b-eso@platform-prod-4711.iam.gserviceaccount.com. Fix: rename one of the two so the derived IDs differ (IDs keep only lowercase letters, digits and \"-\").",
  "workload identity pool clash":
    "[shop/clusters/on.prem] id: received \"on.prem\". Allowed: a value whose derived workload identity pool ID \"shop-on-prem\" is not also derived from shop/clusters/on-prem id \"on-prem\": one pool would trust two clusters' issuers under one provider, so one cluster's tokens would be rejected. Fix: rename one of the two clusters so the derived pool IDs differ (IDs keep only lowercase letters, digits and \"-\").",
  "Vault pinned role on a namespaced store":
    "[lab/stores/vault] role: received \"eso\". Allowed: a value whose derived Vault role \"kubernetes-rke2/eso\" (with namespace \"team-b\") is not also derived from lab/stores/vault role \"eso\" (namespace \"team-a\"): Vault keeps one role of a name on an auth mount, so the second would replace the first one's bound service accounts. Fix: pin a role per store (a namespaced store has an identity per namespace: leave role unset there).",
  "Vault pinned role on two stores":
    "[lab/stores/two] role: received \"eso\". Allowed: a value whose derived Vault role \"kubernetes-rke2/eso\" is not also derived from lab/stores/one role \"eso\": Vault keeps one role of a name on an auth mount, so the second would replace the first one's bound service accounts. Fix: pin a role per store (a namespaced store has an identity per namespace: leave role unset there).",
  "Vault policy name invalid":
    "[lab/stores/vault] role: received \"eso@team-a\". Allowed: a value whose derived Vault policy name \"kubernetes-rke2-eso@team-a\" is valid: lowercase letters, digits, \"_\", \".\" and \"-\", starting and ending with a letter or digit, at most 128 characters (the name is <auth mount>-<role>). Fix: use a role name of letters, digits, \"_\", \".\" and \"-\" only.",
  "Vault policy name clash":
    "[lab/stores/two] role: received \"eso\". Allowed: a value whose derived Vault policy name \"kubernetes-rke2-eso\" is not also derived from lab/stores/one role \"ESO\": Vault keeps one policy of a name, so one identity would get the other one's grants. Fix: rename one of the two so the derived (lowercase) policy names differ.",
  "Vault stores sharing the controller with different roles":
    "[lab/stores/two] role: received \"eso-two\". Allowed: the role of the identity this store shares with lab/stores/one (the controller's service account on one cluster is one Vault role: \"eso-one\"); a second pinned role would be ignored. Fix: pin \"eso-one\" here too, or give this store its own service account (authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT).",
  "variable name with a space":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"db password\"). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "variable name starting with a digit":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"1password\"). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "variable name reserved":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"count\"). Allowed: a Terraform variable name other than source, version, providers, count, for_each, lifecycle, depends_on and locals (reserved for module blocks). Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "variable name undefined":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(undefined). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "variable name on a Key Vault secret":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"db.password\"). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "variable name on a Google secret":
    "[shop/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"${var.x}\"). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "variable name on a Vault secret":
    "[lab/secrets/db] initialValue: received InitialValue.sensitiveVariable(\"-pw\"). Allowed: a Terraform identifier: letters, digits, \"_\" and \"-\", starting with a letter or \"_\". Fix: pass InitialValue.sensitiveVariable() a name such as \"db_password\".",
  "derived parameter variable invalid":
    "[shop/secrets/db.main] id: received \"db.main\". Allowed: a value whose derived Terraform variable name \"parameter_db.main\" is valid: letters, digits, \"_\" and \"-\", starting with a letter or \"_\" (a Parameter Store SecureString without initialValue is created from the sensitive variable parameter_<id>). Fix: use an id without \".\", or pass initialValue: InitialValue.sensitiveVariable(\"<name>\").",
  "derived parameter variable clash":
    "[shop/secrets/other] initialValue: received InitialValue.sensitiveVariable(\"parameter_db\"). Allowed: a value whose derived Terraform variable \"parameter_db\" is not also derived from shop/secrets/db id \"db\": a Parameter Store SecureString without initialValue is created from its own variable parameter_<id>, so the two secrets would silently get one value. Fix: name another variable in InitialValue.sensitiveVariable(), or give the parameter its own initialValue.",
  "store name too long for its service account":
    "[shop/stores/aws] name: received \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\". Allowed: a value whose derived service account name \"eso-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" is valid: a DNS-1123 subdomain of at most 253 characters (\"eso-\" and the store name). Fix: use a store name of at most 249 characters.",
};

describe('derived names', () => {
  test('every scenario has its expected message', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  test.each(Object.keys(SCENARIOS))('%s fails with the exact message', (name) => {
    // GIVEN a declaration whose inputs derive an invalid or clashing name / WHEN it is planned or declared
    // THEN the library's error, at the input that produced the name
    expect(SCENARIOS[name]).toThrow(EXPECTED[name]);
  });

  test('names that differ are accepted: a namespaced store per namespace, stores sharing the controller with one pinned role', () => {
    // GIVEN
    const { d, server } = vaultLab();
    d.addVaultStore('ns', { name: 'ns', server, scope: StoreScope.NAMESPACED, namespaces: ['team-a', 'team-b'] });
    d.addVaultStore('one', { name: 'one', server, role: 'eso' });
    d.addVaultStore('two', { name: 'two', server, role: 'eso' });
    // WHEN
    const identities = d.plan().identities;
    // THEN
    expect(identities.map((i) => [i.id, i.vault?.roleName, i.vault?.policyName])).toEqual([
      ['controller-rke2-vault', 'eso', 'kubernetes-rke2-eso'],
      ['store-ns-team-a', 'lab-ns-team-a-eso', 'kubernetes-rke2-lab-ns-team-a-eso'],
      ['store-ns-team-b', 'lab-ns-team-b-eso', 'kubernetes-rke2-lab-ns-team-b-eso'],
    ]);
  });

  test('an IAM role name of exactly 64 characters and two secrets sharing one named variable are accepted', () => {
    // GIVEN
    const d = aws();
    const id = 'x'.repeat(64 - 'shop--eso'.length);
    d.addAwsStore(id, { name: 'sm', service: SM, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addSecretsManagerSecret('a', { name: 'shop/a', initialValue: InitialValue.sensitiveVariable('shared_pw') });
    d.addSecretsManagerSecret('b', { name: 'shop/b', initialValue: InitialValue.sensitiveVariable('shared_pw') });
    // WHEN
    const identity = d.plan().identities.find((i) => i.id === `store-${id}`)!;
    // THEN
    expect(identity.aws!.roleName).toHaveLength(64);
    expect(identity.kind).toBe(IdentityKind.AWS_IRSA);
  });
});
