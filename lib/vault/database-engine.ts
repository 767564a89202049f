import { DatabaseSecretBackendConnection } from '@cdktf/provider-vault/lib/database-secret-backend-connection';
import { DatabaseSecretBackendRole } from '@cdktf/provider-vault/lib/database-secret-backend-role';
import { Mount } from '@cdktf/provider-vault/lib/mount';
import { TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Duration } from '../core/duration';
import {
  emptyCollection, invalidWriteOnlyVersion, nonSensitiveVariable, notAVariable, notOneOf, vaultConnectionUrlWithPassword,
  vaultEngineRoleNotDeclared,
} from '../core/errors';
import { assertProps, escapeTerraformText } from '../core/validation';
import { VaultDynamicSecretPath } from './dynamic-secret-path';
import { checkEngineRoleNames, checkEngineTtls } from '../core/vault-engine-checks';
import { hasLiteralPassword, VaultDatabasePlugin } from '../core/vault-engines';
import { assertMountPath, assertRoleName, checkNamespace, ttlSeconds } from './private/validation';

/** The connection to the database whose credentials the engine issues. */
export interface VaultDatabaseConnectionProps {
  /**
   * Name of the connection (`db_name` of its roles).
   * @default "default"
   */
  readonly name?: string;
  /** The plugin. */
  readonly plugin: VaultDatabasePlugin;
  /**
   * Connection URL with templated credentials: `postgresql://{{username}}:{{password}}@db:5432/app`.
   * A literal password in it is refused.
   */
  readonly connectionUrl: string;
  /** The root user Vault manages credentials with. */
  readonly username: string;
  /**
   * The root user's password: a sensitive (and, on Terraform ≥ 1.10, ephemeral) variable, written
   * through the write-only `password_wo`, never stored in state.
   */
  readonly password: TerraformVariable;
  /**
   * Bump to write a new password (`password_wo_version`).
   * @default 1
   */
  readonly passwordVersion?: number;
}

/** A role of the database engine: one kind of credentials, with its lease TTLs. */
export interface VaultDatabaseRoleProps {
  /** Role name (`<mount>/creds/<name>`). */
  readonly name: string;
  /** SQL run to create the user (`{{name}}`, `{{password}}`, `{{expiration}}` are templated by Vault). */
  readonly creationStatements: string[];
  /**
   * SQL run to drop the user when its lease ends.
   * @default - the plugin's default revocation
   */
  readonly revocationStatements?: string[];
  /** Lease TTL of the credentials (`default_ttl`). */
  readonly defaultTtl: Duration;
  /**
   * Longest lease after renewals (`max_ttl`).
   * @default - the defaultTtl: leases are not renewed past it
   */
  readonly maxTtl?: Duration;
}

/** Props of {@link VaultDatabaseEngine}. */
export interface VaultDatabaseEngineProps {
  /**
   * Mount path.
   * @default "database"
   */
  readonly path?: string;
  /**
   * Vault Enterprise / HCP namespace.
   * @default - root namespace
   */
  readonly namespace?: string;
  /** The database connection. */
  readonly connection: VaultDatabaseConnectionProps;
  /** The roles (at least one); the connection allows exactly these. */
  readonly roles: VaultDatabaseRoleProps[];
}

/**
 * The database secrets engine: a `vault_mount` of type `database`, one connection whose root password
 * is write-only (`password_wo` from a sensitive variable; never in state) and which allows exactly the
 * declared roles, and the roles with their TTLs. {@link VaultDatabaseEngine.credentials} gives the
 * path a `VaultDynamicSecret` reads (`<mount>/creds/<role>`) and its one policy rule.
 *
 * @example
 * const db = new VaultDatabaseEngine(stack, 'Db', {
 *   connection: { plugin: VaultDatabasePlugin.POSTGRESQL, connectionUrl: 'postgresql://{{username}}:{{password}}@db:5432/app', username: 'vault', password: rootPassword },
 *   roles: [{ name: 'app', creationStatements: ['CREATE ROLE "{{name}}" LOGIN PASSWORD \'{{password}}\' VALID UNTIL \'{{expiration}}\';'], defaultTtl: Duration.hours(1) }],
 * });
 * db.credentials('app').grantUse(esoRole); // path "database/creds/app" { capabilities = ["read"] }
 */
export class VaultDatabaseEngine extends Construct {
  /** Mount path. */
  public readonly mountPath: string;
  /** Vault namespace. */
  public readonly namespace?: string;
  /** The `vault_mount`. */
  public readonly mount: Mount;
  /** The `vault_database_secret_backend_connection`. */
  public readonly connection: DatabaseSecretBackendConnection;
  /** The `vault_database_secret_backend_role`s by name. */
  public readonly roles: ReadonlyMap<string, DatabaseSecretBackendRole>;

  constructor(scope: Construct, id: string, props: VaultDatabaseEngineProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'VaultDatabaseEngineProps', {
      'path?': 'nonEmptyString', 'namespace?': 'string',
      'connection': { shape: { 'name?': 'nonEmptyString', 'plugin': 'nonEmptyString', 'connectionUrl': 'nonEmptyString', 'username': 'nonEmptyString', 'password': 'any', 'passwordVersion?': 'number' } },
      'roles': { arrayOf: { shape: { 'name': 'nonEmptyString', 'creationStatements': 'stringArray', 'revocationStatements?': 'stringArray', 'defaultTtl': 'any', 'maxTtl?': 'any' } } },
    });
    this.mountPath = props.path ?? 'database';
    assertMountPath(path, 'path', this.mountPath);
    this.namespace = checkNamespace(path, 'namespace', props.namespace);
    const connection = props.connection;
    if (!Object.values(VaultDatabasePlugin).includes(connection.plugin)) {
      throw notOneOf(path, 'connection.plugin', String(connection.plugin), `one of ${Object.keys(VaultDatabasePlugin).map((k) => `VaultDatabasePlugin.${k}`).join(', ')}`);
    }
    if (!Token.isUnresolved(connection.connectionUrl) && hasLiteralPassword(connection.connectionUrl)) {
      throw vaultConnectionUrlWithPassword(path, 'connection.connectionUrl');
    }
    if (!(connection.password instanceof TerraformVariable)) {
      throw notAVariable(path, 'connection.password', typeof connection.password === 'string' ? 'a plain string' : typeof connection.password);
    }
    if (connection.password.sensitive !== true) {
      throw nonSensitiveVariable(path, 'connection.password', connection.password.friendlyUniqueId);
    }
    const version = connection.passwordVersion ?? 1;
    if (!Number.isInteger(version) || version < 1) {
      throw invalidWriteOnlyVersion(path, 'connection.passwordVersion', version);
    }
    const connectionName = connection.name ?? 'default';
    assertRoleName(path, 'connection.name', connectionName);
    checkEngineRoleNames(path, props.roles.map((r) => r.name), 'a connection no role uses issues nothing');
    props.roles.forEach((role, i) => {
      if (role.creationStatements.length === 0) {
        throw emptyCollection(path, `roles[${i}].creationStatements`, [], 'at least one SQL statement creating the user', 'pass the CREATE ROLE / CREATE USER statement with {{name}} and {{password}}');
      }
      ttlSeconds(path, `roles[${i}].defaultTtl`, role.defaultTtl);
      ttlSeconds(path, `roles[${i}].maxTtl`, role.maxTtl);
      checkEngineTtls(path, `roles[${i}].maxTtl`, role.defaultTtl, role.maxTtl);
    });

    this.mount = new Mount(this, 'Mount', {
      path: this.mountPath, type: 'database', namespace: this.namespace,
      description: 'Dynamic database credentials read by External Secrets Operator',
    });
    const plugin = {
      connectionUrl: escapeTerraformText(connection.connectionUrl), username: escapeTerraformText(connection.username),
      passwordWo: connection.password.stringValue, passwordWoVersion: version,
    };
    this.connection = new DatabaseSecretBackendConnection(this, 'Connection', {
      backend: this.mount.path, name: connectionName, namespace: this.namespace,
      allowedRoles: props.roles.map((r) => r.name).sort(),
      verifyConnection: true,
      ...(connection.plugin === VaultDatabasePlugin.POSTGRESQL ? { postgresql: plugin } : { mysql: plugin }),
    });
    const roles = new Map<string, DatabaseSecretBackendRole>();
    for (const role of props.roles) {
      const ttl = ttlSeconds(path, 'defaultTtl', role.defaultTtl)!;
      roles.set(role.name, new DatabaseSecretBackendRole(this, `Role-${role.name}`, {
        backend: this.mount.path, name: role.name, dbName: this.connection.name, namespace: this.namespace,
        creationStatements: role.creationStatements.map((s) => escapeTerraformText(s)),
        revocationStatements: role.revocationStatements?.map((s) => escapeTerraformText(s)),
        defaultTtl: ttl, maxTtl: ttlSeconds(path, 'maxTtl', role.maxTtl) ?? ttl,
      }));
    }
    this.roles = roles;
  }

  /** The credentials endpoint of a declared role (`<mount>/creds/<role>`, GET): what a `VaultDynamicSecret` reads. */
  public credentials(role: string): VaultDynamicSecretPath {
    if (!this.roles.has(role)) {
      throw vaultEngineRoleNotDeclared(this.node.path, 'role', String(role), this.mountPath, [...this.roles.keys()]);
    }
    return VaultDynamicSecretPath.databaseCredentials(role, { mount: this.mountPath, namespace: this.namespace });
  }
}
