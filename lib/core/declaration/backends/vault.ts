/**
 * The HashiCorp Vault backend, engine-free part: Vault servers, their auth mounts per cluster, KV
 * secrets, stores and dynamic secrets, their validation, how a store's identity becomes a Vault role
 * per (cluster, service account), the lease rule of dynamic secrets, and the access-matrix wording.
 * The cdktf part is `lib/platform/backends/vault-cloud.ts`, the cdk8s part `lib/platform/backends/vault-store.ts`.
 */
import { isVaultPolicyName } from '../../cloud-names';
import { assertDuration, Duration } from '../../duration';
import {
  backendMismatch, cannotFederate, duplicateValue, dynamicSecretServerMismatch, invalidString, invalidVaultMethod, invalidVaultMountPath, invalidVaultNamespace,
  invalidVaultRoleName, invalidVaultSecretPath, missingProp, vaultAuthNotDeclared, vaultKubernetesAuthWithoutCa,
  vaultDynamicSecretNeedsNamespacedStore, vaultKubernetesHostNotHttps, vaultLeaseRule, vaultMountNotDeclared, vaultSecretWithoutProperties,
  invalidDerivedName, invalidSecretKey, mutuallyExclusive, describeType, sharedVaultRoleMismatch, sharedVaultRoleAudienceMismatch, vaultDynamicPathNotEngine,
  vaultEngineRoleNotDeclared, vaultJwtStoreWithoutAudience,
} from '../../errors';
import { auditSectionMissing } from '../../errors';
import type { DerivedNameInput } from '../../errors';
import { IdentityKind, WorkloadIdentity } from '../../identity';
import { assertCaBundle, assertDnsLabel, assertDnsSubdomain, assertNonEmptyList, assertSecretProperties, assertShape, assertUrl } from '../../validation';
import { databaseCredentialsPath, pkiIssuePath, VaultHttpMethod } from '../../vault-engines';
import { VaultEngineDeclaration, VaultEngineKind } from './vault-engine-declarations';
import { CaProviderType } from '../../eso-enums';

// The CA source kind a declared Vault server uses, so an engine-free declaration module needs only /core.
export { CaProviderType };
import type { AuditTrailDeclaration } from '../audit';
import { AuditCoverage, BackendEndpoint, BackendModel, EndpointProtocol, FederatedIdentity, IdentityRequest } from '../backend';
import { DerivedNameClaims, DerivedNameContext } from '../derived-names';
import { ClusterDeclaration } from '../clusters';
import type { DeclarationView } from '../view';
import { DeclarationMembers } from '../members';
import type { IdentityPlan } from '../plan-types';
import { SecretBackend, SecretDeclaration } from '../secrets';
import { declareStoreBase } from '../store-base';
import { StoreDeclaration, StoreOptions, StoreScope } from '../stores';
import { InitialValue, checkInitialValue } from '../values';

/** Kind of the Vault backend module. */
export const VAULT_BACKEND = 'vault';

/** How Vault authenticates the service accounts of one cluster. */
export enum VaultAuthKind {
  /** Kubernetes auth: Vault reviews the token with the cluster's TokenReview API. */
  KUBERNETES = 'kubernetes',
  /** JWT auth: Vault verifies the token against the cluster's public OIDC issuer (no TokenReview). */
  JWT = 'jwt',
}

/** Who reviews tokens presented to a Kubernetes auth mount. */
export enum VaultTokenReviewer {
  /** Each client's own JWT (Vault outside the cluster); every service account that logs in needs `system:auth-delegator`. */
  CLIENT_JWT = 'CLIENT_JWT',
  /** Vault runs in the cluster and reviews with its own pod's token (the Vault chart binds auth-delegator). */
  VAULT_IN_CLUSTER = 'VAULT_IN_CLUSTER',
}

/** A KV v2 mount of a Vault server. */
export interface VaultKvMountOptions {
  /** Mount path (`secret`). */
  readonly path: string;
  /**
   * The mount exists already (the cloud side creates nothing for it).
   * @default false
   */
  readonly managedElsewhere?: boolean;
}

/** Props of {@link SecretsDeclaration.addVaultServer}. */
export interface VaultServerOptions {
  /** Address ESO reaches Vault at (`https://vault.example.com:8200`). */
  readonly address: string;
  /**
   * Accept an `http://` address (a local lab only: tokens and secrets in clear text).
   * @default false
   */
  readonly allowInsecureHttp?: boolean;
  /**
   * Vault Enterprise / HCP namespace of every mount, role and policy.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * Base64 PEM CA bundle ESO validates the server with.
   * @default - system roots (or `caProvider`)
   */
  readonly caBundle?: string;
  /**
   * The CA bundle ESO validates the server with, read from a Secret or ConfigMap in the cluster (a CA
   * that cert-manager or trust-manager keeps current), instead of a literal `caBundle`.
   * @default - system roots (or `caBundle`)
   */
  readonly caProvider?: VaultServerCaProvider;
  /**
   * KV v2 mounts of the server.
   * @default [{ path: 'secret' }] - created by the cloud side
   */
  readonly kvMounts?: VaultKvMountOptions[];
}

/** A Secret or ConfigMap holding the CA bundle of a Vault server (`caProvider` of the stores). */
export interface VaultServerCaProvider {
  /** Secret or ConfigMap. */
  readonly type: CaProviderType;
  /** Name of the object. */
  readonly name: string;
  /** Key holding the PEM bundle (`ca.crt`, `ca-bundle.crt`, …). */
  readonly key: string;
  /**
   * Namespace of the object, for ClusterSecretStores (which must name it). SecretStores and the
   * generators of dynamic secrets read the object from their own namespace, where it must exist too.
   * @default - the ESO controller's namespace
   */
  readonly namespace?: string;
}

/** A Vault server in a declaration. */
export interface VaultServerDeclaration {
  readonly id: string;
  readonly address: string;
  readonly allowInsecureHttp: boolean;
  /**
   * Vault namespace.
   * @default - root
   */
  readonly namespace?: string;
  /**
   * CA bundle.
   * @default - system roots
   */
  readonly caBundle?: string;
  /**
   * CA bundle from a Secret or ConfigMap.
   * @default - undefined: `caBundle` or system roots
   */
  readonly caProvider?: VaultServerCaProvider;
  readonly kvMounts: readonly Required<VaultKvMountOptions>[];
}

/** Props of {@link SecretsDeclaration.addVaultAuth}. */
export interface VaultAuthOptions {
  /** The Vault server. */
  readonly server: VaultServerDeclaration;
  /** The cluster whose service accounts log in. */
  readonly cluster: ClusterDeclaration;
  /**
   * Kubernetes or JWT auth (JWT needs the cluster's public `oidcIssuerUrl`).
   * @default VaultAuthKind.KUBERNETES
   */
  readonly kind?: VaultAuthKind;
  /**
   * Mount path (pin it when an existing Vault dictates it, e.g. `kubernetes`).
   * @default `kubernetes-<cluster id>` / `jwt-<cluster id>`
   */
  readonly mountPath?: string;
  /**
   * The mount exists already (only roles and policies are created on it).
   * @default false
   */
  readonly managedElsewhere?: boolean;
  /**
   * TokenReview shape (Kubernetes auth).
   * @default VaultTokenReviewer.CLIENT_JWT
   */
  readonly reviewer?: VaultTokenReviewer;
  /**
   * API server URL Vault calls TokenReview on (Kubernetes auth with the client-JWT reviewer).
   * @default - "https://kubernetes.default.svc:443" with VAULT_IN_CLUSTER; required otherwise
   */
  readonly kubernetesHost?: string;
  /**
   * PEM CA of the API server (required with the client-JWT reviewer).
   * @default - none
   */
  readonly kubernetesCaCert?: string;
  /**
   * Service account token issuer checked by Vault (Kubernetes auth).
   * @default - the cluster's oidcIssuerUrl when declared, else not checked
   */
  readonly issuer?: string;
}

/** A Vault auth mount of one cluster, in a declaration. */
export interface VaultAuthDeclaration {
  readonly id: string;
  readonly server: VaultServerDeclaration;
  readonly cluster: ClusterDeclaration;
  readonly kind: VaultAuthKind;
  readonly mountPath: string;
  readonly managedElsewhere: boolean;
  readonly reviewer: VaultTokenReviewer;
  /**
   * API server URL.
   * @default - none (JWT auth)
   */
  readonly kubernetesHost?: string;
  /**
   * API server CA.
   * @default - none
   */
  readonly kubernetesCaCert?: string;
  /**
   * Token issuer.
   * @default - none
   */
  readonly issuer?: string;
}

/** Props of {@link SecretsDeclaration.addVaultSecret}. */
export interface VaultSecretOptions {
  /** The Vault server. */
  readonly server: VaultServerDeclaration;
  /**
   * KV v2 mount.
   * @default "secret"
   */
  readonly mount?: string;
  /** Path of the key under the mount (`crossplane/azure-credentials`): the `remoteRef.key`. */
  readonly path: string;
  /** The JSON properties the key holds: ExternalSecrets may only read these. */
  readonly properties: string[];
  /**
   * The key exists already and is written elsewhere.
   * @default false
   */
  readonly managedElsewhere?: boolean;
  /**
   * Initial value (a sensitive variable holding the JSON object). Never a literal.
   * @default - created as `{}` once and managed out of band
   */
  readonly initialValue?: InitialValue;
}

/** A Vault KV secret in a declaration. */
export interface VaultSecretDeclaration extends SecretDeclaration {
  readonly backend: SecretBackend.VAULT_KV;
  readonly server: VaultServerDeclaration;
  readonly mount: string;
  readonly properties: readonly string[];
}

/** Props of {@link SecretsDeclaration.addVaultStore}. */
export interface VaultStoreOptions extends StoreOptions {
  /** The Vault server. */
  readonly server: VaultServerDeclaration;
  /**
   * KV v2 mount the store reads (`spec.provider.vault.path`).
   * @default "secret"
   */
  readonly mount?: string;
  /**
   * Pinned Vault role name (when an existing Vault dictates it).
   * @default - derived per identity: `<declaration>-<store|cluster>[-<namespace>]-eso[-controller]`
   */
  readonly role?: string;
  /**
   * Audiences of the token ESO requests (the role's `audience`). An empty list requests the API
   * server's default audience and leaves a Kubernetes auth role without audience, accepting any token
   * of the service account: rule CES-LP-4 refuses it unless acknowledged; with JWT auth it is an error.
   * @default ["vault"]
   */
  readonly audiences?: string[];
  /**
   * TTL of the Vault tokens ESO gets: at least the lease TTL of every dynamic secret read through the store.
   * @default Duration.hours(1)
   */
  readonly tokenTtl?: Duration;
}

/** A Vault store in a declaration. */
export interface VaultStoreDeclaration extends StoreDeclaration {
  readonly backend: SecretBackend.VAULT_KV;
  readonly server: VaultServerDeclaration;
  readonly mount: string;
  /**
   * Pinned role.
   * @default - derived
   */
  readonly role?: string;
  readonly audiences: readonly string[];
  readonly tokenTtl: Duration;
}

/** Props of {@link SecretsDeclaration.addVaultDynamicSecret}. */
export interface VaultDynamicSecretDeclarationOptions {
  /** Name of the `VaultDynamicSecret` generator (in each namespace that reads it). */
  readonly name: string;
  /**
   * A declared engine (`addVaultDatabaseEngine`, `addVaultPkiEngine`) and, with `role`, the source of
   * the server, path, method and lease TTL. Give either `engine` + `role` or `server` + `path` + `leaseTtl`.
   * @default - none: `server`, `path` and `leaseTtl` are given
   */
  readonly engine?: VaultEngineDeclaration;
  /**
   * The engine's role (`<mount>/creds/<role>` or `<mount>/issue/<role>`).
   * @default - none (required with `engine`)
   */
  readonly role?: string;
  /**
   * The Vault server.
   * @default - the engine's server
   */
  readonly server?: VaultServerDeclaration;
  /**
   * The engine path (`database/creds/netbox`, `pki/issue/web`) of an engine declared elsewhere.
   * @default - derived from `engine` and `role`
   */
  readonly path?: string;
  /**
   * The HTTP method (GET for database credentials, POST for PKI).
   * @default - the engine's (GET for database, POST for PKI), otherwise VaultHttpMethod.GET
   */
  readonly method?: VaultHttpMethod;
  /**
   * JSON body of a write (POST/PUT), e.g. `{ common_name: "web.internal.example.com" }` for PKI.
   * @default - none
   */
  readonly parameters?: Record<string, unknown>;
  /**
   * The engine role's lease TTL (`default_ttl` of the database / `ttl` of the PKI role).
   * @default - the declared engine role's
   */
  readonly leaseTtl?: Duration;
}

/** A Vault dynamic secret in a declaration. */
export interface VaultDynamicSecretDeclaration {
  readonly id: string;
  readonly name: string;
  readonly backend: SecretBackend.VAULT_KV;
  readonly server: VaultServerDeclaration;
  readonly path: string;
  readonly method: VaultHttpMethod;
  /**
   * Write body.
   * @default - none
   */
  readonly parameters?: Record<string, unknown>;
  readonly leaseTtl: Duration;
  /**
   * The declared engine the path derives from.
   * @default - undefined: an engine declared elsewhere
   */
  readonly engine?: VaultEngineDeclaration;
}

/** Vault side of an identity plan: the role per (cluster, service account). */
export interface VaultIdentityPlan {
  /** The server. */
  readonly server: VaultServerDeclaration;
  /** The auth mount (one cluster). */
  readonly auth: VaultAuthDeclaration;
  /** Role name (derived or pinned). */
  readonly roleName: string;
  /** Name of the policy compiled from use. */
  readonly policyName: string;
  /** Token audiences. */
  readonly audiences: readonly string[];
  /** Token TTL. */
  readonly tokenTtl: Duration;
  /** KV mount of the identity's stores. */
  readonly mount: string;
}

const MOUNT_SEGMENT = /^[A-Za-z0-9_.-]+$/;
const KV_SEGMENT = /^[A-Za-z0-9_.@-]+$/;
const ROLE_NAME = /^\w([\w.@-]*\w)?$/;
const NAMESPACE_SEGMENT = /^[A-Za-z0-9_-]+$/;

function checkMountPath(path: string, prop: string, value: string): void {
  const segments = value.split('/');
  if (value.length === 0 || segments.some((s) => !MOUNT_SEGMENT.test(s) || s === '.' || s === '..') || ['sys', 'auth', 'identity', 'cubbyhole'].includes(segments[0])) {
    throw invalidVaultMountPath(path, prop, value);
  }
}

function checkKvPath(path: string, prop: string, value: string): void {
  if (value.length === 0 || value.split('/').some((s) => !KV_SEGMENT.test(s) || s === '.' || s === '..')) {
    throw invalidVaultSecretPath(path, prop, value);
  }
}

/** The directory a Vault find lists (its `path` without trailing "/"), or undefined for the whole mount. */
export function vaultFindPrefix(path: string | undefined): string | undefined {
  const trimmed = path?.replace(/\/+$/, '');
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** Declares a Vault server (see {@link SecretsDeclaration.addVaultServer}). */
export function declareVaultServer(members: DeclarationMembers, id: string, options: VaultServerOptions): VaultServerDeclaration {
  const path = members.register('vaultServers', id);
  assertShape(path, '', options, {
    'address': 'string', 'allowInsecureHttp?': 'boolean', 'namespace?': 'string', 'caBundle?': 'string',
    'caProvider?': {
      shape: { 'type': { enum: CaProviderType, name: 'CaProviderType' }, 'name': 'string', 'key': 'string', 'namespace?': 'string' },
      name: 'a VaultServerCaProvider { type, name, key, namespace? }',
    },
    'kvMounts?': { arrayOf: { shape: { 'path': 'string', 'managedElsewhere?': 'boolean' }, name: 'a KV mount { path, managedElsewhere? }' } },
  });
  assertCaBundle(path, 'caBundle', options.caBundle);
  if (options.caProvider !== undefined) {
    if (options.caBundle !== undefined) {
      throw mutuallyExclusive(path, 'caProvider', describeType(options.caProvider), 'caBundle', 'read the CA from the Secret or ConfigMap, or give it inline as caBundle, not both');
    }
    assertDnsSubdomain(path, 'caProvider.name', options.caProvider.name);
    if (!/^[-._a-zA-Z0-9]{1,253}$/.test(options.caProvider.key)) {
      throw invalidSecretKey(path, 'caProvider.key', options.caProvider.key);
    }
    if (options.caProvider.namespace !== undefined) {
      assertDnsLabel(path, 'caProvider.namespace', options.caProvider.namespace);
    }
  }
  assertUrl(path, 'address', options.address, {
    schemes: options.allowInsecureHttp === true ? ['https', 'http'] : ['https'],
    what: 'a Vault server URL',
    schemeFix: 'serve Vault over TLS (https://), or set allowInsecureHttp: true for a local development server',
    allowPath: false,
  });
  if (options.namespace !== undefined && (options.namespace.length === 0 || options.namespace.split('/').some((s) => !NAMESPACE_SEGMENT.test(s)))) {
    throw invalidVaultNamespace(path, 'namespace', options.namespace);
  }
  const mounts = (options.kvMounts ?? [{ path: 'secret' }]).map((m) => ({ path: m.path, managedElsewhere: m.managedElsewhere ?? false }));
  assertNonEmptyList(path, 'kvMounts', options.kvMounts, 'list the KV v2 mounts of the server, or leave kvMounts unset for "secret"');
  mounts.forEach((m, i) => {
    checkMountPath(path, `kvMounts[${i}].path`, m.path);
    const first = mounts.findIndex((other) => other.path === m.path);
    if (first !== i) {
      throw duplicateValue(path, `kvMounts[${i}].path`, m.path, `kvMounts[${first}].path`, 'declare each mount once');
    }
  });
  return members.adopt<VaultServerDeclaration>('vaultServers', {
    id, address: options.address, allowInsecureHttp: options.allowInsecureHttp ?? false,
    namespace: options.namespace, caBundle: options.caBundle, kvMounts: mounts,
    caProvider: options.caProvider !== undefined ? { ...options.caProvider } : undefined,
  });
}

/** Declares the auth mount of one cluster on a Vault server (see {@link SecretsDeclaration.addVaultAuth}). */
export function declareVaultAuth(members: DeclarationMembers, id: string, options: VaultAuthOptions): VaultAuthDeclaration {
  const path = members.register('vaultAuths', id);
  assertShape(path, '', options, {
    'kind?': { enum: VaultAuthKind, name: 'VaultAuthKind' }, 'reviewer?': { enum: VaultTokenReviewer, name: 'VaultTokenReviewer' },
    'mountPath?': 'string', 'managedElsewhere?': 'boolean', 'kubernetesHost?': 'string', 'kubernetesCaCert?': 'string', 'issuer?': 'string',
  });
  members.checkDeclared(path, 'server', options.server, 'Vault server', 'addVaultServer');
  members.checkDeclared(path, 'cluster', options.cluster, 'cluster', 'addEksCluster / addAksCluster / addGkeCluster / addCluster');
  const kind = options.kind ?? VaultAuthKind.KUBERNETES;
  if (options.issuer !== undefined && options.issuer.trim() === '') {
    throw invalidString(path, 'issuer', options.issuer, 'the issuer of the cluster\'s service account tokens, never empty (an empty issuer is not checked by Vault)',
      'leave issuer unset to use the cluster\'s oidcIssuerUrl, or pass the API server\'s issuer, for example "https://kubernetes.default.svc.cluster.local"');
  }
  const mountPath = options.mountPath ?? `${kind}-${options.cluster.id}`;
  checkMountPath(path, 'mountPath', mountPath);
  const reviewer = options.reviewer ?? VaultTokenReviewer.CLIENT_JWT;
  const managedElsewhere = options.managedElsewhere ?? false;
  let kubernetesHost = options.kubernetesHost;
  if (kind === VaultAuthKind.JWT) {
    if (options.cluster.oidcIssuerUrl === undefined) {
      throw cannotFederate(path, 'cluster', options.cluster.id, id, 'Vault JWT auth', 'Vault verifies the tokens against the cluster\'s public OIDC issuer');
    }
  } else if (!managedElsewhere) {
    kubernetesHost ??= reviewer === VaultTokenReviewer.VAULT_IN_CLUSTER ? 'https://kubernetes.default.svc:443' : undefined;
    if (kubernetesHost === undefined) {
      throw missingProp(path, 'kubernetesHost', 'pass the API server URL Vault reaches the cluster at, for example "https://api.rke2.example.internal:6443"');
    }
    if (!kubernetesHost.startsWith('https://')) {
      throw vaultKubernetesHostNotHttps(path, 'kubernetesHost', kubernetesHost);
    }
    if (reviewer === VaultTokenReviewer.CLIENT_JWT && (options.kubernetesCaCert === undefined || options.kubernetesCaCert === '')) {
      throw vaultKubernetesAuthWithoutCa(path, 'kubernetesCaCert');
    }
  }
  members.claimUnique(path, 'cluster', `vault-auth:${options.server.id}:${options.cluster.id}`, options.cluster.id);
  members.claimUnique(path, 'mountPath', `vault-mount:${options.server.id}:${mountPath}`, mountPath);
  return members.adopt<VaultAuthDeclaration>('vaultAuths', {
    id, server: options.server, cluster: options.cluster, kind, mountPath, managedElsewhere, reviewer,
    kubernetesHost, kubernetesCaCert: options.kubernetesCaCert,
    issuer: options.issuer ?? (kind === VaultAuthKind.KUBERNETES ? options.cluster.oidcIssuerUrl : undefined),
  });
}

function checkMountDeclared(path: string, prop: string, server: VaultServerDeclaration, mount: string): void {
  if (!server.kvMounts.some((m) => m.path === mount)) {
    throw vaultMountNotDeclared(path, prop, mount, server.kvMounts.map((m) => m.path));
  }
}

/** Declares a Vault KV secret (see {@link SecretsDeclaration.addVaultSecret}). */
export function declareVaultSecret(members: DeclarationMembers, id: string, options: VaultSecretOptions): VaultSecretDeclaration {
  const path = members.register('secrets', id);
  members.checkDeclared(path, 'server', options.server, 'Vault server', 'addVaultServer');
  const mount = options.mount ?? 'secret';
  checkMountDeclared(path, 'mount', options.server, mount);
  assertShape(path, '', options, { 'mount?': 'string', 'path': 'string', 'managedElsewhere?': 'boolean' });
  checkKvPath(path, 'path', options.path);
  if (options.properties === undefined || (Array.isArray(options.properties) && options.properties.length === 0)) {
    throw vaultSecretWithoutProperties(path);
  }
  assertSecretProperties(path, 'properties', options.properties);
  // Only AWS generates passwords at apply time (GetRandomPassword); the others take a sensitive variable.
  checkInitialValue(path, 'initialValue', options.initialValue, 'HashiCorp Vault');
  members.claimUnique(path, 'path', `vault-secret:${options.server.id}:${mount}/${options.path}`, options.path);
  return members.adopt<VaultSecretDeclaration>('secrets', {
    id, backend: SecretBackend.VAULT_KV, name: options.path, server: options.server, mount,
    properties: [...options.properties], managedElsewhere: options.managedElsewhere ?? false, initialValue: options.initialValue,
  });
}

/** Declares a Vault store (see {@link SecretsDeclaration.addVaultStore}). */
export function declareVaultStore(members: DeclarationMembers, id: string, options: VaultStoreOptions): VaultStoreDeclaration {
  const path = members.register('stores', id);
  members.checkDeclared(path, 'server', options.server, 'Vault server', 'addVaultServer');
  const mount = options.mount ?? 'secret';
  checkMountDeclared(path, 'mount', options.server, mount);
  assertShape(path, '', options, { 'mount?': 'string', 'role?': 'string', 'audiences?': 'stringArray' });
  if (options.role !== undefined && (options.role.length > 128 || !ROLE_NAME.test(options.role))) {
    throw invalidVaultRoleName(path, 'role', options.role);
  }
  (options.audiences ?? []).forEach((audience, i) => {
    if (audience.trim().length === 0) {
      throw invalidString(path, `audiences[${i}]`, audience, 'a non-empty audience (the "aud" of the service account token)', 'pass an audience such as "vault", or leave audiences unset');
    }
  });
  assertDuration(path, 'tokenTtl', options.tokenTtl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
  const base = declareStoreBase(members, path, id, options);
  return members.adopt<VaultStoreDeclaration>('stores', {
    ...base, provider: VAULT_BACKEND, backend: SecretBackend.VAULT_KV, server: options.server, mount, role: options.role,
    audiences: [...(options.audiences ?? ['vault'])], tokenTtl: options.tokenTtl ?? Duration.hours(1),
  });
}

/** Declares a Vault dynamic secret (see {@link SecretsDeclaration.addVaultDynamicSecret}). */
export function declareVaultDynamicSecret(members: DeclarationMembers, id: string, options: VaultDynamicSecretDeclarationOptions): VaultDynamicSecretDeclaration {
  const path = members.register('dynamicSecrets', id);
  assertShape(path, '', options, { 'name': 'string', 'path?': 'string', 'parameters?': 'object', 'engine?': 'object', 'role?': 'string', 'server?': 'object' });
  assertDnsSubdomain(path, 'name', options.name);
  const fromEngine = options.engine !== undefined ? engineSource(members, path, options) : undefined;
  const server = fromEngine?.server ?? options.server;
  members.checkDeclared(path, 'server', server, 'Vault server', 'addVaultServer');
  const enginePath = fromEngine?.path ?? options.path;
  if (enginePath === undefined) {
    throw missingProp(path, 'path', 'pass engine and role (a declared engine), or the path of an engine declared elsewhere, for example "database/creds/app"');
  }
  if (enginePath.length === 0 || enginePath.split('/').some((s) => !KV_SEGMENT.test(s) || s === '.' || s === '..')) {
    throw vaultDynamicPathNotEngine(path, 'path', enginePath);
  }
  const method = options.method ?? fromEngine?.method ?? VaultHttpMethod.GET;
  if (!Object.values(VaultHttpMethod).includes(method)) {
    throw invalidVaultMethod(path, 'method', String(method));
  }
  const leaseTtl = fromEngine?.leaseTtl ?? options.leaseTtl;
  if (leaseTtl === undefined) {
    throw missingProp(path, 'leaseTtl', 'pass the engine role\'s lease TTL (its default_ttl), for example Duration.hours(1)');
  }
  assertDuration(path, 'leaseTtl', leaseTtl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
  return members.adopt<VaultDynamicSecretDeclaration>('dynamicSecrets', {
    id, name: options.name, backend: SecretBackend.VAULT_KV, server: server!, path: enginePath, method,
    parameters: options.parameters ? { ...options.parameters } : undefined, leaseTtl, engine: options.engine,
  });
}

/** Server, path, method and lease TTL of a dynamic secret on a declared engine role; the rest may not be given too. */
function engineSource(members: DeclarationMembers, path: string, options: VaultDynamicSecretDeclarationOptions) {
  const engine = options.engine!;
  members.checkDeclared(path, 'engine', engine, 'Vault engine', 'addVaultDatabaseEngine');
  for (const prop of ['server', 'path', 'leaseTtl'] as const) {
    if (options[prop] !== undefined) {
      throw mutuallyExclusive(path, prop, prop === 'leaseTtl' ? options.leaseTtl!.toGoString() : prop === 'server' ? options.server!.id : options.path, 'engine',
        `drop ${prop}: it derives from the engine and its role`);
    }
  }
  const role = engine.roles.find((r) => r.name === options.role);
  if (role === undefined) {
    throw vaultEngineRoleNotDeclared(path, 'role', String(options.role), engine.mount, engine.roles.map((r) => r.name));
  }
  const database = engine.kind === VaultEngineKind.DATABASE;
  return {
    server: engine.server, leaseTtl: role.leaseTtl,
    path: database ? databaseCredentialsPath(role.name, engine.mount) : pkiIssuePath(role.name, engine.mount),
    method: database ? VaultHttpMethod.GET : VaultHttpMethod.POST,
  };
}

/**
 * The lease rule of a dynamic secret read by an ExternalSecret through a store: ESO's Vault token
 * must outlive the lease (Vault revokes leases with their token), and the ExternalSecret must
 * refresh before both expire.
 */
export function checkVaultLeaseRule(path: string, prop: string, dynamic: VaultDynamicSecretDeclaration, store: StoreDeclaration, refreshInterval: Duration): void {
  const vault = store as VaultStoreDeclaration;
  if (dynamic.server !== vault.server) {
    throw dynamicSecretServerMismatch(path, prop, dynamic.name, dynamic.server.id, vault.server.id);
  }
  if (store.scope !== StoreScope.NAMESPACED) {
    throw vaultDynamicSecretNeedsNamespacedStore(path, prop, dynamic.name, store.name);
  }
  const lease = dynamic.leaseTtl.toMilliseconds();
  const token = vault.tokenTtl.toMilliseconds();
  if (token < lease) {
    throw vaultLeaseRule(path, prop, vault.tokenTtl.toGoString(),
      `a store tokenTtl of at least the lease TTL ${dynamic.leaseTtl.toGoString()} of "${dynamic.name}" (Vault revokes a lease when the token that created it expires)`,
      `raise the store's tokenTtl to ${dynamic.leaseTtl.toGoString()} or more, or shorten the engine role's TTL`);
  }
  const refresh = refreshInterval.toMilliseconds();
  if (refresh === 0 || refresh >= Math.min(lease, token)) {
    throw vaultLeaseRule(path, 'refreshInterval', refreshInterval.toGoString(),
      `a refreshInterval below the lease TTL ${dynamic.leaseTtl.toGoString()} and the token TTL ${vault.tokenTtl.toGoString()} (not 0): ESO must fetch new credentials before the old ones are revoked`,
      'lower refreshInterval, for example to half the lease TTL');
  }
}

function federate(request: IdentityRequest): FederatedIdentity {
  const { declaration, store, cluster, storePath, baseName } = request;
  const vault = store as VaultStoreDeclaration;
  const auth = declaration.vaultAuths.find((a: VaultAuthDeclaration) => a.server === vault.server && a.cluster === cluster);
  if (auth === undefined) {
    throw vaultAuthNotDeclared(storePath, 'clusters', cluster.id, vault.server.id);
  }
  if (auth.kind === VaultAuthKind.JWT && vault.audiences.length === 0) {
    throw vaultJwtStoreWithoutAudience(storePath, 'audiences', auth.id);
  }
  const roleName = vault.role ?? baseName.slice(0, 128);
  return {
    kind: auth.kind === VaultAuthKind.JWT ? IdentityKind.VAULT_JWT_AUTH : IdentityKind.VAULT_KUBERNETES_AUTH,
    referencesServiceAccount: true,
    // A Vault role lives on one auth mount, and each cluster has its own (its issuer or TokenReview).
    perCluster: true,
    details: {
      vault: {
        server: vault.server, auth, roleName, policyName: `${auth.mountPath.replace(/\//g, '-')}-${roleName}`.toLowerCase().slice(0, 128),
        audiences: vault.audiences, tokenTtl: vault.tokenTtl, mount: vault.mount,
      } satisfies VaultIdentityPlan,
    },
  };
}

function checkSecretRef(_declaration: DeclarationView, path: string, prop: string, secret: SecretDeclaration, store: StoreDeclaration): void {
  const vaultSecret = secret as VaultSecretDeclaration;
  const vaultStore = store as VaultStoreDeclaration;
  if (vaultSecret.server !== vaultStore.server || vaultSecret.mount !== vaultStore.mount) {
    throw backendMismatch(path, prop, secret.name, `Vault ${vaultSecret.server.id} mount ${vaultSecret.mount}`, `Vault ${vaultStore.server.id} mount ${vaultStore.mount}`);
  }
}

/** The KV API paths an identity may use, for the access matrix. */
function dataPath(secret: SecretDeclaration): string {
  const s = secret as VaultSecretDeclaration;
  return `${s.mount}/data/${s.name}`;
}

function checkDerivedNames(context: DerivedNameContext): void {
  if (context.identity.vault !== undefined) {
    checkVaultRole(context.declaration, context.claims, context.identity, context.input);
  }
}

function checkVaultRole(declaration: DeclarationView, claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput): void {
  const vault = identity.vault!;
  const store = identity.stores[0] as VaultStoreDeclaration;
  for (const other of identity.stores.slice(1) as VaultStoreDeclaration[]) {
    if (other.role !== undefined && other.role !== vault.roleName) {
      throw sharedVaultRoleMismatch(declaration.pathOf('stores', other.id), other.role, vault.roleName, declaration.pathOf('stores', store.id));
    }
    if (other.audiences.length !== vault.audiences.length || other.audiences.some((a, i) => a !== vault.audiences[i])) {
      throw sharedVaultRoleAudienceMismatch(declaration.pathOf('stores', other.id), other.audiences, vault.audiences, declaration.pathOf('stores', store.id), vault.roleName);
    }
  }
  const source: DerivedNameInput = store.role !== undefined
    ? { path: declaration.pathOf('stores', store.id), prop: 'role', value: store.role, detail: input.detail }
    : input;
  if (!isVaultPolicyName(vault.policyName)) {
    throw invalidDerivedName(source, 'Vault policy name', vault.policyName,
      'lowercase letters, digits, "_", "." and "-", starting and ending with a letter or digit, at most 128 characters (the name is <auth mount>-<role>)',
      'use a role name of letters, digits, "_", "." and "-" only');
  }
  claims.claim(`vault-role:${vault.server.id}:${vault.auth.id}:${vault.roleName}`, source, 'Vault role', `${vault.auth.mountPath}/${vault.roleName}`,
    'Vault keeps one role of a name on an auth mount, so the second would replace the first one\'s bound service accounts',
    store.role !== undefined
      ? 'pin a role per store (a namespaced store has an identity per namespace: leave role unset there)'
      : 'rename one of the two so the derived role names differ');
  claims.claim(`vault-policy:${vault.server.id}:${vault.server.namespace ?? ''}:${vault.policyName}`, source, 'Vault policy name', vault.policyName,
    'Vault keeps one policy of a name, so one identity would get the other one\'s grants',
    'rename one of the two so the derived (lowercase) policy names differ');
}

/** The HashiCorp Vault backend model. */
/** What ESO calls for a Vault store: the server, in the cluster (`<service>.<namespace>.svc`) or outside. */
function vaultEndpoints(store: StoreDeclaration): readonly BackendEndpoint[] {
  const url = new URL((store as VaultStoreDeclaration).server.address);
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const inCluster = /^[a-z0-9-]+\.([a-z0-9-]+)\.svc(\.cluster\.local)?$/.exec(url.hostname);
  if (inCluster) {
    return [{ namespace: inCluster[1], port, protocol: EndpointProtocol.TCP, purpose: 'HashiCorp Vault (in the cluster)' }];
  }
  return [{ host: url.hostname, port, protocol: url.protocol === 'https:' ? EndpointProtocol.TLS : EndpointProtocol.HTTP, purpose: 'HashiCorp Vault' }];
}

/** Vault logs every request (values HMAC-ed) to an audit device on each server in use. */
function vaultAuditCoverage(trail: AuditTrailDeclaration, used: { readonly secrets: readonly SecretDeclaration[]; readonly stores: readonly StoreDeclaration[] }, path: string): AuditCoverage {
  const servers = [...new Set([...used.secrets.map((s) => (s as VaultSecretDeclaration).server.address), ...used.stores.map((s) => (s as VaultStoreDeclaration).server.address)])].sort();
  const device = trail.vault;
  if (device === undefined) {
    throw auditSectionMissing(path, 'vault', 'HashiCorp Vault', servers.join(', '), 'the audit device (file or socket) every request is logged to');
  }
  return {
    backend: 'HashiCorp Vault',
    log: `audit device ${device.path}/ (${device.filePath !== undefined ? `file ${device.filePath}` : `socket ${device.socketAddress}`}) on ${servers.join(', ')}`,
    records: 'every request and response (secret values HMAC-ed) with the auth role and entity of the ESO identity; check: vault audit list',
  };
}

export const vaultBackend: BackendModel = {
  kind: VAULT_BACKEND,
  secretBackends: [SecretBackend.VAULT_KV],
  isNative: () => false,
  defaultClusters: (store, clusters) => clusters.filter((c) => clustersWithAuth(store, c)),
  defaultClustersWording: 'every cluster with a Vault auth mount on the store\'s server (addVaultAuth)',
  checkSecretRef,
  checkDerivedNames,
  // ESO lists the find's path as a directory (<mount>/metadata/<path>/) and reads each key found; finds
  // by tags read every key's metadata, which the policy never grants, so they match nothing.
  inFindScope: (secret, store, find) => (secret as VaultSecretDeclaration).server === (store as VaultStoreDeclaration).server
    && (secret as VaultSecretDeclaration).mount === (store as VaultStoreDeclaration).mount
    && (find.tags === undefined || Object.keys(find.tags).length === 0)
    && (vaultFindPrefix(find.path) === undefined || secret.name.startsWith(`${vaultFindPrefix(find.path)}/`)),
  checkFind: (path, prop, use) => {
    const prefix = vaultFindPrefix(use.find.path);
    if (prefix !== undefined) {
      checkKvPath(path, `${prop}.path`, prefix);
    }
  },
  chainedRole: () => undefined,
  endpoints: vaultEndpoints,
  auditCoverage: vaultAuditCoverage,
  federate,
  workloadIdentity: (identity: IdentityPlan) => ({
    identity: identity.kind === IdentityKind.VAULT_JWT_AUTH
      ? WorkloadIdentity.vaultJwtAuth({ trustedServiceAccounts: [identity.serviceAccount] })
      : WorkloadIdentity.vaultKubernetesAuth({ trustedServiceAccounts: [identity.serviceAccount] }),
  }),
  checkDynamicSecret: (path, prop, dynamic, store, refreshInterval) =>
    checkVaultLeaseRule(path, prop, dynamic as VaultDynamicSecretDeclaration, store, refreshInterval),
  wording: {
    readActions: (secret) => `read on ${dataPath(secret)}`,
    pushActions: (secret) => `create, read, update on ${dataPath(secret)} and its metadata`,
    decryptNote: () => '',
    findListing: (store) => `list on ${(store as VaultStoreDeclaration).mount}/metadata/<prefix>/* (names only), then `,
    findScope: (store) => ({
      where: `KV secret declared on mount "${(store as VaultStoreDeclaration).mount}" of Vault ${(store as VaultStoreDeclaration).server.id}`,
      declare: 'addVaultSecret({ server, mount, path, properties })',
    }),
    principal: (identity: IdentityPlan) => `Vault role ${identity.vault?.auth.mountPath ?? '?'}/${identity.vault?.roleName ?? identity.id}`,
    mechanism: (kind) => (kind === IdentityKind.VAULT_JWT_AUTH ? 'Vault JWT auth (public issuer)' : 'Vault Kubernetes auth (TokenReview)'),
  },
};

// Default clusters: the ones with an auth mount on the store's server. The declaration is reached
// through the store's server (the auth list lives on the declaration, passed by defaultClusters' caller).
const authIndex = new WeakMap<VaultServerDeclaration, Set<ClusterDeclaration>>();

/** Records an auth mount so `defaultClusters` finds the clusters of a server. */
export function indexVaultAuth(auth: VaultAuthDeclaration): void {
  const set = authIndex.get(auth.server) ?? new Set<ClusterDeclaration>();
  set.add(auth.cluster);
  authIndex.set(auth.server, set);
}

function clustersWithAuth(store: StoreDeclaration, cluster: ClusterDeclaration): boolean {
  return authIndex.get((store as VaultStoreDeclaration).server)?.has(cluster) ?? false;
}
