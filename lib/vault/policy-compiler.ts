import { Token } from 'cdktf';
import { vaultNamespaceMismatch, vaultPolicyGlob } from '../core/errors';
import { assertKvPath, assertMountPath, checkNamespace } from './private/validation';

/** A Vault policy capability. */
export enum VaultCapability {
  /** Write a path that does not exist yet (POST/PUT on a new key). */
  CREATE = 'create',
  /** Read a path (GET). */
  READ = 'read',
  /** Write a path that exists (POST/PUT), and call most non-KV write endpoints (`pki/issue/<role>`). */
  UPDATE = 'update',
  /** Partially update a path (PATCH). */
  PATCH = 'patch',
  /** Delete a path (DELETE). */
  DELETE = 'delete',
  /** List keys under a path (LIST). */
  LIST = 'list',
}

const CAPABILITY_ORDER: readonly VaultCapability[] = [
  VaultCapability.CREATE, VaultCapability.READ, VaultCapability.UPDATE, VaultCapability.PATCH,
  VaultCapability.DELETE, VaultCapability.LIST,
];

/** One `path` block of a compiled policy. */
export interface VaultPolicyRule {
  /** The API path (relative to the policy's Vault namespace), exact or ending in a find prefix glob. */
  readonly path: string;
  /** The capabilities, in Vault's canonical order. */
  readonly capabilities: readonly VaultCapability[];
}

/** Options of {@link VaultPolicyCompiler}. */
export interface VaultPolicyCompilerOptions {
  /**
   * The Vault Enterprise / HCP namespace the policy lives in; every grant must come from the same one.
   * @default - the root namespace
   */
  readonly namespace?: string;
}

/** Options of {@link VaultPolicyCompiler.addKvPush}. */
export interface VaultKvPushOptions {
  /**
   * Also grant `delete` (a PushSecret with `deletionPolicy: Delete` removes the key when the PushSecret goes).
   * @default false
   */
  readonly allowDelete?: boolean;
}

/**
 * Compiles a Vault policy from what is used, never wider (the Vault counterpart of the IAM
 * `AccessPolicyCompiler`).
 *
 * - a key read by an ExternalSecret: `read` on `<mount>/data/<key>`, exactly;
 * - its metadata (`metadataPolicy: Fetch`): `read` on `<mount>/metadata/<key>`, exactly;
 * - a find under a prefix: `read`/`list` on `<mount>/metadata/<prefix>/*` and `read` on
 *   `<mount>/data/<prefix>/*` (ESO lists the metadata, then reads each key found) — the only glob
 *   this compiler ever emits;
 * - a PushSecret to a key: `create`/`read`/`update` on the data and metadata paths of that key
 *   (ESO writes the `managed-by` custom metadata first), plus `delete` when its deletion policy deletes;
 * - a dynamic secret: the engine path with the capability of its HTTP method
 *   (`database/creds/<role>` read, `pki/issue/<role>` update).
 *
 * Rules are merged per path and rendered sorted, so the HCL is byte-identical on every synth.
 */
export class VaultPolicyCompiler {
  /** The Vault namespace of the policy (`undefined`: root). */
  public readonly namespace?: string;
  private readonly byPath = new Map<string, Set<VaultCapability>>();

  constructor(options: VaultPolicyCompilerOptions = {}) {
    this.namespace = checkNamespace('VaultPolicyCompiler', 'namespace', options.namespace);
  }

  /** True when nothing was granted. */
  public get isEmpty(): boolean {
    return this.byPath.size === 0;
  }

  /** The compiled rules, sorted by path. */
  public get rules(): VaultPolicyRule[] {
    return [...this.byPath.keys()].sort().map((path) => ({
      path,
      capabilities: CAPABILITY_ORDER.filter((c) => this.byPath.get(path)!.has(c)),
    }));
  }

  /**
   * Checks that a grant from an object of Vault namespace `namespace` can go into this policy.
   * @param path construct path of the object granting, for the error message
   */
  public assertSameNamespace(path: string, namespace: string | undefined): void {
    if (namespace !== this.namespace && !Token.isUnresolved(namespace ?? '') && !Token.isUnresolved(this.namespace ?? '')) {
      throw vaultNamespaceMismatch(path, 'namespace', namespace, this.namespace);
    }
  }

  /** `read` on `<mount>/data/<key>`: a KV v2 key read by an ExternalSecret. */
  public addKvRead(mountPath: string, key: string): VaultPolicyRule[] {
    this.checkKv(mountPath, key);
    return [this.add(`${mountPath}/data/${key}`, [VaultCapability.READ])];
  }

  /** `read` on `<mount>/metadata/<key>`: the key's metadata (`metadataPolicy: Fetch`). */
  public addKvMetadataRead(mountPath: string, key: string): VaultPolicyRule[] {
    this.checkKv(mountPath, key);
    return [this.add(`${mountPath}/metadata/${key}`, [VaultCapability.READ])];
  }

  /**
   * A `find` (by name or tags) under `prefix`: `read`/`list` on `<mount>/metadata/<prefix>/*` and
   * `read` on `<mount>/data/<prefix>/*`. Without a prefix the find covers the whole mount
   * (`<mount>/metadata/*`): declare a `find.path` to keep it narrow.
   */
  public addKvFind(mountPath: string, prefix?: string): VaultPolicyRule[] {
    assertMountPath('VaultPolicyCompiler', 'mountPath', mountPath);
    if (prefix !== undefined) {
      assertKvPath('VaultPolicyCompiler', 'prefix', prefix);
    }
    const under = prefix === undefined ? '*' : `${prefix}/*`;
    return [
      this.add(`${mountPath}/metadata/${under}`, [VaultCapability.READ, VaultCapability.LIST]),
      this.add(`${mountPath}/data/${under}`, [VaultCapability.READ]),
    ];
  }

  /** A PushSecret writing `<mount>/<key>`: create/read/update (+delete) on its data and metadata. */
  public addKvPush(mountPath: string, key: string, options: VaultKvPushOptions = {}): VaultPolicyRule[] {
    this.checkKv(mountPath, key);
    const caps = [VaultCapability.CREATE, VaultCapability.READ, VaultCapability.UPDATE];
    if (options.allowDelete === true) {
      caps.push(VaultCapability.DELETE);
    }
    return [this.add(`${mountPath}/data/${key}`, caps), this.add(`${mountPath}/metadata/${key}`, caps)];
  }

  /**
   * Capabilities on one exact API path (a dynamic secrets engine endpoint such as
   * `database/creds/app`). Globs (`*`, `+`) are rejected: grant what is used.
   */
  public addPath(path: string, capabilities: VaultCapability[]): VaultPolicyRule[] {
    if (!Token.isUnresolved(path) && (path.includes('*') || path.includes('+') || path.startsWith('/') || path.endsWith('/') || path.length === 0)) {
      throw vaultPolicyGlob('VaultPolicyCompiler', 'path', path);
    }
    return [this.add(path, capabilities)];
  }

  /** The policy as HCL, rules sorted by path. */
  public toHcl(): string {
    return this.rules.map((r) => `path "${r.path}" {\n  capabilities = [${r.capabilities.map((c) => `"${c}"`).join(', ')}]\n}\n`).join('\n');
  }

  private checkKv(mountPath: string, key: string): void {
    assertMountPath('VaultPolicyCompiler', 'mountPath', mountPath);
    assertKvPath('VaultPolicyCompiler', 'key', key);
  }

  private add(path: string, capabilities: VaultCapability[]): VaultPolicyRule {
    let set = this.byPath.get(path);
    if (set === undefined) {
      set = new Set();
      this.byPath.set(path, set);
    }
    capabilities.forEach((c) => set.add(c));
    return { path, capabilities: CAPABILITY_ORDER.filter((c) => capabilities.includes(c)) };
  }
}

/**
 * Something that can receive Vault grants: an auth role (Kubernetes or JWT) or a
 * {@link VaultPolicy} built from grants. Every `grantX()` of lib/vault adds to the grantee's compiler.
 */
export interface IVaultGrantee {
  /** The compiler that collects the grants. */
  readonly grantPolicy: VaultPolicyCompiler;
}

/** What a grant added, for review and tests (the aws-cdk `Grant` counterpart). */
export interface VaultGrant {
  /** The grantee. */
  readonly grantee: IVaultGrantee;
  /** The rules added (each as granted, before merging with other grants on the same path). */
  readonly rules: readonly VaultPolicyRule[];
}
