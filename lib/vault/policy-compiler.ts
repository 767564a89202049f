import { Token } from 'cdktf';
import { vaultNamespaceMismatch, vaultPolicyGlob, vaultPolicyNotReadBack, vaultPolicyPathRefused } from '../core/errors';
import { vaultControlMount } from '../core/vault-engines';
import { parseVaultPolicyHcl, renderVaultPolicyHcl, VaultPolicyHclSyntaxError } from '../core/vault-policy-hcl';
import { assertFindKeys, assertKvPath, assertMountPath, checkNamespace } from './private/validation';

/** cdktf string tokens: resolved by Terraform on purpose, copied verbatim into the policy text. */
const STRING_TOKEN = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;
const POLICY_SEGMENT = /^[A-Za-z0-9_.@-]+$/;

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
   * A `find` by name under `prefix` that reads the declared `keys`: `list` on `<mount>/metadata/<prefix>/*`
   * (ESO lists the key names; listing shows names, never values or metadata) and `read` on
   * `<mount>/data/<key>` for each key, exactly. Without a prefix the listing covers the mount's names.
   * A find that reads no declared key is refused: its grant would be a listing for nothing.
   */
  public addKvFind(mountPath: string, prefix: string | undefined, keys: readonly string[]): VaultPolicyRule[] {
    assertMountPath('VaultPolicyCompiler', 'mountPath', mountPath);
    if (prefix !== undefined) {
      assertKvPath('VaultPolicyCompiler', 'prefix', prefix);
    }
    assertFindKeys('VaultPolicyCompiler', prefix, keys);
    const under = prefix === undefined ? '*' : `${prefix}/*`;
    return [
      this.add(`${mountPath}/metadata/${under}`, [VaultCapability.LIST], true),
      ...keys.map((key) => this.add(`${mountPath}/data/${key}`, [VaultCapability.READ])),
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

  /**
   * The policy as HCL, rules sorted by path, from the escaping serializer (every path an HCL string,
   * Terraform template sequences doubled), read back and compared with the rules before it is returned.
   */
  public toHcl(): string {
    const rules = this.rules;
    const text = renderVaultPolicyHcl(rules, { verbatim: STRING_TOKEN });
    let parsed: ReturnType<typeof parseVaultPolicyHcl>;
    try {
      parsed = parseVaultPolicyHcl(text, { verbatim: STRING_TOKEN });
    } catch (e) {
      throw vaultPolicyNotReadBack('VaultPolicyCompiler', e instanceof VaultPolicyHclSyntaxError ? e.message : 'unreadable');
    }
    const same = parsed.length === rules.length && parsed.every((b, i) => b.path === rules[i].path
      && b.capabilities.length === rules[i].capabilities.length && b.capabilities.every((c, j) => c === rules[i].capabilities[j]));
    if (!same) {
      throw vaultPolicyNotReadBack('VaultPolicyCompiler', `${parsed.length} blocks read back for ${rules.length} rules`);
    }
    return text;
  }

  private checkKv(mountPath: string, key: string): void {
    assertMountPath('VaultPolicyCompiler', 'mountPath', mountPath);
    assertKvPath('VaultPolicyCompiler', 'key', key);
  }

  private add(path: string, capabilities: VaultCapability[], findGlob = false): VaultPolicyRule {
    checkPolicyPath(path, findGlob);
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

/**
 * The last line of defence before a path reaches the policy text: segments of safe characters only
 * (cdktf tokens aside), no `.`/`..` segment, no glob but the trailing `*` of a find listing, and
 * nothing under Vault's own mounts.
 */
function checkPolicyPath(path: string, findGlob: boolean): void {
  const literal = path.replace(STRING_TOKEN, 'token');
  const segments = literal.split('/');
  const last = segments.length - 1;
  const bad = segments.findIndex((s, i) => !(findGlob && i === last && s === '*') && (!POLICY_SEGMENT.test(s) || s === '.' || s === '..'));
  if (bad >= 0) {
    throw vaultPolicyPathRefused('VaultPolicyCompiler', 'path', path,
      `segment ${bad + 1} ${JSON.stringify(segments[bad])} is not one (control characters, quotes, braces, "*", "+", "." and ".." never reach a policy)`);
  }
  const control = vaultControlMount(literal);
  if (control !== undefined) {
    throw vaultPolicyPathRefused('VaultPolicyCompiler', 'path', path, `"${control}/" is Vault's own mount`);
  }
}
