import { KvSecretV2 } from '@cdktf/provider-vault/lib/kv-secret-v2';
import { Fn, TerraformVariable } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import {
  invalidWriteOnlyVersion, nonSensitiveVariable, notAVariable, plaintextVaultSecretValue, vaultSecretPropertiesMismatch,
} from '../core/errors';
import { IVaultKvMount, VaultKvMount } from './kv-mount';
import { IVaultGrantee, VaultGrant, VaultKvPushOptions } from './policy-compiler';
import { assertProps, assertType, escapeTerraformMap } from '../core/validation';
import { assertKvPath, assertKvProperties } from './private/validation';

/** Options of the {@link VaultKvSecretValue} factories. */
export interface VaultKvSecretValueOptions {
  /**
   * The write-only version (`data_json_wo_version`). Terraform never reads a write-only value back,
   * so it only writes when this number changes: increase it each time the variables hold new values.
   * @default 1
   */
  readonly version?: number;
}

enum ValueKind {
  PLACEHOLDER = 'placeholder',
  JSON_VARIABLE = 'json-variable',
  PROPERTY_VARIABLES = 'property-variables',
  NEW_VARIABLES = 'new-variables',
}

/**
 * Where the value of a KV secret comes from. There is deliberately no way to pass a plain string:
 * values go through the write-only `data_json_wo` argument of `vault_kv_secret_v2` (Vault provider
 * ≥ 5.0, Terraform ≥ 1.11), and the resource is created with `disable_read = true`, so values are
 * neither in the synthesized JSON, nor in the plan, nor in the Terraform state.
 */
export class VaultKvSecretValue {
  /**
   * One sensitive variable holding the whole JSON object (`{"username":"…","password":"…"}`).
   * Declare it with `sensitive: true` (and, in Terraform ≥ 1.10, `ephemeral = true` through
   * `variable.addOverride('ephemeral', true)`).
   */
  public static fromSensitiveVariable(variable: TerraformVariable, options: VaultKvSecretValueOptions = {}): VaultKvSecretValue {
    return new VaultKvSecretValue(ValueKind.JSON_VARIABLE, options.version ?? 1, { json: variable });
  }

  /** One sensitive variable per property, JSON-encoded at apply time. */
  public static fromSensitiveVariables(variables: Record<string, TerraformVariable>, options: VaultKvSecretValueOptions = {}): VaultKvSecretValue {
    return new VaultKvSecretValue(ValueKind.PROPERTY_VARIABLES, options.version ?? 1, { ...variables });
  }

  /**
   * One new variable per declared property, created by the secret with `sensitive = true` and
   * `ephemeral = true` (Terraform ≥ 1.10): the values exist only during `terraform apply`
   * (`TF_VAR_<name>`). The variables are exposed as `secret.valueVariables`.
   */
  public static fromNewVariables(options: VaultKvSecretValueOptions = {}): VaultKvSecretValue {
    return new VaultKvSecretValue(ValueKind.NEW_VARIABLES, options.version ?? 1, {});
  }

  /**
   * The key is created with an empty object and its value is managed out of band (`vault kv put`,
   * a PushSecret, a rotation job). Terraform writes `{}` once, with check-and-set 0 so it never
   * overwrites a key that already exists, and never reads or rewrites it afterwards.
   */
  public static placeholder(): VaultKvSecretValue {
    return new VaultKvSecretValue(ValueKind.PLACEHOLDER, 1, {});
  }

  private constructor(
    /** @internal */ public readonly _kind: ValueKind,
    /** @internal */ public readonly _version: number,
    /** @internal */ public readonly _variables: Record<string, TerraformVariable>,
  ) {}
}

/** A KV v2 key, created here or existing. */
export interface IVaultKvSecret extends IConstruct {
  /** The mount holding the key. */
  readonly mount: IVaultKvMount;
  /** Path of the key relative to the mount (`apps/team-a/db`): the `remoteRef.key` of a store whose `path` is the mount. */
  readonly secretPath: string;
  /** The properties (top-level JSON keys) the key holds, when declared; ExternalSecrets may only read these. */
  readonly properties: readonly string[];
  /** `read` on the key's data path, exactly. */
  grantRead(grantee: IVaultGrantee): VaultGrant;
  /** `read` on the key's metadata path (ESO `metadataPolicy: Fetch`). */
  grantReadMetadata(grantee: IVaultGrantee): VaultGrant;
  /** create/read/update (and delete when asked) on the key's data and metadata paths: a PushSecret. */
  grantWrite(grantee: IVaultGrantee, options?: VaultKvPushOptions): VaultGrant;
}

/** Props of {@link VaultKvSecret}. */
export interface VaultKvSecretProps {
  /** The KV v2 mount. */
  readonly mount: IVaultKvMount;
  /** Path of the key relative to the mount, e.g. `apps/team-a/db` (no `data/`, no mount). */
  readonly secretPath: string;
  /**
   * The properties (top-level JSON keys) the key holds. ExternalSecrets built by the declaration
   * may only read declared properties, and value variables must cover exactly these.
   * @default - the keys of `fromSensitiveVariables`, otherwise none declared
   */
  readonly properties?: string[];
  /**
   * The value.
   * @default VaultKvSecretValue.placeholder() - created empty, managed out of band
   */
  readonly value?: VaultKvSecretValue;
  /**
   * Custom metadata on the key (not secret: visible to anyone who can read metadata). ESO finds by
   * tags match on it.
   * @default - none
   */
  readonly customMetadata?: Record<string, string>;
}

abstract class KvSecretBase extends Construct implements IVaultKvSecret {
  public abstract readonly mount: IVaultKvMount;
  public abstract readonly secretPath: string;
  public abstract readonly properties: readonly string[];

  public grantRead(grantee: IVaultGrantee): VaultGrant {
    grantee.grantPolicy.assertSameNamespace(this.node.path, this.mount.namespace);
    return { grantee, rules: grantee.grantPolicy.addKvRead(this.mount.mountPath, this.secretPath) };
  }

  public grantReadMetadata(grantee: IVaultGrantee): VaultGrant {
    grantee.grantPolicy.assertSameNamespace(this.node.path, this.mount.namespace);
    return { grantee, rules: grantee.grantPolicy.addKvMetadataRead(this.mount.mountPath, this.secretPath) };
  }

  public grantWrite(grantee: IVaultGrantee, options: VaultKvPushOptions = {}): VaultGrant {
    grantee.grantPolicy.assertSameNamespace(this.node.path, this.mount.namespace);
    return { grantee, rules: grantee.grantPolicy.addKvPush(this.mount.mountPath, this.secretPath, options) };
  }
}

class ImportedKvSecret extends KvSecretBase {
  public readonly properties: readonly string[];

  constructor(scope: Construct, id: string, public readonly mount: IVaultKvMount, public readonly secretPath: string, properties: string[]) {
    super(scope, id);
    assertType(this.node.path, 'mount', mount, { shape: { mountPath: 'string' }, name: 'an IVaultKvMount (VaultKvMount or VaultKvMount.fromMountPath())' });
    assertKvPath(this.node.path, 'secretPath', secretPath);
    assertType(this.node.path, 'properties', properties, 'stringArray');
    assertKvProperties(this.node.path, 'properties', properties);
    this.properties = [...properties];
  }
}

/**
 * A KV v2 key (`vault_kv_secret_v2`) whose value never reaches the synthesized JSON or the
 * Terraform state: written through the write-only `data_json_wo` from sensitive (ephemeral)
 * variables, or created empty and managed out of band. `disable_read = true` keeps the provider
 * from reading the data back into state (so Terraform does not detect value drift, by design).
 *
 * @example
 * const db = new VaultKvSecret(stack, 'Db', {
 *   mount: kv, secretPath: 'apps/team-a/db', properties: ['username', 'password'],
 *   value: VaultKvSecretValue.fromNewVariables(),
 * });
 * db.grantRead(esoRole); // read on secret/data/apps/team-a/db, nothing else
 */
export class VaultKvSecret extends KvSecretBase {
  /** References an existing key (nothing is created); grants work the same. */
  public static fromSecretPath(scope: Construct, id: string, mount: IVaultKvMount, secretPath: string, properties: string[] = []): IVaultKvSecret {
    return new ImportedKvSecret(scope, id, mount, secretPath, properties);
  }

  public readonly mount: IVaultKvMount;
  public readonly secretPath: string;
  public readonly properties: readonly string[];
  /** The `vault_kv_secret_v2` resource. */
  public readonly resource: KvSecretV2;
  /** The variables created by `VaultKvSecretValue.fromNewVariables()`, by property. */
  public readonly valueVariables: Readonly<Record<string, TerraformVariable>>;

  constructor(scope: Construct, id: string, props: VaultKvSecretProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultKvSecretProps', {
      'mount': { shape: { mountPath: 'string' }, name: 'an IVaultKvMount (VaultKvMount or VaultKvMount.fromMountPath())' },
      'secretPath': 'string', 'properties?': 'stringArray', 'customMetadata?': 'stringMap',
    });
    assertKvPath(path, 'secretPath', props.secretPath);
    assertKvProperties(path, 'properties', props.properties ?? []);
    this.mount = props.mount;
    this.secretPath = props.secretPath;
    const value = props.value ?? VaultKvSecretValue.placeholder();
    if (!(value instanceof VaultKvSecretValue)) {
      throw plaintextVaultSecretValue(path, 'value', typeof value === 'string' ? 'a plain string' : typeof value);
    }
    if (!Number.isInteger(value._version) || value._version < 1) {
      throw invalidWriteOnlyVersion(path, 'value.version', value._version);
    }
    const declared = props.properties ?? (value._kind === ValueKind.PROPERTY_VARIABLES ? Object.keys(value._variables) : []);
    this.properties = [...declared];

    const variables: Record<string, TerraformVariable> = {};
    if (value._kind === ValueKind.NEW_VARIABLES) {
      if (declared.length === 0) {
        throw vaultSecretPropertiesMismatch(path, 'properties', [], ['<at least one property>']);
      }
      for (const property of declared) {
        const variable = new TerraformVariable(this, property, {
          type: 'string',
          sensitive: true,
          nullable: false,
          description: `Value of property "${property}" of Vault key ${this.mount.mountPath}/${this.secretPath} (written write-only, never stored in state)`,
        });
        variable.addOverride('ephemeral', true);
        variables[property] = variable;
      }
    } else if (value._kind !== ValueKind.PLACEHOLDER) {
      for (const [property, variable] of Object.entries(value._variables)) {
        const prop = value._kind === ValueKind.JSON_VARIABLE ? 'value' : `value.${property}`;
        if (!(variable instanceof TerraformVariable)) {
          throw notAVariable(path, prop, typeof variable === 'string' ? 'a plain string' : typeof variable);
        }
        if (variable.sensitive !== true) {
          throw nonSensitiveVariable(path, prop, variable.friendlyUniqueId);
        }
      }
      if (value._kind === ValueKind.PROPERTY_VARIABLES) {
        const keys = Object.keys(value._variables).sort();
        if (keys.join('\n') !== [...declared].sort().join('\n')) {
          throw vaultSecretPropertiesMismatch(path, 'value', keys, declared);
        }
      }
    }
    this.valueVariables = variables;

    const dataJsonWo = value._kind === ValueKind.PLACEHOLDER ? '{}'
      : value._kind === ValueKind.JSON_VARIABLE ? value._variables.json.stringValue
        : Fn.jsonencode(Object.fromEntries(Object.entries(value._kind === ValueKind.NEW_VARIABLES ? variables : value._variables)
          .sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.stringValue])));
    this.resource = new KvSecretV2(this, 'Resource', {
      // A reference to a mount created here orders the write after the mount (implicit dependency).
      mount: this.mount instanceof VaultKvMount ? this.mount.resource.path : this.mount.mountPath,
      name: this.secretPath,
      namespace: this.mount.namespace,
      dataJsonWo,
      dataJsonWoVersion: value._version,
      disableRead: true,
      cas: value._kind === ValueKind.PLACEHOLDER ? 0 : undefined,
      customMetadata: props.customMetadata ? { data: escapeTerraformMap(props.customMetadata) } : undefined,
      lifecycle: value._kind === ValueKind.PLACEHOLDER ? { ignoreChanges: ['data_json_wo_version', 'cas'] } : undefined,
    });
  }
}
