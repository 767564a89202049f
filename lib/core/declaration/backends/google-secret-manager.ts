/**
 * The Google Secret Manager backend, engine-free part: secrets and stores and their validation, how
 * its identities federate with each cluster kind (GKE workload identity, direct principal by default
 * or a Google service account; a workload identity pool per cluster outside GKE), the principal
 * strings both renderers use, and its access-matrix wording.
 * The cdktf part is `lib/platform/backends/google-cloud.ts`, the cdk8s part `lib/platform/backends/google-store.ts`.
 */
import { isGcpLabelKey, isGcpLabelValue, isGcpRegion, isGcpSecretId } from '../../cloud-names';
import {
  cannotFederate, gcpModeOutsideGke, invalidGcpLabelKey, invalidGcpLabelValue, invalidGcpLocation, invalidGcpReplicas, invalidGcpSecretId,
  gcpFindUnsupported, missingGcpDefaults, missingGkeProjectNumber,
} from '../../errors';
import type { DerivedNameInput } from '../../errors';
import {
  gkeDirectPrincipal, gkeWorkloadIdentityUserMember, googleServiceAccountEmail, workloadIdentityPoolAudience, workloadIdentityPoolName, workloadIdentityPoolPrincipal,
} from '../../gcp-principals';
import { IdentityKind, WorkloadIdentity } from '../../identity';
import { assertNonEmptyList, assertSecretProperties, assertShape } from '../../validation';
import { AuditCoverage, BackendEndpoint, BackendModel, EndpointProtocol, FederatedIdentity, IdentityRequest } from '../backend';
import type { GkeClusterDeclaration } from '../cluster-kinds/gke';
import { ClusterCloud, ClusterDeclaration } from '../clusters';
import type { DeclarationView } from '../view';
import { DeclarationMembers } from '../members';
import { DerivedNameClaims, DerivedNameContext } from '../derived-names';
import type { IdentityPlan } from '../plan-types';
import { SecretBackend, SecretDeclaration } from '../secrets';
import { declareStoreBase } from '../store-base';
import { EsoAuthModel, StoreDeclaration, StoreOptions } from '../stores';
import { InitialValue, checkInitialValue } from '../values';

/** Kind of the Google Secret Manager backend module. */
export const GOOGLE_SECRET_MANAGER_BACKEND = 'google-secret-manager';

/** Google Cloud defaults of a declaration: the project holding the secrets (and the pools of clusters outside GKE). */
export interface GcpDefaults {
  /** Project ID. */
  readonly projectId: string;
  /** Project number (principals and service agents are named after it). */
  readonly projectNumber: string;
}

/** Which Google identity a store's Kubernetes service account uses on GKE. */
export enum GcpIdentityMode {
  /** The Kubernetes service account itself is the IAM principal (no Google service account, no annotation). */
  DIRECT_PRINCIPAL = 'DIRECT_PRINCIPAL',
  /** A Google service account the Kubernetes service account impersonates (`iam.gke.io/gcp-service-account`). GKE only. */
  GOOGLE_SERVICE_ACCOUNT = 'GOOGLE_SERVICE_ACCOUNT',
}

/** Props of {@link SecretsDeclaration.addGoogleSecret}. */
export interface GoogleSecretOptions {
  /** Secret ID in Secret Manager (1-255 letters, digits, "-" and "_"): the `remoteRef.key`. */
  readonly name: string;
  /**
   * Regions of the replicas (user-managed replication).
   * @default - automatic replication
   */
  readonly replicaLocations?: string[];
  /**
   * Labels of the secret.
   * @default - none
   */
  readonly labels?: Record<string, string>;
  /**
   * JSON properties the secret holds; consumers reading others are rejected at synth.
   * @default - not checked
   */
  readonly properties?: string[];
  /**
   * The secret exists already and is managed elsewhere: the cloud side only grants access.
   * @default false
   */
  readonly managedElsewhere?: boolean;
  /**
   * First version's value, from a sensitive variable (write-only `secret_data_wo`).
   * @default - no version: values are added out of band
   */
  readonly initialValue?: InitialValue;
}

/** A Secret Manager secret in a declaration. */
export interface GoogleSecretDeclaration extends SecretDeclaration {
  readonly backend: SecretBackend.GOOGLE_SECRET_MANAGER;
  /** Project of the secret. */
  readonly project: GcpDefaults;
  /**
   * Replica regions.
   * @default - undefined: automatic replication
   */
  readonly replicaLocations?: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/** Props of a Google Secret Manager store. */
export interface GoogleStoreOptions extends StoreOptions {
  /**
   * Identity mode on GKE clusters (clusters elsewhere always use their workload identity pool's principal).
   * @default GcpIdentityMode.DIRECT_PRINCIPAL
   */
  readonly identityMode?: GcpIdentityMode;
}

/** A Google Secret Manager store in a declaration. */
export interface GoogleStoreDeclaration extends StoreDeclaration {
  readonly cloud: ClusterCloud.GCP;
  readonly backend: SecretBackend.GOOGLE_SECRET_MANAGER;
  /** Project of the secrets the store reads. */
  readonly project: GcpDefaults;
  readonly identityMode: GcpIdentityMode;
}

/** Google side of an identity plan. */
export interface GcpIdentityPlan {
  /** Identity mode (on GKE). */
  readonly mode: GcpIdentityMode;
  /** Project of the secrets (and of the pools of clusters outside GKE). */
  readonly project: GcpDefaults;
  /**
   * Google service account ID (`GOOGLE_SERVICE_ACCOUNT` mode), derived.
   * @default - undefined in direct mode
   */
  readonly accountId?: string;
  /**
   * Google service account e-mail (`GOOGLE_SERVICE_ACCOUNT` mode).
   * @default - undefined in direct mode
   */
  readonly email?: string;
}

/** Declares a Secret Manager secret (see {@link SecretsDeclaration.addGoogleSecret}). */
export function declareGoogleSecret(members: DeclarationMembers, declaration: DeclarationView, id: string, options: GoogleSecretOptions): GoogleSecretDeclaration {
  const path = members.register('secrets', id);
  const project = requireGcp(path, declaration);
  if (typeof options.name !== 'string' || !isGcpSecretId(options.name)) {
    throw invalidGcpSecretId(path, 'name', options.name);
  }
  assertShape(path, '', options, { 'replicaLocations?': 'array', 'labels?': 'stringMap', 'managedElsewhere?': 'boolean' });
  assertNonEmptyList(path, 'replicaLocations', options.replicaLocations, 'list at least one region, or leave replicaLocations unset for automatic replication');
  const seen = new Set<string>();
  (options.replicaLocations ?? []).forEach((location, i) => {
    if (typeof location !== 'string' || !isGcpRegion(location)) {
      throw invalidGcpLocation(path, `replicaLocations[${i}]`, location, 'a Google Cloud region such as "europe-west1"');
    }
    if (seen.has(location)) {
      throw invalidGcpReplicas(path, `replicaLocations[${i}]`, location, 'each location at most once');
    }
    seen.add(location);
  });
  assertSecretProperties(path, 'properties', options.properties);
  const labels = { ...declarationLabels(declaration), ...options.labels };
  for (const [key, value] of Object.entries(labels)) {
    if (!isGcpLabelKey(key)) {
      throw invalidGcpLabelKey(path, `labels.${key}`, key);
    }
    if (typeof value !== 'string' || !isGcpLabelValue(value)) {
      throw invalidGcpLabelValue(path, `labels.${key}`, value);
    }
  }
  // Only AWS generates passwords at apply time (GetRandomPassword); the others take a sensitive variable.
  checkInitialValue(path, 'initialValue', options.initialValue, 'Google Secret Manager');
  members.claimUnique(path, 'name', `gsm-secret:${project.projectId}:${options.name}`, options.name);
  return members.adopt<GoogleSecretDeclaration>('secrets', {
    id, backend: SecretBackend.GOOGLE_SECRET_MANAGER, name: options.name, project,
    replicaLocations: options.replicaLocations ? [...options.replicaLocations] : undefined, labels,
    managedElsewhere: options.managedElsewhere ?? false, initialValue: options.initialValue,
    properties: options.properties ? [...options.properties] : undefined,
  });
}

/** Declares a Google Secret Manager store (see {@link SecretsDeclaration.addGoogleSecretManagerStore}). */
export function declareGoogleStore(members: DeclarationMembers, declaration: DeclarationView, id: string, options: GoogleStoreOptions): GoogleStoreDeclaration {
  const path = members.register('stores', id);
  const project = requireGcp(path, declaration);
  const base = declareStoreBase(members, path, id, options);
  assertShape(path, '', options, { 'identityMode?': { enum: GcpIdentityMode, name: 'GcpIdentityMode' } });
  return members.adopt<GoogleStoreDeclaration>('stores', {
    ...base, provider: GOOGLE_SECRET_MANAGER_BACKEND, cloud: ClusterCloud.GCP, backend: SecretBackend.GOOGLE_SECRET_MANAGER,
    project, identityMode: options.identityMode ?? GcpIdentityMode.DIRECT_PRINCIPAL,
  });
}

function requireGcp(path: string, declaration: DeclarationView): GcpDefaults {
  if (declaration.gcp === undefined) {
    throw missingGcpDefaults(path);
  }
  return declaration.gcp;
}

/** Google labels cannot hold the declaration's default tags as they are (`managed-by` is fine, values must be lowercase). */
function declarationLabels(declaration: DeclarationView): Record<string, string> {
  return { 'managed-by': 'cdk-external-secrets', 'declaration': declaration.name };
}

/** Whether a cluster is a GKE cluster (GKE workload identity) rather than one federated through a pool. */
export function isGke(cluster: ClusterDeclaration): cluster is GkeClusterDeclaration {
  return cluster.cloud === ClusterCloud.GCP;
}

/**
 * The workload identity pool of a cluster outside GKE: `<declaration>-<cluster>` made a valid pool ID
 * (4-32 lowercase letters, digits and "-", not starting with "gcp-"), shortened with a hash when too long.
 */
export function gcpPoolId(declaration: DeclarationView, cluster: ClusterDeclaration): string {
  return boundedId(`${declaration.name}-${cluster.id}`, 4, 32, 'p');
}

/** The audience a store on a cluster outside GKE passes to ESO (its pool provider's resource name). */
export function gcpPoolAudience(declaration: DeclarationView, project: GcpDefaults, cluster: ClusterDeclaration): string {
  return workloadIdentityPoolAudience(project.projectNumber, gcpPoolId(declaration, cluster), 'kubernetes');
}

/** The project number of a GKE cluster's project (its own, or the declaration's when the projects match). */
export function gkeProjectNumber(declaration: DeclarationView, cluster: GkeClusterDeclaration): string | undefined {
  return cluster.projectNumber ?? (declaration.gcp?.projectId === cluster.projectId ? declaration.gcp.projectNumber : undefined);
}

/** The IAM member an identity is on a cluster: the exact string the cloud side grants roles to. */
export function gcpMember(declaration: DeclarationView, identity: IdentityPlan, cluster: ClusterDeclaration): string {
  const gcp = identity.gcp!;
  if (isGke(cluster)) {
    if (gcp.mode === GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT) {
      return `serviceAccount:${gcp.email!}`;
    }
    return gkeDirectPrincipal(gkeProjectNumber(declaration, cluster)!, cluster.projectId, identity.serviceAccount);
  }
  return workloadIdentityPoolPrincipal(workloadIdentityPoolName(gcp.project.projectNumber, gcpPoolId(declaration, cluster)), identity.serviceAccount);
}

function federate(request: IdentityRequest): FederatedIdentity {
  const { declaration, cluster, storePath, authModel, baseName } = request;
  const store = request.store as GoogleStoreDeclaration;
  let kind: IdentityKind;
  let referencesServiceAccount: boolean;
  if (isGke(cluster)) {
    if (store.identityMode === GcpIdentityMode.DIRECT_PRINCIPAL && gkeProjectNumber(declaration, cluster) === undefined) {
      throw missingGkeProjectNumber(storePath, 'clusters', cluster.id, cluster.projectId);
    }
    kind = IdentityKind.GCP_WORKLOAD_IDENTITY;
    // On GKE, the controller's own metadata-server credentials carry a CONTROLLER identity.
    referencesServiceAccount = authModel !== EsoAuthModel.CONTROLLER;
  } else {
    if (store.identityMode === GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT) {
      throw gcpModeOutsideGke(storePath, 'identityMode', store.identityMode, cluster.id);
    }
    if (cluster.oidcIssuerUrl === undefined) {
      throw cannotFederate(storePath, 'clusters', cluster.id, store.name, 'Google workload identity federation',
        'a workload identity pool provider names the cluster\'s OIDC issuer');
    }
    kind = IdentityKind.GCP_WORKLOAD_IDENTITY_FEDERATION;
    referencesServiceAccount = true;
  }
  const accountId = store.identityMode === GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT ? boundedId(baseName, 6, 30, 'eso') : undefined;
  return {
    kind,
    referencesServiceAccount,
    details: {
      gcp: {
        mode: store.identityMode, project: store.project, accountId,
        email: accountId === undefined ? undefined : googleServiceAccountEmail(accountId, store.project.projectId),
      } satisfies GcpIdentityPlan,
    },
  };
}

function checkDerivedNames(context: DerivedNameContext): void {
  if (context.identity.gcp !== undefined) {
    checkGoogleIdentity(context.declaration, context.claims, context.identity, context.input);
  }
}

function checkGoogleIdentity(declaration: DeclarationView, claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput): void {
  const gcp = identity.gcp!;
  if (gcp.accountId !== undefined) {
    claims.claim(`gsa:${gcp.project.projectId}:${gcp.accountId}`, input, 'Google service account ID', gcp.accountId,
      `a project holds one service account of an ID, so both would share ${gcp.accountId}@${gcp.project.projectId}.iam.gserviceaccount.com`,
      'rename one of the two so the derived IDs differ (IDs keep only lowercase letters, digits and "-")');
  }
  for (const cluster of identity.clusters.filter((c) => !isGke(c))) {
    const pool = gcpPoolId(declaration, cluster);
    claims.claim(`gcp-pool:${gcp.project.projectNumber}:${pool}`, { path: declaration.pathOf('clusters', cluster.id), prop: 'id', value: cluster.id },
      'workload identity pool ID', pool,
      'one pool would trust two clusters\' issuers under one provider, so one cluster\'s tokens would be rejected',
      'rename one of the two clusters so the derived pool IDs differ (IDs keep only lowercase letters, digits and "-")');
  }
}

/** The Google Secret Manager backend model. */
/**
 * What ESO calls for a Google store: Secret Manager, Google STS (it exchanges the service account's
 * token there) and, when it impersonates a Google service account, the IAM credentials API.
 */
function googleEndpoints(store: StoreDeclaration): readonly BackendEndpoint[] {
  const tls = (host: string, purpose: string): BackendEndpoint => ({ host, port: 443, protocol: EndpointProtocol.TLS, purpose });
  return [
    tls('secretmanager.googleapis.com', 'Google Secret Manager'),
    tls('sts.googleapis.com', 'Google STS (workload identity token exchange)'),
    ...(store as GoogleStoreDeclaration).identityMode === GcpIdentityMode.GOOGLE_SERVICE_ACCOUNT
      ? [tls('iamcredentials.googleapis.com', 'Google IAM credentials (service account impersonation)')] : [],
  ];
}

/** Secret Manager reads are Data Access (`DATA_READ`) audit logs, off by default: rendered on each project in use. */
function googleAuditCoverage(_trail: unknown, used: { readonly secrets: readonly SecretDeclaration[]; readonly stores: readonly StoreDeclaration[] }): AuditCoverage {
  return {
    backend: 'Google Secret Manager',
    log: `Data Access audit logs (DATA_READ) of secretmanager.googleapis.com on project ${googleProjects(used).join(', ')}`,
    records: 'AccessSecretVersion with the ESO principal; check: Logs Explorer, protoPayload.methodName="google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion"',
  };
}

/** The projects of the Google secrets and stores in use, sorted. */
export function googleProjects(used: { readonly secrets: readonly SecretDeclaration[]; readonly stores: readonly StoreDeclaration[] }): string[] {
  return [...new Set([...used.secrets.map((s) => (s as GoogleSecretDeclaration).project.projectId), ...used.stores.map((s) => (s as GoogleStoreDeclaration).project.projectId)])].sort();
}

export const googleSecretManagerBackend: BackendModel = {
  kind: GOOGLE_SECRET_MANAGER_BACKEND,
  secretBackends: [SecretBackend.GOOGLE_SECRET_MANAGER],
  isNative: isGke,
  defaultClusters: (_store, clusters) => clusters.filter(isGke),
  defaultClustersWording: 'every GKE cluster',
  // One Google project per declaration: every declared Google secret is in reach of every Google store.
  checkSecretRef: () => undefined,
  inFindScope: () => true,
  // No per-secret list permission exists, and secretmanager.secrets.list on the project is never granted.
  checkFind: (path, prop, use) => { throw gcpFindUnsupported(path, prop, use.store.name); },
  checkDerivedNames,
  chainedRole: () => undefined,
  endpoints: googleEndpoints,
  auditCoverage: googleAuditCoverage,
  // GKE: `<project>.svc.id.goog[ns/sa]` is one principal on every GKE cluster of the project.
  sharedPrincipal: (cluster, serviceAccount) => isGke(cluster) ? gkeWorkloadIdentityUserMember(cluster.projectId, serviceAccount) : undefined,
  federate,
  workloadIdentity: (identity) => {
    const trustedServiceAccounts = [identity.serviceAccount];
    const email = identity.gcp!.email;
    return {
      identity: identity.kind === IdentityKind.GCP_WORKLOAD_IDENTITY
        ? WorkloadIdentity.gke({ googleServiceAccountEmail: email, trustedServiceAccounts })
        : WorkloadIdentity.gcpFederation({ trustedServiceAccounts }),
    };
  },
  wording: {
    readActions: () => 'roles/secretmanager.secretAccessor on the secret',
    pushActions: () => 'roles/secretmanager.viewer, secretAccessor and secretVersionAdder on the secret',
    decryptNote: () => '',
    findListing: () => 'secretmanager.secrets.list on the project (not granted: finds are refused), then ',
    findScope: () => ({ where: 'Secret Manager secret declared in the store\'s project', declare: 'addGoogleSecret({ name })' }),
    principal: (identity: IdentityPlan) => identity.gcp?.email !== undefined
      ? `Google service account ${identity.gcp.email}` : `Google principals of ${identity.serviceAccount.namespace}/${identity.serviceAccount.name}`,
    mechanism: (kind: IdentityKind) => kind === IdentityKind.GCP_WORKLOAD_IDENTITY
      ? 'GKE workload identity (direct principal or Google service account; a pool per cluster elsewhere)' : 'Google workload identity federation (pool per cluster)',
  },
};

/** A valid bounded ID from a derived name: lowercase, letters, digits and "-", shortened with a hash when too long. */
function boundedId(name: string, min: number, max: number, prefix: string): string {
  let id = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(id) || id.startsWith('gcp-')) {
    id = `${prefix}-${id}`;
  }
  if (id.length > max) {
    const hash = fnv1a(name);
    id = `${id.slice(0, max - hash.length - 1).replace(/-+$/, '')}-${hash}`;
  }
  while (id.length < min) {
    id = `${id}-x`;
  }
  return id;
}

/** FNV-1a 32-bit hash as 8 hex digits (engine-free, deterministic). */
function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
