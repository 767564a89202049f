import { Construct } from 'constructs';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import type { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import {
  duplicateFederatedCredentialName, duplicateFederatedSubject, invalidAzureIdentityName, invalidAzureTenantId,
  missingProp, tooManyFederatedCredentials, validationMessage,
} from '../core/errors';
import {
  AZURE_TOKEN_EXCHANGE_AUDIENCE, IdentityAnnotations, IdentityKind, IWorkloadIdentity, ServiceAccountRef,
  serviceAccountSubject,
} from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertPropsObject } from '../core/validation';
import { IAzureKeyVault } from './key-vault';
import { IAzureKeyVaultSecret } from './key-vault-secret';
import { AzurePrincipalType, IAzurePrincipal } from './principal';
import { KeyVaultRoleAssignment } from './role-assignment';
import { isToken } from './private/util';
import { isAzureIdentityName, isFederatedCredentialName, isGuid } from '../core/cloud-names';
import { workloadIdentityClasses } from './private/azurerm';

/** Azure's limit of federated identity credentials on one user-assigned identity. */
export const MAX_FEDERATED_CREDENTIALS_PER_IDENTITY = 20;


/** A source of OIDC issuer URLs, such as an azurerm `KubernetesCluster` (its `oidcIssuerUrl` attribute). */
export interface IOidcIssuer {
  /** The cluster's OIDC issuer URL. May be a token. */
  readonly oidcIssuerUrl: string;
}

/** Options of {@link KeyVaultWorkloadIdentity.addFederatedCredential}. */
export interface FederatedCredentialOptions {
  /** The Kubernetes service account allowed to sign in as the identity. */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * OIDC issuer URL of the cluster the service account lives in (`KubernetesCluster.oidcIssuerUrl`).
   * @default - the identity's `oidcIssuer`
   */
  readonly issuerUrl?: string;
  /**
   * Name of the federated identity credential (3-120 characters, letters, digits, "-" and "_").
   * Pass one when the same service account is trusted from several clusters.
   * @default - "<namespace>_<service account name>" (dots replaced by "-")
   */
  readonly name?: string;
}

/** Props of {@link KeyVaultWorkloadIdentity}. */
export interface KeyVaultWorkloadIdentityProps {
  /** Name of the user-assigned managed identity (3-128 characters, letters, digits, "-" and "_"). */
  readonly identityName: string;
  /** Resource group of the identity (its federated credentials live there too). */
  readonly resourceGroupName: string;
  /** Azure region of the identity. */
  readonly location: string;
  /**
   * Entra tenant ID, annotated on service accounts (`azure.workload.identity/tenant-id`).
   * Must be a GUID when literal.
   */
  readonly tenantId: string;
  /**
   * Default OIDC issuer of federated credentials: the AKS cluster itself (any object with an
   * `oidcIssuerUrl`, such as a `KubernetesCluster` with `oidcIssuerEnabled: true`).
   * @default - every addFederatedCredential() call passes issuerUrl
   */
  readonly oidcIssuer?: IOidcIssuer;
  /**
   * Service accounts to federate right away with the default issuer, same as calling
   * {@link KeyVaultWorkloadIdentity.addFederatedCredential} for each.
   * @default - none
   */
  readonly serviceAccounts?: ServiceAccountRef[];
  /**
   * Tags of the identity.
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

interface FederatedCredentialRecord {
  readonly issuer: string;
  readonly serviceAccount: ServiceAccountRef;
  readonly name: string;
  readonly resource: FederatedIdentityCredential;
}

/**
 * Azure workload identity for External Secrets Operator (or any pod) reading Key Vault.
 *
 * Creates a user-assigned managed identity and one federated identity credential per trusted
 * service account (`subject` = `system:serviceaccount:<ns>:<name>`, `issuer` = the cluster's OIDC
 * issuer, `audience` = `api://AzureADTokenExchange`). Credentials are chained with `depends_on`,
 * because Azure rejects concurrent credential writes on one identity (409 Conflict); more than 20 is
 * a synth error. Role assignments are least privilege: Key Vault Secrets User on one secret (or, on
 * explicit request, one vault), listing without values through a custom role for a `find`, Key Vault
 * Secrets Officer only for PushSecret.
 *
 * Implements {@link IWorkloadIdentity}: annotate the service account with
 * `serviceAccountAnnotations` and label the pods with `podLabels`.
 *
 * @example
 * const eso = new KeyVaultWorkloadIdentity(stack, 'EsoIdentity', {
 *   identityName: 'id-eso', resourceGroupName: 'rg-platform', location: 'westeurope',
 *   tenantId: '00000000-0000-0000-0000-000000000000', oidcIssuer: aksCluster,
 *   serviceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
 * });
 * eso.grantReadSecret(dbPassword);
 */
export class KeyVaultWorkloadIdentity extends Construct implements IWorkloadIdentity, IAzurePrincipal {
  public readonly kind = IdentityKind.AZURE_WORKLOAD_IDENTITY;
  public readonly principalType = AzurePrincipalType.SERVICE_PRINCIPAL;
  /** ARM resource ID of the user-assigned identity (token). Created on first use: every token cdktf creates captures a stack trace. */
  public get identityId(): string {
    return this._identityId ??= this.resource.id;
  }

  private _identityId?: string;
  /** Client (application) ID of the identity (token): the `azure.workload.identity/client-id` annotation. Created on first use: every token cdktf creates captures a stack trace. */
  public get clientId(): string {
    return this._clientId ??= this.resource.clientId;
  }

  private _clientId?: string;
  /** Object ID of the identity's service principal (token): the principal of role assignments. Created on first use: every token cdktf creates captures a stack trace. */
  public get principalId(): string {
    return this._principalId ??= this.resource.principalId;
  }

  private _principalId?: string;
  /** Entra tenant ID. */
  public readonly tenantId: string;
  /** Name of the identity (literal). */
  public readonly identityName: string;
  /** The underlying `azurerm_user_assigned_identity`. */
  public readonly resource: UserAssignedIdentity;

  private readonly resourceGroupName: string;
  private readonly defaultIssuer?: string;
  private readonly credentials: FederatedCredentialRecord[] = [];

  constructor(scope: Construct, id: string, props: KeyVaultWorkloadIdentityProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'KeyVaultWorkloadIdentityProps');
    if (!isToken(props.identityName) && !isAzureIdentityName(props.identityName)) {
      throw invalidAzureIdentityName(this.node.path, 'identityName', props.identityName, 128);
    }
    if (!isToken(props.tenantId) && !isGuid(props.tenantId)) {
      throw invalidAzureTenantId(this.node.path, 'tenantId', props.tenantId);
    }
    const { UserAssignedIdentity: IdentityResource } = workloadIdentityClasses(this);
    this.resource = new IdentityResource(this, 'Resource', {
      name: props.identityName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tags: props.tags,
    });
    this.tenantId = props.tenantId;
    this.identityName = props.identityName;
    this.resourceGroupName = props.resourceGroupName;
    this.defaultIssuer = props.oidcIssuer?.oidcIssuerUrl;

    for (const serviceAccount of props.serviceAccounts ?? []) {
      this.addFederatedCredential({ serviceAccount });
    }

    this.node.addValidation({
      validate: () => this.credentials.length > MAX_FEDERATED_CREDENTIALS_PER_IDENTITY
        ? [validationMessage(this.node.path, tooManyFederatedCredentials(this.node.path, 'federatedCredentials',
          this.credentials.length, MAX_FEDERATED_CREDENTIALS_PER_IDENTITY))]
        : [],
    });
  }

  /** `azure.workload.identity/client-id` (token) and `azure.workload.identity/tenant-id`. */
  public get serviceAccountAnnotations(): Readonly<Record<string, string>> {
    return {
      [IdentityAnnotations.AZURE_CLIENT_ID]: this.clientId,
      [IdentityAnnotations.AZURE_TENANT_ID]: this.tenantId,
    };
  }

  /** `azure.workload.identity/use: "true"`: the webhook only injects the token into labelled pods. */
  public get podLabels(): Readonly<Record<string, string>> {
    return { [IdentityAnnotations.AZURE_USE_LABEL]: 'true' };
  }

  /** The federated service accounts, sorted by namespace then name, without duplicates. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    const bySubject = new Map<string, ServiceAccountRef>();
    for (const credential of this.credentials) {
      bySubject.set(serviceAccountSubject(credential.serviceAccount), credential.serviceAccount);
    }
    return [...bySubject.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ref]) => ref);
  }

  /** The federated credentials created so far, in creation order. */
  public get federatedCredentials(): readonly FederatedIdentityCredential[] {
    return this.credentials.map((credential) => credential.resource);
  }

  /**
   * Trusts a Kubernetes service account of a cluster: adds a federated identity credential with
   * `subject` `system:serviceaccount:<ns>:<name>`, the cluster's issuer and the
   * `api://AzureADTokenExchange` audience. The credential depends on the previous one, so Terraform
   * writes them one at a time.
   */
  public addFederatedCredential(options: FederatedCredentialOptions): FederatedIdentityCredential {
    const { serviceAccount } = options;
    assertDnsLabel(this.node.path, 'serviceAccount.namespace', serviceAccount.namespace);
    assertDnsSubdomain(this.node.path, 'serviceAccount.name', serviceAccount.name);
    const issuer = options.issuerUrl ?? this.defaultIssuer;
    if (issuer === undefined) {
      throw missingProp(this.node.path, 'issuerUrl',
        'pass issuerUrl (the cluster\'s oidcIssuerUrl) or set oidcIssuer on the identity');
    }
    const subject = serviceAccountSubject(serviceAccount);
    if (this.credentials.some((c) => c.issuer === issuer && serviceAccountSubject(c.serviceAccount) === subject)) {
      throw duplicateFederatedSubject(this.node.path, 'serviceAccount', subject);
    }
    const name = options.name ?? `${serviceAccount.namespace}_${serviceAccount.name.replace(/\./g, '-')}`.slice(0, 120);
    if (!isToken(name) && !isFederatedCredentialName(name)) {
      throw invalidAzureIdentityName(this.node.path, 'name', name, 120);
    }
    if (this.credentials.some((c) => c.name === name)) {
      throw duplicateFederatedCredentialName(this.node.path, 'name', name);
    }
    const previous = this.credentials[this.credentials.length - 1];
    const { FederatedIdentityCredential: CredentialResource } = workloadIdentityClasses(this);
    const resource = new CredentialResource(this, `Federated-${name}`, {
      name,
      resourceGroupName: this.resourceGroupName,
      parentId: this.identityId,
      issuer,
      subject,
      audience: [AZURE_TOKEN_EXCHANGE_AUDIENCE],
      dependsOn: previous ? [previous.resource] : undefined,
    });
    this.credentials.push({ issuer, serviceAccount, name, resource });
    return resource;
  }

  /**
   * Grants **Key Vault Secrets User** on a whole vault: the value of every secret in it, present and
   * future. Prefer {@link grantReadSecret} per secret; for an External Secrets Operator `find`, use
   * {@link grantListSecrets} plus {@link grantReadSecret} on each secret it may read. The declaration
   * layer never uses this method.
   */
  public grantReadSecrets(vault: IAzureKeyVault): KeyVaultRoleAssignment {
    return vault.grantSecretsRead(this);
  }

  /**
   * Lets the identity list a vault's secrets (names, attributes, tags) without reading any value:
   * the vault's {@link KeyVaultSecretsListRole} (a custom role with the one data action
   * `Microsoft.KeyVault/vaults/secrets/readMetadata/action`), assigned on the vault. An External
   * Secrets Operator `find` lists the vault and then reads each match: grant those with
   * {@link grantReadSecret}.
   */
  public grantListSecrets(vault: IAzureKeyVault): KeyVaultRoleAssignment {
    return vault.grantSecretsList(this);
  }

  /** Grants **Key Vault Secrets User** on one secret (least privilege). */
  public grantReadSecret(secret: IAzureKeyVaultSecret): KeyVaultRoleAssignment {
    return secret.grantRead(this);
  }

  /** Grants **Key Vault Secrets Officer** on a whole vault: only for a PushSecret that creates secrets. */
  public grantWriteSecrets(vault: IAzureKeyVault): KeyVaultRoleAssignment {
    return vault.grantSecretsWrite(this);
  }

  /** Grants **Key Vault Secrets Officer** on one existing secret: a PushSecret updating it. */
  public grantWriteSecret(secret: IAzureKeyVaultSecret): KeyVaultRoleAssignment {
    return secret.grantWrite(this);
  }
}
