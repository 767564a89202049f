import { Construct } from 'constructs';
import { dependable } from 'cdktf';
import type { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import type { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import {
  aksIdentityNotUserAssigned, invalidAksKmsKeySize, invalidKeyVaultKeyRotationPolicy, kmsPublicVaultBehindFirewall,
} from '../core/errors';
import { IAzureKeyVault, KeyVaultNetworkAction } from './key-vault';
import { IAzurePrincipal } from './principal';
import { KeyVaultRole, KeyVaultRoleAssignment } from './role-assignment';
import { grantKeyVaultRole } from './private/grant';
import { assertKeyVaultObjectName, isToken } from './private/util';
import { keyVaultKeyClass } from './private/azurerm';
import { assertPropsObject } from '../core/validation';

/** How the AKS KMS plugin reaches the vault (`key_vault_network_access`). */
export enum KmsKeyVaultNetworkAccess {
  /** Over the vault's public endpoint. The vault firewall must allow all networks (AKS limitation). */
  PUBLIC = 'Public',
  /**
   * Over a private link AKS creates to the vault (requires API Server VNet Integration). The vault's
   * resource ID is derived by AKS from the key, and the cluster identity also gets Key Vault
   * Contributor on the vault to create the private link.
   */
  PRIVATE = 'Private',
}

/** Type of the KMS key. */
export enum KmsKeyType {
  /** Software-protected RSA key (standard or premium vault). */
  RSA = 'RSA',
  /** HSM-protected RSA key (premium vault only). */
  RSA_HSM = 'RSA-HSM',
}

/** Automatic rotation policy of the KMS key, in days (rendered as ISO 8601 durations). */
export interface KmsKeyRotationOptions {
  /**
   * Days after creation of a version when Key Vault creates the next version.
   * @default 90
   */
  readonly rotateAfterDays?: number;
  /**
   * Days after creation when a version expires. At least 28, and at least 7 more than `rotateAfterDays`.
   * @default 730 - two years, leaving time to roll the cluster to a new version (see the README)
   */
  readonly expireAfterDays?: number;
  /**
   * Days before expiry when Key Vault emits a near-expiry event. From 7 to `expireAfterDays` - 1.
   * @default 30
   */
  readonly notifyBeforeExpiryDays?: number;
}

/** Props of {@link AksKmsEncryption}. */
export interface AksKmsEncryptionProps {
  /** The vault holding the key. Needs purge protection (AKS requirement; on by default in `AzureKeyVault`). */
  readonly vault: IAzureKeyVault;
  /** Name of the key: 1-127 characters, letters, digits and "-". */
  readonly keyName: string;
  /**
   * The cluster's **user-assigned** control-plane identity: it gets Key Vault Crypto User.
   * Use `AzurePrincipal.fromUserAssignedIdentity(uami)`. A system-assigned identity cannot be used:
   * it only exists once the cluster does, but AKS needs the grant while creating the cluster.
   */
  readonly clusterIdentity: IAzurePrincipal;
  /**
   * How the KMS plugin reaches the vault. Cannot be changed while KMS is on.
   * @default KmsKeyVaultNetworkAccess.PUBLIC
   */
  readonly networkAccess?: KmsKeyVaultNetworkAccess;
  /**
   * RSA key size in bits: 2048, 3072 or 4096.
   * @default 2048
   */
  readonly keySize?: number;
  /**
   * Key type.
   * @default KmsKeyType.RSA
   */
  readonly keyType?: KmsKeyType;
  /**
   * Automatic rotation policy.
   * @default - rotate every 90 days, versions expire after 730 days, notify 30 days before expiry
   */
  readonly rotation?: KmsKeyRotationOptions;
  /**
   * Tags of the key.
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

const KEY_SIZES = [2048, 3072, 4096];

/**
 * AKS KMS etcd encryption of Kubernetes Secrets with a Key Vault key.
 *
 * Creates an RSA key with an automatic rotation policy, grants **Key Vault Crypto User** on that key
 * to the cluster's user-assigned identity (plus **Key Vault Contributor** on the vault for Private
 * network access), and {@link applyTo} wires `key_management_service { key_vault_key_id,
 * key_vault_network_access }` into an azurerm `KubernetesCluster`, which then depends on the grants.
 *
 * `key_vault_key_id` is the versioned key ID: after Key Vault rotates the key, the next
 * `terraform apply` moves the cluster to the new version.
 *
 * @example
 * const kms = new AksKmsEncryption(stack, 'Kms', {
 *   vault: kmsVault, keyName: 'aks-etcd', clusterIdentity: AzurePrincipal.fromUserAssignedIdentity(aksIdentity),
 * });
 * kms.applyTo(cluster);
 *
 * @see https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption
 */
export class AksKmsEncryption extends Construct {
  /** The underlying `azurerm_key_vault_key`. */
  public readonly key: KeyVaultKey;
  /** Versioned key ID (token): the `key_vault_key_id` AKS needs. */
  public readonly keyId: string;
  /** Versionless ARM resource ID of the key (token), the scope of the crypto role assignment. */
  public readonly keyResourceId: string;
  /** How the KMS plugin reaches the vault. */
  public readonly networkAccess: KmsKeyVaultNetworkAccess;
  /** The role assignments the cluster needs before KMS can be turned on. */
  public readonly roleAssignments: readonly KeyVaultRoleAssignment[];

  private readonly appliedTo = new Set<KubernetesCluster>();

  constructor(scope: Construct, id: string, props: AksKmsEncryptionProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'AksKmsEncryptionProps');
    assertKeyVaultObjectName(this, 'keyName', props.keyName);
    const keySize = props.keySize ?? 2048;
    if (!isToken(keySize) && !KEY_SIZES.includes(keySize)) {
      throw invalidAksKmsKeySize(this.node.path, 'keySize', keySize);
    }
    this.networkAccess = props.networkAccess ?? KmsKeyVaultNetworkAccess.PUBLIC;
    if (this.networkAccess === KmsKeyVaultNetworkAccess.PUBLIC && props.vault.networkDefaultAction === KeyVaultNetworkAction.DENY) {
      throw kmsPublicVaultBehindFirewall(this.node.path, 'networkAccess', this.networkAccess);
    }
    const rotation = validateRotation(this, props.rotation ?? {});

    const KeyVaultKeyResource = keyVaultKeyClass(this);
    this.key = new KeyVaultKeyResource(this, 'Key', {
      name: props.keyName,
      keyVaultId: props.vault.vaultId,
      keyType: props.keyType ?? KmsKeyType.RSA,
      keySize,
      keyOpts: ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey'],
      rotationPolicy: {
        automatic: { timeAfterCreation: `P${rotation.rotateAfterDays}D` },
        expireAfter: `P${rotation.expireAfterDays}D`,
        notifyBeforeExpiry: `P${rotation.notifyBeforeExpiryDays}D`,
      },
      tags: props.tags,
    });
    this.keyId = this.key.id;
    this.keyResourceId = this.key.resourceVersionlessId;

    const assignments = [grantKeyVaultRole(this, props.clusterIdentity, KeyVaultRole.CRYPTO_USER, this.keyResourceId)];
    if (this.networkAccess === KmsKeyVaultNetworkAccess.PRIVATE) {
      assignments.push(grantKeyVaultRole(this, props.clusterIdentity, KeyVaultRole.CONTRIBUTOR, props.vault.vaultId));
    }
    this.roleAssignments = assignments;
  }

  /** The `key_management_service` block for an azurerm `KubernetesCluster`. */
  public get keyManagementService(): { readonly keyVaultKeyId: string; readonly keyVaultNetworkAccess: string } {
    return { keyVaultKeyId: this.keyId, keyVaultNetworkAccess: this.networkAccess };
  }

  /**
   * Turns KMS on for a cluster: sets its `key_management_service` block and makes it depend on the
   * role assignments. The cluster's identity must be `UserAssigned` (checked when literal).
   * Calling it twice for the same cluster is harmless.
   */
  public applyTo(cluster: KubernetesCluster): void {
    const identityType = cluster.identityInput?.type;
    if (identityType === undefined || (!isToken(identityType) && identityType !== 'UserAssigned')) {
      throw aksIdentityNotUserAssigned(cluster.node.path, 'identity.type', identityType);
    }
    cluster.putKeyManagementService(this.keyManagementService);
    if (!this.appliedTo.has(cluster)) {
      this.appliedTo.add(cluster);
      cluster.dependsOn = [...(cluster.dependsOn ?? []), ...this.roleAssignments.map((a) => dependable(a.resource))];
    }
  }
}

function validateRotation(scope: Construct, options: KmsKeyRotationOptions): Required<KmsKeyRotationOptions> {
  const rotateAfterDays = options.rotateAfterDays ?? 90;
  const expireAfterDays = options.expireAfterDays ?? 730;
  const notifyBeforeExpiryDays = options.notifyBeforeExpiryDays ?? 30;
  const path = scope.node.path;
  if (!Number.isInteger(expireAfterDays) || expireAfterDays < 28) {
    throw invalidKeyVaultKeyRotationPolicy(path, 'rotation.expireAfterDays', expireAfterDays, 'a whole number of days, 28 or more');
  }
  if (!Number.isInteger(rotateAfterDays) || rotateAfterDays < 7 || rotateAfterDays > expireAfterDays - 7) {
    throw invalidKeyVaultKeyRotationPolicy(path, 'rotation.rotateAfterDays', rotateAfterDays,
      `a whole number of days from 7 to ${expireAfterDays - 7} (expireAfterDays - 7)`);
  }
  if (!Number.isInteger(notifyBeforeExpiryDays) || notifyBeforeExpiryDays < 7 || notifyBeforeExpiryDays >= expireAfterDays) {
    throw invalidKeyVaultKeyRotationPolicy(path, 'rotation.notifyBeforeExpiryDays', notifyBeforeExpiryDays,
      `a whole number of days from 7 to ${expireAfterDays - 1}`);
  }
  return { rotateAfterDays, expireAfterDays, notifyBeforeExpiryDays };
}
