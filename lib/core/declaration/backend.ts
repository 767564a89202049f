/**
 * The one small interface the shared declaration, the plan and the access matrix dispatch through.
 * Each backend (AWS Secrets Manager + Parameter Store, Azure Key Vault, …) implements
 * {@link BackendModel} in its own engine-free module and is listed once in `backends/index.ts`.
 * Nothing outside a backend's modules knows which backend it is.
 */
import { IdentityKind, IWorkloadIdentity, ServiceAccountRef } from '../identity';
import { ClusterDeclaration } from './clusters';
import { Duration } from '../duration';
import { DynamicSecretDeclaration, SecretFindReference } from './consumers';
import type { DeclarationView } from './view';
import type { DerivedNameContext } from './derived-names';
import { ApplyTimeValues } from './outputs';
import type { AuditTrailDeclaration } from './audit';
import type { FindUse, IdentityPlan, PolicyFormPlan } from './plan-types';
import { SecretDeclaration } from './secrets';
import { EsoAuthModel, StoreDeclaration } from './stores';

/** What a backend module is asked when the plan needs the identity a store uses on a cluster. */
export interface IdentityRequest {
  /** The declaration being planned. */
  readonly declaration: DeclarationView;
  /** The store. */
  readonly store: StoreDeclaration;
  /** The cluster the store is on. */
  readonly cluster: ClusterDeclaration;
  /** Path of the store, for messages. */
  readonly storePath: string;
  /** Which service account carries the identity. */
  readonly authModel: EsoAuthModel;
  /** The service account the identity trusts. */
  readonly serviceAccount: ServiceAccountRef;
  /** The derived base name of the identity (`<declaration>-<cluster|store>[-<ns>]-eso[-controller]`). */
  readonly baseName: string;
}

/** How a store's identity federates with the cluster, and the backend's own details of it. */
export interface FederatedIdentity {
  /** Binding mechanism. */
  readonly kind: IdentityKind;
  /**
   * Whether the store must name the service account (`serviceAccountRef`, `auth.jwt.serviceAccountRef`):
   * false only where the controller's own environment carries the identity (IRSA or Pod Identity on
   * EKS, Azure workload identity on AKS).
   */
  readonly referencesServiceAccount: boolean;
  /** The backend's details, merged into the identity plan (`aws`, `azure`, …). */
  readonly details: Partial<Pick<IdentityPlan, 'aws' | 'azure' | 'gcp' | 'vault'>> & Record<string, unknown>;
  /**
   * Whether the identity exists once per cluster (a Vault role lives on the cluster's own auth
   * mount), so a store serving several clusters gets one identity per cluster instead of one
   * identity trusting every cluster (an IAM role, an Entra identity).
   * @default false
   */
  readonly perCluster?: boolean;
}

/** The grant form of one identity, and the backend's details merged into its plan. */
export interface GrantForm {
  /** The form and why. */
  readonly policyForm: PolicyFormPlan;
  /** Details merged into the identity plan (`aws` with its grant layout, …). */
  readonly details: Partial<Pick<IdentityPlan, 'aws' | 'azure' | 'gcp' | 'vault'>>;
}

/** What {@link BackendModel.planGrantForms} chose. */
export interface GrantForms {
  /** Per identity id: its form and details. */
  readonly identities: ReadonlyMap<string, GrantForm>;
  /** Tags to add to created secrets, by secret id. */
  readonly secretTags: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** Access-matrix wording of a backend. */
export interface AccessWording {
  /** Actions an identity is granted to read a secret (`GetSecretValue, DescribeSecret`). */
  readActions(secret: SecretDeclaration): string;
  /** Actions an identity is granted to write a secret through a PushSecret. */
  pushActions(secret: SecretDeclaration): string;
  /** Key use that comes with a read (`; kms:Decrypt on … via secretsmanager only`), or ''. */
  decryptNote(secret: SecretDeclaration): string;
  /** What a find needs before it reads the matched secrets (`ListSecrets … on *, then `). */
  findListing(store: StoreDeclaration): string;
  /**
   * Where a find of the store looks for declared secrets (`Secrets Manager secret declared in eu-west-1`)
   * and how to declare one (`addSecretsManagerSecret({ name })`), for the least-privilege rules' messages.
   */
  findScope(store: StoreDeclaration): { readonly where: string; readonly declare: string };
  /** The principal of an identity (`role <name>`). */
  principal(identity: IdentityPlan): string;
  /** The mechanism of an identity kind. */
  mechanism(kind: IdentityKind): string;
}

/** Transport of a {@link BackendEndpoint}, as network policies name it. */
export enum EndpointProtocol {
  /** TLS to a host name (HTTPS APIs). */
  TLS = 'TLS',
  /** Plain HTTP to a host name. */
  HTTP = 'HTTP',
  /** TCP to an address range or an in-cluster service. */
  TCP = 'TCP',
}

/** A network endpoint ESO's controller calls to serve a store (UDS `Package` egress, network policies). */
export interface BackendEndpoint {
  /**
   * DNS name outside the cluster (`secretsmanager.eu-west-1.amazonaws.com`, a Vault server).
   * @default - undefined when the endpoint is an address range or an in-cluster service
   */
  readonly host?: string;
  /**
   * Address range (`169.254.170.23/32`, the EKS Pod Identity agent on every node).
   * @default - undefined when the endpoint is a host or an in-cluster service
   */
  readonly cidr?: string;
  /**
   * Namespace of an in-cluster service (a Vault server at `https://vault.vault.svc:8200`).
   * @default - undefined when the endpoint is a host or an address range
   */
  readonly namespace?: string;
  /** Port. */
  readonly port: number;
  /** Transport. */
  readonly protocol: EndpointProtocol;
  /** What ESO calls it for (`AWS Secrets Manager`, `STS (IRSA web identity)`). */
  readonly purpose: string;
}

/** How the declaration's audit trail covers a backend, for the access matrix. */
export interface AuditCoverage {
  /** The backend (`Azure Key Vault`). */
  readonly backend: string;
  /** Where the reads land (`diagnostic setting AuditEvent → Log Analytics workspace …`). */
  readonly log: string;
  /** What is recorded, and how to check it. */
  readonly records: string;
}

/** The engine-free part of a backend: validation, identity planning and wording. */
export interface BackendModel {
  /** Stable kind of the backend module (`aws`, `azure-key-vault`); stores and identities carry it as `provider`. */
  readonly kind: string;
  /** The `SecretBackend` values of the secrets and stores this module serves. */
  readonly secretBackends: readonly string[];
  /**
   * Whether the backend belongs to the cloud the cluster runs in (its identities there are the
   * cluster's own mechanism: IRSA on EKS, workload identity on AKS). Decides the controller identity's id.
   */
  isNative(cluster: ClusterDeclaration): boolean;
  /** The clusters a store serves when it lists none. */
  defaultClusters(store: StoreDeclaration, clusters: readonly ClusterDeclaration[]): readonly ClusterDeclaration[];
  /** How {@link defaultClusters} reads in messages (`every EKS cluster`). */
  readonly defaultClustersWording: string;
  /**
   * Checks a read or write of a declared secret through a store of this backend (same region, account,
   * vault…); throws at `path`/`prop` otherwise. The backend itself already matches.
   */
  checkSecretRef(declaration: DeclarationView, path: string, prop: string, secret: SecretDeclaration, store: StoreDeclaration): void;
  /** Whether a declared secret of this backend is in reach of a find through the store (region, vault). */
  inFindScope(secret: SecretDeclaration, store: StoreDeclaration, find: SecretFindReference): boolean;
  /**
   * Checks the backend's syntax of a planned find (a Vault find's path); throws at `path`/`prop`.
   * Finds that match no declared secret are refused by rule CES-LP-1 for every backend.
   * Absent when every find's syntax is checked where it is declared.
   */
  checkFind?(path: string, prop: string, use: FindUse): void;
  /**
   * What the grant of a find covers beyond the declared secrets it matches, when the backend cannot
   * limit it to them (a Parameter Store path, a project-wide listing), as a sentence fragment; undefined
   * when the grant reads exactly the matched secrets. Rule CES-LP-2 refuses the wider ones.
   */
  findGrantBeyondMatches?(use: FindUse): string | undefined;
  /**
   * Checks the names the backend derives for one identity (roles, identities, pools, Vault roles and
   * policies, Terraform outputs): valid for their consumer, claimed unique where the consumer needs it,
   * reported on the input that produced them. Absent when the backend derives no name.
   */
  checkDerivedNames?(context: DerivedNameContext): void;
  /**
   * The grant form of each of the backend's identities (by identity id), for backends with several
   * forms; called once per plan with every identity of the backend.
   */
  policyForms?(identities: readonly IdentityPlan[], declaration: DeclarationView): ReadonlyMap<string, PolicyFormPlan>;
  /**
   * The Terraform variable a secret of this backend is created from when it has no `initialValue`
   * (a Parameter Store SecureString's `parameter_<id>`), if any.
   */
  derivedVariableName?(secret: SecretDeclaration): string | undefined;
  /**
   * A role the store's identity assumes after authenticating (role chaining): the identity then only
   * needs to assume it, and the reads through the store are the chained role's own grants.
   */
  chainedRole(store: StoreDeclaration): string | undefined;
  /**
   * The principal the backend's cloud sees for a Kubernetes service account on a cluster, where another
   * cluster can present the same one (GKE workload identity names the project's pool, not the cluster).
   * The trust rules compare them to find identities that are one principal on two clusters.
   * Absent when every cluster's principals are its own (an issuer, pool or auth mount per cluster).
   */
  sharedPrincipal?(cluster: ClusterDeclaration, serviceAccount: ServiceAccountRef): string | undefined;
  /**
   * Chooses the grant form of each of the backend's identities (the smallest exact form within the
   * cloud's quotas) and the tags the renderer sets on created secrets for it; throws when no exact
   * form fits. Absent when the backend has one grant form.
   */
  planGrantForms?(declaration: DeclarationView, identities: readonly IdentityPlan[]): GrantForms;
  /** Plans how the store's identity federates with the cluster; throws when the pair cannot federate. */
  federate(request: IdentityRequest): FederatedIdentity;
  /**
   * What a service account must carry to use the identity (annotations, pod labels), from values
   * known at synth or given after apply.
   */
  workloadIdentity(identity: IdentityPlan, values: ApplyTimeValues): ResolvedWorkloadIdentity;
  /** Access-matrix wording. */
  readonly wording: AccessWording;
  /**
   * Checks a dynamic secret (a generator) read by an ExternalSecret through a store of this backend
   * (same server, lease rule); absent for backends without dynamic secrets.
   */
  checkDynamicSecret?(path: string, prop: string, dynamic: DynamicSecretDeclaration, store: StoreDeclaration, refreshInterval: Duration): void;
  /**
   * The endpoints ESO's controller calls to serve the store with identities of these kinds (the
   * backend's API, its token exchange), for network allow lists such as the UDS `Package` CR.
   * Absent when the backend does not describe them (network allow lists then refuse its stores).
   */
  endpoints?(store: StoreDeclaration, kinds: readonly IdentityKind[]): readonly BackendEndpoint[];
  /**
   * How the audit trail makes every read of the backend's secrets land in an audit log, given the
   * declared secrets and stores of the backend; throws at `path` when the trail lacks the section the
   * backend needs. Absent when the backend cannot be audited (an audit trail then refuses it).
   */
  auditCoverage?(trail: AuditTrailDeclaration, used: { readonly secrets: readonly SecretDeclaration[]; readonly stores: readonly StoreDeclaration[] }, path: string): AuditCoverage;
}

/** A workload identity, or the apply-time output it still needs. */
export interface ResolvedWorkloadIdentity {
  /**
   * The identity's service-account annotations and pod labels.
   * @default - undefined when an apply-time value is missing
   */
  readonly identity?: IWorkloadIdentity;
  /**
   * The Terraform output that holds the missing value.
   * @default - undefined when nothing is missing
   */
  readonly missingOutput?: string;
}
