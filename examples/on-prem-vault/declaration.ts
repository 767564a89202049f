/**
 * On-prem Vault: an RKE2 cluster (generic kind, no public OIDC issuer) reads from a HashiCorp Vault
 * running outside the cluster. Two tenant namespaces, `jenkins` and `netbox`, are each limited to
 * their own KV paths through their own SecretStore, service account (`eso-vault`), Vault role and
 * policy (a NAMESPACED store: one identity per namespace). Netbox also gets database credentials
 * from Vault's database engine, declared here with its PostgreSQL connection (root password
 * write-only from an ephemeral sensitive variable) and its `netbox` role, through a
 * `VaultDynamicSecret` generator whose path, method and lease derive from that role.
 *
 * Kubernetes auth, client JWT as reviewer: Vault (outside the cluster) sends each service account's
 * own token to the RKE2 API server's TokenReview API, so each `eso-vault` account is bound to
 * `system:auth-delegator` (rendered by the declaration), and the mount's config carries the API
 * server URL, its CA and the cluster's service-account issuer.
 *
 * This module is engine-free: the cdktf app (tf.ts) and the cdk8s app (k8s.ts) both import it.
 */
import { Duration, SecretsDeclaration, StoreScope, VaultDatabasePlugin } from '../../lib/core';

/** API server of the RKE2 cluster, as Vault reaches it. */
export const API_SERVER = 'https://rke2-prod.example.internal:6443';
/** PEM CA of the RKE2 API server (`/var/lib/rancher/rke2/server/tls/server-ca.crt`). */
export const API_SERVER_CA = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBdzCCAR2gAwIBAgIBADAKBggqhkjOPQQDAjAjMSEwHwYDVQQDDBhya2UyLXNlcnZlci1jYUAxNzAwMDAwMDAwMB4X',
  '-----END CERTIFICATE-----',
  '',
].join('\n');
/** Address of Vault (outside the cluster, TLS). */
export const VAULT_ADDRESS = 'https://vault.example.internal:8200';

export const declaration = new SecretsDeclaration({ name: 'onprem' });

/** The RKE2 cluster: generic kind, private issuer. */
export const cluster = declaration.addCluster('rke2', { clusterName: 'rke2-prod', distribution: 'rke2' });

export const vault = declaration.addVaultServer('vault', { address: VAULT_ADDRESS, kvMounts: [{ path: 'secret' }] });

/** One Kubernetes auth mount for the cluster: `auth/kubernetes-rke2`. */
export const auth = declaration.addVaultAuth('rke2', {
  server: vault,
  cluster,
  kubernetesHost: API_SERVER,
  kubernetesCaCert: API_SERVER_CA,
  issuer: 'https://kubernetes.default.svc.cluster.local',
});

export const jenkinsAdmin = declaration.addVaultSecret('jenkins-admin', {
  server: vault, path: 'jenkins/admin', properties: ['username', 'password'],
});
export const netboxApp = declaration.addVaultSecret('netbox-app', {
  server: vault, path: 'netbox/app', properties: ['secret_key', 'superuser_password'],
});

/**
 * Vault's database engine at `database`: one PostgreSQL connection (Vault's root user `vault`; its
 * password comes from the variable `vault_db_root_password_postgres` at apply time, write-only) and
 * the `netbox` role issuing one-hour users.
 */
export const postgres = declaration.addVaultDatabaseEngine('postgres', {
  server: vault,
  connection: {
    plugin: VaultDatabasePlugin.POSTGRESQL,
    connectionUrl: 'postgresql://{{username}}:{{password}}@postgres.example.internal:5432/netbox?sslmode=verify-full',
    username: 'vault',
  },
  roles: [{
    name: 'netbox',
    creationStatements: [
      'CREATE ROLE "{{name}}" WITH LOGIN PASSWORD \'{{password}}\' VALID UNTIL \'{{expiration}}\';',
      'GRANT netbox_app TO "{{name}}";',
    ],
    defaultTtl: Duration.hours(1),
    maxTtl: Duration.hours(1),
  }],
});

/** Netbox's PostgreSQL credentials: `database/creds/netbox` (GET), lease 1h, from the engine's role. */
export const netboxDb = declaration.addVaultDynamicSecret('netbox-db', { name: 'netbox-db', engine: postgres, role: 'netbox' });

/** One SecretStore, service account, Vault role and policy per tenant namespace. */
export const store = declaration.addVaultStore('vault', {
  name: 'vault',
  server: vault,
  scope: StoreScope.NAMESPACED,
  namespaces: ['jenkins', 'netbox'],
  tokenTtl: Duration.hours(2), // outlives the 1h database lease
});

export const jenkinsCredentials = declaration.addExternalSecret('jenkins-admin', {
  name: 'jenkins-admin', namespace: 'jenkins', store, refreshInterval: Duration.hours(1),
  data: [
    { secretKey: 'jenkins-admin-user', secret: jenkinsAdmin, property: 'username' },
    { secretKey: 'jenkins-admin-password', secret: jenkinsAdmin, property: 'password' },
  ],
  workloads: ['jenkins'],
});

export const netboxConfig = declaration.addExternalSecret('netbox-app', {
  name: 'netbox-app', namespace: 'netbox', store, refreshInterval: Duration.hours(1),
  data: [
    { secretKey: 'SECRET_KEY', secret: netboxApp, property: 'secret_key' },
    { secretKey: 'SUPERUSER_PASSWORD', secret: netboxApp, property: 'superuser_password' },
  ],
  workloads: ['netbox'],
});

export const netboxDatabase = declaration.addExternalSecret('netbox-db', {
  name: 'netbox-db', namespace: 'netbox', store,
  refreshInterval: Duration.minutes(30), // below the 1h lease and the 2h token
  dynamicSecrets: [netboxDb],
  workloads: ['netbox'],
});

/**
 * Every read by ESO's Vault roles lands in Vault's audit log: a file device on the Vault servers
 * (shipped by the node's log collector), shown in the access matrix.
 */
export const auditTrail = declaration.auditTrail({ vault: { filePath: '/vault/audit/audit.log' } });
