import { TerraformStack, TerraformVariable } from 'cdktf';
import {
  GcpPrincipal, GoogleSecretManagerSecret, GoogleSecretManagerSecretProps, GoogleSecretValue, IGcpProject,
  SecretManagerRole, SecretReplication,
} from '../../lib/gcp';
import { address, findResource, googleStack, projectWideIamTypes, ref, resources, shopProject, synth } from './helpers';

const KEY_EU_WEST1 = 'projects/shop-kms/locations/europe-west1/keyRings/secrets/cryptoKeys/sm';
const KEY_EU_WEST4 = 'projects/shop-kms/locations/europe-west4/keyRings/secrets/cryptoKeys/sm';
const KEY_GLOBAL = 'projects/shop-kms/locations/global/keyRings/secrets/cryptoKeys/sm';
const AGENT = 'serviceAccount:service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com';

interface Fixture {
  readonly stack: TerraformStack;
  readonly project: IGcpProject;
}

function fixture(): Fixture {
  const stack = googleStack();
  return { stack, project: shopProject(stack) };
}

function secret(f: Fixture, props: Partial<GoogleSecretManagerSecretProps> = {}): GoogleSecretManagerSecret {
  return new GoogleSecretManagerSecret(f.stack, 'Secret', { project: f.project, secretId: 'netbox-db', ...props });
}

describe('GoogleSecretManagerSecret', () => {
  test('defaults: automatic replication, deletion protection, no version and no value anywhere', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const s = secret(f, { labels: { team: 'netbox', 'cost-center': '' }, annotations: { owner: 'Netbox Team' } });
    // THEN
    const out = synth(f.stack);
    expect(findResource(out, 'google_secret_manager_secret')).toEqual({
      project: 'shop-prod',
      secret_id: 'netbox-db',
      replication: { auto: {} },
      labels: { team: 'netbox', 'cost-center': '' },
      annotations: { owner: 'Netbox Team' },
      deletion_protection: true,
    });
    expect(resources(out, 'google_secret_manager_secret_version')).toEqual([]);
    expect(resources(out, 'google_kms_crypto_key_iam_member')).toEqual([]);
    expect(s.version).toBeUndefined();
    expect(s.secretId).toBe('netbox-db');
    expect(s.project).toBe(f.project);
  });

  test('user-managed replication with a CMEK key per replica grants each key to the Secret Manager service agent', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const s = secret(f, {
      replication: SecretReplication.userManaged([
        { location: 'europe-west1', kmsKeyName: KEY_EU_WEST1 },
        { location: 'europe-west4', kmsKeyName: KEY_EU_WEST4 },
        { location: 'europe-north1' },
      ]),
      deletionProtection: false,
    });
    // THEN
    const out = synth(f.stack);
    const rendered = findResource(out, 'google_secret_manager_secret');
    expect(rendered.replication).toEqual({
      user_managed: {
        replicas: [
          { location: 'europe-west1', customer_managed_encryption: { kms_key_name: KEY_EU_WEST1 } },
          { location: 'europe-west4', customer_managed_encryption: { kms_key_name: KEY_EU_WEST4 } },
          { location: 'europe-north1' },
        ],
      },
    });
    expect(rendered.deletion_protection).toBe(false);
    const grants = resources(out, 'google_kms_crypto_key_iam_member');
    expect(grants).toEqual([
      { crypto_key_id: KEY_EU_WEST1, role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: AGENT },
      { crypto_key_id: KEY_EU_WEST4, role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: AGENT },
    ]);
    expect(rendered.depends_on).toEqual(s.kmsGrants.map((g) => address(f.stack, g)));
  });

  test('automatic replication with a global CMEK key', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    secret(f, { replication: SecretReplication.automatic({ kmsKeyName: KEY_GLOBAL }) });
    // THEN
    const out = synth(f.stack);
    expect(findResource(out, 'google_secret_manager_secret').replication).toEqual({
      auto: { customer_managed_encryption: { kms_key_name: KEY_GLOBAL } },
    });
    expect(findResource(out, 'google_kms_crypto_key_iam_member')).toEqual({
      crypto_key_id: KEY_GLOBAL, role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: AGENT,
    });
  });

  test('grantKmsToServiceAgent: false leaves the key grants to the caller', () => {
    // GIVEN
    const f = fixture();
    // WHEN
    const s = secret(f, { replication: SecretReplication.automatic({ kmsKeyName: KEY_GLOBAL }), grantKmsToServiceAgent: false });
    // THEN
    const out = synth(f.stack);
    expect(resources(out, 'google_kms_crypto_key_iam_member')).toEqual([]);
    expect(findResource(out, 'google_secret_manager_secret').depends_on).toBeUndefined();
    expect(s.kmsGrants).toEqual([]);
  });

  test('a value goes only through write-only secret_data_wo from a sensitive, ephemeral variable', () => {
    // GIVEN
    const f = fixture();
    const password = new TerraformVariable(f.stack, 'netbox_db_password', { type: 'string', sensitive: true });
    // WHEN
    const s = secret(f, { value: GoogleSecretValue.fromSensitiveVariable(password, { version: 3 }) });
    // THEN
    const out = synth(f.stack);
    expect(findResource(out, 'google_secret_manager_secret_version')).toEqual({
      secret: ref(f.stack, s.resource, 'id'),
      secret_data_wo: '${var.netbox_db_password}',
      secret_data_wo_version: 3,
    });
    expect(out.variable?.netbox_db_password).toEqual({ type: 'string', sensitive: true, ephemeral: true });
    expect(JSON.stringify(out)).not.toContain('"secret_data"');
  });

  test('grantRead, grantWrite and grantPush bind roles on this secret only, to the exact member, once each', () => {
    // GIVEN
    const f = fixture();
    const s = secret(f);
    const reader = GcpPrincipal.fromMember(f.stack, 'Reader', 'serviceAccount:reader@shop-prod.iam.gserviceaccount.com');
    const pusher = GcpPrincipal.fromMember(f.stack, 'Pusher', 'group:pushers@example.com');
    // WHEN
    const first = s.grantRead(reader);
    const second = s.grantRead(reader);
    const writes = s.grantWrite(reader);
    const pushes = s.grantPush(pusher);
    // THEN
    expect(second).toBe(first);
    expect(pushes).toHaveLength(3);
    const out = synth(f.stack);
    const bindings = resources(out, 'google_secret_manager_secret_iam_member');
    const secretId = ref(f.stack, s.resource, 'id');
    expect(bindings).toEqual(expect.arrayContaining([
      { secret_id: secretId, role: 'roles/secretmanager.secretAccessor', member: 'serviceAccount:reader@shop-prod.iam.gserviceaccount.com' },
      { secret_id: secretId, role: 'roles/secretmanager.secretVersionAdder', member: 'serviceAccount:reader@shop-prod.iam.gserviceaccount.com' },
      { secret_id: secretId, role: 'roles/secretmanager.viewer', member: 'group:pushers@example.com' },
      { secret_id: secretId, role: 'roles/secretmanager.secretAccessor', member: 'group:pushers@example.com' },
      { secret_id: secretId, role: 'roles/secretmanager.secretVersionAdder', member: 'group:pushers@example.com' },
    ]));
    expect(bindings).toHaveLength(5);
    expect(writes.roleInput).toBe(SecretManagerRole.SECRET_VERSION_ADDER);
    expect(projectWideIamTypes(out)).toEqual([]);
  });

  test('fromSecretId grants on the literal resource name of an existing secret', () => {
    // GIVEN
    const f = fixture();
    const existing = GoogleSecretManagerSecret.fromSecretId(f.stack, 'Existing', f.project, 'legacy_token');
    const reader = GcpPrincipal.fromMember(f.stack, 'Reader', 'serviceAccount:reader@shop-prod.iam.gserviceaccount.com');
    // WHEN
    existing.grantRead(reader);
    // THEN
    const out = synth(f.stack);
    expect(existing.secretName).toBe('projects/shop-prod/secrets/legacy_token');
    expect(findResource(out, 'google_secret_manager_secret_iam_member')).toEqual({
      secret_id: 'projects/shop-prod/secrets/legacy_token',
      role: 'roles/secretmanager.secretAccessor',
      member: 'serviceAccount:reader@shop-prod.iam.gserviceaccount.com',
    });
    expect(resources(out, 'google_secret_manager_secret')).toEqual([]);
  });

  test('props missing or of the wrong type (JavaScript callers)', () => {
    expect(() => new GoogleSecretManagerSecret(googleStack(), 'X', undefined as unknown as GoogleSecretManagerSecretProps)).toThrow(
      '[test/X] props: received undefined. Allowed: an object of type GoogleSecretManagerSecretProps. Fix: pass the GoogleSecretManagerSecretProps object as the third argument.');
    const stack = googleStack();
    expect(() => new GoogleSecretManagerSecret(stack, 'X', { project: shopProject(stack), secretId: 'a', labels: 'team' as unknown as Record<string, string> })).toThrow(
      '[test/X] labels: received a string. Allowed: an object whose values are strings. Fix: pass an object whose values are strings.');
  });

  describe('validation', () => {
    /** Builds the secret in a fresh stack (a construct that threw stays in its tree). */
    function attempt(props: Partial<GoogleSecretManagerSecretProps> | ((f: Fixture) => Partial<GoogleSecretManagerSecretProps>)): GoogleSecretManagerSecret {
      const f = fixture();
      return secret(f, typeof props === 'function' ? props(f) : props);
    }

    test('secret IDs Google rejects', () => {
      expect(() => attempt({ secretId: 'netbox/db password' })).toThrow(
        '[test/Secret] secretId: received "netbox/db password". Allowed: a secret ID: 1 to 255 letters, digits, "-" and "_". '
        + 'Fix: rename it, for example "netbox-db-password".');
      expect(() => ((f) => GoogleSecretManagerSecret.fromSecretId(f.stack, 'Bad', f.project, ''))(fixture())).toThrow(
        '[test/Bad] secretId: received "". Allowed: a secret ID: 1 to 255 letters, digits, "-" and "_". Fix: rename it, for example "my-secret".');
    });

    test('label keys and values Google rejects, and more than 64 labels', () => {
      expect(() => attempt({ labels: { Team: 'netbox' } })).toThrow(
        '[test/Secret] labels.Team: received "Team". Allowed: a label key: 1 to 63 lowercase letters, digits, "_" and "-", '
        + 'starting with a lowercase letter (at most 128 bytes). Fix: rename the label key; uppercase letters, dots and slashes are not allowed in Google Cloud labels.');
      expect(() => attempt({ labels: { team: 'NetBox Team' } })).toThrow(
        '[test/Secret] labels.team: received "NetBox Team". Allowed: a label value: 0 to 63 lowercase letters, digits, "_" and "-" (at most 128 bytes). '
        + 'Fix: lowercase the value and replace other characters with "-" or "_"; put free text in annotations instead.');
      const many = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`l${i}`, 'x']));
      expect(() => attempt({ labels: many })).toThrow(
        '[test/Secret] labels: received 65. Allowed: at most 64 labels. Fix: drop labels, or move descriptive ones to annotations.');
    });

    test('user-managed replication without replicas, with a bad or repeated location', () => {
      const fix = 'Fix: list each replica region once, for example SecretReplication.userManaged([{ location: "europe-west1" }, { location: "europe-west4" }]), or use SecretReplication.automatic().';
      expect(() => attempt({ replication: SecretReplication.userManaged([]) })).toThrow(
        `[test/Secret] replication.replicas: received []. Allowed: at least one replica. ${fix}`);
      expect(() => attempt({ replication: SecretReplication.userManaged([{ location: 'europe-west1' }, { location: 'europe-west1' }]) })).toThrow(
        `[test/Secret] replication.replicas[1].location: received "europe-west1". Allowed: each location at most once. ${fix}`);
      expect(() => attempt({ replication: 'auto' as unknown as SecretReplication })).toThrow(
        `[test/Secret] replication: received "string". Allowed: SecretReplication.automatic() or SecretReplication.userManaged([...]). ${fix}`);
      expect(() => attempt({ replication: SecretReplication.userManaged([{ location: 'Europe West' }]) })).toThrow(
        '[test/Secret] replication.replicas[0].location: received "Europe West". Allowed: a Google Cloud region such as "europe-west1". '
        + 'Fix: use a location code such as "europe-west1" (gcloud compute regions list), not a display name.');
    });

    test('CMEK keys in another location than their replica, or not a crypto key', () => {
      expect(() => attempt({ replication: SecretReplication.userManaged([{ location: 'europe-west4', kmsKeyName: KEY_EU_WEST1 }]) })).toThrow(
        `[test/Secret] replication.replicas[0].kmsKeyName: received "${KEY_EU_WEST1}". Allowed: a crypto key "projects/<project>/locations/europe-west4/keyRings/<ring>/cryptoKeys/<key>" `
        + '(Secret Manager requires the key in the location of the replica it encrypts). Fix: create or pick a key ring in "europe-west4" and pass the key\'s id.');
      expect(() => attempt({ replication: SecretReplication.automatic({ kmsKeyName: 'sm-key' }) })).toThrow(
        '[test/Secret] replication.kmsKeyName: received "sm-key". Allowed: a crypto key "projects/<project>/locations/global/keyRings/<ring>/cryptoKeys/<key>" '
        + '(Secret Manager requires the key in the location of the replica it encrypts; "global" for automatic replication). Fix: create or pick a key ring in "global" and pass the key\'s id.');
    });

    test('a plain value, a non-sensitive variable and a bad version are refused without echoing the value', () => {
      const plain = 'hunter2-plain' as unknown as GoogleSecretValue;
      const message = '[test/Secret] value: received "<redacted plain value>". Allowed: GoogleSecretValue.fromSensitiveVariable(<TerraformVariable with sensitive: true>), '
        + 'or no value (versions added out of band). Fix: declare a TerraformVariable with sensitive: true and pass it through GoogleSecretValue.fromSensitiveVariable(); '
        + 'plain values would land in the synthesized JSON and the Terraform state.';
      expect(() => attempt({ value: plain })).toThrow(message);
      expect(() => attempt({ value: plain })).not.toThrow(/hunter2/);
      expect(() => attempt((f) => ({ value: GoogleSecretValue.fromSensitiveVariable(new TerraformVariable(f.stack, 'open', { type: 'string' })) }))).toThrow(
        '[test/Secret] value: received "test/open". Allowed: a TerraformVariable declared with sensitive: true. '
        + 'Fix: add sensitive: true to the TerraformVariable so Terraform redacts it from plans and logs.');
      expect(() => attempt((f) => ({
        value: GoogleSecretValue.fromSensitiveVariable(new TerraformVariable(f.stack, 'closed', { type: 'string', sensitive: true }), { version: 0 }),
      }))).toThrow(
        '[test/Secret] value.version: received 0. Allowed: a whole number of 1 or more. '
        + 'Fix: start at 1 and increase it each time the variable holds a new value, so Terraform sends the write-only secret_data_wo again.');
    });
  });
});
