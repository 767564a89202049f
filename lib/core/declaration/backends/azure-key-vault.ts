/**
 * The Azure Key Vault backend, engine-free part: vaults, secrets and stores and their validation, how
 * its Entra workload identities federate with each cluster kind, and its access-matrix wording.
 * The cdktf part is `lib/platform/backends/azure-cloud.ts`, the cdk8s part `lib/platform/backends/azure-store.ts`.
 */
import { isAzureIdentityName, isFederatedCredentialName, isKeyVaultName, isKeyVaultObjectName } from '../../cloud-names';
import {
  backendMismatch, cannotFederate, invalidKeyVaultName, invalidKeyVaultObjectName, keyVaultUrlMismatch,
  invalidDerivedName, wrongType,
} from '../../errors';
import { auditSectionMissing } from '../../errors';
import { isUnresolved } from '../../tokens';
import type { DerivedNameInput } from '../../errors';
import { IdentityKind, ServiceAccountRef, WorkloadIdentity } from '../../identity';
import type { AuditTrailDeclaration } from '../audit';
import { AuditCoverage, BackendEndpoint, BackendModel, EndpointProtocol, FederatedIdentity, IdentityRequest } from '../backend';
import { checkAzureTenant, requireDefaults } from '../checks';
import { claimOutput, DerivedNameClaims, DerivedNameContext } from '../derived-names';
import type { AksClusterDeclaration } from '../cluster-kinds/aks';
import { ClusterCloud, ClusterDeclaration } from '../clusters';
import type { DeclarationView } from '../view';
import { DeclarationMembers } from '../members';
import { keyVaultUrl } from '../names';
import { clientIdOutputName } from '../outputs';
import type { IdentityPlan, PolicyFormPlan } from '../plan-types';
import {
  KeyVaultDeclaration, KeyVaultOptions, KeyVaultSecretDeclaration, KeyVaultSecretOptions, SecretBackend, SecretDeclaration,
} from '../secrets';
import { declareStoreBase } from '../store-base';
import { AzureStoreDeclaration, AzureStoreOptions, EsoAuthModel, StoreDeclaration } from '../stores';
import { checkInitialValue } from '../values';

/** Kind of the Azure Key Vault backend module. */
export const AZURE_KEY_VAULT_BACKEND = 'azure-key-vault';

const VAULT_DOMAINS = ['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net', 'vault.microsoftazure.de'];

/** Declares a Key Vault (see {@link SecretsDeclaration.addKeyVault}). */
export function declareKeyVault(members: DeclarationMembers, declaration: DeclarationView, id: string, options: KeyVaultOptions): KeyVaultDeclaration {
  const path = members.register('keyVaults', id);
  if (!isKeyVaultName(options.name)) {
    throw invalidKeyVaultName(path, 'name', options.name);
  }
  const tenantId = requireDefaults(path, 'tenantId', 'Azure', options.tenantId ?? declaration.azure?.tenantId);
  checkAzureTenant(path, 'tenantId', tenantId);
  if (options.vaultUrl !== undefined
    && !VAULT_DOMAINS.some((domain) => [`https://${options.name}.${domain}`, `https://${options.name}.${domain}/`].includes(options.vaultUrl!.toLowerCase()))) {
    throw keyVaultUrlMismatch(path, 'vaultUrl', options.vaultUrl, options.name);
  }
  if (options.exclusive !== undefined && typeof options.exclusive !== 'boolean') {
    throw wrongType(path, 'exclusive', options.exclusive, 'true or false');
  }
  members.claimUnique(path, 'name', `vault:${options.name.toLowerCase()}`, options.name);
  return members.adopt<KeyVaultDeclaration>('keyVaults', {
    exclusive: options.exclusive ?? false,
    id, name: options.name, resourceGroupName: options.resourceGroupName, location: options.location, tenantId,
    existingVaultId: options.existingVaultId, vaultUrl: options.vaultUrl ?? keyVaultUrl(options.name),
    allowedSubnetIds: [...(options.allowedSubnetIds ?? [])], allowedIpRules: [...(options.allowedIpRules ?? [])],
  });
}

/** Declares a Key Vault secret (see {@link SecretsDeclaration.addKeyVaultSecret}). */
export function declareKeyVaultSecret(members: DeclarationMembers, declaration: DeclarationView, id: string, options: KeyVaultSecretOptions): KeyVaultSecretDeclaration {
  const path = members.register('secrets', id);
  members.checkDeclared(path, 'vault', options.vault, 'Key Vault', 'addKeyVault');
  if (!isKeyVaultObjectName(options.name)) {
    throw invalidKeyVaultObjectName(path, 'name', options.name);
  }
  // Only AWS generates passwords at apply time (GetRandomPassword); the others take a sensitive variable.
  checkInitialValue(path, 'initialValue', options.initialValue, 'Azure Key Vault');
  members.claimUnique(path, 'name', `kv-secret:${options.vault.name}:${options.name.toLowerCase()}`, options.name);
  return members.adopt<KeyVaultSecretDeclaration>('secrets', {
    id, backend: SecretBackend.AZURE_KEY_VAULT, name: options.name, vault: options.vault,
    contentType: options.contentType, managedElsewhere: options.managedElsewhere ?? false,
    initialValue: options.initialValue, properties: options.properties ? [...options.properties] : undefined,
    tags: { ...declaration.tags, ...options.tags },
  });
}

/** Declares a Key Vault store (see {@link SecretsDeclaration.addAzureKeyVaultStore}). */
export function declareAzureKeyVaultStore(members: DeclarationMembers, id: string, options: AzureStoreOptions): AzureStoreDeclaration {
  const path = members.register('stores', id);
  members.checkDeclared(path, 'vault', options.vault, 'Key Vault', 'addKeyVault');
  const base = declareStoreBase(members, path, id, options);
  return members.adopt<AzureStoreDeclaration>('stores', {
    ...base, provider: AZURE_KEY_VAULT_BACKEND, cloud: ClusterCloud.AZURE, backend: SecretBackend.AZURE_KEY_VAULT, vault: options.vault,
  });
}

/**
 * Name of the federated credential an identity gets for one cluster: `<cluster id>-<namespace>-<service
 * account>` (checked by the plan: 3-120 letters, digits, "-" and "_").
 */
export function azureFederatedCredentialName(cluster: ClusterDeclaration, serviceAccount: ServiceAccountRef): string {
  return `${cluster.id}-${serviceAccount.namespace}-${serviceAccount.name}`;
}

function federate(request: IdentityRequest): FederatedIdentity {
  const { store, cluster, storePath, authModel, baseName } = request;
  const onAks = cluster.cloud === ClusterCloud.AZURE;
  if (cluster.oidcIssuerUrl === undefined) {
    throw cannotFederate(storePath, 'clusters', cluster.id, store.name, 'Entra ID',
      'an Entra federated credential names the cluster\'s public OIDC issuer');
  }
  const tenantId = onAks ? (cluster as AksClusterDeclaration).tenantId : (store as AzureStoreDeclaration).vault.tenantId;
  return {
    kind: IdentityKind.AZURE_WORKLOAD_IDENTITY,
    referencesServiceAccount: authModel !== EsoAuthModel.CONTROLLER || !onAks,
    details: { azure: { identityName: baseName.slice(0, 128), tenantId } },
  };
}

function checkSecretRef(_declaration: DeclarationView, path: string, prop: string, secret: SecretDeclaration, store: StoreDeclaration): void {
  const vault = (secret as KeyVaultSecretDeclaration).vault;
  const storeVault = (store as AzureStoreDeclaration).vault;
  if (vault !== storeVault) {
    throw backendMismatch(path, prop, secret.name, `Key Vault ${vault.name}`, `Key Vault ${storeVault.name}`);
  }
}

function checkDerivedNames(context: DerivedNameContext): void {
  claimOutput(context, clientIdOutputName(context.identity.id));
  if (context.identity.azure !== undefined) {
    checkAzureIdentity(context.declaration, context.claims, context.identity, context.input, context.shorten);
  }
}

/** The federated credential an Azure identity gets for one cluster, and the input to blame for it. */
function checkAzureIdentity(declaration: DeclarationView, claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput, shorten: string): void {
  const name = identity.azure!.identityName;
  if (!isAzureIdentityName(name)) {
    throw invalidDerivedName(input, 'Entra user-assigned identity name', name,
      '3 to 128 letters, digits, "-" and "_", starting with a letter or digit', 'use a value without "." (Azure identity names allow only letters, digits, "-" and "_")');
  }
  const resourceGroup = (identity.stores[0] as AzureStoreDeclaration).vault.resourceGroupName ?? '';
  claims.claim(`azure-identity:${resourceGroup.toLowerCase()}:${name.toLowerCase()}`, input, 'Entra user-assigned identity name', name,
    `Azure names identities uniquely in resource group "${resourceGroup}" (regardless of case), so both would share one identity and its federated credentials`,
    `choose ${shorten} so the first 128 characters of the derived names differ`);
  for (const cluster of identity.clusters) {
    const credential = azureFederatedCredentialName(cluster, identity.serviceAccount);
    if (!isFederatedCredentialName(credential)) {
      const clusterBad = !/^[a-zA-Z0-9_-]+$/.test(cluster.id);
      const accountBad = !/^[a-zA-Z0-9_-]+$/.test(identity.serviceAccount.name);
      // Blame the part with a character Azure rejects, else the longer of cluster id and service account name.
      const blameCluster = clusterBad || (!accountBad && cluster.id.length >= identity.serviceAccount.name.length);
      const blamed: DerivedNameInput = blameCluster ? { path: declaration.pathOf('clusters', cluster.id), prop: 'id', value: cluster.id } : serviceAccountInput(declaration, identity);
      throw invalidDerivedName({ ...blamed, detail: `cluster "${cluster.id}", service account ${identity.serviceAccount.namespace}/${identity.serviceAccount.name}` },
        'federated credential name', credential,
        '3 to 120 letters, digits, "-" and "_", starting with a letter or digit (the name is <cluster id>-<namespace>-<service account>)',
        clusterBad || accountBad ? 'use a value without "." (credential names allow only letters, digits, "-" and "_")' : 'use a shorter value so the credential name fits in 120 characters');
    }
  }
}

/** The input that named an identity's service account. */
function serviceAccountInput(declaration: DeclarationView, identity: IdentityPlan): DerivedNameInput {
  const store = identity.stores[0];
  if (identity.authModel === EsoAuthModel.CONTROLLER) {
    return { path: declaration.name, prop: 'esoController.serviceAccountName', value: identity.serviceAccount.name };
  }
  return store.authModel === EsoAuthModel.STORE_SERVICE_ACCOUNT
    ? { path: declaration.pathOf('stores', store.id), prop: 'name', value: store.name }
    : { path: declaration.pathOf('stores', store.id), prop: 'serviceAccount.name', value: identity.serviceAccount.name };
}

/** Key Vault logs reads (`SecretGet`) in its `AuditEvent` diagnostic category, sent to the declared destination. */
function azureAuditCoverage(trail: AuditTrailDeclaration, used: { readonly secrets: readonly SecretDeclaration[]; readonly stores: readonly StoreDeclaration[] }, path: string): AuditCoverage {
  const vaults = [...new Set([...used.secrets.map((s) => (s as KeyVaultSecretDeclaration).vault.name), ...used.stores.map((s) => (s as AzureStoreDeclaration).vault.name)])].sort();
  const destination = trail.azure;
  if (destination === undefined) {
    throw auditSectionMissing(path, 'azure', 'Azure Key Vault', vaults.join(', '), 'the Log Analytics workspace or storage account the vaults\' AuditEvent logs go to');
  }
  const [kind, id] = destination.logAnalyticsWorkspaceId !== undefined
    ? ['Log Analytics workspace', destination.logAnalyticsWorkspaceId] : ['storage account', destination.storageAccountId!];
  return {
    backend: 'Azure Key Vault',
    log: `diagnostic setting eso-audit (category AuditEvent) on ${vaults.join(', ')} → ${kind} ${isUnresolved(id) ? '(resolved at apply)' : id}`,
    records: 'SecretGet and SecretList with the caller\'s object ID (the ESO managed identity); check: AzureDiagnostics | where OperationName == "SecretGet"',
  };
}

/** The Entra ID sign-in host of each Key Vault cloud (ESO exchanges the federated token there). */
const ENTRA_HOSTS: Readonly<Record<string, string>> = {
  'vault.azure.net': 'login.microsoftonline.com',
  'vault.azure.cn': 'login.chinacloudapi.cn',
  'vault.usgovcloudapi.net': 'login.microsoftonline.us',
  'vault.microsoftazure.de': 'login.microsoftonline.de',
};

/** What ESO calls for an Azure store: the vault and Entra ID's token endpoint of the vault's cloud. */
function azureEndpoints(store: StoreDeclaration): readonly BackendEndpoint[] {
  const host = new URL((store as AzureStoreDeclaration).vault.vaultUrl).hostname;
  const domain = VAULT_DOMAINS.find((d) => host.endsWith(`.${d}`)) ?? VAULT_DOMAINS[0];
  return [
    { host, port: 443, protocol: EndpointProtocol.TLS, purpose: 'Azure Key Vault' },
    { host: ENTRA_HOSTS[domain], port: 443, protocol: EndpointProtocol.TLS, purpose: 'Microsoft Entra ID (workload identity token exchange)' },
  ];
}

/** Azure's limit of role assignments per subscription, the default budget (`azure.roleAssignmentLimit`). */
export const AZURE_ROLE_ASSIGNMENT_LIMIT = 4000;

/** The role assignments an Azure identity gets: where each read, list and write is assigned. */
export interface AzureAssignmentPlan {
  /** Vaults where the identity reads every secret, assigned once at vault scope (exclusive vaults the declaration creates). */
  readonly vaultReads: readonly KeyVaultDeclaration[];
  /** Secrets read (directly or through a find) assigned one by one, sorted by id. */
  readonly secretReads: readonly SecretDeclaration[];
  /** Vaults a find lists (the vault's custom list role), sorted by id. */
  readonly vaultLists: readonly KeyVaultDeclaration[];
  /** Secrets a PushSecret writes (Key Vault Secrets Officer, always per secret), sorted by id. */
  readonly secretWrites: readonly SecretDeclaration[];
  /** The number of role assignments. */
  readonly count: number;
}

/** The number of declared secrets in each Key Vault (pass `declaration.secrets`; compute once, then plan every identity). */
export function azureSecretsPerVault(secrets: readonly SecretDeclaration[]): ReadonlyMap<KeyVaultDeclaration, number> {
  const counts = new Map<KeyVaultDeclaration, number>();
  for (const secret of secrets) {
    if (secret.backend === SecretBackend.AZURE_KEY_VAULT) {
      const vault = (secret as KeyVaultSecretDeclaration).vault;
      counts.set(vault, (counts.get(vault) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Where an Azure identity's role assignments go. A read is assigned at vault scope only where that is
 * exact: the declaration creates the vault, declares it `exclusive` (no one else creates secrets in
 * it), and the identity reads every declared secret in it (at least two, else one assignment either
 * way and the secret scope is narrower). Otherwise, and always for writes, one assignment per secret.
 */
export function azureAssignments(identity: IdentityPlan, secretsPerVault: ReadonlyMap<KeyVaultDeclaration, number>): AzureAssignmentPlan {
  const readable = new Map<string, SecretDeclaration>();
  identity.reads.forEach((secret) => readable.set(secret.id, secret));
  identity.finds.forEach((use) => use.matched.forEach((secret) => readable.set(secret.id, secret)));
  const readsPerVault = new Map<KeyVaultDeclaration, number>();
  readable.forEach((secret) => {
    const vault = (secret as KeyVaultSecretDeclaration).vault;
    readsPerVault.set(vault, (readsPerVault.get(vault) ?? 0) + 1);
  });
  const vaultReads = [...readsPerVault].filter(([vault, reads]) => vault.exclusive && vault.existingVaultId === undefined
    && reads >= 2 && reads === secretsPerVault.get(vault)).map(([vault]) => vault).sort((a, b) => compareIds(a.id, b.id));
  const scoped = new Set(vaultReads);
  const secretReads = [...readable.values()].filter((s) => !scoped.has((s as KeyVaultSecretDeclaration).vault)).sort((a, b) => compareIds(a.id, b.id));
  const lists = new Map(identity.finds.map((use) => [(use.store as AzureStoreDeclaration).vault.id, (use.store as AzureStoreDeclaration).vault]));
  const vaultLists = [...lists.values()].sort((a, b) => compareIds(a.id, b.id));
  const writes = new Map(identity.pushes.map((push) => [push.destination.id, push.destination]));
  const secretWrites = [...writes.values()].sort((a, b) => compareIds(a.id, b.id));
  return { vaultReads, secretReads, vaultLists, secretWrites, count: vaultReads.length + secretReads.length + vaultLists.length + secretWrites.length };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The grant forms of the Azure identities for the access matrix: vault scope where exact, else per secret, and why. */
function policyForms(identities: readonly IdentityPlan[], declaration: DeclarationView): ReadonlyMap<string, PolicyFormPlan> {
  const counts = azureSecretsPerVault(declaration.secrets);
  return new Map(identities.map((identity) => [identity.id, policyForm(azureAssignments(identity, counts))]));
}

function policyForm(assignments: AzureAssignmentPlan): PolicyFormPlan {
  const count = `${assignments.count} role assignment${assignments.count === 1 ? '' : 's'}`;
  if (assignments.vaultReads.length > 0) {
    return {
      form: 'vault-scope',
      reason: `reads every secret of exclusive vault${assignments.vaultReads.length === 1 ? '' : 's'} ${assignments.vaultReads.map((v) => v.name).join(', ')}, `
        + `which the declaration creates and alone writes, so one assignment per vault is exact (${count} in all)`,
    };
  }
  return {
    form: 'per-secret',
    reason: `one assignment per secret read or written (${count}): no vault is both exclusive and read in full by the identity`,
  };
}

/** The Azure Key Vault backend model. */
export const azureKeyVaultBackend: BackendModel = {
  kind: AZURE_KEY_VAULT_BACKEND,
  secretBackends: [SecretBackend.AZURE_KEY_VAULT],
  isNative: (cluster) => cluster.cloud === ClusterCloud.AZURE,
  defaultClusters: (_store, clusters) => clusters.filter((c) => c.cloud === ClusterCloud.AZURE),
  defaultClustersWording: 'every AKS cluster',
  checkSecretRef,
  checkDerivedNames,
  policyForms,
  // ESO filters the listed secrets by name.regexp and by exact tag values (keyvault.go isValidSecret).
  inFindScope: (secret, store, find) => (secret as KeyVaultSecretDeclaration).vault === (store as AzureStoreDeclaration).vault
    && (find.tags === undefined || Object.entries(find.tags).every(([k, v]) => (secret as KeyVaultSecretDeclaration).tags[k] === v)),
  chainedRole: () => undefined,
  endpoints: azureEndpoints,
  auditCoverage: azureAuditCoverage,
  federate,
  workloadIdentity: (identity, values) => {
    // Entra assigns client IDs at apply time: the Kubernetes side gets them from the cloud side's outputs.
    const output = clientIdOutputName(identity.id);
    const clientId = values.output(output);
    return clientId === undefined
      ? { missingOutput: output }
      : { identity: WorkloadIdentity.azure({ clientId, tenantId: identity.azure!.tenantId, trustedServiceAccounts: [identity.serviceAccount] }) };
  },
  wording: {
    readActions: () => 'Key Vault Secrets User',
    pushActions: () => 'Key Vault Secrets Officer',
    decryptNote: () => '',
    findScope: (store) => ({
      where: `secret declared in Key Vault ${(store as AzureStoreDeclaration).vault.name}`, declare: 'addKeyVaultSecret({ vault, name })',
    }),
    findListing: (store) => `list secret names in ${(store as AzureStoreDeclaration).vault.name} (custom role, secrets/readMetadata/action only), then Key Vault Secrets User on `,
    principal: (identity: IdentityPlan) => `identity ${identity.azure?.identityName ?? identity.id}`,
    mechanism: () => 'Azure workload identity (federated credential)',
  },
};
