import { TerraformStack } from 'cdktf';
import { ContainerCluster } from '@cdktf/provider-google/lib/container-cluster';
import { Duration } from '../../lib/core';
import { GkeSecretsEncryptionKey, GkeSecretsEncryptionKeyProps } from '../../lib/gcp';
import { address, findResource, googleStack, projectWideIamTypes, ref, resources, shopProject, synth } from './helpers';

function key(stack: TerraformStack, props: Partial<GkeSecretsEncryptionKeyProps> = {}): GkeSecretsEncryptionKey {
  return new GkeSecretsEncryptionKey(stack, 'Encryption', { project: shopProject(stack), location: 'europe-west1', keyRingName: 'gke-prod', ...props });
}

function cluster(stack: TerraformStack, location: string): ContainerCluster {
  return new ContainerCluster(stack, 'Gke', { name: 'prod', location, initialNodeCount: 1, workloadIdentityConfig: { workloadPool: 'shop-prod.svc.id.goog' } });
}

describe('GkeSecretsEncryptionKey', () => {
  test('a key ring and a rotating key, encrypter/decrypter on the key only for the GKE service agent', () => {
    // GIVEN
    const stack = googleStack();
    // WHEN
    const encryption = key(stack, { labels: { cluster: 'prod' } });
    // THEN
    const out = synth(stack);
    expect(findResource(out, 'google_kms_key_ring')).toEqual({ project: 'shop-prod', name: 'gke-prod', location: 'europe-west1' });
    expect(findResource(out, 'google_kms_crypto_key')).toEqual({
      name: 'gke-secrets',
      key_ring: ref(stack, encryption.keyRing!, 'id'),
      purpose: 'ENCRYPT_DECRYPT',
      rotation_period: '7776000s',
      labels: { cluster: 'prod' },
      lifecycle: { prevent_destroy: true },
    });
    expect(findResource(out, 'google_kms_crypto_key_iam_member')).toEqual({
      crypto_key_id: ref(stack, encryption.key, 'id'),
      role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter',
      member: 'serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com',
    });
    expect(encryption.serviceAgentMember).toBe('serviceAccount:service-123456789012@container-engine-robot.iam.gserviceaccount.com');
    expect(resources(out, 'google_kms_key_ring_iam_member')).toEqual([]);
    expect(projectWideIamTypes(out)).toEqual([]);
  });

  test('applyTo encrypts a regional or zonal cluster of the key\'s region and waits for the grant', () => {
    // GIVEN
    const stack = googleStack();
    const encryption = key(stack, { rotationPeriod: Duration.days(30), keyName: 'etcd', preventDestroy: false });
    const gke = cluster(stack, 'europe-west1-b');
    // WHEN
    encryption.applyTo(gke);
    encryption.applyTo(gke);
    // THEN
    const out = synth(stack);
    const rendered = findResource(out, 'google_container_cluster');
    expect(rendered.database_encryption).toEqual({ state: 'ENCRYPTED', key_name: ref(stack, encryption.key, 'id') });
    expect(rendered.depends_on).toEqual([address(stack, encryption.grant)]);
    expect(findResource(out, 'google_kms_crypto_key')).toMatchObject({ name: 'etcd', rotation_period: '2592000s', lifecycle: { prevent_destroy: false } });
  });

  test('an existing key ring', () => {
    // GIVEN
    const stack = googleStack();
    // WHEN
    const encryption = key(stack, { keyRingName: undefined, keyRingId: 'projects/shop-kms/locations/europe-west1/keyRings/gke' });
    // THEN
    const out = synth(stack);
    expect(resources(out, 'google_kms_key_ring')).toEqual([]);
    expect(findResource(out, 'google_kms_crypto_key').key_ring).toBe('projects/shop-kms/locations/europe-west1/keyRings/gke');
    expect(encryption.keyRing).toBeUndefined();
  });

  test('props missing or of the wrong type (JavaScript callers)', () => {
    expect(() => new GkeSecretsEncryptionKey(googleStack(), 'X', undefined as unknown as GkeSecretsEncryptionKeyProps)).toThrow(
      '[test/X] props: received undefined. Allowed: an object of type GkeSecretsEncryptionKeyProps. Fix: pass the GkeSecretsEncryptionKeyProps object as the third argument.');
  });

  test('a cluster in another region than the key', () => {
    const stack = googleStack();
    const encryption = key(stack);
    expect(() => encryption.applyTo(cluster(stack, 'europe-west4-a'))).toThrow(
      '[test/Gke] location: received "europe-west4-a". Allowed: a cluster in the key ring\'s region "europe-west1" (a regional cluster there, or a zonal cluster in one of its zones). '
      + 'Fix: create the key ring in "europe-west4": GKE only accepts a Cloud KMS key in the cluster\'s region.');
  });

  test('locations, names, key ring choice and rotation periods Cloud KMS rejects', () => {
    const attempt = (props: Partial<GkeSecretsEncryptionKeyProps>): GkeSecretsEncryptionKey => key(googleStack(), props);
    expect(() => attempt({ location: 'global' })).toThrow(
      '[test/Encryption] location: received "global". Allowed: a Google Cloud region such as "europe-west1" (the cluster\'s region). '
      + 'Fix: use a location code such as "europe-west1" (gcloud compute regions list), not a display name.');
    expect(() => attempt({ keyRingId: 'projects/p/locations/europe-west1/keyRings/r' })).toThrow(
      '[test/Encryption] keyRingName: received "gke-prod". Allowed: keyRingName or keyRingId, not both. '
      + 'Fix: pass keyRingName to create a key ring, or keyRingId to use an existing one.');
    expect(() => attempt({ keyRingName: undefined })).toThrow(
      '[test/Encryption] keyRingName: received undefined. Allowed: a non-empty value. Fix: pass keyRingName to create a key ring, or keyRingId to use an existing one.');
    expect(() => attempt({ keyName: 'gke secrets' })).toThrow(
      '[test/Encryption] keyName: received "gke secrets". Allowed: 1 to 63 letters, digits, "_" and "-". '
      + 'Fix: rename it; key rings and keys cannot be deleted, so a name is never free again in its location.');
    const rotation = (value: string): string => `[test/Encryption] rotationPeriod: received ${value}. Allowed: a whole number of seconds from 1 day (86400 s) to 100 years (3153600000 s). `
      + 'Fix: pass Duration.days(n), for example Duration.days(90) (the recommended maximum for symmetric keys).';
    expect(() => attempt({ rotationPeriod: Duration.hours(12) })).toThrow(rotation('"43200s"'));
    expect(() => attempt({ rotationPeriod: Duration.days(36501) })).toThrow(rotation('"3153686400s"'));
    expect(() => attempt({ rotationPeriod: '90d' as unknown as Duration })).toThrow(rotation('"90d"'));
  });
});
