import { Construct, IConstruct } from 'constructs';
import { TerraformVariable } from 'cdktf';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { SecretManagerSecret, SecretManagerSecretReplication } from '@cdktf/provider-google/lib/secret-manager-secret';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { SecretManagerSecretVersion } from '@cdktf/provider-google/lib/secret-manager-secret-version';
import {
  invalidGcpCmekKey, invalidGcpLocation, invalidGcpReplicas, invalidGcpSecretId, invalidGoogleSecretValueVersion,
  nonSensitiveGoogleSecretVariable, plaintextGoogleSecretValue,
} from '../core/errors';
import { GCP_KMS_KEY_NAME, isGcpRegion, isGcpSecretId } from '../core/cloud-names';
import { assertProps, assertType, escapeTerraformMap } from '../core/validation';
import { IGcpProject } from './project';
import { IGcpPrincipal } from './principal';
import { grantSecretRole } from './private/grant';
import { assertLabels, isToken, pathId } from './private/util';

/** Secret Manager roles this library grants, always on one secret (never on the project). */
export enum SecretManagerRole {
  /** `secretmanager.versions.access`: read secret values (ExternalSecret). */
  SECRET_ACCESSOR = 'roles/secretmanager.secretAccessor',
  /** `secretmanager.versions.add`: add versions (PushSecret). */
  SECRET_VERSION_ADDER = 'roles/secretmanager.secretVersionAdder',
  /** `secretmanager.secrets.get`, `versions.get/list`: metadata, no values (PushSecret reads the labels; `LatestOrFetch` lists versions). */
  VIEWER = 'roles/secretmanager.viewer',
}

/** One replica of a user-managed secret. */
export interface SecretReplica {
  /** Region of the replica, such as `europe-west1`. */
  readonly location: string;
  /**
   * Cloud KMS key encrypting this replica (CMEK): `projects/<p>/locations/<location>/keyRings/<r>/cryptoKeys/<k>`,
   * in the same location as the replica.
   * @default - Google-managed encryption
   */
  readonly kmsKeyName?: string;
}

/** Options of {@link SecretReplication.automatic}. */
export interface AutomaticReplicationOptions {
  /**
   * Cloud KMS key (in location `global`) encrypting the secret (CMEK).
   * @default - Google-managed encryption
   */
  readonly kmsKeyName?: string;
}

/** Where Secret Manager stores a secret's data (immutable: changing it replaces the secret). */
export class SecretReplication {
  /** Google chooses the regions (`replication { auto {} }`). */
  public static automatic(options: AutomaticReplicationOptions = {}): SecretReplication {
    return new SecretReplication(undefined, (options ?? {}).kmsKeyName);
  }

  /** Replicas in the listed regions only (data residency), each optionally with its own CMEK key. */
  public static userManaged(replicas: SecretReplica[]): SecretReplication {
    return new SecretReplication([...(replicas ?? [])]);
  }

  private constructor(
    /** @internal */ public readonly _replicas: readonly SecretReplica[] | undefined,
    /** @internal */ public readonly _autoKmsKeyName?: string,
  ) {}

  /** The CMEK keys, each with the location it must be in. @internal */
  public _keys(): Array<{ readonly prop: string; readonly key: string; readonly location: string }> {
    if (this._replicas === undefined) {
      return this._autoKmsKeyName === undefined ? [] : [{ prop: 'replication.kmsKeyName', key: this._autoKmsKeyName, location: 'global' }];
    }
    return this._replicas.flatMap((r, i) => r.kmsKeyName === undefined ? []
      : [{ prop: `replication.replicas[${i}].kmsKeyName`, key: r.kmsKeyName, location: r.location }]);
  }
}

/** Options of {@link GoogleSecretValue.fromSensitiveVariable}. */
export interface GoogleSecretValueOptions {
  /**
   * The write-only version (`secret_data_wo_version`). Terraform never reads a write-only value back,
   * so it only sends a new value when this number changes: increase it each time the variable holds
   * a new value.
   * @default 1
   */
  readonly version?: number;
}

/**
 * Where the first version of a secret comes from. There is deliberately no way to pass a plain
 * string: the value goes through the write-only `secret_data_wo` argument, so it is neither in the
 * synthesized JSON nor in the Terraform state.
 */
export class GoogleSecretValue {
  /**
   * The value of a Terraform variable declared with `sensitive: true`. The variable is also made
   * **ephemeral** (`ephemeral = true`, Terraform >= 1.10), so Terraform refuses to use it anywhere a
   * value would be persisted. Supply it at apply time (`TF_VAR_<name>`, a CI secret).
   */
  public static fromSensitiveVariable(variable: TerraformVariable, options: GoogleSecretValueOptions = {}): GoogleSecretValue {
    return new GoogleSecretValue(variable, options.version ?? 1);
  }

  private constructor(
    /** @internal */ public readonly _variable: TerraformVariable,
    /** @internal */ public readonly _version: number,
  ) {}
}

/** A Secret Manager secret, created here or imported. */
export interface IGoogleSecretManagerSecret extends IConstruct {
  /** Project holding the secret. */
  readonly project: IGcpProject;
  /** Secret ID (literal): the `remoteRef.key` of an ESO ExternalSecret. */
  readonly secretId: string;
  /** Resource name `projects/<project>/secrets/<id>`: the target of per-secret grants. May be a token. */
  readonly secretName: string;
  /** Grants `roles/secretmanager.secretAccessor` on this secret only (ExternalSecret reads). */
  grantRead(principal: IGcpPrincipal): SecretManagerSecretIamMember;
  /** Grants `roles/secretmanager.secretVersionAdder` on this secret only (adds versions, reads nothing). */
  grantWrite(principal: IGcpPrincipal): SecretManagerSecretIamMember;
  /**
   * Grants what an ESO PushSecret needs on this existing secret: `secretmanager.viewer` (it reads the
   * secret's `managed-by` label), `secretAccessor` (it compares with the latest version) and
   * `secretVersionAdder` (it adds a version), all on this secret only.
   */
  grantPush(principal: IGcpPrincipal): SecretManagerSecretIamMember[];
}

/** Props of {@link GoogleSecretManagerSecret}. */
export interface GoogleSecretManagerSecretProps {
  /** Project to create the secret in. */
  readonly project: IGcpProject;
  /** Secret ID: 1-255 letters, digits, "-" and "_". Changing it replaces the secret. */
  readonly secretId: string;
  /**
   * Replication policy (immutable).
   * @default SecretReplication.automatic()
   */
  readonly replication?: SecretReplication;
  /**
   * Labels: at most 64, keys and values lowercase letters, digits, "_" and "-".
   * A PushSecret target should carry `managed-by: external-secrets` (ESO only writes secrets with it).
   * @default - no labels
   */
  readonly labels?: Record<string, string>;
  /**
   * Annotations (free-form metadata).
   * @default - no annotations
   */
  readonly annotations?: Record<string, string>;
  /**
   * The first version's value, through the write-only `secret_data_wo`.
   * @default - no version: values are added out of band (`gcloud secrets versions add`, a rotation job, a PushSecret)
   */
  readonly value?: GoogleSecretValue;
  /**
   * Let Terraform refuse to destroy the secret (`deletion_protection`).
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * Grant the Secret Manager service agent (`service-<number>@gcp-sa-secretmanager.iam.gserviceaccount.com`)
   * `roles/cloudkms.cryptoKeyEncrypterDecrypter` on each CMEK key of the replication, and make the
   * secret depend on those grants. Turn off when the keys are granted elsewhere.
   * @default true
   */
  readonly grantKmsToServiceAgent?: boolean;
}

abstract class GoogleSecretBase extends Construct implements IGoogleSecretManagerSecret {
  public abstract readonly project: IGcpProject;
  public abstract readonly secretId: string;
  public abstract readonly secretName: string;

  public grantRead(principal: IGcpPrincipal): SecretManagerSecretIamMember {
    return grantSecretRole(this, this.secretName, principal, SecretManagerRole.SECRET_ACCESSOR);
  }

  public grantWrite(principal: IGcpPrincipal): SecretManagerSecretIamMember {
    return grantSecretRole(this, this.secretName, principal, SecretManagerRole.SECRET_VERSION_ADDER);
  }

  public grantPush(principal: IGcpPrincipal): SecretManagerSecretIamMember[] {
    return [
      grantSecretRole(this, this.secretName, principal, SecretManagerRole.VIEWER),
      this.grantRead(principal),
      this.grantWrite(principal),
    ];
  }
}

class ImportedGoogleSecret extends GoogleSecretBase {
  public readonly secretName: string;

  constructor(scope: Construct, id: string, public readonly project: IGcpProject, public readonly secretId: string) {
    super(scope, id);
    assertType(this.node.path, 'project', project, { shape: { projectId: 'string' }, name: 'an IGcpProject (GcpProject or GcpProject.fromProjectAttributes())' });
    assertSecretId(this.node.path, secretId);
    this.secretName = `projects/${project.projectId}/secrets/${secretId}`;
  }
}

/**
 * A Secret Manager secret whose value never reaches the synthesized JSON or the Terraform state.
 *
 * Without `value` the secret has no version: values are added out of band (rotation job, PushSecret,
 * `gcloud secrets versions add`). With `GoogleSecretValue.fromSensitiveVariable()`, one
 * `google_secret_manager_secret_version` is created through the write-only `secret_data_wo` /
 * `secret_data_wo_version` arguments (google provider >= 6.23, Terraform >= 1.11), from a sensitive
 * and ephemeral variable. The readable `secret_data` argument is never used.
 *
 * Grants are per secret (`google_secret_manager_secret_iam_member`), never on the project.
 *
 * @example
 * const secret = new GoogleSecretManagerSecret(stack, 'DbPassword', {
 *   project, secretId: 'netbox-db-password',
 *   replication: SecretReplication.userManaged([{ location: 'europe-west1' }]),
 *   labels: { team: 'netbox' },
 * });
 * secret.grantRead(esoPrincipal);
 */
export class GoogleSecretManagerSecret extends GoogleSecretBase {
  /** Imports an existing secret of a project by ID. */
  public static fromSecretId(scope: Construct, id: string, project: IGcpProject, secretId: string): IGoogleSecretManagerSecret {
    return new ImportedGoogleSecret(scope, id, project, secretId);
  }

  public readonly project: IGcpProject;
  public readonly secretId: string;
  /** The underlying `google_secret_manager_secret`. */
  public readonly resource: SecretManagerSecret;
  /** The version created from `value`, if any. */
  public readonly version?: SecretManagerSecretVersion;
  /** The CMEK grants to the Secret Manager service agent. */
  public readonly kmsGrants: readonly KmsCryptoKeyIamMember[];

  private _secretName?: string;

  constructor(scope: Construct, id: string, props: GoogleSecretManagerSecretProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'GoogleSecretManagerSecretProps', {
      'project': 'object', 'labels?': 'stringMap', 'annotations?': 'stringMap', 'deletionProtection?': 'boolean', 'grantKmsToServiceAgent?': 'boolean',
    });
    assertSecretId(path, props.secretId);
    assertLabels(path, 'labels', props.labels);
    const replication = props.replication ?? SecretReplication.automatic();
    const value = props.value;
    if (value !== undefined) {
      assertValue(path, value);
    }
    const keys = validateReplication(path, replication);

    const kmsGrants: KmsCryptoKeyIamMember[] = [];
    if (props.grantKmsToServiceAgent ?? true) {
      const agent = `serviceAccount:service-${props.project.projectNumber}@gcp-sa-secretmanager.iam.gserviceaccount.com`;
      for (const key of new Set(keys)) {
        kmsGrants.push(new KmsCryptoKeyIamMember(this, `KmsGrant-${pathId(key)}`, {
          cryptoKeyId: key,
          role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
          member: agent,
        }));
      }
    }
    this.kmsGrants = kmsGrants;

    this.resource = new SecretManagerSecret(this, 'Resource', {
      project: props.project.projectId,
      secretId: props.secretId,
      replication: renderReplication(replication),
      labels: props.labels,
      annotations: escapeTerraformMap(props.annotations),
      deletionProtection: props.deletionProtection ?? true,
      dependsOn: kmsGrants.length > 0 ? kmsGrants : undefined,
    });
    if (value !== undefined) {
      value._variable.addOverride('ephemeral', true);
      this.version = new SecretManagerSecretVersion(this, 'Version', {
        secret: this.secretName,
        secretDataWo: value._variable.stringValue,
        secretDataWoVersion: value._version,
      });
    }
    this.project = props.project;
    this.secretId = props.secretId;
  }

  /** Resource name `projects/<project>/secrets/<id>` (the resource's `id`, a token). Created on first use: every token cdktf creates captures a stack trace. */
  public get secretName(): string {
    return this._secretName ??= this.resource.id;
  }
}

function assertSecretId(path: string, secretId: unknown): void {
  if (typeof secretId !== 'string' || (!isToken(secretId) && !isGcpSecretId(secretId))) {
    throw invalidGcpSecretId(path, 'secretId', secretId);
  }
}

function assertValue(path: string, value: unknown): void {
  if (!(value instanceof GoogleSecretValue) || !(value._variable instanceof TerraformVariable)) {
    throw plaintextGoogleSecretValue(path, 'value');
  }
  if (value._variable.sensitive !== true) {
    throw nonSensitiveGoogleSecretVariable(path, 'value', value._variable.node.path);
  }
  if (!Number.isInteger(value._version) || value._version < 1) {
    throw invalidGoogleSecretValueVersion(path, 'value.version', value._version);
  }
}

/** Checks replicas and CMEK keys; returns the key names. */
function validateReplication(path: string, replication: SecretReplication): string[] {
  if (!(replication instanceof SecretReplication)) {
    throw invalidGcpReplicas(path, 'replication', typeof replication, 'SecretReplication.automatic() or SecretReplication.userManaged([...])');
  }
  const replicas = replication._replicas;
  if (replicas !== undefined) {
    if (replicas.length === 0) {
      throw invalidGcpReplicas(path, 'replication.replicas', [], 'at least one replica');
    }
    const seen = new Set<string>();
    replicas.forEach((replica, i) => {
      const location = replica?.location;
      if (typeof location !== 'string' || (!isToken(location) && !isGcpRegion(location))) {
        throw invalidGcpLocation(path, `replication.replicas[${i}].location`, location, 'a Google Cloud region such as "europe-west1"');
      }
      if (seen.has(location)) {
        throw invalidGcpReplicas(path, `replication.replicas[${i}].location`, location, 'each location at most once');
      }
      seen.add(location);
    });
  }
  return replication._keys().map(({ prop, key, location }) => {
    const match = typeof key === 'string' ? GCP_KMS_KEY_NAME.exec(key) : null;
    if (typeof key !== 'string' || (!isToken(key) && (match === null || (!isToken(location) && match[2] !== location)))) {
      throw invalidGcpCmekKey(path, prop, key, location);
    }
    return key;
  });
}

function renderReplication(replication: SecretReplication): SecretManagerSecretReplication {
  if (replication._replicas === undefined) {
    const key = replication._autoKmsKeyName;
    return { auto: key === undefined ? {} : { customerManagedEncryption: { kmsKeyName: key } } };
  }
  return {
    userManaged: {
      replicas: replication._replicas.map((r) => ({
        location: r.location,
        customerManagedEncryption: r.kmsKeyName === undefined ? undefined : { kmsKeyName: r.kmsKeyName },
      })),
    },
  };
}
