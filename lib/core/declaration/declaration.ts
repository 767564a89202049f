import { Duration } from '../duration';
import {
  backendMismatch, clusterNotServed, duplicateName, emptyExternalSecret, invalidAwsAccount, invalidAwsRegion,
  invalidAzureTenantId, invalidKeyVaultName, invalidKeyVaultObjectName, invalidOidcIssuer, invalidSecretName,
  crossAccountReadWithoutGrant, invalidRotationLambdaArn, invalidSsmParameterName, missingCloudDefaults, rotationUnsupported, storeRegionMismatch, missingOidcIssuer, plaintextInitialValue,
  undeclaredReference, unknownSecretProperty,
} from '../errors';
import { ServiceAccountRef } from '../identity';
import { isUnresolved } from '../tokens';
import { assertDnsLabel, assertDnsSubdomain } from '../validation';
import {
  AksClusterDeclaration, AksClusterOptions, AwsIdentityMode, ClusterCloud, ClusterDeclaration, EksClusterDeclaration,
  EksClusterOptions,
} from './clusters';
import {
  ExternalSecretDeclaration, ExternalSecretOptions, PushSecretDeclaration, PushSecretOptions, SecretKeyReference,
} from './consumers';
import { awsPartition, keyVaultUrl, parameterArn, secretsManagerPolicyArn } from './names';
import { DeclarationPlan, planDeclaration } from './plan';
import {
  AwsSecretDeclaration, AwsSecretOptions, KeyVaultDeclaration, KeyVaultOptions, KeyVaultSecretDeclaration,
  KeyVaultSecretOptions, KmsKeyDeclaration, KmsKeyOptions, SecretBackend, SecretDeclaration,
} from './secrets';
import {
  AwsStoreDeclaration, AwsStoreOptions, AzureStoreDeclaration, AzureStoreOptions, EsoAuthModel, StoreDeclaration,
  StoreScope,
} from './stores';
import { isInitialValue } from './values';
import { isAwsAccountId, isAwsRegion, isGuid, isKeyVaultName, isKeyVaultObjectName, isSecretsManagerName, isSsmParameterName } from '../cloud-names';

/** AWS defaults of a declaration. */
export interface AwsDefaults {
  /** Account that holds the secrets, keys and ESO roles. */
  readonly accountId: string;
  /** Default region of secrets, keys and stores. */
  readonly region: string;
}

/** Azure defaults of a declaration. */
export interface AzureDefaults {
  /** Entra tenant of vaults and identities. */
  readonly tenantId: string;
}

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

const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9_$-]+)?$/;

/**
 * One typed declaration of the whole external-secrets stack: clusters, secrets, stores and the
 * ExternalSecrets that read them. Engine-free (no cdktf or cdk8s objects), so the cdktf app and the
 * cdk8s app both import the same module and render consistent outputs:
 * `SecretsPlatformInfrastructure` (cdktf) and `SecretsPlatformManifests` (cdk8s).
 *
 * Names and ARNs are derived deterministically; bad input throws at declaration time with the
 * library's message format, cross-references are checked by {@link plan}.
 */
export class SecretsDeclaration {
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
  private readonly _clusters: ClusterDeclaration[] = [];
  private readonly _kmsKeys: KmsKeyDeclaration[] = [];
  private readonly _vaults: KeyVaultDeclaration[] = [];
  private readonly _secrets: SecretDeclaration[] = [];
  private readonly _stores: StoreDeclaration[] = [];
  private readonly _externalSecrets: ExternalSecretDeclaration[] = [];
  private readonly _pushSecrets: PushSecretDeclaration[] = [];
  /** Every element this declaration created, for O(1) "declared here?" checks. */
  private readonly members = new WeakSet<object>();
  private readonly ids = new Map<string, string>();
  private readonly uniqueNames = new Map<string, string>();
  private cachedPlan?: DeclarationPlan;

  constructor(props: SecretsDeclarationProps) {
    assertDnsLabel('SecretsDeclaration', 'name', props.name);
    this.name = props.name;
    if (props.aws) {
      this.checkAccount(this.name, 'aws.accountId', props.aws.accountId);
      this.checkRegion(this.name, 'aws.region', props.aws.region);
    }
    if (props.azure) {
      this.checkTenant(this.name, 'azure.tenantId', props.azure.tenantId);
    }
    this.aws = props.aws;
    this.azure = props.azure;
    const namespace = props.esoController?.namespace ?? 'external-secrets';
    const serviceAccountName = props.esoController?.serviceAccountName ?? 'external-secrets';
    assertDnsLabel(this.name, 'esoController.namespace', namespace);
    assertDnsSubdomain(this.name, 'esoController.serviceAccountName', serviceAccountName);
    this.esoController = { namespace, name: serviceAccountName };
    this.tags = { 'managed-by': 'cdk-external-secrets', 'declaration': this.name, ...props.tags };
  }

  /** Declared clusters, in declaration order. */
  public get clusters(): readonly ClusterDeclaration[] { return [...this._clusters]; }
  /** Declared KMS keys. */
  public get kmsKeys(): readonly KmsKeyDeclaration[] { return [...this._kmsKeys]; }
  /** Declared Key Vaults. */
  public get keyVaults(): readonly KeyVaultDeclaration[] { return [...this._vaults]; }
  /** Declared secrets (all backends). */
  public get secrets(): readonly SecretDeclaration[] { return [...this._secrets]; }
  /** Declared stores. */
  public get stores(): readonly StoreDeclaration[] { return [...this._stores]; }
  /** Declared ExternalSecrets. */
  public get externalSecrets(): readonly ExternalSecretDeclaration[] { return [...this._externalSecrets]; }
  /** Declared PushSecrets. */
  public get pushSecrets(): readonly PushSecretDeclaration[] { return [...this._pushSecrets]; }

  /** Declares an EKS cluster. */
  public addEksCluster(id: string, options: EksClusterOptions): EksClusterDeclaration {
    const path = this.register('clusters', id);
    const aws = this.requireAws(path, 'accountId');
    const accountId = options.accountId ?? aws.accountId;
    const region = options.region ?? aws.region;
    this.checkAccount(path, 'accountId', accountId);
    this.checkRegion(path, 'region', region);
    const identityMode = options.identityMode ?? AwsIdentityMode.IRSA;
    if (options.oidcIssuerUrl !== undefined) {
      this.checkIssuer(path, 'oidcIssuerUrl', options.oidcIssuerUrl);
    } else if (identityMode === AwsIdentityMode.IRSA) {
      throw missingOidcIssuer(path, 'oidcIssuerUrl');
    }
    const cluster: EksClusterDeclaration = {
      id, cloud: ClusterCloud.AWS, clusterName: options.clusterName, accountId, region, identityMode,
      oidcIssuerUrl: options.oidcIssuerUrl,
      registerOidcProvider: options.registerOidcProvider ?? accountId !== aws.accountId,
    };
    this._clusters.push(cluster);
    this.members.add(cluster);
    return cluster;
  }

  /** Declares an AKS cluster (workload identity and OIDC issuer enabled). */
  public addAksCluster(id: string, options: AksClusterOptions): AksClusterDeclaration {
    const path = this.register('clusters', id);
    this.checkIssuer(path, 'oidcIssuerUrl', options.oidcIssuerUrl);
    const tenantId = options.tenantId ?? this.azure?.tenantId;
    if (tenantId === undefined) {
      throw missingCloudDefaults(path, 'tenantId', 'Azure');
    }
    this.checkTenant(path, 'tenantId', tenantId);
    const cluster: AksClusterDeclaration = {
      id, cloud: ClusterCloud.AZURE, clusterName: options.clusterName, oidcIssuerUrl: options.oidcIssuerUrl, tenantId,
    };
    this._clusters.push(cluster);
    this.members.add(cluster);
    return cluster;
  }

  /** Declares a customer-managed KMS key (rotating) for secrets. */
  public addKmsKey(id: string, options: KmsKeyOptions): KmsKeyDeclaration {
    const path = this.register('kmsKeys', id);
    const aws = this.requireAws(path, 'region');
    const region = options.region ?? aws.region;
    this.checkRegion(path, 'region', region);
    const key: KmsKeyDeclaration = {
      id, alias: options.alias.replace(/^alias\//, ''), accountId: aws.accountId, region,
      description: options.description ?? `Encrypts ${options.alias} secrets read by External Secrets Operator`,
      existingKeyArn: options.existingKeyArn,
    };
    this.claimUnique(path, 'alias', `kms-alias:${key.accountId}:${region}:${key.alias}`, key.alias);
    this._kmsKeys.push(key);
    this.members.add(key);
    return key;
  }

  /** Declares an AWS Secrets Manager secret. */
  public addSecretsManagerSecret(id: string, options: AwsSecretOptions): AwsSecretDeclaration {
    return this.addAwsSecret(id, options, SecretBackend.AWS_SECRETS_MANAGER);
  }

  /** Declares an AWS Systems Manager Parameter Store SecureString parameter. */
  public addParameter(id: string, options: AwsSecretOptions): AwsSecretDeclaration {
    return this.addAwsSecret(id, options, SecretBackend.AWS_PARAMETER_STORE);
  }

  /** Declares an Azure Key Vault (RBAC mode, purge protection on). */
  public addKeyVault(id: string, options: KeyVaultOptions): KeyVaultDeclaration {
    const path = this.register('keyVaults', id);
    if (!isKeyVaultName(options.name)) {
      throw invalidKeyVaultName(path, 'name', options.name);
    }
    const tenantId = options.tenantId ?? this.azure?.tenantId;
    if (tenantId === undefined) {
      throw missingCloudDefaults(path, 'tenantId', 'Azure');
    }
    this.checkTenant(path, 'tenantId', tenantId);
    this.claimUnique(path, 'name', `vault:${options.name.toLowerCase()}`, options.name);
    const vault: KeyVaultDeclaration = {
      id, name: options.name, resourceGroupName: options.resourceGroupName, location: options.location, tenantId,
      existingVaultId: options.existingVaultId, vaultUrl: keyVaultUrl(options.name),
      allowedSubnetIds: [...(options.allowedSubnetIds ?? [])], allowedIpRules: [...(options.allowedIpRules ?? [])],
    };
    this._vaults.push(vault);
    this.members.add(vault);
    return vault;
  }

  /** Declares an Azure Key Vault secret. */
  public addKeyVaultSecret(id: string, options: KeyVaultSecretOptions): KeyVaultSecretDeclaration {
    const path = this.register('secrets', id);
    this.checkDeclared(path, 'vault', options.vault, 'Key Vault', 'addKeyVault');
    if (!isKeyVaultObjectName(options.name)) {
      throw invalidKeyVaultObjectName(path, 'name', options.name);
    }
    if (options.initialValue !== undefined && !isInitialValue(options.initialValue)) {
      throw plaintextInitialValue(path, 'initialValue');
    }
    this.claimUnique(path, 'name', `kv-secret:${options.vault.name}:${options.name.toLowerCase()}`, options.name);
    const secret: KeyVaultSecretDeclaration = {
      id, backend: SecretBackend.AZURE_KEY_VAULT, name: options.name, vault: options.vault,
      contentType: options.contentType, managedElsewhere: options.managedElsewhere ?? false,
      initialValue: options.initialValue, properties: options.properties ? [...options.properties] : undefined,
    };
    this._secrets.push(secret);
    this.members.add(secret);
    return secret;
  }

  /** Declares a store on AWS Secrets Manager or Parameter Store. */
  public addAwsStore(id: string, options: AwsStoreOptions): AwsStoreDeclaration {
    const path = this.register('stores', id);
    const aws = this.requireAws(path, 'region');
    const region = options.region ?? aws.region;
    this.checkRegion(path, 'region', region);
    const base = this.storeBase(path, id, options, ClusterCloud.AWS);
    const store: AwsStoreDeclaration = {
      ...base, cloud: ClusterCloud.AWS, backend: options.service, region,
      assumeRoleArn: options.assumeRoleArn, externalId: options.externalId,
    };
    this._stores.push(store);
    this.members.add(store);
    return store;
  }

  /** Declares a store on an Azure Key Vault (Workload Identity). */
  public addAzureKeyVaultStore(id: string, options: AzureStoreOptions): AzureStoreDeclaration {
    const path = this.register('stores', id);
    this.checkDeclared(path, 'vault', options.vault, 'Key Vault', 'addKeyVault');
    const base = this.storeBase(path, id, options, ClusterCloud.AZURE);
    const store: AzureStoreDeclaration = {
      ...base, cloud: ClusterCloud.AZURE, backend: SecretBackend.AZURE_KEY_VAULT, vault: options.vault,
    };
    this._stores.push(store);
    this.members.add(store);
    return store;
  }

  /** Declares an ExternalSecret: which secrets land in which Kubernetes Secret, in which namespace. */
  public addExternalSecret(id: string, options: ExternalSecretOptions): ExternalSecretDeclaration {
    const path = this.register('externalSecrets', id);
    assertDnsSubdomain(path, 'name', options.name);
    assertDnsLabel(path, 'namespace', options.namespace);
    const targetSecretName = options.targetSecretName ?? options.name;
    assertDnsSubdomain(path, 'targetSecretName', targetSecretName);
    this.checkDeclared(path, 'store', options.store, 'store', 'addAwsStore');
    const data = options.data ?? [];
    const extract = options.extract ?? [];
    const find = options.find ?? [];
    if (data.length + extract.length + find.length === 0) {
      throw emptyExternalSecret(path);
    }
    data.forEach((ref, i) => this.checkSecretRef(`${path}`, `data[${i}].secret`, ref, options.store));
    extract.forEach((ref, i) => this.checkSecretRef(`${path}`, `extract[${i}].secret`, { secret: ref.secret, secretKey: '' }, options.store));
    this.checkClusters(path, options.clusters, options.store);
    this.claimUnique(path, 'name', `es:${options.namespace}:${options.name}`, options.name);
    const es: ExternalSecretDeclaration = {
      id, name: options.name, namespace: options.namespace, store: options.store,
      clusters: options.clusters ? [...options.clusters] : undefined, targetSecretName,
      refreshInterval: options.refreshInterval ?? Duration.hours(1), data: [...data], extract: [...extract],
      find: [...find], template: options.template, workloads: [...(options.workloads ?? [])],
    };
    this._externalSecrets.push(es);
    this.members.add(es);
    this.cachedPlan = undefined;
    return es;
  }

  /** Declares a PushSecret: a Kubernetes Secret written back to a declared secret container. */
  public addPushSecret(id: string, options: PushSecretOptions): PushSecretDeclaration {
    const path = this.register('pushSecrets', id);
    assertDnsSubdomain(path, 'name', options.name);
    assertDnsLabel(path, 'namespace', options.namespace);
    assertDnsSubdomain(path, 'sourceSecretName', options.sourceSecretName);
    this.checkDeclared(path, 'store', options.store, 'store', 'addAwsStore');
    this.checkSecretRef(path, 'destination', { secret: options.destination, secretKey: '' }, options.store);
    this.checkClusters(path, options.clusters, options.store);
    const push: PushSecretDeclaration = {
      id, name: options.name, namespace: options.namespace, store: options.store,
      sourceSecretName: options.sourceSecretName, destination: options.destination,
      clusters: options.clusters ? [...options.clusters] : undefined,
    };
    this._pushSecrets.push(push);
    this.members.add(push);
    return push;
  }

  /**
   * Resolves the declaration: which identity (role, managed identity) serves which service account on
   * which clusters, and exactly which secrets, keys and actions it needs. Both renderers call it;
   * cross-reference errors surface here. Memoized until the declaration changes.
   */
  public plan(): DeclarationPlan {
    if (!this.cachedPlan) {
      this.cachedPlan = planDeclaration(this);
    }
    return this.cachedPlan;
  }

  /** The clusters a store exists on (explicit, or every cluster of its cloud). */
  public clustersOfStore(store: StoreDeclaration): readonly ClusterDeclaration[] {
    return store.clusters ?? this._clusters.filter((c) => c.cloud === store.cloud);
  }

  /** The clusters an ExternalSecret or PushSecret lands on. */
  public clustersOf(consumer: { readonly store: StoreDeclaration; readonly clusters?: readonly ClusterDeclaration[] }): readonly ClusterDeclaration[] {
    return consumer.clusters ?? this.clustersOfStore(consumer.store);
  }

  /** Path of a declared element, for messages: `<declaration>/<collection>/<id>`. */
  public pathOf(collection: string, id: string): string {
    return `${this.name}/${collection}/${id}`;
  }

  private addAwsSecret(id: string, options: AwsSecretOptions, backend: SecretBackend.AWS_SECRETS_MANAGER | SecretBackend.AWS_PARAMETER_STORE): AwsSecretDeclaration {
    const path = this.register('secrets', id);
    const aws = this.requireAws(path, 'accountId');
    const accountId = options.accountId ?? aws.accountId;
    const region = options.region ?? aws.region;
    this.checkAccount(path, 'accountId', accountId);
    this.checkRegion(path, 'region', region);
    if (backend === SecretBackend.AWS_SECRETS_MANAGER && !isSecretsManagerName(options.name)) {
      throw invalidSecretName(path, 'name', options.name);
    }
    if (backend === SecretBackend.AWS_PARAMETER_STORE && !isSsmParameterName(options.name)) {
      throw invalidSsmParameterName(path, 'name', options.name);
    }
    if (options.kmsKey) {
      this.checkDeclared(path, 'kmsKey', options.kmsKey, 'KMS key', 'addKmsKey');
    }
    if (options.rotation !== undefined) {
      if (backend !== SecretBackend.AWS_SECRETS_MANAGER) {
        throw rotationUnsupported(path, 'rotation', backend);
      }
      if (!isUnresolved(options.rotation.rotationLambdaArn) && !LAMBDA_ARN.test(options.rotation.rotationLambdaArn)) {
        throw invalidRotationLambdaArn(path, 'rotation.rotationLambdaArn', options.rotation.rotationLambdaArn);
      }
    }
    if (options.initialValue !== undefined && !isInitialValue(options.initialValue)) {
      throw plaintextInitialValue(path, 'initialValue');
    }
    this.claimUnique(path, 'name', `${backend}:${accountId}:${region}:${options.name}`, options.name);
    const partition = awsPartition(region);
    const secret: AwsSecretDeclaration = {
      id, backend, name: options.name, accountId, region, partition, description: options.description,
      kmsKey: options.kmsKey, managedElsewhere: options.managedElsewhere ?? false, initialValue: options.initialValue,
      properties: options.properties ? [...options.properties] : undefined,
      tags: { ...this.tags, ...options.tags }, rotation: options.rotation,
      arnForPolicies: backend === SecretBackend.AWS_SECRETS_MANAGER
        ? secretsManagerPolicyArn(partition, region, accountId, options.name)
        : parameterArn(partition, region, accountId, options.name),
    };
    this._secrets.push(secret);
    this.members.add(secret);
    return secret;
  }

  private storeBase(path: string, id: string, options: AwsStoreOptions | AzureStoreOptions, cloud: ClusterCloud) {
    assertDnsSubdomain(path, 'name', options.name);
    const scope = options.scope ?? StoreScope.CLUSTER;
    (options.namespaces ?? []).forEach((ns, i) => assertDnsLabel(path, `namespaces[${i}]`, ns));
    (options.clusters ?? []).forEach((c, i) => this.checkDeclared(path, `clusters[${i}]`, c, 'cluster', cloud === ClusterCloud.AWS ? 'addEksCluster' : 'addAksCluster'));
    this.claimUnique(path, 'name', `store:${scope}:${options.name}`, options.name);
    return {
      id, name: options.name, scope,
      authModel: options.authModel ?? (scope === StoreScope.CLUSTER ? EsoAuthModel.CONTROLLER : EsoAuthModel.STORE_SERVICE_ACCOUNT),
      namespaces: options.namespaces ? [...options.namespaces].sort() : undefined,
      clusters: options.clusters ? [...options.clusters] : undefined,
      refreshInterval: options.refreshInterval,
    };
  }

  private checkSecretRef(path: string, prop: string, ref: SecretKeyReference, store: StoreDeclaration): void {
    this.checkDeclared(path, prop, ref.secret, 'secret', 'addSecretsManagerSecret');
    if (ref.secret.backend !== store.backend) {
      throw backendMismatch(path, prop, ref.secret.name, ref.secret.backend, store.backend);
    }
    if (store.cloud === ClusterCloud.AWS) {
      const secret = ref.secret as AwsSecretDeclaration;
      const aws = store as AwsStoreDeclaration;
      if (secret.region !== aws.region) {
        throw storeRegionMismatch(path, prop, secret.name, secret.region, store.name, aws.region);
      }
      if (secret.accountId !== this.aws!.accountId && !secret.managedElsewhere && aws.assumeRoleArn === undefined) {
        throw crossAccountReadWithoutGrant(path, prop, secret.name, secret.accountId, this.aws!.accountId);
      }
    }
    if (ref.property !== undefined && ref.secret.properties !== undefined && !ref.secret.properties.includes(ref.property)) {
      throw unknownSecretProperty(path, prop.replace(/\.secret$/, '.property'), ref.property, ref.secret.name, ref.secret.properties);
    }
  }

  private checkClusters(path: string, clusters: readonly ClusterDeclaration[] | undefined, store: StoreDeclaration): void {
    if (!clusters) {
      return;
    }
    const served = this.clustersOfStore(store);
    clusters.forEach((cluster, i) => {
      this.checkDeclared(path, `clusters[${i}]`, cluster, 'cluster', 'addEksCluster');
      if (!served.includes(cluster)) {
        throw clusterNotServed(path, `clusters[${i}]`, cluster.id, store.name, served.map((c) => c.id));
      }
    });
  }

  private checkDeclared(path: string, prop: string, value: { readonly id: string }, kind: string, addMethod: string): void {
    if (!this.members.has(value)) {
      throw undeclaredReference(path, prop, value?.id ?? String(value), kind, addMethod);
    }
  }

  private checkAccount(path: string, prop: string, value: string): void {
    if (!isAwsAccountId(value)) {
      throw invalidAwsAccount(path, prop, value);
    }
  }

  private checkRegion(path: string, prop: string, value: string): void {
    if (!isAwsRegion(value)) {
      throw invalidAwsRegion(path, prop, value);
    }
  }

  private checkTenant(path: string, prop: string, value: string): void {
    if (!isGuid(value)) {
      throw invalidAzureTenantId(path, prop, value);
    }
  }

  private checkIssuer(path: string, prop: string, value: string): void {
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.search !== '' || url.hash !== '') {
      throw invalidOidcIssuer(path, prop, value);
    }
  }

  private requireAws(path: string, prop: string): AwsDefaults {
    if (!this.aws) {
      throw missingCloudDefaults(path, prop, 'AWS');
    }
    return this.aws;
  }

  private register(collection: string, id: string): string {
    const path = this.pathOf(collection, id);
    assertDnsSubdomain(path, 'id', id);
    const key = `${collection}/${id}`;
    if (this.ids.has(key)) {
      throw duplicateName(path, 'id', id, this.ids.get(key)!);
    }
    this.ids.set(key, path);
    this.cachedPlan = undefined;
    return path;
  }

  private claimUnique(path: string, prop: string, key: string, value: string): void {
    const other = this.uniqueNames.get(key);
    if (other !== undefined) {
      throw duplicateName(path, prop, value, other);
    }
    this.uniqueNames.set(key, path);
  }
}
