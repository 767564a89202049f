/**
 * The names the plan derives (IAM roles, Entra identities and federated credentials, Google service
 * accounts and workload identity pools, Vault roles and policies, Terraform outputs and variables),
 * checked on the derived value and reported on the input that produced it: valid for their consumer,
 * and unique where the consumer needs them unique. Called by the plan, never first by a renderer.
 */
import {
  isAzureIdentityName, isFederatedCredentialName, isIamRoleName, isVaultPolicyName,
} from '../cloud-names';
import { DerivedNameInput, DescribedValue, derivedNameClash, invalidDerivedName, sharedVaultRoleMismatch } from '../errors';
import { ServiceAccountRef } from '../identity';
import { AZURE_KEY_VAULT_BACKEND, azureFederatedCredentialName } from './backends/azure-key-vault';
import { gcpPoolId, isGke } from './backends/google-secret-manager';
import { ClusterDeclaration } from './clusters';
import type { SecretsDeclaration } from './declaration';
import { clientIdOutputName, roleArnOutputName } from './outputs';
import { SecretBackend } from './secrets';
import { InitialValueKind, parameterVariableName } from './values';
import type { IdentityPlan } from './plan';
import { AzureStoreDeclaration, EsoAuthModel, StoreDeclaration, StoreScope } from './stores';
import type { VaultStoreDeclaration } from './backends/vault';

/** What produced an identity: its store (or the cluster, for the controller's identity) and service account. */
export interface IdentityOrigin {
  /** Whether the controller's own service account carries the identity. */
  readonly controller: boolean;
  /** A store using the identity. */
  readonly store: StoreDeclaration;
  /** A cluster the identity serves. */
  readonly cluster: ClusterDeclaration;
  /** The trusted service account. */
  readonly serviceAccount: ServiceAccountRef;
}

/** The input that produced an identity's derived names, and how a user shortens it. */
export function identityInput(declaration: SecretsDeclaration, origin: IdentityOrigin): { readonly input: DerivedNameInput; readonly shorten: string } {
  if (origin.controller) {
    return {
      input: { path: declaration.pathOf('clusters', origin.cluster.id), prop: 'id', value: origin.cluster.id },
      shorten: 'a shorter cluster id (or declaration name)',
    };
  }
  const path = declaration.pathOf('stores', origin.store.id);
  const namespace = origin.serviceAccount.namespace;
  if (origin.store.authModel === EsoAuthModel.EXISTING_SERVICE_ACCOUNT) {
    return {
      input: { path, prop: 'serviceAccount.name', value: origin.serviceAccount.name, detail: `namespace "${namespace}"` },
      shorten: 'a shorter service account name or namespace (or declaration name)',
    };
  }
  const namespaced = origin.store.scope === StoreScope.NAMESPACED;
  return {
    input: { path, prop: 'id', value: origin.store.id, detail: namespaced ? `namespace "${namespace}"` : undefined },
    shorten: namespaced ? 'a shorter store id or namespace (or declaration name)' : 'a shorter store id (or declaration name)',
  };
}

/** The origin of a planned identity (its first store and cluster, by id). */
export function originOf(identity: IdentityPlan): IdentityOrigin {
  return { controller: identity.authModel === EsoAuthModel.CONTROLLER, store: identity.stores[0], cluster: identity.clusters[0], serviceAccount: identity.serviceAccount };
}

function sameInput(a: DerivedNameInput, b: DerivedNameInput): boolean {
  return a.path === b.path && a.prop === b.prop && a.value === b.value && a.detail === b.detail;
}

/** Names claimed so far, by consumer-scoped key. */
export class DerivedNameClaims {
  private readonly claimed = new Map<string, DerivedNameInput>();

  /**
   * Claims a derived name; throws naming both inputs when another input derived it already.
   * @param key the name, scoped to where the consumer needs it unique (account, resource group, mount…)
   */
  public claim(key: string, input: DerivedNameInput, what: string, derived: string, consequence: string, fix: string): void {
    const other = this.claimed.get(key);
    if (other === undefined) {
      this.claimed.set(key, input);
    } else if (!sameInput(other, input)) {
      throw derivedNameClash(input, other, what, derived, consequence, fix);
    }
  }
}

/** Checks the names every identity of the plan derives. */
export function checkDerivedNames(declaration: SecretsDeclaration, identities: readonly IdentityPlan[]): void {
  const claims = new DerivedNameClaims();
  for (const identity of identities) {
    const { input, shorten } = identityInput(declaration, originOf(identity));
    checkOutputs(claims, identity, input);
    if (identity.aws !== undefined) {
      checkIamRole(claims, identity, input, shorten);
    }
    if (identity.provider === AZURE_KEY_VAULT_BACKEND && identity.azure !== undefined) {
      checkAzureIdentity(declaration, claims, identity, input, shorten);
    }
    if (identity.gcp !== undefined) {
      checkGoogleIdentity(declaration, claims, identity, input);
    }
    if (identity.vault !== undefined) {
      checkVaultRole(declaration, claims, identity, input);
    }
  }
}

function checkOutputs(claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput): void {
  const outputs = [
    ...(identity.aws !== undefined ? [roleArnOutputName(identity.id)] : []),
    ...(identity.provider === AZURE_KEY_VAULT_BACKEND ? [clientIdOutputName(identity.id)] : []),
  ];
  for (const output of outputs) {
    claims.claim(`tf-output:${output}`, input, 'Terraform output', output,
      'Terraform keeps one output of a name, so the other identity\'s value would be lost',
      'rename one of the two so their ids differ in more than "." and "-"');
  }
}

function checkIamRole(claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput, shorten: string): void {
  const { roleName, accountId } = identity.aws!;
  if (!isIamRoleName(roleName)) {
    throw invalidDerivedName(input, 'IAM role name', roleName, '1 to 64 characters among letters, digits and +=,.@_-', `choose ${shorten}`);
  }
  claims.claim(`iam-role:${accountId}:${roleName.toLowerCase()}`, input, 'IAM role name', roleName,
    `IAM role names are unique in account ${accountId} regardless of case, so the second role could not be created`,
    'rename one of the two so the derived role names differ');
}

/** The federated credential an Azure identity gets for one cluster, and the input to blame for it. */
function checkAzureIdentity(declaration: SecretsDeclaration, claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput, shorten: string): void {
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
function serviceAccountInput(declaration: SecretsDeclaration, identity: IdentityPlan): DerivedNameInput {
  const store = identity.stores[0];
  if (identity.authModel === EsoAuthModel.CONTROLLER) {
    return { path: declaration.name, prop: 'esoController.serviceAccountName', value: identity.serviceAccount.name };
  }
  return store.authModel === EsoAuthModel.STORE_SERVICE_ACCOUNT
    ? { path: declaration.pathOf('stores', store.id), prop: 'name', value: store.name }
    : { path: declaration.pathOf('stores', store.id), prop: 'serviceAccount.name', value: identity.serviceAccount.name };
}

function checkGoogleIdentity(declaration: SecretsDeclaration, claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput): void {
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

function checkVaultRole(declaration: SecretsDeclaration, claims: DerivedNameClaims, identity: IdentityPlan, input: DerivedNameInput): void {
  const vault = identity.vault!;
  const store = identity.stores[0] as VaultStoreDeclaration;
  for (const other of identity.stores.slice(1) as VaultStoreDeclaration[]) {
    if (other.role !== undefined && other.role !== vault.roleName) {
      throw sharedVaultRoleMismatch(declaration.pathOf('stores', other.id), other.role, vault.roleName, declaration.pathOf('stores', store.id));
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

/**
 * Checks the Terraform variables the secrets are initialised from: a Parameter Store SecureString
 * without `initialValue` is created from the derived variable `parameter_<id>`, which no other secret
 * may name (the two would silently share one value). Two secrets naming the same variable share it
 * on purpose.
 */
export function checkVariableNames(declaration: SecretsDeclaration): void {
  const seen = new Map<string, { readonly input: DerivedNameInput; readonly derived: boolean }>();
  for (const secret of declaration.secrets) {
    const path = declaration.pathOf('secrets', secret.id);
    let use: { readonly name: string; readonly input: DerivedNameInput; readonly derived: boolean } | undefined;
    if (secret.initialValue?.kind === InitialValueKind.SENSITIVE_VARIABLE) {
      const name = secret.initialValue.variableName!;
      use = { name, input: { path, prop: 'initialValue', value: new DescribedValue(`InitialValue.sensitiveVariable(${JSON.stringify(name)})`) }, derived: false };
    } else if (secret.backend === SecretBackend.AWS_PARAMETER_STORE && !secret.managedElsewhere && secret.initialValue === undefined) {
      use = { name: parameterVariableName(secret.id), input: { path, prop: 'id', value: secret.id }, derived: true };
    }
    if (use === undefined) {
      continue;
    }
    const other = seen.get(use.name);
    if (other === undefined) {
      seen.set(use.name, use);
    } else if (other.derived || use.derived) {
      throw derivedNameClash(use.input, other.input, 'Terraform variable', use.name,
        'a Parameter Store SecureString without initialValue is created from its own variable parameter_<id>, so the two secrets would silently get one value',
        'name another variable in InitialValue.sensitiveVariable(), or give the parameter its own initialValue');
    }
  }
}
