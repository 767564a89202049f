import { Construct } from 'constructs';
import { dependable } from 'cdktf';
import type { ContainerCluster, ContainerClusterDatabaseEncryption } from '@cdktf/provider-google/lib/container-cluster';
import { KmsCryptoKey } from '@cdktf/provider-google/lib/kms-crypto-key';
import { KmsCryptoKeyIamMember } from '@cdktf/provider-google/lib/kms-crypto-key-iam-member';
import { KmsKeyRing } from '@cdktf/provider-google/lib/kms-key-ring';
import { Duration } from '../core/duration';
import {
  gkeKeyLocationMismatch, invalidGcpKeyRingId, invalidGcpKmsName, invalidGcpKmsRotationPeriod, invalidGcpLocation, missingProp, mutuallyExclusive,
} from '../core/errors';
import { GCP_KMS_KEY_RING_NAME, gcpRegionOf, isGcpKmsName, isGcpRegion, isGcpZone } from '../core/cloud-names';
import { assertProps } from '../core/validation';
import { IGcpProject } from './project';
import { assertLabels, isToken } from './private/util';

/** The role GKE's service agent needs on the key. */
export const CRYPTO_KEY_ENCRYPTER_DECRYPTER_ROLE = 'roles/cloudkms.cryptoKeyEncrypterDecrypter';

const MIN_ROTATION_SECONDS = 86_400;
const MAX_ROTATION_SECONDS = 100 * 365 * 86_400;

/** Props of {@link GkeSecretsEncryptionKey}. */
export interface GkeSecretsEncryptionKeyProps {
  /**
   * The project hosting the GKE cluster: its GKE service agent
   * (`service-<number>@container-engine-robot.iam.gserviceaccount.com`) gets the key, and the key
   * ring is created there.
   */
  readonly project: IGcpProject;
  /** Region of the key ring: the cluster's region (GKE only accepts a key in the cluster's region). */
  readonly location: string;
  /**
   * Name of the key ring to create (1-63 letters, digits, "_" and "-"). Key rings cannot be deleted.
   * @default - none: `keyRingId` must be set
   */
  readonly keyRingName?: string;
  /**
   * An existing key ring, `projects/<p>/locations/<location>/keyRings/<name>`, instead of creating one.
   * @default - none: `keyRingName` must be set
   */
  readonly keyRingId?: string;
  /**
   * Name of the crypto key (1-63 letters, digits, "_" and "-").
   * @default "gke-secrets"
   */
  readonly keyName?: string;
  /**
   * Automatic rotation period (1 day to 100 years); rotation is always on. Old versions stay
   * enabled, so Secrets encrypted with them remain readable.
   * @default Duration.days(90)
   */
  readonly rotationPeriod?: Duration;
  /**
   * Labels of the key.
   * @default - no labels
   */
  readonly labels?: Record<string, string>;
  /**
   * Terraform `prevent_destroy` on the key: destroying it destroys every version, and with them every
   * Kubernetes Secret of the cluster.
   * @default true
   */
  readonly preventDestroy?: boolean;
}

/**
 * GKE application-layer Secrets encryption with a rotating Cloud KMS key: the counterpart of
 * `EksSecretsEncryptionKey` (AWS) and `AksKmsEncryption` (Azure).
 *
 * Creates a key ring (or uses an existing one) and a symmetric `ENCRYPT_DECRYPT` key with a rotation
 * period, grants the GKE service agent `roles/cloudkms.cryptoKeyEncrypterDecrypter` **on that key
 * only**, and {@link applyTo} sets `database_encryption { state = "ENCRYPTED", key_name }` on a
 * `ContainerCluster`, which then depends on the grant.
 *
 * Turning it on for an existing cluster re-encrypts every Secret; turning it off later decrypts them
 * again. Disabling or destroying a key version that Secrets still use makes them unreadable.
 *
 * @see https://cloud.google.com/kubernetes-engine/docs/how-to/encrypting-secrets
 */
export class GkeSecretsEncryptionKey extends Construct {
  /** The key ring, when created here. */
  public readonly keyRing?: KmsKeyRing;
  /** The underlying `google_kms_crypto_key`. */
  public readonly key: KmsCryptoKey;
  /** The grant of the key to the GKE service agent. */
  public readonly grant: KmsCryptoKeyIamMember;
  /** The GKE service agent, `serviceAccount:service-<number>@container-engine-robot.iam.gserviceaccount.com`. */
  public readonly serviceAgentMember: string;
  /** Region of the key. */
  public readonly location: string;

  private readonly appliedTo = new Set<ContainerCluster>();
  private _keyId?: string;

  constructor(scope: Construct, id: string, props: GkeSecretsEncryptionKeyProps) {
    super(scope, id);
    const path = this.node.path;
    assertProps(path, props, 'GkeSecretsEncryptionKeyProps', { 'project': 'object', 'labels?': 'stringMap', 'preventDestroy?': 'boolean' });
    const location: unknown = props.location;
    if (typeof location !== 'string' || (!isToken(location) && !isGcpRegion(location))) {
      throw invalidGcpLocation(path, 'location', location, 'a Google Cloud region such as "europe-west1" (the cluster\'s region)');
    }
    if (props.keyRingName !== undefined && props.keyRingId !== undefined) {
      throw mutuallyExclusive(path, 'keyRingName', props.keyRingName, 'keyRingId',
        'pass keyRingName to create a key ring, or keyRingId to use an existing one');
    }
    if (props.keyRingName === undefined && props.keyRingId === undefined) {
      throw missingProp(path, 'keyRingName', 'pass keyRingName to create a key ring, or keyRingId to use an existing one');
    }
    const keyName = props.keyName ?? 'gke-secrets';
    for (const [prop, value] of [['keyRingName', props.keyRingName], ['keyName', keyName]] as const) {
      if (value !== undefined && (typeof value !== 'string' || (!isToken(value) && !isGcpKmsName(value)))) {
        throw invalidGcpKmsName(path, prop, value);
      }
    }
    if (props.keyRingId !== undefined) {
      const ring: unknown = props.keyRingId;
      const match = typeof ring === 'string' ? GCP_KMS_KEY_RING_NAME.exec(ring) : null;
      if (typeof ring !== 'string' || (!isToken(ring) && (match === null || (!isToken(location) && match[2] !== location)))) {
        throw invalidGcpKeyRingId(path, 'keyRingId', ring, location);
      }
    }
    assertLabels(path, 'labels', props.labels);
    const rotation = props.rotationPeriod ?? Duration.days(90);
    const seconds = rotation instanceof Duration ? rotation.toSeconds() : Number.NaN;
    if (!Number.isInteger(seconds) || seconds < MIN_ROTATION_SECONDS || seconds > MAX_ROTATION_SECONDS) {
      throw invalidGcpKmsRotationPeriod(path, 'rotationPeriod', rotation instanceof Duration ? `${seconds}s` : rotation);
    }

    if (props.keyRingName !== undefined) {
      this.keyRing = new KmsKeyRing(this, 'KeyRing', {
        project: props.project.projectId,
        name: props.keyRingName,
        location,
      });
    }
    this.key = new KmsCryptoKey(this, 'Key', {
      name: keyName,
      keyRing: this.keyRing ? this.keyRing.id : props.keyRingId!,
      purpose: 'ENCRYPT_DECRYPT',
      rotationPeriod: `${seconds}s`,
      labels: props.labels,
      lifecycle: { preventDestroy: props.preventDestroy ?? true },
    });
    this.serviceAgentMember = `serviceAccount:service-${props.project.projectNumber}@container-engine-robot.iam.gserviceaccount.com`;
    this.grant = new KmsCryptoKeyIamMember(this, 'GkeServiceAgent', {
      cryptoKeyId: this.keyId,
      role: CRYPTO_KEY_ENCRYPTER_DECRYPTER_ROLE,
      member: this.serviceAgentMember,
    });
    this.location = location;
  }

  /** The key's resource name `projects/<p>/locations/<l>/keyRings/<r>/cryptoKeys/<k>` (token): GKE's `key_name`. */
  public get keyId(): string {
    return this._keyId ??= this.key.id;
  }

  /** The `database_encryption` block of `google_container_cluster`. */
  public get databaseEncryption(): ContainerClusterDatabaseEncryption {
    return { state: 'ENCRYPTED', keyName: this.keyId };
  }

  /**
   * Turns application-layer Secrets encryption on for a cluster: sets `database_encryption` and makes
   * the cluster depend on the key grant. The cluster must be in the key's region (checked when both
   * are literal). Calling it twice for the same cluster is harmless.
   */
  public applyTo(cluster: ContainerCluster): void {
    const clusterLocation = cluster.locationInput;
    if (clusterLocation !== undefined && !isToken(clusterLocation) && !isToken(this.location)
      && (isGcpRegion(clusterLocation) || isGcpZone(clusterLocation)) && gcpRegionOf(clusterLocation) !== this.location) {
      throw gkeKeyLocationMismatch(cluster.node.path, 'location', clusterLocation, this.location);
    }
    cluster.putDatabaseEncryption(this.databaseEncryption);
    if (!this.appliedTo.has(cluster)) {
      this.appliedTo.add(cluster);
      cluster.dependsOn = [...(cluster.dependsOn ?? []), dependable(this.grant)];
    }
  }
}
