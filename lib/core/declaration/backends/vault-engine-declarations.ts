/**
 * Vault secrets engines behind dynamic secrets, declared next to them: the database engine (mount,
 * connection with a write-only root password, roles with TTLs) and the PKI engine (mount, roles for
 * exact domains with TTLs). A dynamic secret names an engine and one of its roles; its path
 * (`<mount>/creds/<role>`, `<mount>/issue/<role>`), method and lease TTL derive from them, and so does
 * the identity's Vault policy (CES-LP-12 refuses a hand-typed path on a declared engine naming a role
 * it does not declare).
 */
import { isTerraformIdentifier } from '../../cloud-names';
import { assertDuration, Duration } from '../../duration';
import {
  emptyCollection, invalidDerivedName, invalidPkiDomain, invalidVaultMountPath, invalidVaultRoleName, notOneOf,
  vaultConnectionUrlWithPassword, vaultEngineMountTaken,
} from '../../errors';
import { assertShape } from '../../validation';
import { checkEngineRoleNames, checkEngineTtls } from '../../vault-engine-checks';
import { hasLiteralPassword, isPkiDomain, VaultDatabasePlugin, VAULT_CONTROL_MOUNTS } from '../../vault-engines';
import type { DeclarationMembers } from '../members';
import type { VaultServerDeclaration } from './vault';

/** The kind of a declared Vault secrets engine. */
export enum VaultEngineKind {
  /** The database secrets engine: `<mount>/creds/<role>` (GET). */
  DATABASE = 'database',
  /** The PKI secrets engine: `<mount>/issue/<role>` (POST). */
  PKI = 'pki',
}

/** A role of a declared database engine. */
export interface VaultDatabaseRoleOptions {
  /** Role name (`<mount>/creds/<name>`). */
  readonly name: string;
  /** SQL creating the user (`{{name}}`, `{{password}}`, `{{expiration}}` templated by Vault). */
  readonly creationStatements: string[];
  /**
   * SQL dropping the user when its lease ends.
   * @default - the plugin's default revocation
   */
  readonly revocationStatements?: string[];
  /** Lease TTL of the credentials (`default_ttl`): the dynamic secret's lease. */
  readonly defaultTtl: Duration;
  /**
   * Longest lease after renewals (`max_ttl`).
   * @default - the defaultTtl
   */
  readonly maxTtl?: Duration;
}

/** The database connection of a declared database engine. */
export interface VaultDatabaseConnectionOptions {
  /**
   * Connection name.
   * @default "default"
   */
  readonly name?: string;
  /** The plugin. */
  readonly plugin: VaultDatabasePlugin;
  /** Connection URL with `{{username}}` / `{{password}}` templates (a literal password is refused). */
  readonly connectionUrl: string;
  /** The root user. */
  readonly username: string;
  /**
   * Name of the sensitive, ephemeral Terraform variable holding the root password (written through
   * the write-only `password_wo`, never stored in state).
   * @default `vault_db_root_password_<engine id>` (with "-" and "." as "_")
   */
  readonly passwordVariable?: string;
}

/** Props of {@link SecretsDeclaration.addVaultDatabaseEngine}. */
export interface VaultDatabaseEngineOptions {
  /** The Vault server. */
  readonly server: VaultServerDeclaration;
  /**
   * Mount path.
   * @default "database"
   */
  readonly mount?: string;
  /** The connection. */
  readonly connection: VaultDatabaseConnectionOptions;
  /** The roles (at least one); the connection allows exactly these. */
  readonly roles: VaultDatabaseRoleOptions[];
}

/** A role of a declared PKI engine. */
export interface VaultPkiRoleOptions {
  /** Role name (`<mount>/issue/<name>`). */
  readonly name: string;
  /** DNS names certificates are issued for (no wildcard, no glob). */
  readonly allowedDomains: string[];
  /**
   * Also names below them.
   * @default false
   */
  readonly allowSubdomains?: boolean;
  /** Certificate lifetime (`ttl`): the dynamic secret's lease. */
  readonly ttl: Duration;
  /**
   * Longest lifetime a request may ask for.
   * @default - the ttl
   */
  readonly maxTtl?: Duration;
}

/** Props of {@link SecretsDeclaration.addVaultPkiEngine}. */
export interface VaultPkiEngineOptions {
  /** The Vault server. */
  readonly server: VaultServerDeclaration;
  /**
   * Mount path.
   * @default "pki"
   */
  readonly mount?: string;
  /**
   * Longest certificate lifetime of the mount.
   * @default Duration.days(365)
   */
  readonly maxLeaseTtl?: Duration;
  /** The roles (at least one). */
  readonly roles: VaultPkiRoleOptions[];
}

/** One role of a declared engine, as dynamic secrets use it. */
export interface VaultEngineRole {
  /** Role name. */
  readonly name: string;
  /** Its lease TTL (database `defaultTtl`, PKI `ttl`). */
  readonly leaseTtl: Duration;
}

/** A declared Vault secrets engine. */
export interface VaultEngineDeclaration {
  readonly id: string;
  readonly kind: VaultEngineKind;
  readonly server: VaultServerDeclaration;
  /** Mount path. */
  readonly mount: string;
  /** Roles, in the order given. */
  readonly roles: readonly VaultEngineRole[];
  /**
   * Database settings.
   * @default - undefined for PKI engines
   */
  readonly database?: {
    readonly connection: Required<VaultDatabaseConnectionOptions>;
    readonly roles: readonly VaultDatabaseRoleOptions[];
  };
  /**
   * PKI settings.
   * @default - undefined for database engines
   */
  readonly pki?: {
    readonly maxLeaseTtl: Duration;
    readonly roles: readonly VaultPkiRoleOptions[];
  };
}

const DURATION = { instance: Duration, name: 'a Duration (Duration.hours(), minutes(), ...)' } as const;
const MOUNT_SEGMENT = /^[A-Za-z0-9_-]+$/;
const ROLE_NAME = /^\w([\w.@-]*\w)?$/;

/** Mount and role checks shared by both engines; claims the mount on its server. */
function checkEngine(members: DeclarationMembers, path: string, server: VaultServerDeclaration, mount: string, roleNames: readonly unknown[]): void {
  members.checkDeclared(path, 'server', server, 'Vault server', 'addVaultServer');
  if (typeof mount !== 'string' || mount.length === 0 || mount.split('/').some((s) => !MOUNT_SEGMENT.test(s) || VAULT_CONTROL_MOUNTS.includes(s))) {
    throw invalidVaultMountPath(path, 'mount', String(mount));
  }
  const other = members.list<VaultEngineDeclaration>('vaultEngines').find((e) => e.server === server && e.mount === mount);
  const holder = server.kvMounts.some((kv) => kv.path === mount) ? `the KV mount "${mount}"` : other !== undefined ? `engine "${other.id}"` : undefined;
  if (holder !== undefined) {
    throw vaultEngineMountTaken(path, 'mount', mount, server.id, holder);
  }
  checkEngineRoleNames(path, roleNames, 'an engine without roles issues nothing');
}

/** Declares a database secrets engine (see {@link SecretsDeclaration.addVaultDatabaseEngine}). */
export function declareVaultDatabaseEngine(members: DeclarationMembers, id: string, options: VaultDatabaseEngineOptions): VaultEngineDeclaration {
  const path = members.register('vaultEngines', id);
  assertShape(path, '', options, {
    'server': 'object', 'mount?': 'string',
    'connection': { shape: { 'name?': 'string', 'plugin': 'string', 'connectionUrl': 'nonEmptyString', 'username': 'nonEmptyString', 'passwordVariable?': 'string' } },
    'roles': { arrayOf: { shape: { 'name': 'string', 'creationStatements': 'stringArray', 'revocationStatements?': 'stringArray', 'defaultTtl': DURATION, 'maxTtl?': DURATION } } },
  });
  const mount = options.mount ?? 'database';
  checkEngine(members, path, options.server, mount, options.roles.map((r) => r.name));
  const connection = options.connection;
  if (!Object.values(VaultDatabasePlugin).includes(connection.plugin)) {
    throw notOneOf(path, 'connection.plugin', String(connection.plugin), `one of ${Object.keys(VaultDatabasePlugin).map((k) => `VaultDatabasePlugin.${k}`).join(', ')}`);
  }
  if (hasLiteralPassword(connection.connectionUrl)) {
    throw vaultConnectionUrlWithPassword(path, 'connection.connectionUrl');
  }
  const connectionName = connection.name ?? 'default';
  if (!ROLE_NAME.test(connectionName)) {
    throw invalidVaultRoleName(path, 'connection.name', connectionName);
  }
  const passwordVariable = connection.passwordVariable ?? `vault_db_root_password_${id.replace(/[-.]/g, '_')}`;
  if (!isTerraformIdentifier(passwordVariable)) {
    throw invalidDerivedName({ path, prop: connection.passwordVariable !== undefined ? 'connection.passwordVariable' : 'id', value: connection.passwordVariable ?? id },
      'Terraform variable name', passwordVariable, 'letters, digits, "_" and "-", starting with a letter or "_"', 'pass connection.passwordVariable with a valid name');
  }
  options.roles.forEach((role, i) => {
    if (role.creationStatements.length === 0) {
      throw emptyCollection(path, `roles[${i}].creationStatements`, [], 'at least one SQL statement creating the user', 'pass the CREATE ROLE / CREATE USER statement with {{name}} and {{password}}');
    }
    assertDuration(path, `roles[${i}].defaultTtl`, role.defaultTtl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
    assertDuration(path, `roles[${i}].maxTtl`, role.maxTtl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
    checkEngineTtls(path, `roles[${i}].maxTtl`, role.defaultTtl, role.maxTtl);
  });
  return members.adopt<VaultEngineDeclaration>('vaultEngines', {
    id, kind: VaultEngineKind.DATABASE, server: options.server, mount,
    roles: options.roles.map((r) => ({ name: r.name, leaseTtl: r.defaultTtl })),
    database: {
      connection: { name: connectionName, plugin: connection.plugin, connectionUrl: connection.connectionUrl, username: connection.username, passwordVariable },
      roles: options.roles.map((r) => ({ ...r, creationStatements: [...r.creationStatements], revocationStatements: r.revocationStatements ? [...r.revocationStatements] : undefined })),
    },
  });
}

/** Declares a PKI secrets engine (see {@link SecretsDeclaration.addVaultPkiEngine}). */
export function declareVaultPkiEngine(members: DeclarationMembers, id: string, options: VaultPkiEngineOptions): VaultEngineDeclaration {
  const path = members.register('vaultEngines', id);
  assertShape(path, '', options, {
    'server': 'object', 'mount?': 'string', 'maxLeaseTtl?': DURATION,
    'roles': { arrayOf: { shape: { 'name': 'string', 'allowedDomains': 'stringArray', 'allowSubdomains?': 'boolean', 'ttl': DURATION, 'maxTtl?': DURATION } } },
  });
  const mount = options.mount ?? 'pki';
  checkEngine(members, path, options.server, mount, options.roles.map((r) => r.name));
  const maxLeaseTtl = options.maxLeaseTtl ?? Duration.days(365);
  assertDuration(path, 'maxLeaseTtl', maxLeaseTtl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
  options.roles.forEach((role, i) => {
    if (role.allowedDomains.length === 0) {
      throw emptyCollection(path, `roles[${i}].allowedDomains`, [], 'at least one domain (a role without domains would need allow_any_name)', 'list the domains its certificates are for');
    }
    role.allowedDomains.forEach((domain, j) => {
      if (!isPkiDomain(domain)) {
        throw invalidPkiDomain(path, `roles[${i}].allowedDomains[${j}]`, domain);
      }
    });
    assertDuration(path, `roles[${i}].ttl`, role.ttl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
    assertDuration(path, `roles[${i}].maxTtl`, role.maxTtl, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
    checkEngineTtls(path, `roles[${i}].maxTtl`, role.ttl, role.maxTtl, maxLeaseTtl);
  });
  return members.adopt<VaultEngineDeclaration>('vaultEngines', {
    id, kind: VaultEngineKind.PKI, server: options.server, mount,
    roles: options.roles.map((r) => ({ name: r.name, leaseTtl: r.ttl })),
    pki: { maxLeaseTtl, roles: options.roles.map((r) => ({ ...r, allowedDomains: [...r.allowedDomains] })) },
  });
}
