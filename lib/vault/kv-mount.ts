import { KvSecretBackendV2 } from '@cdktf/provider-vault/lib/kv-secret-backend-v2';
import { Mount } from '@cdktf/provider-vault/lib/mount';
import { Construct, IConstruct } from 'constructs';
import { Duration } from '../core/duration';
import { invalidCount } from '../core/errors';
import { assertProps, assertType, escapeTerraformText } from '../core/validation';
import { IVaultGrantee, VaultGrant } from './policy-compiler';
import { assertFindKeys, assertKvPath, assertMountPath, checkNamespace, ttlSeconds } from './private/validation';

/** A KV version 2 secrets engine mount, created here or existing. */
export interface IVaultKvMount extends IConstruct {
  /** Mount path, e.g. `secret` (the store's `path`, the first segment of every policy path). */
  readonly mountPath: string;
  /**
   * Vault Enterprise / HCP namespace of the mount.
   * @default - root namespace
   */
  readonly namespace?: string;
  /** The API path of a key's data: `<mount>/data/<key>`. */
  dataPath(key: string): string;
  /** The API path of a key's metadata: `<mount>/metadata/<key>`. */
  metadataPath(key: string): string;
  /**
   * Grants an ESO `find` by name under a prefix that reads the declared `keys`: `list` on
   * `<mount>/metadata/<prefix>/*` (names only) and `read` on `<mount>/data/<key>` for each key, exactly.
   */
  grantFind(grantee: IVaultGrantee, options: VaultKvFindOptions): VaultGrant;
}

/** Options of {@link IVaultKvMount.grantFind}. */
export interface VaultKvFindOptions {
  /**
   * The find's `path` (prefix under the mount). Without one the find lists the names of the whole mount.
   * @default - the whole mount's names are listed
   */
  readonly prefix?: string;
  /**
   * The KV paths (relative to the mount, under the prefix) of the declared keys the find matches: the
   * only keys the grantee may read. At least one.
   */
  readonly keys: string[];
}

/** Options of {@link VaultKvMount.fromMountPath}. */
export interface VaultKvMountImportOptions {
  /**
   * Vault Enterprise / HCP namespace of the mount.
   * @default - root namespace
   */
  readonly namespace?: string;
}

/** Props of {@link VaultKvMount}. */
export interface VaultKvMountProps {
  /**
   * Mount path.
   * @default "secret"
   */
  readonly path?: string;
  /**
   * Vault Enterprise / HCP namespace to mount in.
   * @default - root namespace
   */
  readonly namespace?: string;
  /**
   * Description of the mount.
   * @default "KV v2 secrets read by External Secrets Operator"
   */
  readonly description?: string;
  /**
   * Versions kept per key (`max_versions`).
   * @default - Vault's default (10)
   */
  readonly maxVersions?: number;
  /**
   * Require check-and-set on every write (`cas_required`). ESO's PushSecret then needs the store's
   * `checkAndSet.required`.
   * @default false
   */
  readonly casRequired?: boolean;
  /**
   * Delete versions older than this (`delete_version_after`).
   * @default - versions are kept
   */
  readonly deleteVersionAfter?: Duration;
}

abstract class KvMountBase extends Construct implements IVaultKvMount {
  public abstract readonly mountPath: string;
  public abstract readonly namespace?: string;

  public dataPath(key: string): string {
    return `${this.mountPath}/data/${key}`;
  }

  public metadataPath(key: string): string {
    return `${this.mountPath}/metadata/${key}`;
  }

  public grantFind(grantee: IVaultGrantee, options: VaultKvFindOptions): VaultGrant {
    assertType(this.node.path, 'options', options, { shape: { 'prefix?': 'string', 'keys': 'stringArray' }, name: 'find options { prefix?, keys }' });
    if (options.prefix !== undefined) {
      assertKvPath(this.node.path, 'prefix', options.prefix);
    }
    assertFindKeys(this.node.path, options.prefix, options.keys);
    grantee.grantPolicy.assertSameNamespace(this.node.path, this.namespace);
    return { grantee, rules: grantee.grantPolicy.addKvFind(this.mountPath, options.prefix, [...options.keys]) };
  }
}

class ImportedKvMount extends KvMountBase {
  public readonly mountPath: string;
  public readonly namespace?: string;

  constructor(scope: Construct, id: string, mountPath: string, options: VaultKvMountImportOptions) {
    super(scope, id);
    assertMountPath(this.node.path, 'mountPath', mountPath);
    this.mountPath = mountPath;
    this.namespace = checkNamespace(this.node.path, 'namespace', options.namespace);
  }
}

/**
 * A KV version 2 secrets engine (`vault_mount` of type `kv` with `options.version = "2"`), and its
 * engine settings (`vault_kv_secret_backend_v2`) when any is given.
 *
 * @example
 * const kv = new VaultKvMount(stack, 'Kv', { path: 'secret', maxVersions: 20 });
 * const existing = VaultKvMount.fromMountPath(stack, 'Existing', 'kv-prod', { namespace: 'admin/team-a' });
 */
export class VaultKvMount extends KvMountBase {
  /** References an existing KV v2 mount by path (nothing is created). */
  public static fromMountPath(scope: Construct, id: string, mountPath: string, options: VaultKvMountImportOptions = {}): IVaultKvMount {
    return new ImportedKvMount(scope, id, mountPath, options);
  }

  public readonly mountPath: string;
  public readonly namespace?: string;
  /** The `vault_mount` resource. */
  public readonly resource: Mount;
  /** The `vault_kv_secret_backend_v2` resource, when engine settings were given. */
  public readonly engineConfig?: KvSecretBackendV2;

  constructor(scope: Construct, id: string, props: VaultKvMountProps = {}) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultKvMountProps', {
      'path?': 'string', 'namespace?': 'string', 'description?': 'string', 'casRequired?': 'boolean',
    });
    this.mountPath = props.path ?? 'secret';
    assertMountPath(path, 'path', this.mountPath);
    this.namespace = checkNamespace(path, 'namespace', props.namespace);
    if (props.maxVersions !== undefined && (!Number.isInteger(props.maxVersions) || props.maxVersions < 0)) {
      throw invalidCount(path, 'maxVersions', props.maxVersions, 0);
    }
    const deleteAfter = ttlSeconds(path, 'deleteVersionAfter', props.deleteVersionAfter);
    this.resource = new Mount(this, 'Resource', {
      path: this.mountPath,
      type: 'kv',
      options: { version: '2' },
      namespace: this.namespace,
      description: escapeTerraformText(props.description ?? 'KV v2 secrets read by External Secrets Operator'),
    });
    if (props.maxVersions !== undefined || props.casRequired !== undefined || deleteAfter !== undefined) {
      this.engineConfig = new KvSecretBackendV2(this, 'Config', {
        mount: this.resource.path,
        namespace: this.namespace,
        maxVersions: props.maxVersions,
        casRequired: props.casRequired,
        deleteVersionAfter: deleteAfter,
      });
    }
  }
}
