import { assertDuration, Duration, ESO_INTERVAL_BOUNDS } from '../duration';
import {
  emptyExternalSecret, emptyList, unknownSecretProperty, backendMismatch, clusterNotServed, storeServesNoCluster, duplicateSecretKey,
  duplicateTargetSecret, emptyCollection, forbiddenTargetPolicies, wrongType, invalidMetadataKey, invalidSecretKey, literalSecretInTemplate, pushSecretReadLoop,
} from '../errors';
import {
  ConversionStrategy, CreationPolicy, DecodingStrategy, DeletionPolicy, isForbiddenTargetPolicyPair, MetadataPolicy, NullBytePolicy, RefreshPolicy, TemplateMergePolicy,
} from '../eso-enums';
import { ServiceAccountRef } from '../identity';
import { assertDnsLabel, assertDnsSubdomain, assertGoTemplate, assertNumberInRange, assertProps, assertRe2, assertShape, isQualifiedName, literalSecretReason, Shape } from '../validation';
import {
  backendModel, backendModelOfSecret, declareAwsSecret, declareAwsStore, declareAzureKeyVaultStore, declareGoogleSecret, declareGoogleStore,
  declareKeyVault, declareKeyVaultSecret, declareKmsKey, GcpDefaults, GoogleSecretDeclaration, GoogleSecretOptions, GoogleStoreDeclaration,
  GoogleStoreOptions,
} from './backends';
import {
  declareVaultAuth, declareVaultDynamicSecret, declareVaultSecret, declareVaultServer, declareVaultStore, indexVaultAuth,
  VaultAuthDeclaration, VaultAuthOptions, VaultDynamicSecretDeclaration, VaultDynamicSecretDeclarationOptions, VaultSecretDeclaration,
  VaultSecretOptions, VaultServerDeclaration, VaultServerOptions, VaultStoreDeclaration, VaultStoreOptions,
} from './backends/vault';
import { AwsConsumerDeclaration, AwsConsumerOptions, declareAwsConsumer } from './backends/aws-consumers';
import {
  declareVaultDatabaseEngine, declareVaultPkiEngine, VaultDatabaseEngineOptions, VaultEngineDeclaration, VaultPkiEngineOptions,
} from './backends/vault-engine-declarations';
import { checkAwsAccount, checkAwsRegion, checkAzureTenant } from './checks';
import { checkAwsGrantOptions, checkNoGrantTag } from './backends/aws-grants';
import { isGcpProjectId, isGcpProjectNumber } from '../cloud-names';
import { invalidGcpProjectId, invalidGcpProjectNumber } from '../errors';
import { AksClusterDeclaration, AksClusterOptions, declareAksCluster } from './cluster-kinds/aks';
import { declareEksCluster, EksClusterDeclaration, EksClusterOptions } from './cluster-kinds/eks';
import { declareGenericCluster, GenericClusterDeclaration, GenericClusterOptions } from './cluster-kinds/generic';
import { declareGkeCluster, GkeClusterDeclaration, GkeClusterOptions } from './cluster-kinds/gke';
import { ClusterDeclaration } from './clusters';
import {
  ExternalSecretDeclaration, ExternalSecretOptions, PushSecretDeclaration, PushSecretOptions, SecretKeyReference,
} from './consumers';
import { DeclarationMembers } from './members';
import { declareWorkload, WorkloadDeclaration, WorkloadOptions } from './workloads';
import {
  checkPasswordGeneratorOptions, GENERATED_SECRET_OPTIONS, GeneratedSecretDeclaration, GeneratedSecretOptions, GeneratedValue, GeneratedValueReference, PasswordGeneratorDeclaration, PasswordGeneratorOptions,
} from './generators';
import { TenantDirectory } from '../tenants';
import { auditTrailTwice, missingDeclarationOptions } from '../errors';
import { AuditTrailDeclaration, AuditTrailOptions, declareAuditTrail } from './audit';
import { Acknowledgement, checkAcknowledgement } from '../invariants/acknowledgements';
import { enforceRules } from '../invariants/engine';
import { PLAN_RULES } from '../invariants/rules';
import { planDeclaration } from './plan';
import type { DeclarationPlan } from './plan-types';
import type { AwsDefaults, AzureDefaults, DeclarationView, TenantDeclaration } from './view';
import {
  AwsSecretDeclaration, AwsSecretOptions, KeyVaultDeclaration, KeyVaultOptions, KeyVaultSecretDeclaration,
  KeyVaultSecretOptions, KmsKeyDeclaration, KmsKeyOptions, SecretBackend, SecretDeclaration,
} from './secrets';
import { AwsStoreDeclaration, AwsStoreOptions, AzureStoreDeclaration, AzureStoreOptions, StoreDeclaration } from './stores';

/** Where the ESO controller runs on every cluster (must match the ESO Helm release). */
export interface EsoControllerOptions {
  /**
   * Namespace of the ESO release.
   * @default "external-secrets"
   */
  readonly namespace?: string;
  /**
   * Name of the controller's service account.
   * @default "external-secrets"
   */
  readonly serviceAccountName?: string;
}

/** Props of {@link SecretsDeclaration.addTenant}. */
export interface TenantOptions {
  /** The tenant's namespaces (each belongs to one tenant). */
  readonly namespaces: string[];
  /** Groups of the team (as the API server authenticates them): bound to the tenant's Role in each namespace. */
  readonly groups: string[];
  /**
   * Secrets the tenant owns: only its namespaces may use them.
   * @default - none
   */
  readonly secrets?: SecretDeclaration[];
  /**
   * Let the team manage PushSecrets in its namespaces (RBAC).
   * @default false
   */
  readonly allowPushSecrets?: boolean;
}

/** The decoding options of every fetched value (`data`, `extract`, `find`), as JavaScript callers must pass them. */
const FETCHED_VALUE = {
  'decodingStrategy?': { enum: DecodingStrategy, name: 'DecodingStrategy' },
  'conversionStrategy?': { enum: ConversionStrategy, name: 'ConversionStrategy' },
  'nullBytePolicy?': { enum: NullBytePolicy, name: 'NullBytePolicy' },
} as const;

/** Props of {@link SecretsDeclaration}. */
export interface SecretsDeclarationProps {
  /** Name of the declaration: the prefix of every derived cloud name (DNS-1123 label, keep it short). */
  readonly name: string;
  /**
   * AWS defaults: required as soon as AWS clusters, secrets or stores are declared.
   * @default - no AWS defaults
   */
  readonly aws?: AwsDefaults;
  /**
   * Azure defaults: required as soon as Azure vaults or clusters are declared without a tenant.
   * @default - no Azure defaults
   */
  readonly azure?: AzureDefaults;
  /**
   * Google Cloud defaults: the project of Google Secret Manager secrets (and of the workload identity
   * pools of clusters outside GKE); required as soon as Google secrets or stores are declared.
   * @default - no Google Cloud defaults
   */
  readonly gcp?: GcpDefaults;
  /**
   * Where the ESO controller runs.
   * @default - namespace "external-secrets", service account "external-secrets"
   */
  readonly esoController?: EsoControllerOptions;
  /**
   * Tags added to every cloud resource the declaration creates.
   * @default - `managed-by: cdk-external-secrets` and `declaration: <name>`
   */
  readonly tags?: Record<string, string>;
}

/** The shape of ExternalSecretOptions (built once: estates declare thousands of ExternalSecrets). */
const EXTERNAL_SECRET_OPTIONS: Shape = {
  'name': 'nonEmptyString', 'namespace': 'nonEmptyString', 'store': 'object', 'clusters?': 'array', 'targetSecretName?': 'string',
  'refreshPolicy?': { enum: RefreshPolicy, name: 'RefreshPolicy' },
  'creationPolicy?': { enum: CreationPolicy, name: 'CreationPolicy' },
  'deletionPolicy?': { enum: DeletionPolicy, name: 'DeletionPolicy' },
  'immutable?': 'boolean',
  'data?': { arrayOf: { shape: { secretKey: 'nonEmptyString', secret: 'object', 'property?': 'string', 'version?': 'string', ...FETCHED_VALUE, 'metadataPolicy?': { enum: MetadataPolicy, name: 'MetadataPolicy' } } } },
  'extract?': { arrayOf: { shape: { secret: 'object', 'version?': 'string', ...FETCHED_VALUE } } },
  'find?': { arrayOf: { shape: { 'nameRegexp?': 'string', 'tags?': 'stringMap', 'path?': 'string', ...FETCHED_VALUE } } },
  'template?': { shape: { 'type?': 'string', 'data?': 'stringMap', 'labels?': 'stringMap', 'annotations?': 'stringMap', 'mergePolicy?': { enum: TemplateMergePolicy, name: 'TemplateMergePolicy' } } },
  'generated?': { arrayOf: { shape: { 'generator': 'object', 'secretKey?': 'string' } } },
  'workloads?': 'stringArray',
};

/**
 * One typed declaration of the whole external-secrets stack: clusters, secrets, stores and the
 * ExternalSecrets that read them. Engine-free (no cdktf or cdk8s objects), so the cdktf app and the
 * cdk8s app both import the same module and render consistent outputs:
 * `SecretsPlatformInfrastructure` (cdktf) and `SecretsPlatformManifests` (cdk8s).
 *
 * Names and ARNs are derived deterministically; bad input throws at declaration time with the
 * library's message format, cross-references are checked by {@link SecretsDeclaration.plan}. Each backend (AWS, Azure
 * Key Vault, …) and cluster kind (EKS, AKS, GKE, generic) is its own module; the `addX()` methods
 * delegate to them (see `lib/core/README.md`).
 */
export class SecretsDeclaration implements DeclarationView {
  /** Name of the declaration (prefix of derived names). */
  public readonly name: string;
  /** The ESO controller's service account on every cluster. */
  public readonly esoController: ServiceAccountRef;
  /** Tags on every cloud resource created. */
  public readonly tags: Readonly<Record<string, string>>;

  /** AWS defaults (account and region of secrets, keys and ESO roles). */
  public readonly aws?: AwsDefaults;
  /** Azure defaults. */
  public readonly azure?: AzureDefaults;
  /** Google Cloud defaults. */
  public readonly gcp?: GcpDefaults;
  /** Ids, names and membership of the declared elements (used by the backend and cluster-kind modules). */
  private readonly members: DeclarationMembers;
  private readonly tenantDirectory = new TenantDirectory<SecretDeclaration>();
  /** Tenants by id, so the rules look owners up in constant time. */
  private readonly tenantsById = new Map<string, TenantDeclaration>();
  /** Target Secrets by cluster, namespace and name, with the path of the ExternalSecret writing each. */
  private readonly targets = new Map<string, string>();
  private cachedPlan?: DeclarationPlan;
  private enforcedPlan?: DeclarationPlan;
  private readonly acknowledgementList: Acknowledgement[] = [];
  private auditTrailDeclaration?: AuditTrailDeclaration;

  constructor(props: SecretsDeclarationProps) {
    assertProps('SecretsDeclaration', props, 'SecretsDeclarationProps', {
      'name': 'nonEmptyString', 'aws?': 'object', 'azure?': 'object', 'gcp?': 'object', 'esoController?': 'object', 'tags?': 'stringMap',
    });
    assertDnsLabel('SecretsDeclaration', 'name', props?.name);
    this.name = props.name;
    if (props.aws) {
      checkAwsAccount(this.name, 'aws.accountId', props.aws.accountId);
      checkAwsRegion(this.name, 'aws.region', props.aws.region);
      checkAwsGrantOptions(this.name, props.aws);
    }
    if (props.azure) {
      checkAzureTenant(this.name, 'azure.tenantId', props.azure.tenantId);
      assertNumberInRange(this.name, 'azure.roleAssignmentLimit', props.azure.roleAssignmentLimit, {
        min: 1, integer: true, fix: 'pass the role assignments your subscription allows (4000 unless Microsoft raised it), or leave it out',
      });
      assertNumberInRange(this.name, 'azure.existingRoleAssignments', props.azure.existingRoleAssignments, {
        min: 0, integer: true, fix: 'pass the count of role assignments outside this declaration (az role assignment list --all --query \'length(@)\'), or leave it out',
      });
    }
    if (props.gcp) {
      if (typeof props.gcp.projectId !== 'string' || !isGcpProjectId(props.gcp.projectId)) {
        throw invalidGcpProjectId(this.name, 'gcp.projectId', props.gcp.projectId);
      }
      if (typeof props.gcp.projectNumber !== 'string' || !isGcpProjectNumber(props.gcp.projectNumber)) {
        throw invalidGcpProjectNumber(this.name, 'gcp.projectNumber', props.gcp.projectNumber);
      }
    }
    checkNoGrantTag(this.name, 'tags', props.tags);
    this.aws = props.aws;
    this.azure = props.azure;
    this.gcp = props.gcp ? { projectId: props.gcp.projectId, projectNumber: props.gcp.projectNumber } : undefined;
    const namespace = props.esoController?.namespace ?? 'external-secrets';
    const serviceAccountName = props.esoController?.serviceAccountName ?? 'external-secrets';
    assertDnsLabel(this.name, 'esoController.namespace', namespace);
    assertDnsSubdomain(this.name, 'esoController.serviceAccountName', serviceAccountName);
    this.esoController = { namespace, name: serviceAccountName };
    this.tags = { 'managed-by': 'cdk-external-secrets', 'declaration': this.name, ...props.tags };
    this.members = new DeclarationMembers(this.name, () => { this.cachedPlan = undefined; this.enforcedPlan = undefined; });
  }

  /** Declared clusters, in declaration order. */
  public get clusters(): readonly ClusterDeclaration[] { return this.members.list('clusters'); }
  /** Declared KMS keys. */
  public get kmsKeys(): readonly KmsKeyDeclaration[] { return this.members.list('kmsKeys'); }
  /** Declared Key Vaults. */
  public get keyVaults(): readonly KeyVaultDeclaration[] { return this.members.list('keyVaults'); }
  /** Declared secrets (all backends). */
  public get secrets(): readonly SecretDeclaration[] { return this.members.list('secrets'); }
  /** Declared stores. */
  public get stores(): readonly StoreDeclaration[] { return this.members.list('stores'); }
  /** Declared ExternalSecrets. */
  public get externalSecrets(): readonly ExternalSecretDeclaration[] { return this.members.list('externalSecrets'); }
  /** Declared Password generators. */
  public get passwordGenerators(): readonly PasswordGeneratorDeclaration[] { return this.members.list('passwordGenerators'); }
  /** Declared ExternalSecrets whose values all come from generators (no store). */
  public get generatedSecrets(): readonly GeneratedSecretDeclaration[] { return this.members.list('generatedSecrets'); }
  /** Declared PushSecrets. */
  public get pushSecrets(): readonly PushSecretDeclaration[] { return this.members.list('pushSecrets'); }
  /** Declared Vault servers. */
  public get vaultServers(): readonly VaultServerDeclaration[] { return this.members.list('vaultServers'); }
  /** Declared Vault auth mounts (one per server and cluster). */
  public get vaultAuths(): readonly VaultAuthDeclaration[] { return this.members.list('vaultAuths'); }
  /** Declared AWS workloads outside Kubernetes (Lambda, ECS, EC2) reading secrets at runtime. */
  public get awsConsumers(): readonly AwsConsumerDeclaration[] { return this.members.list('awsConsumers'); }
  /** Declared Vault secrets engines (database, PKI). */
  public get vaultEngines(): readonly VaultEngineDeclaration[] { return this.members.list('vaultEngines'); }
  /** Declared dynamic secrets (generators). */
  public get dynamicSecrets(): readonly VaultDynamicSecretDeclaration[] { return this.members.list('dynamicSecrets'); }

  // ---- cluster kinds -------------------------------------------------------------------------

  /** Declares an EKS cluster (IRSA or EKS Pod Identity for AWS stores; its issuer for the other clouds). */
  public addEksCluster(id: string, options: EksClusterOptions): EksClusterDeclaration {
    this.checkOptions('clusters', id, options, 'EksClusterOptions', 'addEksCluster');
    return declareEksCluster(this.members, this, id, options);
  }

  /** Declares an AKS cluster (workload identity and OIDC issuer enabled). */
  public addAksCluster(id: string, options: AksClusterOptions): AksClusterDeclaration {
    this.checkOptions('clusters', id, options, 'AksClusterOptions', 'addAksCluster');
    return declareAksCluster(this.members, this, id, options);
  }

  /** Declares a GKE cluster (workload pool `<project>.svc.id.goog`, public issuer derived). */
  public addGkeCluster(id: string, options: GkeClusterOptions): GkeClusterDeclaration {
    this.checkOptions('clusters', id, options, 'GkeClusterOptions', 'addGkeCluster');
    return declareGkeCluster(this.members, id, options);
  }

  /**
   * Declares a cluster of any other distribution (on-prem RKE2, k3s, Kind, …), with an optional
   * public OIDC issuer that cloud stores federate with.
   */
  public addCluster(id: string, options: GenericClusterOptions): GenericClusterDeclaration {
    this.checkOptions('clusters', id, options, 'GenericClusterOptions', 'addCluster');
    return declareGenericCluster(this.members, id, options);
  }

  // ---- AWS -----------------------------------------------------------------------------------

  /** Declares a customer-managed KMS key (rotating) for secrets. */
  public addKmsKey(id: string, options: KmsKeyOptions): KmsKeyDeclaration {
    this.checkOptions('kmsKeys', id, options, 'KmsKeyOptions', 'addKmsKey');
    return declareKmsKey(this.members, this, id, options);
  }

  /** Declares an AWS Secrets Manager secret. */
  public addSecretsManagerSecret(id: string, options: AwsSecretOptions): AwsSecretDeclaration {
    this.checkOptions('secrets', id, options, 'AwsSecretOptions', 'addSecretsManagerSecret');
    return declareAwsSecret(this.members, this, id, options, SecretBackend.AWS_SECRETS_MANAGER);
  }

  /** Declares an AWS Systems Manager Parameter Store SecureString parameter. */
  public addParameter(id: string, options: AwsSecretOptions): AwsSecretDeclaration {
    this.checkOptions('secrets', id, options, 'AwsSecretOptions', 'addParameter');
    return declareAwsSecret(this.members, this, id, options, SecretBackend.AWS_PARAMETER_STORE);
  }

  /** Declares a store on AWS Secrets Manager or Parameter Store. */
  public addAwsStore(id: string, options: AwsStoreOptions): AwsStoreDeclaration {
    this.checkOptions('stores', id, options, 'AwsStoreOptions', 'addAwsStore');
    return declareAwsStore(this.members, this, id, options);
  }

  /**
   * Declares an AWS workload outside Kubernetes that reads declared secrets at runtime (a Lambda
   * function, an ECS task, an EC2 instance). The cloud side grants its role (existing, or created
   * with the service's trust) exactly what ESO identities get for the same secrets: the read
   * actions on the exact ARNs, kms:Decrypt on their keys through the secrets service only. It
   * belongs to a tenant (or to the platform) and reads only that tenant's secrets (CES-LP-11); its
   * role is no ESO identity's (CES-TR-3). The access matrix lists it.
   */
  public addAwsConsumer(id: string, options: AwsConsumerOptions): AwsConsumerDeclaration {
    this.checkOptions('awsConsumers', id, options, 'AwsConsumerOptions', 'addAwsConsumer');
    return declareAwsConsumer(this.members, this, id, options);
  }

  // ---- Azure Key Vault -----------------------------------------------------------------------

  /** Declares an Azure Key Vault (RBAC mode, purge protection on). */
  public addKeyVault(id: string, options: KeyVaultOptions): KeyVaultDeclaration {
    this.checkOptions('keyVaults', id, options, 'KeyVaultOptions', 'addKeyVault');
    return declareKeyVault(this.members, this, id, options);
  }

  /** Declares an Azure Key Vault secret. */
  public addKeyVaultSecret(id: string, options: KeyVaultSecretOptions): KeyVaultSecretDeclaration {
    this.checkOptions('secrets', id, options, 'KeyVaultSecretOptions', 'addKeyVaultSecret');
    return declareKeyVaultSecret(this.members, this, id, options);
  }

  /** Declares a store on an Azure Key Vault (Workload Identity). */
  public addAzureKeyVaultStore(id: string, options: AzureStoreOptions): AzureStoreDeclaration {
    this.checkOptions('stores', id, options, 'AzureStoreOptions', 'addAzureKeyVaultStore');
    return declareAzureKeyVaultStore(this.members, id, options);
  }

  // ---- Google Secret Manager -----------------------------------------------------------------

  /** Declares a Google Secret Manager secret in the declaration's project (`gcp`). */
  public addGoogleSecret(id: string, options: GoogleSecretOptions): GoogleSecretDeclaration {
    this.checkOptions('secrets', id, options, 'GoogleSecretOptions', 'addGoogleSecret');
    return declareGoogleSecret(this.members, this, id, options);
  }

  /**
   * Declares a store on Google Secret Manager: GKE workload identity (direct principal by default, or
   * a Google service account), a workload identity pool per cluster elsewhere.
   */
  public addGoogleSecretManagerStore(id: string, options: GoogleStoreOptions): GoogleStoreDeclaration {
    this.checkOptions('stores', id, options, 'GoogleStoreOptions', 'addGoogleSecretManagerStore');
    return declareGoogleStore(this.members, this, id, options);
  }

  // ---- tenants -------------------------------------------------------------------------------

  /**
   * Declares a tenant: a team owning namespaces and the secrets its ExternalSecrets may read. From it
   * the declaration derives: an ExternalSecret or PushSecret in one tenant's namespace that uses
   * another tenant's secret fails (naming both tenants); an identity granted secrets of two tenants
   * fails (grants stay per tenant); and the Kubernetes renderer emits a Role and RoleBinding per
   * tenant namespace letting the team's groups manage ExternalSecrets there, nothing cluster-wide.
   * Secrets of no tenant stay usable by everyone (platform secrets). The tenant's name is its id.
   */
  public addTenant(id: string, options: TenantOptions): TenantDeclaration {
    this.checkOptions('tenants', id, options, 'TenantOptions', 'addTenant');
    const path = this.members.register('tenants', id);
    assertShape(path, '', options, { 'namespaces': 'stringArray', 'groups': 'stringArray', 'secrets?': 'array', 'allowPushSecrets?': 'boolean' });
    const spec = this.tenantDirectory.add(path, { name: id, namespaces: [...(options.namespaces ?? [])], groups: [...(options.groups ?? [])] });
    const declaredSecrets = new Set<unknown>(this.secrets);
    (options.secrets ?? []).forEach((secret, i) => {
      this.members.checkDeclared(path, `secrets[${i}]`, secret, 'secret', 'addSecretsManagerSecret / addParameter / addKeyVaultSecret / addGoogleSecret / addVaultSecret');
      if (!declaredSecrets.has(secret)) {
        // A store, cluster or dynamic secret passed from JavaScript: ownership would check nothing.
        throw wrongType(path, `secrets[${i}]`, secret, 'a secret declared with addSecretsManagerSecret / addParameter / addKeyVaultSecret / addGoogleSecret / addVaultSecret');
      }
      this.tenantDirectory.addSecret(path, spec, secret, secret.id);
    });
    const declared = this.members.adopt<TenantDeclaration>('tenants', {
      id, namespaces: spec.namespaces, groups: spec.groups, secrets: [...(options.secrets ?? [])],
      allowPushSecrets: options.allowPushSecrets ?? false,
    });
    this.tenantsById.set(id, declared);
    return declared;
  }

  /** Declared tenants, in declaration order. */
  public get tenants(): readonly TenantDeclaration[] { return this.members.list('tenants'); }

  /** The tenant owning a namespace, if any. */
  public tenantOf(namespace: string): TenantDeclaration | undefined {
    const spec = this.tenantDirectory.tenantOfNamespace(namespace);
    return spec === undefined ? undefined : this.tenantsById.get(spec.name);
  }

  /** The tenant owning a secret, if any. */
  public ownerOf(secret: SecretDeclaration): TenantDeclaration | undefined {
    const spec = this.tenantDirectory.ownerOf(secret);
    return spec === undefined ? undefined : this.tenantsById.get(spec.name);
  }

  /**
   * Checks how consumers name secrets against tenants (called by {@link SecretsDeclaration.resolvePlan}):
   * every consumer only uses secrets of its namespace's tenant (or of no tenant). What the plan grants
   * is checked by the rules in `lib/core/invariants` (an identity serving two tenants, …).
   */
  public checkTenants(): void {
    if (this.tenants.length === 0) {
      return;
    }
    for (const es of this.externalSecrets) {
      const path = this.pathOf('externalSecrets', es.id);
      es.data.forEach((d, i) => this.tenantDirectory.checkUse(path, `data[${i}].secret`, es.namespace, d.secret, d.secret.id));
      es.extract.forEach((e, i) => this.tenantDirectory.checkUse(path, `extract[${i}].secret`, es.namespace, e.secret, e.secret.id));
    }
    for (const push of this.pushSecrets) {
      this.tenantDirectory.checkUse(this.pathOf('pushSecrets', push.id), 'destination', push.namespace, push.destination, push.destination.id);
    }
  }

  // ---- audit trail ---------------------------------------------------------------------------

  /**
   * Declares the audit trail once: every backend the declaration uses renders what makes each read by
   * an ESO identity land in its audit log (Key Vault diagnostic settings, Google Data Access logs, a
   * Vault audit device, CloudTrail with an optional alarm), and the access matrix shows it.
   */
  public auditTrail(options: AuditTrailOptions): AuditTrailDeclaration {
    const path = `${this.name}/auditTrail`;
    if (this.auditTrailDeclaration !== undefined) {
      throw auditTrailTwice(path, 'auditTrail');
    }
    this.auditTrailDeclaration = declareAuditTrail(path, options);
    return this.auditTrailDeclaration;
  }

  /** The declared audit trail, or undefined. */
  public get audit(): AuditTrailDeclaration | undefined { return this.auditTrailDeclaration; }

  // ---- HashiCorp Vault -----------------------------------------------------------------------

  /** Declares a Vault server (address, CA, Vault namespace, KV mounts; `http://` only with `allowInsecureHttp`). */
  public addVaultServer(id: string, options: VaultServerOptions): VaultServerDeclaration {
    this.checkOptions('vaultServers', id, options, 'VaultServerOptions', 'addVaultServer');
    return declareVaultServer(this.members, id, options);
  }

  /** Declares how a cluster's service accounts log in to a Vault server (Kubernetes or JWT auth, one mount per cluster). */
  public addVaultAuth(id: string, options: VaultAuthOptions): VaultAuthDeclaration {
    this.checkOptions('vaultAuths', id, options, 'VaultAuthOptions', 'addVaultAuth');
    const auth = declareVaultAuth(this.members, id, options);
    indexVaultAuth(auth);
    return auth;
  }

  /** Declares a Vault KV v2 secret with its properties. */
  public addVaultSecret(id: string, options: VaultSecretOptions): VaultSecretDeclaration {
    this.checkOptions('secrets', id, options, 'VaultSecretOptions', 'addVaultSecret');
    return declareVaultSecret(this.members, id, options);
  }

  /** Declares a Vault store (KV mount, pinned or derived role; one Vault role per cluster and service account). */
  public addVaultStore(id: string, options: VaultStoreOptions): VaultStoreDeclaration {
    this.checkOptions('stores', id, options, 'VaultStoreOptions', 'addVaultStore');
    return declareVaultStore(this.members, id, options);
  }

  /**
   * Declares Vault's database secrets engine: the mount, one connection whose root password comes
   * from a sensitive, ephemeral variable through the write-only `password_wo` (never in state) and
   * which allows exactly the declared roles, and the roles with their TTLs. Dynamic secrets name it
   * with `engine` and `role`; their paths and the compiled Vault policies derive from it.
   */
  public addVaultDatabaseEngine(id: string, options: VaultDatabaseEngineOptions): VaultEngineDeclaration {
    this.checkOptions('vaultEngines', id, options, 'VaultDatabaseEngineOptions', 'addVaultDatabaseEngine');
    return declareVaultDatabaseEngine(this.members, id, options);
  }

  /**
   * Declares Vault's PKI secrets engine: the mount (with its longest certificate lifetime) and roles
   * issuing certificates for exactly their DNS domains (no glob, wildcard, IP SAN or any name). The CA
   * itself is configured out of band.
   */
  public addVaultPkiEngine(id: string, options: VaultPkiEngineOptions): VaultEngineDeclaration {
    this.checkOptions('vaultEngines', id, options, 'VaultPkiEngineOptions', 'addVaultPkiEngine');
    return declareVaultPkiEngine(this.members, id, options);
  }

  /** Declares a Vault dynamic secret (a `VaultDynamicSecret` generator: database credentials, PKI certificates). */
  public addVaultDynamicSecret(id: string, options: VaultDynamicSecretDeclarationOptions): VaultDynamicSecretDeclaration {
    this.checkOptions('dynamicSecrets', id, options, 'VaultDynamicSecretDeclarationOptions', 'addVaultDynamicSecret');
    return declareVaultDynamicSecret(this.members, id, options);
  }

  // ---- consumers -----------------------------------------------------------------------------

  /** Declares an ExternalSecret: which secrets land in which Kubernetes Secret, in which namespace. */
  public addExternalSecret(id: string, options: ExternalSecretOptions): ExternalSecretDeclaration {
    this.checkOptions('externalSecrets', id, options, 'ExternalSecretOptions', 'addExternalSecret');
    const path = this.members.register('externalSecrets', id);
    // Every option is checked here, so the cdktf app and the cdk8s app refuse the same input alike.
    assertShape(path, 'options', options, EXTERNAL_SECRET_OPTIONS);
    if (isForbiddenTargetPolicyPair(options.creationPolicy, options.deletionPolicy)) {
      throw forbiddenTargetPolicies(path, options.creationPolicy ?? CreationPolicy.OWNER, options.deletionPolicy ?? DeletionPolicy.RETAIN, 'deletionPolicy');
    }
    assertDuration(path, 'refreshInterval', options.refreshInterval, { ...ESO_INTERVAL_BOUNDS, zeroMeaning: 'zero fetches once and never refreshes' });
    assertDnsSubdomain(path, 'name', options.name);
    assertDnsLabel(path, 'namespace', options.namespace);
    const targetSecretName = options.targetSecretName ?? options.name;
    assertDnsSubdomain(path, 'targetSecretName', targetSecretName);
    this.members.checkDeclared(path, 'store', options.store, 'store', 'addAwsStore');
    const data = options.data ?? [];
    const extract = options.extract ?? [];
    const find = options.find ?? [];
    const dynamicSecrets = options.dynamicSecrets ?? [];
    if (data.length + extract.length + find.length + dynamicSecrets.length + (options.generated?.length ?? 0) === 0) {
      throw emptyExternalSecret(path);
    }
    const refreshInterval = options.refreshInterval ?? Duration.hours(1);
    dynamicSecrets.forEach((dynamic, i) => {
      const prop = `dynamicSecrets[${i}]`;
      this.members.checkDeclared(path, prop, dynamic, 'dynamic secret', 'addVaultDynamicSecret');
      const model = backendModel(options.store.provider);
      if (dynamic.backend !== options.store.backend || model.checkDynamicSecret === undefined) {
        throw backendMismatch(path, prop, dynamic.name, dynamic.backend, options.store.backend);
      }
      model.checkDynamicSecret(path, prop, dynamic, options.store, refreshInterval);
    });
    data.forEach((ref, i) => this.checkSecretRef(`${path}`, `data[${i}].secret`, ref, options.store));
    const keys = new Map<string, number>();
    data.forEach((ref, i) => {
      if (!/^[-._a-zA-Z0-9]{1,253}$/.test(ref.secretKey)) {
        throw invalidSecretKey(path, `data[${i}].secretKey`, ref.secretKey);
      }
      if (keys.has(ref.secretKey)) {
        throw duplicateSecretKey(path, `data[${i}].secretKey`, ref.secretKey, `data[${keys.get(ref.secretKey)}].secretKey`);
      }
      keys.set(ref.secretKey, i);
    });
    const generated = this.checkGenerated(path, options.generated ?? [], new Map([...keys].map(([k, i]) => [k, `data[${i}].secretKey`])));
    find.forEach((f, i) => {
      assertRe2(path, `find[${i}].nameRegexp`, f.nameRegexp);
      if (f.nameRegexp === undefined && f.tags === undefined && f.path === undefined) {
        throw emptyCollection(path, `find[${i}]`, {}, 'a search with nameRegexp, tags or path (an empty find reads every secret the store can read)',
          'narrow the search; to read everything on purpose, say so with nameRegexp: ".*"');
      }
    });
    this.checkTemplate(path, options.template);
    extract.forEach((ref, i) => this.checkSecretRef(`${path}`, `extract[${i}].secret`, { secret: ref.secret, secretKey: '' }, options.store));
    this.checkClusters(path, options.clusters, options.store);
    for (const cluster of this.clusterIdsOf(options)) {
      // Unique where the objects live: per cluster and namespace (two clusters may each have "db" in "shop").
      this.members.claimUnique(path, 'name', `es:${cluster}:${options.namespace}:${options.name}`, options.name);
      const key = `target:${cluster}:${options.namespace}:${targetSecretName}`;
      const other = this.targets.get(key);
      if (other !== undefined) {
        throw duplicateTargetSecret(path, options.targetSecretName !== undefined ? 'targetSecretName' : 'name', targetSecretName, other);
      }
      this.targets.set(key, path);
    }
    for (const push of this.pushSecrets) {
      if (push.namespace === options.namespace && push.sourceSecretName === targetSecretName
        && [...data.map((d) => d.secret), ...extract.map((e) => e.secret)].includes(push.destination)) {
        throw pushSecretReadLoop(path, 'data', push.destination.name, this.pathOf('pushSecrets', push.id));
      }
    }
    return this.members.adopt<ExternalSecretDeclaration>('externalSecrets', {
      id, name: options.name, namespace: options.namespace, store: options.store,
      clusters: options.clusters ? [...options.clusters] : undefined, targetSecretName,
      refreshInterval, refreshPolicy: options.refreshPolicy,
      creationPolicy: options.creationPolicy, deletionPolicy: options.deletionPolicy, immutable: options.immutable,
      data: [...data], extract: [...extract], find: [...find], dynamicSecrets: [...dynamicSecrets], generated, template: options.template, workloads: [...(options.workloads ?? [])],
    });
  }

  /**
   * Declares an ESO `Password` generator, rendered in the namespace of each ExternalSecret that uses it.
   * A generated value needs no store: no identity and no grant.
   */
  public addPasswordGenerator(id: string, options: PasswordGeneratorOptions): PasswordGeneratorDeclaration {
    this.checkOptions('passwordGenerators', id, options, 'PasswordGeneratorOptions', 'addPasswordGenerator');
    const path = this.members.register('passwordGenerators', id);
    const length = checkPasswordGeneratorOptions(path, options);
    this.members.claimUnique(path, 'name', `password:${options.name}`, options.name);
    return this.members.adopt<PasswordGeneratorDeclaration>('passwordGenerators', { ...options, id, length });
  }

  /**
   * Declares an ExternalSecret whose values all come from declared generators: rendered without a
   * store (`spec.secretStoreRef` unset), so the plan gives it no identity and no grant.
   */
  public addGeneratedSecret(id: string, options: GeneratedSecretOptions): GeneratedSecretDeclaration {
    this.checkOptions('generatedSecrets', id, options, 'GeneratedSecretOptions', 'addGeneratedSecret');
    const path = this.members.register('generatedSecrets', id);
    assertShape(path, 'options', options, GENERATED_SECRET_OPTIONS);
    assertDnsSubdomain(path, 'name', options.name);
    assertDnsLabel(path, 'namespace', options.namespace);
    const targetSecretName = options.targetSecretName ?? options.name;
    assertDnsSubdomain(path, 'targetSecretName', targetSecretName);
    assertDuration(path, 'refreshInterval', options.refreshInterval, { ...ESO_INTERVAL_BOUNDS, zeroMeaning: 'zero generates once and never again' });
    if (options.clusters.length === 0) {
      throw emptyCollection(path, 'clusters', [], 'at least one cluster (there is no store to derive the clusters from; on no cluster it is rendered nowhere)',
        'list the clusters that get the ExternalSecret, for example [prod]');
    }
    options.clusters.forEach((cluster, i) => this.members.checkDeclared(path, `clusters[${i}]`, cluster, 'cluster', 'addEksCluster'));
    if (options.generated.length === 0) {
      throw emptyCollection(path, 'generated', [], 'at least one generated value (an ExternalSecret with nothing to generate writes an empty Secret)',
        'add { generator } entries from declaration.addPasswordGenerator()');
    }
    const generated = this.checkGenerated(path, options.generated, new Map());
    for (const cluster of options.clusters) {
      this.members.claimUnique(path, 'name', `es:${cluster.id}:${options.namespace}:${options.name}`, options.name);
      const key = `target:${cluster.id}:${options.namespace}:${targetSecretName}`;
      const other = this.targets.get(key);
      if (other !== undefined) {
        throw duplicateTargetSecret(path, options.targetSecretName !== undefined ? 'targetSecretName' : 'name', targetSecretName, other);
      }
      this.targets.set(key, path);
    }
    return this.members.adopt<GeneratedSecretDeclaration>('generatedSecrets', {
      id, name: options.name, namespace: options.namespace, clusters: [...options.clusters], generated, targetSecretName,
      refreshInterval: options.refreshInterval ?? Duration.ZERO,
    });
  }

  /**
   * Declares a workload that reads its Secrets through the Kubernetes API (a client library, a sidecar
   * watching its credentials): the cluster side gives its service account a Role allowing `get` on
   * exactly the Secrets its ExternalSecrets produce. Pods that only mount a Secret need none.
   */
  public addWorkload(id: string, options: WorkloadOptions): WorkloadDeclaration {
    this.checkOptions('workloads', id, options, 'WorkloadOptions', 'addWorkload');
    return declareWorkload(this.members, id, options);
  }

  /** Declared workloads reading their Secrets through the Kubernetes API. */
  public get workloads(): readonly WorkloadDeclaration[] { return this.members.list('workloads'); }

  /** Declares a PushSecret: a Kubernetes Secret written back to a declared secret container. */
  public addPushSecret(id: string, options: PushSecretOptions): PushSecretDeclaration {
    this.checkOptions('pushSecrets', id, options, 'PushSecretOptions', 'addPushSecret');
    const path = this.members.register('pushSecrets', id);
    assertDnsSubdomain(path, 'name', options.name);
    assertDnsLabel(path, 'namespace', options.namespace);
    assertDnsSubdomain(path, 'sourceSecretName', options.sourceSecretName);
    this.members.checkDeclared(path, 'store', options.store, 'store', 'addAwsStore');
    this.checkSecretRef(path, 'destination', { secret: options.destination, secretKey: '' }, options.store);
    this.checkClusters(path, options.clusters, options.store);
    for (const cluster of this.clusterIdsOf(options)) {
      this.members.claimUnique(path, 'name', `push:${cluster}:${options.namespace}:${options.name}`, options.name);
    }
    for (const es of this.externalSecrets) {
      if (es.namespace === options.namespace && es.targetSecretName === options.sourceSecretName
        && [...es.data.map((d) => d.secret), ...es.extract.map((e) => e.secret)].includes(options.destination)) {
        throw pushSecretReadLoop(path, 'destination', options.destination.name, this.pathOf('externalSecrets', es.id));
      }
    }
    return this.members.adopt<PushSecretDeclaration>('pushSecrets', {
      id, name: options.name, namespace: options.namespace, store: options.store,
      sourceSecretName: options.sourceSecretName, destination: options.destination,
      clusters: options.clusters ? [...options.clusters] : undefined,
    });
  }

  /**
   * Resolves the declaration: which identity (role, managed identity) serves which service account on
   * which clusters, and exactly which secrets, keys and actions it needs. Both renderers call it;
   * cross-reference errors surface here. Memoized until the declaration changes.
   */
  public plan(): DeclarationPlan {
    if (!this.enforcedPlan) {
      const plan = this.resolvePlan();
      enforceRules({ declaration: this, plan }, this.acknowledgementList);
      this.enforcedPlan = plan;
    }
    return this.enforcedPlan;
  }

  /**
   * The plan with its cross-reference checks but before the security rules run (what
   * {@link auditDeclaration} evaluates). Renderers call {@link SecretsDeclaration.plan}, never this.
   */
  public resolvePlan(): DeclarationPlan {
    if (!this.cachedPlan) {
      const plan = planDeclaration(this);
      this.checkTenants();
      this.cachedPlan = plan;
    }
    return this.cachedPlan;
  }

  // ---- acknowledgements ------------------------------------------------------------------------

  /**
   * Acknowledges an exception to a security rule by id, with a reason (cdk-nag's suppressions are the
   * model): the violations it covers no longer fail the plan and are listed, with the reason, by
   * {@link auditDeclaration} and in the access matrix. Rules without legitimate exceptions refuse it.
   */
  public acknowledge(acknowledgement: Acknowledgement): Acknowledgement {
    const path = this.members.register('acknowledgements', String(this.acknowledgementList.length));
    const known = new Map(PLAN_RULES.map((r) => [r.id, r.acknowledgeable] as const));
    const checked = checkAcknowledgement(path, acknowledgement, known);
    this.acknowledgementList.push(checked);
    this.cachedPlan = undefined;
    this.enforcedPlan = undefined;
    return checked;
  }

  /** Acknowledged exceptions, in the order given. */
  public get acknowledgements(): readonly Acknowledgement[] { return [...this.acknowledgementList]; }

  /**
   * Called by every renderer (cdktf or cdk8s) when it renders the declaration: adding an element after
   * that is an error, since that renderer's output would silently miss it.
   * @param rendererPath construct path of the renderer, for the message
   */
  public markRendered(rendererPath: string): void {
    this.members.markRendered(rendererPath);
  }

  /** Whether an element (cluster, secret, store, consumer, …) was declared in this declaration. */
  public isDeclared(element: unknown): boolean {
    return this.members.has(element);
  }

  /** The clusters a store exists on (explicit, or its backend's default); an error when none. */
  public clustersOfStore(store: StoreDeclaration): readonly ClusterDeclaration[] {
    if (store.clusters) {
      return store.clusters;
    }
    const model = backendModel(store.provider);
    const clusters = model.defaultClusters(store, this.clusters);
    if (clusters.length === 0) {
      throw storeServesNoCluster(this.pathOf('stores', store.id), 'clusters', store.name, model.defaultClustersWording);
    }
    return clusters;
  }

  /** The clusters an ExternalSecret or PushSecret lands on. */
  public clustersOf(consumer: { readonly store: StoreDeclaration; readonly clusters?: readonly ClusterDeclaration[] }): readonly ClusterDeclaration[] {
    return consumer.clusters ?? this.clustersOfStore(consumer.store);
  }

  /** JavaScript callers: the options of an addX() method must be an object (the library's error, never a TypeError). */
  private checkOptions(collection: string, id: string, options: unknown, interfaceName: string, method: string): void {
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw missingDeclarationOptions(this.pathOf(collection, id), options, interfaceName, method);
    }
  }

  /** Checks generated values (declared generators, valid and unique keys, also against `taken`) and fills in default keys. */
  private checkGenerated(path: string, refs: readonly GeneratedValueReference[], taken: Map<string, string>): GeneratedValue[] {
    return refs.map((g, i) => {
      this.members.checkDeclared(path, `generated[${i}].generator`, g.generator, 'Password generator', 'addPasswordGenerator');
      const secretKey = g.secretKey ?? 'password';
      if (!/^[-._a-zA-Z0-9]{1,253}$/.test(secretKey)) {
        throw invalidSecretKey(path, `generated[${i}].secretKey`, secretKey);
      }
      if (taken.has(secretKey)) {
        throw duplicateSecretKey(path, `generated[${i}].secretKey`, secretKey, taken.get(secretKey)!);
      }
      taken.set(secretKey, `generated[${i}].secretKey`);
      return { generator: g.generator, secretKey };
    });
  }

  /** Path of a declared element, for messages: `<declaration>/<collection>/<id>`. */
  public pathOf(collection: string, id: string): string {
    return this.members.pathOf(collection, id);
  }

  private checkSecretRef(path: string, prop: string, ref: SecretKeyReference, store: StoreDeclaration): void {
    this.members.checkDeclared(path, prop, ref.secret, 'secret', 'addSecretsManagerSecret');
    if (ref.secret.backend !== store.backend) {
      throw backendMismatch(path, prop, ref.secret.name, ref.secret.backend, store.backend);
    }
    backendModelOfSecret(ref.secret.backend).checkSecretRef(this, path, prop, ref.secret, store);
    if (ref.property !== undefined && ref.secret.properties !== undefined && !ref.secret.properties.includes(ref.property)) {
      throw unknownSecretProperty(path, prop.replace(/\.secret$/, '.property'), ref.property, ref.secret.name, ref.secret.properties);
    }
  }

  /** Ids of the clusters a consumer lands on, or `*` when its store has none yet. */
  private clusterIdsOf(options: { readonly store: StoreDeclaration; readonly clusters?: readonly ClusterDeclaration[] }): string[] {
    try {
      return this.clustersOf(options).map((c) => c.id);
    } catch {
      return ['*'];
    }
  }

  /** Template data must parse as Go templates and hold no literal secret (it goes to Git). */
  private checkTemplate(path: string, template: ExternalSecretOptions['template']): void {
    if (template === undefined) {
      return;
    }
    for (const [key, value] of Object.entries(template.data ?? {})) {
      if (!/^[-._a-zA-Z0-9]{1,253}$/.test(key)) {
        throw invalidSecretKey(path, `template.data.${key}`, key);
      }
      assertGoTemplate(path, `template.data.${key}`, value);
      const why = literalSecretReason(key, value);
      if (why !== undefined) {
        throw literalSecretInTemplate(path, `template.data.${key}`, why);
      }
    }
    for (const kind of ['labels', 'annotations'] as const) {
      for (const [key, value] of Object.entries(template[kind] ?? {})) {
        if (!isQualifiedName(key)) {
          throw invalidMetadataKey(path, `template.${kind}.${key}`, key);
        }
        assertGoTemplate(path, `template.${kind}.${key}`, value);
      }
    }
  }

  private checkClusters(path: string, clusters: readonly ClusterDeclaration[] | undefined, store: StoreDeclaration): void {
    if (!clusters) {
      return;
    }
    if (clusters.length === 0) {
      throw emptyList(path, 'clusters', 'an element on no cluster would be rendered nowhere');
    }
    const served = store.clusters ?? backendModel(store.provider).defaultClusters(store, this.clusters);
    clusters.forEach((cluster, i) => {
      this.members.checkDeclared(path, `clusters[${i}]`, cluster, 'cluster', 'addEksCluster');
      if (!served.includes(cluster)) {
        throw clusterNotServed(path, `clusters[${i}]`, cluster.id, store.name, served.map((c) => c.id));
      }
    });
  }
}
