import { Duration, EsoAuthModel, SecretBackend, SecretsDeclaration, StoreScope, VaultAuthKind, VaultHttpMethod, VaultTokenReviewer } from '../../../lib/core';
import { IdentityKind } from '../../../lib/core/identity';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

function lab() {
  const d = new SecretsDeclaration({ name: 'lab' });
  const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  const auth = d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
  return { d, cluster, server, auth };
}

describe('Vault backend module (declaration)', () => {
  test('plans one Vault role per (cluster, service account) with derived mount, role and policy names', () => {
    // GIVEN
    const { d, server } = lab();
    const secret = d.addVaultSecret('db', { server, path: 'apps/db', properties: ['password'] });
    const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED });
    d.addExternalSecret('a', { name: 'db', namespace: 'team-a', store, data: [{ secretKey: 'p', secret, property: 'password' }] });
    d.addExternalSecret('b', { name: 'db', namespace: 'team-b', store, data: [{ secretKey: 'p', secret, property: 'password' }] });
    // WHEN
    const identities = d.plan().identities;
    // THEN
    expect(identities.map((i) => [i.id, i.kind, `${i.serviceAccount.namespace}:${i.serviceAccount.name}`, i.vault?.auth.mountPath, i.vault?.roleName, i.vault?.policyName])).toEqual([
      ['store-vault-team-a', IdentityKind.VAULT_KUBERNETES_AUTH, 'team-a:eso-vault', 'kubernetes-rke2', 'lab-vault-team-a-eso', 'kubernetes-rke2-lab-vault-team-a-eso'],
      ['store-vault-team-b', IdentityKind.VAULT_KUBERNETES_AUTH, 'team-b:eso-vault', 'kubernetes-rke2', 'lab-vault-team-b-eso', 'kubernetes-rke2-lab-vault-team-b-eso'],
    ]);
    expect(identities[0].reads.map((s) => s.name)).toEqual(['apps/db']);
    expect(d.plan().trustedServiceAccounts(d.clusters[0])).toEqual(['team-a:eso-vault', 'team-b:eso-vault']);
  });

  test('JWT auth on a cluster with a public issuer', () => {
    // GIVEN
    const d = new SecretsDeclaration({ name: 'j' });
    const cluster = d.addCluster('pub', { clusterName: 'pub', oidcIssuerUrl: ISSUER });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com' });
    d.addVaultAuth('pub', { server, cluster, kind: VaultAuthKind.JWT });
    const store = d.addVaultStore('vault', { name: 'vault', server });
    // WHEN
    const [identity] = d.plan().identities;
    // THEN
    expect([identity.kind, identity.vault?.auth.mountPath, identity.vault?.roleName, identity.serviceAccount]).toEqual([
      IdentityKind.VAULT_JWT_AUTH, 'jwt-pub', 'j-pub-eso-controller', { namespace: 'external-secrets', name: 'external-secrets' },
    ]);
    expect(store.audiences).toEqual(['vault']);
  });

  test('an empty Kubernetes auth issuer is refused (Vault would not check the issuer)', () => {
    // GIVEN
    const d = new SecretsDeclaration({ name: 'x' });
    const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
    // WHEN / THEN
    expect(() => d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA, issuer: '' })).toThrow(
      '[x/vaultAuths/rke2] issuer: received "". Allowed: the issuer of the cluster\'s service account tokens, never empty (an empty issuer is not checked by Vault). '
      + 'Fix: leave issuer unset to use the cluster\'s oidcIssuerUrl, or pass the API server\'s issuer, for example "https://kubernetes.default.svc.cluster.local".');
  });

  test('a store on a JWT auth mount without audience is refused (the JWT role always binds one)', () => {
    // GIVEN
    const d = new SecretsDeclaration({ name: 'j' });
    const cluster = d.addCluster('pub', { clusterName: 'pub', oidcIssuerUrl: ISSUER });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com' });
    d.addVaultAuth('pub', { server, cluster, kind: VaultAuthKind.JWT });
    d.addVaultStore('vault', { name: 'vault', server, audiences: [] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow(
      '[j/stores/vault] audiences: received []. Allowed: at least one audience on a store served by the JWT auth mount "pub": a JWT role binds bound_audiences, '
      + 'so a token requested for the API server\'s default audience never logs in. Fix: leave audiences unset (["vault"]) or pass the audience the JWT role binds.');
  });

  test('an http:// server needs the explicit opt-in', () => {
    // GIVEN
    const d = new SecretsDeclaration({ name: 'x' });
    // WHEN / THEN
    expect(() => d.addVaultServer('v', { address: 'http://vault.vault:8200' })).toThrow(
      '[x/vaultServers/v] address: received "http://vault.vault:8200". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. ' +
      'Fix: serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server.');
    expect(d.addVaultServer('w', { address: 'http://vault.vault:8200', allowInsecureHttp: true }).allowInsecureHttp).toBe(true);
  });

  test('bad namespace and mount paths on the server', () => {
    // GIVEN
    const d = new SecretsDeclaration({ name: 'x' });
    // WHEN / THEN
    expect(() => d.addVaultServer('a', { address: 'https://v', namespace: 'admin/' })).toThrow('[x/vaultServers/a] namespace: received "admin/". Allowed: a Vault namespace path');
    expect(() => d.addVaultServer('b', { address: 'https://v', kvMounts: [{ path: 'sys' }] })).toThrow('[x/vaultServers/b] kvMounts[0].path: received "sys". Allowed: a mount path');
  });

  test('auth mount checks: host, CA, https host, JWT without issuer, one mount per cluster', () => {
    // GIVEN
    const { d, cluster, server } = lab();
    const other = d.addCluster('other', { clusterName: 'other' });
    // WHEN / THEN
    expect(() => d.addVaultAuth('a', { server, cluster: other })).toThrow(
      '[lab/vaultAuths/a] kubernetesHost: received undefined. Allowed: a non-empty value. Fix: pass the API server URL Vault reaches the cluster at, for example "https://api.rke2.example.internal:6443".');
    expect(() => d.addVaultAuth('b', { server, cluster: other, kubernetesHost: 'https://k:6443' })).toThrow('[lab/vaultAuths/b] kubernetesCaCert: received undefined. Allowed: the PEM CA certificate');
    expect(() => d.addVaultAuth('c', { server, cluster: other, kubernetesHost: 'http://k:6443', kubernetesCaCert: CA })).toThrow(
      '[lab/vaultAuths/c] kubernetesHost: received "http://k:6443". Allowed: an https:// URL of the Kubernetes API server.');
    expect(() => d.addVaultAuth('d', { server, cluster: other, kind: VaultAuthKind.JWT })).toThrow(
      '[lab/vaultAuths/d] cluster: received "other". Allowed: clusters whose workloads Vault JWT auth can trust: store "d" cannot federate with cluster "other" ' +
      '(Vault verifies the tokens against the cluster\'s public OIDC issuer). Fix: give the cluster an oidcIssuerUrl, or remove cluster "other" from the store\'s clusters.');
    expect(() => d.addVaultAuth('e', { server, cluster, mountPath: 'k8s', managedElsewhere: true })).toThrow(
      '[lab/vaultAuths/e] cluster: received "rke2". Allowed: a name not already used by lab/vaultAuths/rke2. Fix: give each one its own name, or reuse the object already declared.');
    expect(() => d.addVaultAuth('f', { server, cluster: other, mountPath: 'kubernetes-rke2', managedElsewhere: true })).toThrow('[lab/vaultAuths/f] mountPath: received "kubernetes-rke2".');
    const third = d.addCluster('third', { clusterName: 'third' });
    expect(d.addVaultAuth('g', { server, cluster: third, reviewer: VaultTokenReviewer.VAULT_IN_CLUSTER }).kubernetesHost).toBe('https://kubernetes.default.svc:443');
  });

  test('secret checks: declared mount, properties required, exact paths', () => {
    // GIVEN
    const { d, server } = lab();
    // WHEN / THEN
    expect(() => d.addVaultSecret('a', { server, mount: 'kv', path: 'x', properties: ['p'] })).toThrow(
      '[lab/secrets/a] mount: received "kv". Allowed: a KV mount of the Vault server: "secret". Fix: add the mount to the server\'s kvMounts, or use a declared one.');
    expect(() => d.addVaultSecret('b', { server, path: 'x', properties: [] })).toThrow(
      '[lab/secrets/b] properties: received []. Allowed: the JSON properties the KV key holds (at least one): ExternalSecrets may only read declared properties. ' +
      'Fix: pass properties, for example ["username", "password"].');
    expect(() => d.addVaultSecret('c', { server, path: 'apps/*', properties: ['p'] })).toThrow('[lab/secrets/c] path: received "apps/*". Allowed: a KV path relative to the mount');
    expect(() => d.addVaultSecret('d', { server, path: 'x', properties: ['p'], initialValue: 'hunter2' as never })).toThrow('[lab/secrets/d] initialValue:');
  });

  test('store checks: role name, declared mount; a store on a cluster without auth mount', () => {
    // GIVEN
    const { d, server } = lab();
    const bare = d.addCluster('bare', { clusterName: 'bare' });
    // WHEN / THEN
    expect(() => d.addVaultStore('a', { name: 'a', server, role: 'bad role' })).toThrow('[lab/stores/a] role: received "bad role". Allowed: a Vault role name');
    expect(() => d.addVaultStore('b', { name: 'b', server, mount: 'kv' })).toThrow('[lab/stores/b] mount: received "kv".');
    d.addVaultStore('c', { name: 'c', server, clusters: [bare] });
    expect(() => d.plan()).toThrow(
      '[lab/stores/c] clusters: received "bare". Allowed: a cluster whose Vault auth mount on server "vault" is declared (one mount per cluster: a mount\'s config names one API server). ' +
      'Fix: declare it with declaration.addVaultAuth(id, { server, cluster, ... }) for cluster "bare", or remove the cluster from the store\'s clusters.');
  });

  test('a secret of another server or mount cannot be read through the store', () => {
    // GIVEN
    const { d, server } = lab();
    const other = d.addVaultServer('other', { address: 'https://other.example.com' });
    const secret = d.addVaultSecret('s', { server: other, path: 'x', properties: ['p'] });
    const store = d.addVaultStore('vault', { name: 'vault', server });
    // WHEN / THEN
    expect(() => d.addExternalSecret('e', { name: 'e', namespace: 'a', store, data: [{ secretKey: 'k', secret, property: 'p' }] })).toThrow(
      '[lab/externalSecrets/e] data[0].secret: received "x". Allowed: a secret of the store\'s backend Vault vault mount secret (this secret is Vault other mount secret).');
  });

  test.each([EsoAuthModel.STORE_SERVICE_ACCOUNT, EsoAuthModel.EXISTING_SERVICE_ACCOUNT])(
    'a store on two clusters with %s gets one Vault role per cluster, each on that cluster\'s auth mount', (authModel) => {
      // GIVEN a store serving two clusters, each with its own JWT auth mount
      const d = new SecretsDeclaration({ name: 'lab' });
      const a = d.addCluster('a', { clusterName: 'a', oidcIssuerUrl: 'https://issuer.a.example.com' });
      const b = d.addCluster('b', { clusterName: 'b', oidcIssuerUrl: 'https://issuer.b.example.com' });
      const server = d.addVaultServer('v', { address: 'https://vault.example.com' });
      d.addVaultAuth('a', { server, cluster: a, kind: VaultAuthKind.JWT });
      d.addVaultAuth('b', { server, cluster: b, kind: VaultAuthKind.JWT });
      const secret = d.addVaultSecret('s', { server, path: 'app/s', properties: ['x'] });
      const store = d.addVaultStore('st', {
        name: 'vault', server, clusters: [a, b], authModel,
        ...(authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT ? { serviceAccount: { name: 'app-reader', namespace: 'app' } } : {}),
      });
      d.addExternalSecret('e', { name: 'e', namespace: 'app', store, data: [{ secretKey: 'x', secret, property: 'x' }] });
      // WHEN planning
      const plan = d.plan();
      // THEN each cluster's identity logs in through its own mount, with the same reads
      const onA = plan.identityFor(store, a, 'app');
      const onB = plan.identityFor(store, b, 'app');
      expect(onA).not.toBe(onB);
      expect([onA.clusters, onB.clusters]).toEqual([[a], [b]]);
      expect([onA.vault!.auth.mountPath, onB.vault!.auth.mountPath]).toEqual(['jwt-a', 'jwt-b']);
      expect(onB.id).toBe(`${onA.id}-b`);
      expect(onB.vault!.policyName).toBe(`jwt-b-${onB.vault!.roleName}`);
      expect([onA.reads, onB.reads]).toEqual([[secret], [secret]]);
    });

  describe('dynamic secrets and the lease rule', () => {
    function withDynamic(tokenTtl: Duration, leaseTtl: Duration, scope = StoreScope.NAMESPACED) {
      const { d, server } = lab();
      const dynamic = d.addVaultDynamicSecret('db', { name: 'db', server, path: 'database/creds/app', leaseTtl });
      const store = d.addVaultStore('vault', { name: 'vault', server, scope, tokenTtl });
      return { d, server, dynamic, store };
    }

    test('granted to the identity when the rule holds', () => {
      // GIVEN
      const { d, dynamic, store } = withDynamic(Duration.hours(2), Duration.hours(1));
      // WHEN
      d.addExternalSecret('db', { name: 'db', namespace: 'app', store, refreshInterval: Duration.minutes(30), dynamicSecrets: [dynamic] });
      // THEN
      expect(d.plan().identities[0].dynamicSecrets.map((x) => [x.path, (x as { method?: string }).method])).toEqual([['database/creds/app', VaultHttpMethod.GET]]);
    });

    test('a token TTL below the lease TTL is an error', () => {
      // GIVEN
      const { d, dynamic, store } = withDynamic(Duration.minutes(30), Duration.hours(1));
      // WHEN / THEN
      expect(() => d.addExternalSecret('db', { name: 'db', namespace: 'app', store, refreshInterval: Duration.minutes(10), dynamicSecrets: [dynamic] })).toThrow(
        '[lab/externalSecrets/db] dynamicSecrets[0]: received "30m". Allowed: a store tokenTtl of at least the lease TTL 1h of "db" (Vault revokes a lease when the token that created it expires). ' +
        'Fix: raise the store\'s tokenTtl to 1h or more, or shorten the engine role\'s TTL.');
    });

    test('a refreshInterval not below both TTLs is an error', () => {
      // GIVEN
      const { d, dynamic, store } = withDynamic(Duration.hours(2), Duration.hours(1));
      // WHEN / THEN
      expect(() => d.addExternalSecret('db', { name: 'db', namespace: 'app', store, dynamicSecrets: [dynamic] })).toThrow(
        '[lab/externalSecrets/db] refreshInterval: received "1h". Allowed: a refreshInterval below the lease TTL 1h and the token TTL 2h (not 0): ' +
        'ESO must fetch new credentials before the old ones are revoked. Fix: lower refreshInterval, for example to half the lease TTL.');
      expect(() => d.addExternalSecret('db0', { name: 'db0', namespace: 'app', store, refreshInterval: Duration.ZERO, dynamicSecrets: [dynamic] })).toThrow(
        '[lab/externalSecrets/db0] refreshInterval: received "0s".');
    });

    test('a ClusterSecretStore cannot serve a dynamic secret', () => {
      // GIVEN
      const { d, dynamic, store } = withDynamic(Duration.hours(2), Duration.hours(1), StoreScope.CLUSTER);
      // WHEN / THEN
      expect(() => d.addExternalSecret('db', { name: 'db', namespace: 'app', store, refreshInterval: Duration.minutes(10), dynamicSecrets: [dynamic] })).toThrow(
        '[lab/externalSecrets/db] dynamicSecrets[0]: received "db". Allowed: a store of StoreScope.NAMESPACED: a VaultDynamicSecret generator is namespaced, and ESO resolves its ' +
        'serviceAccountRef in the ExternalSecret\'s namespace (store "vault" is a ClusterSecretStore). Fix: read the dynamic secret through a NAMESPACED Vault store (one SecretStore, service account and Vault role per namespace).');
    });

    test('a dynamic secret of another server, or through a cloud store, is an error', () => {
      // GIVEN
      const { d, store } = withDynamic(Duration.hours(2), Duration.hours(1));
      const other = d.addVaultServer('other', { address: 'https://other.example.com' });
      const foreign = d.addVaultDynamicSecret('foreign', { name: 'foreign', server: other, path: 'database/creds/x', leaseTtl: Duration.hours(1) });
      // WHEN / THEN
      expect(() => d.addExternalSecret('x', { name: 'x', namespace: 'app', store, refreshInterval: Duration.minutes(10), dynamicSecrets: [foreign] })).toThrow(
        '[lab/externalSecrets/x] dynamicSecrets[0]: received "foreign". Allowed: a dynamic secret of the store\'s Vault server "vault" (this one is on "other"). Fix: read it through a store of its server.');
      const cloud = new SecretsDeclaration({ name: 'c', aws: { accountId: '111122223333', region: 'eu-west-1' } });
      cloud.addEksCluster('eks', { clusterName: 'eks', oidcIssuerUrl: ISSUER });
      const vault = cloud.addVaultServer('v', { address: 'https://v.example.com' });
      const dyn = cloud.addVaultDynamicSecret('d', { name: 'd', server: vault, path: 'database/creds/x', leaseTtl: Duration.hours(1) });
      const aws = cloud.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.CONTROLLER });
      expect(() => cloud.addExternalSecret('x', { name: 'x', namespace: 'app', store: aws, dynamicSecrets: [dyn] })).toThrow(
        '[c/externalSecrets/x] dynamicSecrets[0]: received "d". Allowed: a secret of the store\'s backend AWS_SECRETS_MANAGER (this secret is VAULT_KV).');
    });

    test('bad dynamic secret inputs', () => {
      // GIVEN
      const { d, server } = lab();
      // WHEN / THEN
      expect(() => d.addVaultDynamicSecret('a', { name: 'a', server, path: 'database/creds/*', leaseTtl: Duration.hours(1) })).toThrow('[lab/dynamicSecrets/a] path: received "database/creds/*".');
      expect(() => d.addVaultDynamicSecret('b', { name: 'b', server, path: 'x/y', method: 'PATCH' as VaultHttpMethod, leaseTtl: Duration.hours(1) })).toThrow(
        '[lab/dynamicSecrets/b] method: received "PATCH". Allowed: GET, POST, PUT, LIST or DELETE.');
      expect(() => d.addVaultDynamicSecret('c', { name: 'c', server, path: 'x/y' } as never)).toThrow(
        '[lab/dynamicSecrets/c] leaseTtl: received undefined. Allowed: a non-empty value. Fix: pass the engine role\'s lease TTL (its default_ttl), for example Duration.hours(1).');
    });
  });
});
