import {
  ClusterSecretStoreSpecProviderAzurekv,
  ClusterSecretStoreSpecProviderAzurekvAuthType,
  ClusterSecretStoreSpecProviderAzurekvEnvironmentType,
} from '../imports/external-secrets.io';
import { isGuid } from '../../core/cloud-names';
import { invalidAzureTenantId, wrongType } from '../../core/errors';
import { isUnresolved } from '../../core/tokens';
import { assertShape, assertType, assertUrl } from '../../core/validation';
import { StoreContext } from '../private/context';
import { SecretKeySelector, ServiceAccountReference } from '../references';

/** The Azure cloud the vault lives in. */
export enum AzureEnvironment {
  /** Azure public cloud (the ESO default). */
  PUBLIC_CLOUD = 'PublicCloud',
  /** Azure US Government. */
  US_GOVERNMENT_CLOUD = 'USGovernmentCloud',
  /** Azure China (21Vianet). */
  CHINA_CLOUD = 'ChinaCloud',
  /** Azure Germany (retired). */
  GERMAN_CLOUD = 'GermanCloud',
  /** Azure Stack Hub. */
  AZURE_STACK_CLOUD = 'AzureStackCloud',
}

/** Options of {@link AzureKeyVaultAuth.workloadIdentity}. */
export interface AzureWorkloadIdentityAuthOptions {
  /**
   * The service account annotated with `azure.workload.identity/client-id` (and tenant-id).
   * Pass a {@link WorkloadServiceAccount} built from the identity.
   */
  readonly serviceAccount: ServiceAccountReference;
  /**
   * Token audiences.
   * @default - ESO's default (`api://AzureADTokenExchange`)
   */
  readonly audiences?: string[];
}

/** Options of {@link AzureKeyVaultAuth.servicePrincipal}. */
export interface AzureServicePrincipalAuthOptions {
  /** Secret key holding the client ID. */
  readonly clientId: SecretKeySelector;
  /**
   * Secret key holding the client secret.
   * @default - none: `clientCertificate` must be set
   */
  readonly clientSecret?: SecretKeySelector;
  /**
   * Secret key holding a client certificate.
   * @default - none: `clientSecret` must be set
   */
  readonly clientCertificate?: SecretKeySelector;
}

/** Options of {@link AzureKeyVaultAuth.managedIdentity}. */
export interface AzureManagedIdentityAuthOptions {
  /**
   * Client ID of the identity when the node has several.
   * @default - the only assigned identity
   */
  readonly identityId?: string;
}

/** How the Azure Key Vault provider authenticates. */
export class AzureKeyVaultAuth {
  /** Workload identity through a referenced service account (recommended). */
  public static workloadIdentity(options: AzureWorkloadIdentityAuthOptions): AzureKeyVaultAuth {
    return new AzureKeyVaultAuth(ClusterSecretStoreSpecProviderAzurekvAuthType.WORKLOAD_IDENTITY, options ?? {}, 'serviceAccount');
  }

  /**
   * Workload identity of the ESO controller itself (no `serviceAccountRef`): the controller pod
   * needs the `azure.workload.identity/use: "true"` label and its service account the client-id
   * annotation (EsoHelmRelease with an Azure identity does that).
   */
  public static controllerWorkloadIdentity(): AzureKeyVaultAuth {
    return new AzureKeyVaultAuth(ClusterSecretStoreSpecProviderAzurekvAuthType.WORKLOAD_IDENTITY, {});
  }

  /** Managed identity of the node (relies on deprecated AAD Pod Identity; prefer workload identity). */
  public static managedIdentity(options: AzureManagedIdentityAuthOptions = {}): AzureKeyVaultAuth {
    return new AzureKeyVaultAuth(ClusterSecretStoreSpecProviderAzurekvAuthType.MANAGED_IDENTITY, options ?? {});
  }

  /** Service principal credentials in a Secret (`tenantId` is required on the provider). */
  public static servicePrincipal(options: AzureServicePrincipalAuthOptions): AzureKeyVaultAuth {
    return new AzureKeyVaultAuth(ClusterSecretStoreSpecProviderAzurekvAuthType.SERVICE_PRINCIPAL, options ?? {}, 'clientId');
  }

  private constructor(
    /** @internal */ public readonly _type: ClusterSecretStoreSpecProviderAzurekvAuthType,
    /** @internal */ public readonly _options: Partial<AzureWorkloadIdentityAuthOptions & AzureServicePrincipalAuthOptions
    & AzureManagedIdentityAuthOptions>,
    /** @internal */ public readonly _required?: 'serviceAccount' | 'clientId',
  ) {}
}

/** Props of {@link SecretStoreProvider.azureKeyVault}. */
export interface AzureKeyVaultProviderProps {
  /** Vault URL, e.g. `https://my-vault.vault.azure.net`. */
  readonly vaultUrl: string;
  /** How ESO authenticates. */
  readonly auth: AzureKeyVaultAuth;
  /**
   * Entra tenant ID (required for service principal auth).
   * @default - from the service account annotation (workload identity)
   */
  readonly tenantId?: string;
  /**
   * The Azure cloud.
   * @default - ESO's default (AzureEnvironment.PUBLIC_CLOUD)
   */
  readonly environmentType?: AzureEnvironment;
}

/** @internal */
export function renderAzureProvider(ctx: StoreContext, props: AzureKeyVaultProviderProps): ClusterSecretStoreSpecProviderAzurekv {
  const p = 'spec.provider.azurekv';
  assertShape(ctx.path, p, props, {
    'vaultUrl': 'nonEmptyString',
    'auth': { instance: AzureKeyVaultAuth, name: 'an AzureKeyVaultAuth (AzureKeyVaultAuth.workloadIdentity(), servicePrincipal()...)' },
    'tenantId?': 'string',
    'environmentType?': { enum: AzureEnvironment, name: 'AzureEnvironment' },
  });
  assertUrl(ctx.path, `${p}.vaultUrl`, props.vaultUrl, { schemes: ['https'], what: 'a Key Vault URL (https://<vault>.vault.azure.net)', allowPath: false });
  if (props.tenantId !== undefined && !isUnresolved(props.tenantId) && !isGuid(props.tenantId)) {
    throw invalidAzureTenantId(ctx.path, `${p}.tenantId`, props.tenantId);
  }
  const o = props.auth._options;
  if (props.auth._required === 'serviceAccount' && o.serviceAccount === undefined) {
    throw wrongType(ctx.path, `${p}.serviceAccountRef`, undefined, 'a service account reference ({ name, namespace? } or a WorkloadServiceAccount)');
  }
  if (props.auth._required === 'clientId') {
    assertType(ctx.path, `${p}.authSecretRef.clientId`, o.clientId, 'object');
    if (o.clientSecret === undefined && o.clientCertificate === undefined) {
      throw wrongType(ctx.path, `${p}.authSecretRef.clientSecret`, undefined, 'a Secret key reference (clientSecret or clientCertificate)');
    }
    if (props.tenantId === undefined) {
      throw wrongType(ctx.path, `${p}.tenantId`, undefined, 'the Entra tenant ID (required with service principal auth)');
    }
  }
  const sp = props.auth._type === ClusterSecretStoreSpecProviderAzurekvAuthType.SERVICE_PRINCIPAL;
  return {
    vaultUrl: props.vaultUrl,
    authType: props.auth._type,
    tenantId: props.tenantId,
    environmentType: props.environmentType as string as ClusterSecretStoreSpecProviderAzurekvEnvironmentType | undefined,
    serviceAccountRef: o.serviceAccount ? ctx.serviceAccountRef(`${p}.serviceAccountRef`, o.serviceAccount, o.audiences) : undefined,
    identityId: o.identityId,
    authSecretRef: sp ? {
      clientId: o.clientId ? ctx.secretRef(`${p}.authSecretRef.clientId`, o.clientId) : undefined,
      clientSecret: o.clientSecret ? ctx.secretRef(`${p}.authSecretRef.clientSecret`, o.clientSecret) : undefined,
      clientCertificate: o.clientCertificate ? ctx.secretRef(`${p}.authSecretRef.clientCertificate`, o.clientCertificate) : undefined,
    } : undefined,
  };
}
