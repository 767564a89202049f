import { TerraformVariable } from 'cdktf';
import { Duration } from '../../lib/core';
import {
  KubernetesTokenReviewer, VaultDynamicSecretPath, VaultJwtAuthMount, VaultJwtAuthRole, VaultKubernetesAuthMount, VaultKubernetesAuthRole,
  VaultKvMount, VaultKvSecret, VaultPolicy,
} from '../../lib/vault';
import { valueLeaks } from '../helpers/terraform';
import { all, one, policyRules, synth, validationErrors, vaultStack } from './helpers';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const PUBKEY = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n';
const HOST = 'https://rke2.example.internal:6443';

function k8sAuth(stack: ReturnType<typeof vaultStack>, extra: Partial<ConstructorParameters<typeof VaultKubernetesAuthMount>[2]> = {}): VaultKubernetesAuthMount {
  return new VaultKubernetesAuthMount(stack, 'Auth', { clusterName: 'rke2-prod', kubernetesHost: HOST, kubernetesCaCert: CA, ...extra });
}

describe('VaultKubernetesAuthMount', () => {
  test('one mount per cluster, client JWT as reviewer, local CA/JWT disabled', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN
    const auth = k8sAuth(stack, { issuer: 'https://kubernetes.default.svc.cluster.local' });
    // THEN
    const out = synth(stack);
    expect(one(out, 'vault_auth_backend', 'path', 'kubernetes-rke2-prod')).toEqual({
      type: 'kubernetes', path: 'kubernetes-rke2-prod', description: 'Kubernetes auth for cluster rke2-prod',
    });
    const config = all(out, 'vault_kubernetes_auth_backend_config')[0];
    expect(config).toMatchObject({
      kubernetes_host: HOST, kubernetes_ca_cert: CA, disable_local_ca_jwt: true,
      issuer: 'https://kubernetes.default.svc.cluster.local', disable_iss_validation: false,
    });
    expect(config).not.toHaveProperty('token_reviewer_jwt');
    expect(config.backend).toMatch(/^\$\{vault_auth_backend\..+\.path\}$/);
    expect(auth.mountPath).toBe('kubernetes-rke2-prod');
    expect(auth.reviewer.requiresClientAuthDelegator).toBe(true);
  });

  test('Vault in the cluster: default in-cluster host, no CA, local JWT kept', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN
    const auth = new VaultKubernetesAuthMount(stack, 'Auth', { clusterName: 'lab', path: 'kubernetes', reviewer: KubernetesTokenReviewer.vaultInCluster() });
    // THEN
    const config = all(synth(stack), 'vault_kubernetes_auth_backend_config')[0];
    expect(config).toMatchObject({ kubernetes_host: 'https://kubernetes.default.svc:443', disable_local_ca_jwt: false });
    expect(config).not.toHaveProperty('kubernetes_ca_cert');
    expect(auth.reviewer.requiresClientAuthDelegator).toBe(false);
  });

  test('a reviewer JWT from a sensitive variable', () => {
    // GIVEN
    const stack = vaultStack();
    const jwt = new TerraformVariable(stack, 'reviewer_jwt', { type: 'string', sensitive: true });
    // WHEN
    k8sAuth(stack, { reviewer: KubernetesTokenReviewer.reviewerJwt(jwt) });
    // THEN
    const out = synth(stack);
    expect(all(out, 'vault_kubernetes_auth_backend_config')[0]).toMatchObject({ token_reviewer_jwt: '${var.reviewer_jwt}' });
    expect(valueLeaks(out)).toEqual([]);
  });

  test('a non-sensitive reviewer JWT is rejected', () => {
    // GIVEN
    const stack = vaultStack();
    const jwt = new TerraformVariable(stack, 'reviewer_jwt', { type: 'string' });
    // WHEN / THEN
    expect(() => KubernetesTokenReviewer.reviewerJwt(jwt)).toThrow(
      '[KubernetesTokenReviewer.reviewerJwt] variable: received "<reviewer JWT, value not shown>". Allowed: a TerraformVariable declared with sensitive: true (a reviewer token is a credential). ' +
      'Fix: declare new TerraformVariable(scope, id, { type: "string", sensitive: true }) and pass KubernetesTokenReviewer.reviewerJwt(variable), or keep the default client-JWT reviewer.');
  });

  test('Vault outside the cluster needs the CA', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthMount(stack, 'Auth', { clusterName: 'c', kubernetesHost: HOST })).toThrow(
      '[test/Auth] kubernetesCaCert: received undefined. Allowed: the PEM CA certificate of the Kubernetes API server when Vault runs outside the cluster ' +
      '(Vault must verify the API server it sends TokenReviews to). Fix: pass kubernetesCaCert (for example the cluster resource\'s certificate authority data, decoded), ' +
      'or use KubernetesTokenReviewer.vaultInCluster() if Vault runs in this cluster.');
  });

  test('Vault outside the cluster needs the host', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthMount(stack, 'Auth', { clusterName: 'c', kubernetesCaCert: CA })).toThrow(
      '[test/Auth] kubernetesHost: received undefined. Allowed: a non-empty value. Fix: pass the API server URL Vault reaches the cluster at, for example "https://api.rke2.example.internal:6443".');
  });

  test('the API server must be https', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => k8sAuth(stack, { kubernetesHost: 'http://10.0.0.1:6443' })).toThrow(
      '[test/Auth] kubernetesHost: received "http://10.0.0.1:6443". Allowed: an https:// URL of the Kubernetes API server. ' +
      'Fix: pass the API server endpoint with https://, for example "https://api.rke2.example.internal:6443".');
  });

  test('the cluster name is a DNS label', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => k8sAuth(stack, { clusterName: 'RKE2_prod' })).toThrow('[test/Auth] clusterName: received "RKE2_prod". Allowed: a DNS-1123 label');
  });
});

describe('VaultKubernetesAuthRole', () => {
  test('binds exact service accounts with an audience, TTLs and a policy compiled from grants', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = k8sAuth(stack, { namespace: 'admin' });
    const kv = VaultKvMount.fromMountPath(stack, 'Kv', 'secret', { namespace: 'admin' });
    const jenkins = VaultKvSecret.fromSecretPath(stack, 'Jenkins', kv, 'jenkins/admin');
    const role = new VaultKubernetesAuthRole(stack, 'Role', {
      mount: auth, roleName: 'eso-jenkins', serviceAccounts: [{ namespace: 'jenkins', name: 'eso-jenkins' }],
      tokenTtl: Duration.minutes(30), tokenMaxTtl: Duration.hours(2),
    });
    // WHEN
    jenkins.grantRead(role);
    // THEN
    const out = synth(stack);
    const body = one(out, 'vault_kubernetes_auth_backend_role', 'role_name', 'eso-jenkins');
    expect(body).toMatchObject({
      namespace: 'admin',
      bound_service_account_names: ['eso-jenkins'],
      bound_service_account_namespaces: ['jenkins'],
      audience: 'vault', token_ttl: 1800, token_max_ttl: 7200,
      token_policies: [`${'$'}{vault_policy.${role.compiledPolicy!.resource.friendlyUniqueId}.name}`],
    });
    const policy = one(out, 'vault_policy', 'name', 'kubernetes-rke2-prod-eso-jenkins');
    expect(policy.namespace).toBe('admin');
    expect(policyRules(policy.policy)).toEqual({ 'secret/data/jenkins/admin': ['read'] });
    expect(role.requiresAuthDelegator).toBe(true);
    expect(role.compiledPolicy?.policyName).toBe('kubernetes-rke2-prod-eso-jenkins');
  });

  test('extra policies are attached; a role without any policy fails validation', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = VaultKubernetesAuthMount.fromMountPath(stack, 'Auth', 'kubernetes');
    const shared = VaultPolicy.fromPolicyName(stack, 'Shared', 'eso-shared');
    // WHEN
    new VaultKubernetesAuthRole(stack, 'Role', { mount: auth, roleName: 'external-secrets', serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }], policies: [shared] });
    const empty = vaultStack();
    new VaultKubernetesAuthRole(empty, 'Role', { mount: VaultKubernetesAuthMount.fromMountPath(empty, 'Auth', 'kubernetes'), roleName: 'idle', serviceAccounts: [{ namespace: 'a', name: 'b' }] });
    // THEN
    const body = one(synth(stack), 'vault_kubernetes_auth_backend_role', 'role_name', 'external-secrets');
    expect(body).toMatchObject({ backend: 'kubernetes', token_policies: ['eso-shared'], token_ttl: 3600 });
    expect(validationErrors(empty).join('\n')).toContain(
      'policies: received []. Allowed: at least one policy: grant something to the role (secret.grantRead(role)) or pass policies. Fix: grant the role what its service accounts read, or remove the role.');
  });

  test('names x namespaces must be exactly the declared service accounts', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = k8sAuth(stack);
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthRole(stack, 'Role', {
      mount: auth, roleName: 'r', serviceAccounts: [{ namespace: 'jenkins', name: 'eso-jenkins' }, { namespace: 'netbox', name: 'eso-netbox' }],
    })).toThrow('[test/Role] serviceAccounts: received ["jenkins:eso-jenkins","netbox:eso-netbox"]. Allowed: service accounts Vault can bind exactly: a role binds every name in every namespace ' +
      '(bound_service_account_names x bound_service_account_namespaces), which would also admit "jenkins:eso-netbox", "netbox:eso-jenkins". ' +
      'Fix: create one role per namespace (or per service account), or use the same name in every namespace.');
  });

  test('the same name in several namespaces is a full cross product', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = k8sAuth(stack);
    // WHEN
    const role = new VaultKubernetesAuthRole(stack, 'Role', {
      mount: auth, roleName: 'r', serviceAccounts: [{ namespace: 'b', name: 'eso' }, { namespace: 'a', name: 'eso' }],
    });
    VaultDynamicSecretPath.databaseCredentials('app').grantUse(role);
    // THEN
    expect(one(synth(stack), 'vault_kubernetes_auth_backend_role', 'role_name', 'r')).toMatchObject({
      bound_service_account_names: ['eso'], bound_service_account_namespaces: ['a', 'b'],
    });
  });

  test('no service account is rejected', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthRole(stack, 'Role', { mount: k8sAuth(stack), roleName: 'r', serviceAccounts: [] })).toThrow(
      '[test/Role] serviceAccounts: received []. Allowed: at least one service account ({ namespace, name }); wildcards are never emitted. ' +
      'Fix: pass the exact service accounts that log in with this role, for example [{ namespace: "external-secrets", name: "external-secrets" }].');
  });

  test('a wildcard service account is rejected', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthRole(stack, 'Role', { mount: k8sAuth(stack), roleName: 'r', serviceAccounts: [{ namespace: '*', name: 'eso' }] })).toThrow(
      '[test/Role] serviceAccounts[0].namespace: received "*". Allowed: a DNS-1123 label');
  });

  test('role names and TTLs are validated', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = k8sAuth(stack);
    const sa = [{ namespace: 'a', name: 'b' }];
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthRole(stack, 'R1', { mount: auth, roleName: 'bad name', serviceAccounts: sa })).toThrow(
      '[test/R1] roleName: received "bad name". Allowed: a Vault role name: letters, digits, "_", "-", "." and "@", starting and ending with a letter, digit or "_", at most 128 characters. ' +
      'Fix: use a name such as "external-secrets".');
    expect(() => new VaultKubernetesAuthRole(stack, 'R2', { mount: auth, roleName: 'r', serviceAccounts: sa, tokenTtl: Duration.hours(2), tokenMaxTtl: Duration.hours(1) })).toThrow(
      '[test/R2] tokenMaxTtl: received "1h". Allowed: a max TTL of at least the token TTL "2h" (Vault caps the token at the max TTL). Fix: raise tokenMaxTtl or lower tokenTtl.');
    expect(() => new VaultKubernetesAuthRole(stack, 'R3', { mount: auth, roleName: 'r', serviceAccounts: sa, tokenTtl: Duration.ZERO })).toThrow(
      '[test/R3] tokenTtl: received "0s". Allowed: a whole number of seconds of at least 1s.');
    expect(() => new VaultKubernetesAuthRole(stack, 'R4', { mount: auth, roleName: 'R', serviceAccounts: sa, policyName: 'Eso' })).toThrow(
      '[test/R4] policyName: received "Eso". Allowed: a policy name: lowercase letters, digits, "_", "-" and ".", starting and ending with a letter or digit, at most 128 characters ' +
      '(Vault lowercases names, so uppercase would not match what ESO and roles refer to); not "root" or "default". Fix: use a lowercase name such as "eso-team-a".');
    expect(() => new VaultKubernetesAuthRole(stack, 'R5', { mount: auth, roleName: 'r', serviceAccounts: sa, audience: '' })).toThrow(
      '[test/R5] audience: received undefined. Allowed: a non-empty value. Fix: pass the audience the store requests, for example "vault".');
  });

  test('omitAudience binds no audience; it excludes an explicit audience', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = VaultKubernetesAuthMount.fromMountPath(stack, 'Auth', 'kubernetes');
    const sa = [{ namespace: 'external-secrets', name: 'external-secrets' }];
    // WHEN
    const role = new VaultKubernetesAuthRole(stack, 'R', { mount: auth, roleName: 'external-secrets', serviceAccounts: sa, omitAudience: true });
    VaultDynamicSecretPath.databaseCredentials('x').grantUse(role);
    // THEN
    expect(one(synth(stack), 'vault_kubernetes_auth_backend_role', 'role_name', 'external-secrets')).not.toHaveProperty('audience');
    expect(role.audience).toBeUndefined();
    expect(() => new VaultKubernetesAuthRole(stack, 'R2', { mount: auth, roleName: 'r2', serviceAccounts: sa, omitAudience: true, audience: 'vault' })).toThrow(
      '[test/R2] audience: received "vault". Allowed: audience or omitAudience, not both. Fix: set the audience, or omitAudience: true, not both.');
  });

  test('a policy of another Vault namespace cannot be attached', () => {
    // GIVEN
    const stack = vaultStack();
    const auth = k8sAuth(stack, { namespace: 'admin/a' });
    const foreign = VaultPolicy.fromPolicyName(stack, 'Foreign', 'p', 'admin/b');
    // WHEN / THEN
    expect(() => new VaultKubernetesAuthRole(stack, 'R', { mount: auth, roleName: 'r', serviceAccounts: [{ namespace: 'a', name: 'b' }], policies: [foreign] })).toThrow(
      '[test/Foreign] namespace: received "admin/b". Allowed: the grantee\'s Vault namespace "admin/a"');
  });
});

describe('VaultJwtAuthMount and VaultJwtAuthRole', () => {
  test('a public issuer: discovery URL, bound subject and audience', () => {
    // GIVEN
    const stack = vaultStack();
    const mount = new VaultJwtAuthMount(stack, 'Jwt', { clusterName: 'eks-prod', oidcDiscoveryUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC' });
    const kv = new VaultKvMount(stack, 'Kv');
    const role = new VaultJwtAuthRole(stack, 'Role', { mount, roleName: 'external-secrets', serviceAccount: { namespace: 'external-secrets', name: 'external-secrets' } });
    // WHEN
    VaultKvSecret.fromSecretPath(stack, 'S', kv, 'platform/x').grantRead(role);
    // THEN
    const out = synth(stack);
    expect(one(out, 'vault_jwt_auth_backend', 'path', 'jwt-eks-prod')).toMatchObject({
      type: 'jwt', oidc_discovery_url: 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC',
    });
    expect(one(out, 'vault_jwt_auth_backend_role', 'role_name', 'external-secrets')).toMatchObject({
      role_type: 'jwt', bound_audiences: ['vault'], user_claim: 'sub',
      bound_subject: 'system:serviceaccount:external-secrets:external-secrets', token_ttl: 3600,
    });
    expect(policyRules(one(out, 'vault_policy', 'name', 'jwt-eks-prod-external-secrets').policy)).toEqual({ 'secret/data/platform/x': ['read'] });
  });

  test('exactly one key source', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultJwtAuthMount(stack, 'A', { clusterName: 'c' })).toThrow(
      '[test/A] oidcDiscoveryUrl: received undefined. Allowed: exactly one of oidcDiscoveryUrl (the cluster\'s public OIDC issuer), jwksUrl or jwtValidationPubkeys. ' +
      'Fix: pass the cluster\'s issuer URL as oidcDiscoveryUrl (EKS, AKS and GKE publish one), or use Kubernetes auth for a private issuer.');
    expect(() => new VaultJwtAuthMount(stack, 'B', { clusterName: 'c', oidcDiscoveryUrl: 'https://a', jwksUrl: 'https://b' })).toThrow(
      '[test/B] oidcDiscoveryUrl: received "https://a". Allowed: oidcDiscoveryUrl or jwksUrl, not both. Fix: set exactly one way to verify the tokens.');
    expect(() => new VaultJwtAuthMount(stack, 'C', { clusterName: 'c', jwksUrl: 'http://b' })).toThrow(
      '[test/C] jwksUrl: received "http://b". Allowed: an https:// URL (Vault fetches the keys that authenticate every login from it). ' +
      'Fix: pass the issuer\'s https:// URL, for example "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE".');
  });

  test('keys without a bound issuer, or an empty issuer, are refused (Vault would accept any issuer signed by the keys)', () => {
    // GIVEN
    const stack = vaultStack();
    const message = (id: string, value: string) => `[test/${id}] boundIssuer: received ${value}. Allowed: the issuer of the cluster's service account tokens (the "iss" claim): `
      + 'required with jwksUrl or jwtValidationPubkeys, never empty (without it Vault accepts tokens of any issuer signed by those keys). '
      + 'Fix: pass boundIssuer: the cluster\'s OIDC issuer URL, for example "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE".';
    // WHEN / THEN
    expect(() => new VaultJwtAuthMount(stack, 'A', { clusterName: 'c', jwksUrl: 'https://issuer.example.com/keys' })).toThrow(message('A', 'undefined'));
    expect(() => new VaultJwtAuthMount(stack, 'B', { clusterName: 'c', oidcDiscoveryUrl: 'https://issuer.example.com', boundIssuer: ' ' })).toThrow(message('B', '" "'));
    expect(new VaultJwtAuthMount(stack, 'C', { clusterName: 'c', jwksUrl: 'https://issuer.example.com/keys', boundIssuer: 'https://issuer.example.com' }).mountPath).toBe('jwt-c');
  });

  test('validation pubkeys for a private issuer; imported mount', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN
    new VaultJwtAuthMount(stack, 'A', { clusterName: 'c', jwtValidationPubkeys: [PUBKEY], boundIssuer: 'https://kubernetes.default.svc' });
    const imported = VaultJwtAuthMount.fromMountPath(stack, 'B', 'jwt');
    const role = new VaultJwtAuthRole(stack, 'R', { mount: imported, roleName: 'r', serviceAccount: { namespace: 'a', name: 'b' }, audience: 'https://vault.example.com' });
    VaultDynamicSecretPath.pkiIssue('web').grantUse(role);
    // THEN
    const out = synth(stack);
    expect(one(out, 'vault_jwt_auth_backend', 'path', 'jwt-c')).toMatchObject({ jwt_validation_pubkeys: [PUBKEY], bound_issuer: 'https://kubernetes.default.svc' });
    expect(one(out, 'vault_jwt_auth_backend_role', 'role_name', 'r')).toMatchObject({ backend: 'jwt', bound_audiences: ['https://vault.example.com'] });
    expect(policyRules(one(out, 'vault_policy', 'name', 'jwt-r').policy)).toEqual({ 'pki/issue/web': ['update'] });
  });

  test('a JWT role needs a service account', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultJwtAuthRole(stack, 'R', { mount: VaultJwtAuthMount.fromMountPath(stack, 'J', 'jwt'), roleName: 'r' } as never)).toThrow(
      '[test/R] serviceAccount: received undefined. Allowed: a non-empty value. Fix: pass the service account that logs in, for example { namespace: "external-secrets", name: "external-secrets" }.');
  });
});

describe('VaultPolicy and VaultDynamicSecretPath', () => {
  test('a shared policy compiled from grants; empty policies fail validation', () => {
    // GIVEN
    const stack = vaultStack();
    const policy = new VaultPolicy(stack, 'P', { policyName: 'shared', namespace: 'admin' });
    // WHEN
    VaultDynamicSecretPath.databaseCredentials('netbox', { namespace: 'admin' }).grantUse(policy);
    VaultDynamicSecretPath.custom('aws/creds/deploy', 'GET' as never, 'admin').grantUse(policy);
    const empty = vaultStack();
    new VaultPolicy(empty, 'P', { policyName: 'empty' });
    // THEN
    expect(one(synth(stack), 'vault_policy', 'name', 'shared')).toMatchObject({
      namespace: 'admin',
      policy: 'path "aws/creds/deploy" {\n  capabilities = ["read"]\n}\n\npath "database/creds/netbox" {\n  capabilities = ["read"]\n}\n',
    });
    expect(validationErrors(empty).join('\n')).toContain('rules: received []. Allowed: at least one path: a policy is compiled from the grants that use it. ' +
      'Fix: grant something (secret.grantRead(role), VaultDynamicSecretPath.grantUse(role)) or remove the policy.');
  });

  test('engine paths and capabilities', () => {
    // GIVEN / WHEN
    const db = VaultDynamicSecretPath.databaseCredentials('app', { mount: 'db-prod' });
    const pki = VaultDynamicSecretPath.pkiIssue('web');
    // THEN
    expect([db.path, db.method, db.capability]).toEqual(['db-prod/creds/app', 'GET', 'read']);
    expect([pki.path, pki.method, pki.capability]).toEqual(['pki/issue/web', 'POST', 'update']);
  });

  test('bad engine inputs are rejected', () => {
    // GIVEN / WHEN / THEN
    expect(() => VaultDynamicSecretPath.custom('x/y', 'PATCH' as never)).toThrow(
      '[VaultDynamicSecretPath.custom] method: received "PATCH". Allowed: GET, POST, PUT, LIST or DELETE. Fix: use VaultDynamicSecretMethod.GET for reads (database/creds) and POST for writes (pki/issue).');
    expect(() => VaultDynamicSecretPath.custom('database/creds/*', 'GET' as never)).toThrow('[VaultDynamicSecretPath.custom] path: received "database/creds/*".');
    expect(() => VaultDynamicSecretPath.databaseCredentials('a b')).toThrow('[VaultDynamicSecretPath.databaseCredentials] role: received "a b".');
    expect(() => VaultDynamicSecretPath.pkiIssue('web', { mount: '/pki' })).toThrow('[VaultDynamicSecretPath.pkiIssue] mount: received "/pki".');
  });

  test('policy names are validated; imported policies too', () => {
    // GIVEN
    const stack = vaultStack();
    // WHEN / THEN
    expect(() => new VaultPolicy(stack, 'P', { policyName: 'default' })).toThrow('[test/P] policyName: received "default".');
    expect(() => VaultPolicy.fromPolicyName(stack, 'I', 'root')).toThrow('[test/I] policyName: received "root".');
  });
});
