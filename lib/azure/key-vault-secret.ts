import { Construct, IConstruct } from 'constructs';
import { TerraformVariable } from 'cdktf';
import type { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import {
  invalidKeyVaultSecretDate, invalidKeyVaultValueVersion,
  nonSensitiveKeyVaultVariable, plaintextKeyVaultSecretValue,
} from '../core/errors';
import { IAzureKeyVault } from './key-vault';
import { IAzurePrincipal } from './principal';
import { KeyVaultRole, KeyVaultRoleAssignment } from './role-assignment';
import { grantKeyVaultRole } from './private/grant';
import { assertKeyVaultObjectName } from './private/util';
import { keyVaultSecretClass } from './private/azurerm';
import { assertPropsObject } from '../core/validation';

/** Options of {@link KeyVaultSecretValue.fromSensitiveVariable}. */
export interface SensitiveVariableValueOptions {
  /**
   * The write-only value version (`value_wo_version`). Terraform never reads a write-only value
   * back, so it only sends a new value when this number changes: increase it each time the
   * variable holds a new value.
   * @default 1
   */
  readonly version?: number;
}

/**
 * Where the value of a Key Vault secret comes from. There is deliberately no way to pass a plain
 * string: values go through the write-only `value_wo` argument, so they are neither in the
 * synthesized JSON nor in the Terraform state.
 */
export class KeyVaultSecretValue {
  /**
   * The value of a Terraform variable declared with `sensitive: true`, sent through `value_wo`.
   * Supply it at apply time (`TF_VAR_<name>`, a `.tfvars` file kept out of git, or a CI secret).
   */
  public static fromSensitiveVariable(variable: TerraformVariable, options: SensitiveVariableValueOptions = {}): KeyVaultSecretValue {
    return new KeyVaultSecretValue(variable, options.version ?? 1);
  }

  /**
   * An empty placeholder: the secret is created empty and its value is managed out of band
   * (rotated by an operator, written by a PushSecret, set with `az keyvault secret set`).
   * Terraform ignores later changes of the value version, expiry, not-before and content type.
   */
  public static placeholder(): KeyVaultSecretValue {
    return new KeyVaultSecretValue(undefined, 1);
  }

  private constructor(
    /** @internal */ public readonly _variable: TerraformVariable | undefined,
    /** @internal */ public readonly _version: number,
  ) {}
}

/** A Key Vault secret, created here or imported. */
export interface IAzureKeyVaultSecret extends IConstruct {
  /** The vault holding the secret. */
  readonly vault: IAzureKeyVault;
  /** Name of the secret (literal): the `remoteRef.key` of an ESO ExternalSecret. */
  readonly secretName: string;
  /**
   * ARM resource ID of the secret without version (`<vault id>/secrets/<name>`): the scope of
   * per-secret role assignments. May be a token.
   */
  readonly resourceId: string;
  /** Grants **Key Vault Secrets User** on this secret only. */
  grantRead(principal: IAzurePrincipal): KeyVaultRoleAssignment;
  /** Grants **Key Vault Secrets Officer** on this secret only (a PushSecret updating it). */
  grantWrite(principal: IAzurePrincipal): KeyVaultRoleAssignment;
}

/** Props of {@link AzureKeyVaultSecret}. */
export interface AzureKeyVaultSecretProps {
  /** The vault to create the secret in. */
  readonly vault: IAzureKeyVault;
  /** Secret name: 1-127 characters, letters, digits and hyphens. Changing it replaces the secret. */
  readonly secretName: string;
  /**
   * The value.
   * @default KeyVaultSecretValue.placeholder() - created empty, managed out of band
   */
  readonly value?: KeyVaultSecretValue;
  /**
   * Content type hint (for example `application/json`, `text/plain`).
   * @default - none
   */
  readonly contentType?: string;
  /**
   * When the secret expires. Key Vault refuses to return an expired secret, so ESO stops syncing it.
   * @default - never expires
   */
  readonly expiresOn?: Date;
  /**
   * Before this date the secret cannot be read.
   * @default - readable immediately
   */
  readonly notBefore?: Date;
  /**
   * Tags of the secret.
   * @default - no tags
   */
  readonly tags?: Record<string, string>;
}

/** Renders a Date the way azurerm expects (RFC 3339, UTC, whole seconds). */
function rfc3339(scope: Construct, prop: string, value: Date): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw invalidKeyVaultSecretDate(scope.node.path, prop, String(value), 'a valid Date');
  }
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

abstract class KeyVaultSecretBase extends Construct implements IAzureKeyVaultSecret {
  public abstract readonly vault: IAzureKeyVault;
  public abstract readonly secretName: string;
  public abstract readonly resourceId: string;

  public grantRead(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return grantKeyVaultRole(this, principal, KeyVaultRole.SECRETS_USER, this.resourceId);
  }

  public grantWrite(principal: IAzurePrincipal): KeyVaultRoleAssignment {
    return grantKeyVaultRole(this, principal, KeyVaultRole.SECRETS_OFFICER, this.resourceId);
  }
}

class ImportedKeyVaultSecret extends KeyVaultSecretBase {
  public readonly resourceId: string;

  constructor(scope: Construct, id: string, public readonly vault: IAzureKeyVault, public readonly secretName: string) {
    super(scope, id);
    assertKeyVaultObjectName(this, 'secretName', secretName);
    this.resourceId = `${vault.vaultId}/secrets/${secretName}`;
  }
}

/**
 * A Key Vault secret whose value never reaches the synthesized JSON or the Terraform state.
 *
 * The value is either empty (a placeholder managed out of band, the default) or comes from a
 * sensitive {@link TerraformVariable} through the write-only `value_wo` / `value_wo_version`
 * arguments (azurerm >= 4.23, Terraform >= 1.11). The readable `value` argument is never used.
 *
 * Placeholders get `lifecycle.ignore_changes` on `value_wo_version`, `expiration_date`,
 * `not_before_date` and `content_type`, so a rotation done outside Terraform is not undone.
 *
 * @example
 * const password = new TerraformVariable(stack, 'db-password', { type: 'string', sensitive: true });
 * const secret = new AzureKeyVaultSecret(stack, 'DbPassword', {
 *   vault, secretName: 'db-password',
 *   value: KeyVaultSecretValue.fromSensitiveVariable(password, { version: 1 }),
 * });
 * secret.grantRead(esoIdentity);
 */
export class AzureKeyVaultSecret extends KeyVaultSecretBase {
  /** Imports an existing secret of a vault by name. */
  public static fromSecretName(scope: Construct, id: string, vault: IAzureKeyVault, secretName: string): IAzureKeyVaultSecret {
    return new ImportedKeyVaultSecret(scope, id, vault, secretName);
  }

  public readonly vault: IAzureKeyVault;
  public readonly secretName: string;
  /** Versionless ARM resource ID (`resource_versionless_id`), the scope of per-secret role assignments. Created on first use: every token cdktf creates captures a stack trace. */
  public get resourceId(): string {
    return this._resourceId ??= this.resource.resourceVersionlessId;
  }

  private _resourceId?: string;
  /** Versionless data-plane URL (`versionless_id`, `https://<vault>/secrets/<name>`), as a token. Created on first use: every token cdktf creates captures a stack trace. */
  public get versionlessId(): string {
    return this._versionlessId ??= this.resource.versionlessId;
  }

  private _versionlessId?: string;
  /** Literal versionless data-plane URL, derived from the vault URL and the secret name. */
  public readonly secretUrl: string;
  /** The underlying `azurerm_key_vault_secret`. */
  public readonly resource: KeyVaultSecret;

  constructor(scope: Construct, id: string, props: AzureKeyVaultSecretProps) {
    super(scope, id);
    assertPropsObject(this.node.path, props, 'AzureKeyVaultSecretProps');
    assertKeyVaultObjectName(this, 'secretName', props.secretName);
    const value = props.value ?? KeyVaultSecretValue.placeholder();
    if (!(value instanceof KeyVaultSecretValue)) {
      throw plaintextKeyVaultSecretValue(this.node.path, 'value');
    }
    const variable = value._variable;
    if (variable !== undefined) {
      if (!(variable instanceof TerraformVariable)) {
        throw plaintextKeyVaultSecretValue(this.node.path, 'value');
      }
      if (variable.sensitive !== true) {
        throw nonSensitiveKeyVaultVariable(this.node.path, 'value', variable.node.path);
      }
      // Behind a write-only attribute the variable is also ephemeral (Terraform >= 1.10): a saved plan
      // does not hold it either. cdktf 0.21 has no option for it, hence the override.
      variable.addOverride('ephemeral', true);
    }
    if (!Number.isInteger(value._version) || value._version < 1) {
      throw invalidKeyVaultValueVersion(this.node.path, 'value.version', value._version);
    }
    const expirationDate = props.expiresOn ? rfc3339(this, 'expiresOn', props.expiresOn) : undefined;
    const notBeforeDate = props.notBefore ? rfc3339(this, 'notBefore', props.notBefore) : undefined;
    if (props.expiresOn && props.notBefore && props.notBefore.getTime() >= props.expiresOn.getTime()) {
      throw invalidKeyVaultSecretDate(this.node.path, 'notBefore', notBeforeDate!, `a date before expiresOn (${expirationDate})`);
    }

    const KeyVaultSecretResource = keyVaultSecretClass(this);
    this.resource = new KeyVaultSecretResource(this, 'Resource', {
      keyVaultId: props.vault.vaultId,
      name: props.secretName,
      valueWo: variable ? variable.stringValue : '',
      valueWoVersion: value._version,
      contentType: props.contentType,
      expirationDate,
      notBeforeDate,
      tags: props.tags,
      lifecycle: variable ? undefined : {
        ignoreChanges: ['value_wo_version', 'expiration_date', 'not_before_date', 'content_type'],
      },
    });

    this.vault = props.vault;
    this.secretName = props.secretName;
    this.secretUrl = `${props.vault.vaultUrl}secrets/${props.secretName}`;
  }
}
