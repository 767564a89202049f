import { Construct, IConstruct } from 'constructs';
import type { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import {
  invalidAzureTenantId, invalidKeyVaultId, invalidKeyVaultName, invalidString, keyVaultNetworkRuleTooWide, missingProp, softDeleteRetentionOutOfRange,
} from '../core/errors';
import { assertProps, escapeTerraformMap } from '../core/validation';
import { IAzurePrincipal } from './principal';
import { KeyVaultRole, KeyVaultRoleAssignment } from './role-assignment';
import { grantKeyVaultRole } from './private/grant';
import { secretsListRoleOf } from './private/list-role';
import { isToken, KEY_VAULT_ID } from './private/util';
import { isGuid, isKeyVaultName } from '../core/cloud-names';
import { keyVaultClasses } from './private/azurerm';

/** Key Vault pricing tier (`sku_name`). */
export enum KeyVaultSku {
  /** Software-protected keys. Enough for secrets and RSA software keys. */
  STANDARD = 'standard',
  /** Adds HSM-protected keys (`RSA-HSM`, `EC-HSM`). */
  PREMIUM = 'premium',
}

/**
 * The Azure cloud a vault lives in; decides the vault DNS suffix of {@link IAzureKeyVault.vaultUrl}.
 *
 * Values match ESO's `azurekv.environmentType`.
 *
 * @see https://external-secrets.io/latest/provider/azure-key-vault/
 */
export enum AzureCloud {
  /** Azure public cloud: `https://<name>.vault.azure.net/`. */
  PUBLIC = 'PublicCloud',
  /** Azure US Government: `https://<name>.vault.usgovcloudapi.net/`. */
  US_GOVERNMENT = 'USGovernmentCloud',
  /** Azure China (21Vianet): `https://<name>.vault.azure.cn/`. */
  CHINA = 'ChinaCloud',
}

const VAULT_DNS_SUFFIX: Record<AzureCloud, string> = {
  [AzureCloud.PUBLIC]: 'vault.azure.net',
  [AzureCloud.US_GOVERNMENT]: 'vault.usgovcloudapi.net',
  [AzureCloud.CHINA]: 'vault.azure.cn',
};

/** What the vault firewall does with traffic no rule matches (`network_acls.default_action`). */
export enum KeyVaultNetworkAction {
  /** Reject traffic not matched by an IP rule, a subnet rule, a private endpoint or the bypass. */
  DENY = 'Deny',
  /** Accept traffic from any network (identity and RBAC still apply). */
  ALLOW = 'Allow',
}

/** Whether trusted Azure services pass the vault firewall (`network_acls.bypass`). */
export enum KeyVaultNetworkBypass {
  /** Trusted Microsoft services (for example Azure Backup, ARM template deployment) pass. */
  AZURE_SERVICES = 'AzureServices',
  /** Nothing bypasses the firewall. */
  NONE = 'None',
}

/** Vault firewall options. */
export interface KeyVaultNetworkAclOptions {
  /**
   * Action for traffic no rule matches.
   * @default KeyVaultNetworkAction.DENY
   */
  readonly defaultAction?: KeyVaultNetworkAction;
  /**
   * Subnet resource IDs allowed through the firewall (the subnets need the `Microsoft.KeyVault`
   * service endpoint). Typically the AKS node subnet, so ESO can reach the vault.
   * @default - no subnet is allowed
   */
  readonly allowedSubnetIds?: string[];
  /**
   * Public IPv4 addresses or CIDR ranges allowed through the firewall, for example the address
   * Terraform runs from (it writes secrets through the data plane).
   * @default - no IP is allowed
   */
  readonly allowedIpRules?: string[];
  /**
   * Whether trusted Azure services bypass the firewall.
   * @default KeyVaultNetworkBypass.AZURE_SERVICES
   */
  readonly bypass?: KeyVaultNetworkBypass;
}

/** A Key Vault, created here or imported. */
export interface IAzureKeyVault extends IConstruct {
  /** ARM resource ID of the vault (the scope of vault-wide role assignments). May be a token. */
  readonly vaultId: string;
  /** Name of the vault. */
  readonly vaultName: string;
  /**
   * Literal data-plane URL `https://<name>.<cloud suffix>/`, derived from the name and the cloud,
   * for places that need a literal (ESO's `azurekv.vaultUrl` in YAML).
   */
  readonly vaultUrl: string;
  /** The Azure cloud the vault lives in. */
  readonly cloud: AzureCloud;
  /**
   * The firewall's default action, when known.
   * @default - unknown (imported vault)
   */
  readonly networkDefaultAction?: KeyVaultNetworkAction;
  /**
   * Grants **Key Vault Secrets User** on the whole vault: the value of every secret in it, present
   * and future. Prefer `secret.grantRead()` per secret, and {@link grantSecretsList} for a find.
   */
  grantSecretsRead(principal: IAzurePrincipal): KeyVaultRoleAssignment;
  /**
   * Lets a principal list the vault's secrets (names, attributes, tags) without reading any value:
   * the vault's {@link KeyVaultSecretsListRole} (created on first use, one per vault) assigned on the
   * vault. What an External Secrets Operator `find` needs, together with `secret.grantRead()` on each
   * secret it may read.
   */
  grantSecretsList(principal: IAzurePrincipal): KeyVaultRoleAssignment;
  /** Grants **Key Vault Secrets Officer** on the whole vault (PushSecret writes). */
  grantSecretsWrite(principal: IAzurePrincipal): KeyVaultRoleAssignment;
  /** Grants **Key Vault Crypto User** on the whole vault. Prefer `key.grant...` on one key. */
  grantCryptoUse(principal: IAzurePrincipal): KeyVaultRoleAssignment;
  /** Grants any {@link KeyVaultRole} on the whole vault. */
  grant(principal: IAzurePrincipal, role: KeyVaultRole): KeyVaultRoleAssignment;
}

/** Attributes of an existing vault, for {@link AzureKeyVault.fromVaultAttributes}. */
export interface AzureKeyVaultAttributes {
  /** ARM resource ID of the vault: `/subscriptions/<s>/resourceGroups/<g>/providers/Microsoft.KeyVault/vaults/<name>`. */
  readonly vaultId: string;
  /**
   * Name of the vault.
   * @default - the last segment of `vaultId` (required when `vaultId` is a token)
   */
  readonly vaultName?: string;
  /**
   * The Azure cloud of the vault.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
}

/** Props of {@link AzureKeyVault}. */
export interface AzureKeyVaultProps {
  /**
   * Vault name: 3-24 characters, letters, digits and hyphens, starting with a letter, ending with a
   * letter or digit, no consecutive hyphens. Globally unique (it is a DNS label). Changing it replaces the vault.
   */
  readonly vaultName: string;
  /** Resource group of the vault. */
  readonly resourceGroupName: string;
  /** Azure region, e.g. `westeurope`. */
  readonly location: string;
  /**
   * Entra tenant ID (a GUID).
   * @default - the tenant of the credentials the azurerm provider runs with (`data "azurerm_client_config"`)
   */
  readonly tenantId?: string;
  /**
   * Pricing tier.
   * @default KeyVaultSku.STANDARD
   */
  readonly sku?: KeyVaultSku;
  /**
   * Days a deleted vault or object stays recoverable, 7-90. Cannot be changed after creation.
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Purge protection: deleted vaults and objects cannot be purged before the retention ends. Once
   * on, it cannot be turned off. Required by AKS KMS.
   * @default true
   */
  readonly purgeProtection?: boolean;
  /**
   * Whether the public endpoint is enabled at all. With `false`, only private endpoints reach the vault.
   * @default true (the firewall, default Deny, still filters it)
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * Firewall rules.
   * @default - deny everything except trusted Azure services
   */
  readonly networkAcls?: KeyVaultNetworkAclOptions;
  /**
   * The Azure cloud, for the literal {@link AzureKeyVault.vaultUrl}. Must match the azurerm provider's `environment`.
   * @default AzureCloud.PUBLIC
   */
  readonly cloud?: AzureCloud;
  /**
   * Tags of the vault.
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}


/** Construct ID of the vault's {@link KeyVaultSecretsListRole} under the vault. */
abstract class KeyVaultBase extends Construct implements IAzureKeyVault {
  public abstract readonly vaultId: string;
  public abstract readonly vaultName: string;
  public abstract readonly vaultUrl: string;
  public abstract readonly cloud: AzureCloud;
  public abstract readonly networkDefaultAction?: KeyVaultNetworkAction;

  public grantSecretsRead(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return this.grant(principal, KeyVaultRole.SECRETS_USER);
  }

  public grantSecretsList(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return secretsListRoleOf(this).grant(principal);
  }

  public grantSecretsWrite(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return this.grant(principal, KeyVaultRole.SECRETS_OFFICER);
  }

  public grantCryptoUse(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return this.grant(principal, KeyVaultRole.CRYPTO_USER);
  }

  public grant(principal: IAzurePrincipal, role: KeyVaultRole): KeyVaultRoleAssignment {
    return grantKeyVaultRole(this, principal, role, this.vaultId);
  }
}

/** Literal vault URL for a name and a cloud. */
/** An IPv4 address or CIDR with a prefix of 1 or more (never /0: the whole internet). */
function isNarrowIpv4Rule(rule: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/(\d{1,2}))?$/.exec(rule);
  if (!match || match.slice(1, 5).some((octet) => Number(octet) > 255)) {
    return false;
  }
  return match[6] === undefined || Number(match[6]) >= 1 && Number(match[6]) <= 32;
}

function vaultUrlOf(vaultName: string, cloud: AzureCloud): string {
  return `https://${vaultName.toLowerCase()}.${VAULT_DNS_SUFFIX[cloud]}/`;
}

/** An existing vault. */
class ImportedKeyVault extends KeyVaultBase {
  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly vaultUrl: string;
  public readonly cloud: AzureCloud;
  public readonly networkDefaultAction?: KeyVaultNetworkAction = undefined;

  constructor(scope: Construct, id: string, attributes: AzureKeyVaultAttributes) {
    super(scope, id);
    let nameFromId: string | undefined;
    if (!isToken(attributes.vaultId)) {
      const match = KEY_VAULT_ID.exec(attributes.vaultId);
      if (!match) {
        throw invalidKeyVaultId(this.node.path, 'vaultId', attributes.vaultId);
      }
      nameFromId = match[1];
    }
    const vaultName = attributes.vaultName ?? nameFromId;
    if (vaultName === undefined) {
      throw missingProp(this.node.path, 'vaultName', 'pass vaultName when vaultId is a token');
    }
    assertVaultName(this, 'vaultName', vaultName);
    this.vaultId = attributes.vaultId;
    this.vaultName = vaultName;
    this.cloud = attributes.cloud ?? AzureCloud.PUBLIC;
    this.vaultUrl = vaultUrlOf(vaultName, this.cloud);
  }
}

function assertVaultName(scope: Construct, prop: string, value: string): void {
  if (!isToken(value) && !isKeyVaultName(value)) {
    throw invalidKeyVaultName(scope.node.path, prop, value);
  }
}

/**
 * An Azure Key Vault in RBAC authorization mode, hardened by default.
 *
 * - RBAC authorization always (`rbac_authorization_enabled`, azurerm >= 4.42); legacy access
 *   policies are not offered. Grant with `grantSecretsRead()` or, better, per secret with
 *   `AzureKeyVaultSecret.grantRead()`.
 * - Purge protection on, soft-delete retention 90 days.
 * - Firewall default Deny, trusted Azure services bypass; allow the AKS node subnet and the address
 *   Terraform runs from with `networkAcls`.
 *
 * @example
 * const vault = new AzureKeyVault(stack, 'Vault', {
 *   vaultName: 'kv-payments-prod', resourceGroupName: 'rg-payments', location: 'westeurope',
 *   networkAcls: { allowedSubnetIds: [aksSubnet.id], allowedIpRules: ['203.0.113.10'] },
 * });
 *
 * @see https://learn.microsoft.com/azure/key-vault/general/rbac-guide
 */
export class AzureKeyVault extends KeyVaultBase {
  /** Imports an existing vault by its ARM resource ID. The vault must use RBAC authorization. */
  public static fromVaultAttributes(scope: Construct, id: string, attributes: AzureKeyVaultAttributes): IAzureKeyVault {
    return new ImportedKeyVault(scope, id, attributes);
  }

  public readonly vaultId: string;
  public readonly vaultName: string;
  public readonly vaultUrl: string;
  public readonly cloud: AzureCloud;
  public readonly networkDefaultAction: KeyVaultNetworkAction;
  /** The data-plane URI Azure reports (`vault_uri`), as a token. Equal to {@link vaultUrl} once deployed. */
  public readonly vaultUri: string;
  /** Entra tenant ID of the vault (a token when taken from the provider's client config). */
  public readonly tenantId: string;
  /** The underlying `azurerm_key_vault`. */
  public readonly resource: KeyVault;

  constructor(scope: Construct, id: string, props: AzureKeyVaultProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'AzureKeyVaultProps', {
      'vaultName': 'nonEmptyString',
      'resourceGroupName': 'nonEmptyString',
      'location': 'nonEmptyString',
      'tenantId?': 'string',
      'sku?': { enum: KeyVaultSku, name: 'KeyVaultSku' },
      'softDeleteRetentionDays?': 'any',
      'purgeProtection?': 'boolean',
      'publicNetworkAccess?': 'boolean',
      'networkAcls?': {
        shape: {
          'defaultAction?': { enum: KeyVaultNetworkAction, name: 'KeyVaultNetworkAction' },
          'allowedSubnetIds?': 'stringArray',
          'allowedIpRules?': 'stringArray',
          'bypass?': { enum: KeyVaultNetworkBypass, name: 'KeyVaultNetworkBypass' },
        },
      },
      'cloud?': { enum: AzureCloud, name: 'AzureCloud' },
      'tags?': 'stringMap',
    });
    (props.networkAcls?.allowedIpRules ?? []).forEach((rule, i) => {
      if (!isToken(rule) && !isNarrowIpv4Rule(rule)) {
        throw keyVaultNetworkRuleTooWide(path, `networkAcls.allowedIpRules[${i}]`, rule);
      }
    });
    (props.networkAcls?.allowedSubnetIds ?? []).forEach((subnet, i) => {
      if (!isToken(subnet) && !/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i.test(subnet)) {
        throw invalidString(path, `networkAcls.allowedSubnetIds[${i}]`, subnet, 'a subnet resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Network/virtualNetworks/<vnet>/subnets/<subnet>)',
          'pass azurerm_subnet.id');
      }
    });
    if (!isToken(props.resourceGroupName) && !/^[-\w._()]{1,90}$/.test(props.resourceGroupName) || /\.$/.test(props.resourceGroupName)) {
      throw invalidString(path, 'resourceGroupName', props.resourceGroupName, 'a resource group name: 1 to 90 letters, digits and -_.(), not ending with "."',
        'pass the name of the resource group (azurerm_resource_group.name)');
    }
    assertVaultName(this, 'vaultName', props.vaultName);
    if (props.tenantId !== undefined && !isToken(props.tenantId) && !isGuid(props.tenantId)) {
      throw invalidAzureTenantId(this.node.path, 'tenantId', props.tenantId);
    }
    const retention = props.softDeleteRetentionDays ?? 90;
    if (!isToken(retention) && (!Number.isInteger(retention) || retention < 7 || retention > 90)) {
      throw softDeleteRetentionOutOfRange(this.node.path, 'softDeleteRetentionDays', retention);
    }

    const { KeyVault: KeyVaultResource, DataAzurermClientConfig } = keyVaultClasses(this);
    this.tenantId = props.tenantId ?? new DataAzurermClientConfig(this, 'ClientConfig').tenantId;
    const acls = props.networkAcls ?? {};
    this.networkDefaultAction = acls.defaultAction ?? KeyVaultNetworkAction.DENY;
    this.cloud = props.cloud ?? AzureCloud.PUBLIC;

    this.resource = new KeyVaultResource(this, 'Resource', {
      name: props.vaultName,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: this.tenantId,
      skuName: props.sku ?? KeyVaultSku.STANDARD,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: props.purgeProtection ?? true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: props.publicNetworkAccess ?? true,
      networkAcls: {
        defaultAction: this.networkDefaultAction,
        bypass: acls.bypass ?? KeyVaultNetworkBypass.AZURE_SERVICES,
        ipRules: [...(acls.allowedIpRules ?? [])].sort(),
        virtualNetworkSubnetIds: [...(acls.allowedSubnetIds ?? [])].sort(),
      },
      tags: escapeTerraformMap(props.tags),
    });

    this.vaultId = this.resource.id;
    this.vaultUri = this.resource.vaultUri;
    this.vaultName = props.vaultName;
    this.vaultUrl = vaultUrlOf(props.vaultName, this.cloud);
  }
}
