import * as fs from 'fs';
import * as path from 'path';
import { ManifestObject, MigrateOptions, migrateManifests, toYaml } from '../../lib/migrate';
import { checkManifests } from '../../lib/validation';

const KES_EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream', 'kes', 'examples');

/** The controller settings KES read from its environment, as a platform team would pass them. */
const ENVIRONMENT: MigrateOptions = {
  namespace: 'team-a',
  awsRegion: 'eu-west-1',
  vaultServer: 'https://vault.example.com:8200',
  gcpProjectId: 'platform-secrets',
  akeyless: { gatewayUrl: 'https://api.akeyless.io', authSecretName: 'akeyless-auth', authSecretNamespace: 'external-secrets' },
  ibm: { serviceUrl: 'https://instance.eu-de.secrets-manager.appdomain.cloud', apiKeySecretName: 'ibm-api-key', apiKeySecretNamespace: 'external-secrets' },
};

function example(file: string): { source: string; yaml: string } {
  return { source: file, yaml: fs.readFileSync(path.join(KES_EXAMPLES, file), 'utf8') };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test navigation into converted specs
type AnySpec = any;

function find(objects: readonly ManifestObject[], kind: string, name: string): ManifestObject & { spec: AnySpec } {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  expect(found).toHaveLength(1);
  return found[0] as ManifestObject & { spec: AnySpec };
}

function kes(spec: Record<string, unknown>, name = 'app', extra: Record<string, unknown> = {}): string {
  return toYaml([{ apiVersion: 'kubernetes-client.io/v1', kind: 'ExternalSecret', metadata: { name, namespace: 'team-a' }, spec, ...extra } as ManifestObject]);
}

const TEMPLATE_ALLOWED = 'Allowed: a lodash template the migration can translate to an ESO Go template: literal text and <%= data.KEY %> or <%= JSON.parse(data.KEY).a.b %> expressions. Fix: write the ESO template by hand (Go text/template with Sprig, e.g. {{ .KEY | fromJson }}).';
const KEY_BY_NAME = 'spec.keyByName: received true. Allowed: secret IDs: KES looked names up across every secret group, ESO resolves a name only inside one group (<group>/<type>/<name>, the default group when no group is given); the keys are converted as <type>/<name>. Fix: check that the secrets are in the default group, or prefix each key with its secret group.';

/** Every KES example: what it reports (exact messages) and how many KES data items each converted ExternalSecret had. */
const EXPECTED: { [file: string]: { issues: string[]; converted: Array<[string, number]> } } = {
  'akeyless-example.yaml': { issues: [], converted: [['hello-secret', 1], ['hello-dynamic-secret', 1]] },
  'alicloud-secretsmanager.yaml': {
    issues: ['[alicloud-secretsmanager.yaml: kubernetes-client.io/v1 ExternalSecret alicloud-secretsmanager] spec.backendType: received "alicloudSecretsManager". Allowed: a backend ESO v1 serves (the Alibaba Cloud provider was removed from ESO before external-secrets.io/v1). Fix: move the secrets to a supported backend, or keep this ExternalSecret on a separate path until then.'],
    converted: [],
  },
  'aws-secretsmanager.yaml': { issues: [], converted: [['aws-secretsmanager', 2]] },
  'aws-ssm-path.yaml': { issues: [], converted: [['aws-ssm-path', 2]] },
  'aws-ssm.yaml': { issues: [], converted: [['aws-ssm', 2]] },
  'azure-keyvault.yaml': { issues: [], converted: [['azure-keyvault', 1]] },
  'data-from-example.yml': { issues: [], converted: [['data-from-example', 1]] },
  'dockerconfig-example.yml': { issues: [], converted: [['dockerconfig-example', 1]] },
  'gcp-secrets-manager.yml': { issues: [], converted: [['gcp-secrets-manager', 1]] },
  'ibmcloud-secrets-manager.yaml': {
    issues: [
      `[ibmcloud-secrets-manager.yaml: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager] ${KEY_BY_NAME}`,
      '[ibmcloud-secrets-manager.yaml: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager] metadata.name: received "ibmcloud-secrets-manager.yaml#0". Allowed: one object per kind, namespace and name (this one replaces the object of the same name when applied). Fix: rename one of them, or remove the one that is not wanted.',
      `[ibmcloud-secrets-manager.yaml: kubernetes-client.io/v1 ExternalSecret ibmcloud-secrets-manager] ${KEY_BY_NAME}`,
    ],
    converted: [['ibmcloud-secrets-manager', 4], ['ibmcloud-secrets-manager', 2]],
  },
  'template-advanced.yml': {
    issues: [
      `[template-advanced.yml: kubernetes-client.io/v1 ExternalSecret template-advanced] spec.template.metadata.labels["world"]: received "<% let content = JSON.parse(data.s1) %><%= content.f2.f22 %>". ${TEMPLATE_ALLOWED}`,
      `[template-advanced.yml: kubernetes-client.io/v1 ExternalSecret template-advanced] spec.template.stringData["file.yaml"]: received "<%= yaml.dump(JSON.parse(data.s1)) %>\\n<% let s2 = JSON.parse(data.s2) %><% s2.arr.forEach((e, i) => { %>arr_<%= i %>: <%= e %>\\n<% }) %>\\n". ${TEMPLATE_ALLOWED}`,
    ],
    converted: [['template-advanced', 2]],
  },
  'template-metadata.yml': { issues: [], converted: [['template-metadata', 2]] },
  'tls-example.yml': { issues: [], converted: [['tls-example', 2]] },
  'vault-kv1.yaml': { issues: [], converted: [['vault-kv1', 2]] },
  'vault.yml': { issues: [], converted: [['vault', 2]] },
};

describe('migrateManifests: KES examples', () => {
  test('the expectations cover every KES example', () => {
    expect(fs.readdirSync(KES_EXAMPLES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.keys(EXPECTED))('%s is converted or reported field by field', (file) => {
    // GIVEN
    const expected = EXPECTED[file];
    // WHEN
    const result = migrateManifests([example(file)], ENVIRONMENT);
    // THEN: exact report
    expect(result.issues.map((i) => i.message)).toEqual(expected.issues);
    expect(result.complete).toBe(expected.issues.length === 0);
    // every KES data item and dataFrom key became one ESO entry
    const externalSecrets = result.objects.filter((o) => o.kind === 'ExternalSecret');
    expect(externalSecrets.map((o) => {
      const spec = o.spec as { data?: unknown[]; dataFrom?: unknown[] };
      return [o.metadata.name, (spec.data?.length ?? 0) + (spec.dataFrom?.length ?? 0)];
    })).toEqual(expected.converted);
    // every emitted object is ESO v1, valid against the served CRD schema; a duplicate the migration
    // reported is also the validator's only finding
    expect(result.objects.every((o) => o.apiVersion === 'external-secrets.io/v1')).toBe(true);
    const duplicate = expected.issues.some((i) => i.includes('Allowed: one object per kind, namespace and name'));
    expect(checkManifests(result.objects).map((p) => p.prop)).toEqual(duplicate ? ['metadata.name'] : []);
    // every ExternalSecret points at a store the migration emitted
    for (const es of externalSecrets) {
      const ref = (es.spec as { secretStoreRef: { kind: string; name: string } }).secretStoreRef;
      expect(result.objects.some((o) => o.kind === ref.kind && o.metadata.name === ref.name)).toBe(true);
    }
  });

  test('all examples at once imply one ClusterSecretStore per distinct backend, role and region, named deterministically', () => {
    // GIVEN
    const inputs = Object.keys(EXPECTED).map(example);
    // WHEN
    const result = migrateManifests(inputs, ENVIRONMENT);
    // THEN
    const stores = result.objects.filter((o) => o.kind === 'ClusterSecretStore');
    expect(stores.map((s) => s.metadata.name)).toEqual([
      'kes-akeyless',
      'kes-aws-sm-eu-west-1',
      'kes-aws-sm-eu-west-1-123412341234-let-other-account-access-secrets',
      'kes-aws-ssm-eu-west-1',
      'kes-aws-ssm-us-east-1-123456789012-test-role',
      'kes-aws-ssm-us-west-2-123456789012-test-role',
      'kes-azure-kv-hello-world',
      'kes-gcp-sm-hello-service-project-id',
      'kes-ibm-sm',
      'kes-vault-kv-v1-my-kubernetes-vault-mount-point-my-vault-role',
      'kes-vault-kv-v2-my-kubernetes-vault-mount-point-my-vault-role',
    ]);
    expect(find(result.objects, 'ClusterSecretStore', 'kes-aws-sm-eu-west-1-123412341234-let-other-account-access-secrets').spec).toEqual({
      provider: { aws: { service: 'SecretsManager', region: 'eu-west-1', role: 'arn:aws:iam::123412341234:role/let-other-account-access-secrets' } },
      conditions: [{ namespaces: ['team-a'] }],
    });
    expect(find(result.objects, 'ClusterSecretStore', 'kes-vault-kv-v1-my-kubernetes-vault-mount-point-my-vault-role').spec).toEqual({
      provider: { vault: { server: 'https://vault.example.com:8200', version: 'v1', auth: { kubernetes: { mountPath: 'my-kubernetes-vault-mount-point', role: 'my-vault-role' } } } },
      conditions: [{ namespaces: ['team-a'] }],
    });
    expect(find(result.objects, 'ClusterSecretStore', 'kes-azure-kv-hello-world').spec).toEqual({
      provider: { azurekv: { vaultUrl: 'https://hello-world.vault.azure.net/', authType: 'WorkloadIdentity' } },
      conditions: [{ namespaces: ['team-a'] }],
    });
    expect(find(result.objects, 'ClusterSecretStore', 'kes-gcp-sm-hello-service-project-id').spec).toEqual({
      provider: { gcpsm: { projectID: 'hello-service-project-id' } }, conditions: [{ namespaces: ['team-a'] }],
    });
    // stores first, then the ExternalSecrets in input order; a second run gives the same bytes
    expect(result.objects.findIndex((o) => o.kind === 'ExternalSecret')).toBe(stores.length);
    expect(toYaml(migrateManifests(inputs, ENVIRONMENT).objects)).toBe(toYaml(result.objects));
  });

  test('data items keep their meaning: property, versions, isBinary, SSM paths and templates', () => {
    // GIVEN
    const inputs = ['vault.yml', 'gcp-secrets-manager.yml', 'aws-ssm-path.yaml', 'dockerconfig-example.yml', 'template-metadata.yml'].map(example);
    // WHEN
    const { objects } = migrateManifests(inputs, ENVIRONMENT);
    // THEN
    expect(find(objects, 'ExternalSecret', 'vault').spec.data).toEqual([
      { secretKey: 'password', remoteRef: { key: 'secret/data/hello-service/password', property: 'password' } },
      { secretKey: 'cert.p12', remoteRef: { key: 'secret/data/hello-service/certificates', property: 'cert.p12', decodingStrategy: 'Base64' } },
    ]);
    expect(find(objects, 'ExternalSecret', 'gcp-secrets-manager').spec.data).toEqual([
      { secretKey: 'password', remoteRef: { key: 'hello-service-password', property: 'value', version: '1' } },
    ]);
    expect(find(objects, 'ExternalSecret', 'aws-ssm-path').spec.dataFrom).toEqual([{
      find: { path: '/extra-people/', name: { regexp: '^/extra-people/[^/]+$' } },
      rewrite: [{ regexp: { source: '^/extra-people/(.*)$', target: '$1' } }],
    }]);
    expect(find(objects, 'ExternalSecret', 'dockerconfig-example').spec.target).toEqual({ name: 'dockerconfig-example', template: { type: 'kubernetes.io/dockerconfigjson' } });
    expect(find(objects, 'ExternalSecret', 'template-metadata').spec).toEqual({
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'kes-aws-sm-eu-west-1' },
      target: { name: 'template-metadata', template: { metadata: { annotations: { 'external-secret': 'Yes please!' } } } },
      data: [{ secretKey: 'password', remoteRef: { key: 'hello-service/password' } }],
      dataFrom: [{ extract: { key: 'hello-service/secret-envs' } }],
    });
  });

  test('without the controller settings KES read from its environment, the affected objects are reported', () => {
    // GIVEN
    const inputs = ['vault.yml', 'tls-example.yml', 'akeyless-example.yaml', 'gcp-secrets-manager.yml'].map(example);
    // WHEN
    const result = migrateManifests(inputs, { gcpProjectId: undefined, namespace: 'team-a' });
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([
      '[vault.yml: kubernetes-client.io/v1 ExternalSecret vault] spec.backendType: received "vault". Allowed: a known Vault address (the controller\'s VAULT_ADDR): KES read it from its controller\'s environment, the ExternalSecret does not carry it. Fix: pass vaultServer (--vault-server).',
      '[tls-example.yml: kubernetes-client.io/v1 ExternalSecret tls-example] spec.backendType: received "secretsManager". Allowed: a known AWS region (spec.region, or the controller\'s AWS_REGION): KES read it from its controller\'s environment, the ExternalSecret does not carry it. Fix: pass awsRegion (--aws-region).',
      '[akeyless-example.yaml: kubernetes-client.io/v1 ExternalSecret hello-secret] spec.backendType: received "akeyless". Allowed: a known Akeyless gateway and access credentials (the controller\'s AKEYLESS_API_ENDPOINT and AKEYLESS_ACCESS_*): KES read it from its controller\'s environment, the ExternalSecret does not carry it. Fix: pass akeyless (--akeyless-gateway, --akeyless-auth-secret).',
      '[akeyless-example.yaml: kubernetes-client.io/v1 ExternalSecret hello-dynamic-secret] spec.backendType: received "akeyless". Allowed: a known Akeyless gateway and access credentials (the controller\'s AKEYLESS_API_ENDPOINT and AKEYLESS_ACCESS_*): KES read it from its controller\'s environment, the ExternalSecret does not carry it. Fix: pass akeyless (--akeyless-gateway, --akeyless-auth-secret).',
    ]);
    expect(result.objects.map((o) => o.metadata.name)).toEqual(['kes-gcp-sm-hello-service-project-id', 'gcp-secrets-manager']);
    expect(result.issues[0]).toEqual(expect.objectContaining({ source: 'vault.yml#0', object: 'kubernetes-client.io/v1 ExternalSecret vault', field: 'spec.backendType' }));
  });
});

describe('migrateManifests: KES fields', () => {
  test('versionStage and versionId become remoteRef.version, dataFromWithOptions an extract', () => {
    // GIVEN
    const yaml = kes({
      backendType: 'secretsManager', region: 'us-east-1',
      data: [
        { key: 'svc/creds', name: 'previous', property: 'password', versionStage: 'AWSPREVIOUS' },
        { key: 'svc/creds', name: 'pinned', property: 'password', versionId: 'a1b2' },
      ],
      dataFromWithOptions: [{ key: 'svc/creds', versionStage: 'AWSPREVIOUS', isBinary: true }],
    });
    // WHEN
    const { objects, complete } = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    expect(complete).toBe(true);
    const es = find(objects, 'ExternalSecret', 'app');
    expect(es.metadata).toEqual({ name: 'app', namespace: 'team-a' });
    expect(es.spec.data).toEqual([
      { secretKey: 'previous', remoteRef: { key: 'svc/creds', property: 'password', version: 'AWSPREVIOUS' } },
      { secretKey: 'pinned', remoteRef: { key: 'svc/creds', property: 'password', version: 'uuid/a1b2' } },
    ]);
    expect(es.spec.dataFrom).toEqual([{ extract: { key: 'svc/creds', version: 'AWSPREVIOUS', decodingStrategy: 'Base64' } }]);
  });

  test('translatable lodash templates become Go templates and the fetched data is kept (mergePolicy Merge)', () => {
    // GIVEN
    const yaml = kes({
      backendType: 'vault', vaultRole: 'app', kvVersion: 2,
      data: [{ key: 'kv/data/app', name: 's1' }],
      template: {
        type: 'Opaque',
        metadata: { labels: { label1: '<%= JSON.parse(data.s1).intKey %>', team: 'a' } },
        stringData: { 'url': 'postgres://<%= data.s1 %>@db', 'braces': 'x {{ y <%= data.s1 %>' },
      },
    });
    // WHEN
    const { objects, complete } = migrateManifests([{ source: 'in.yaml', yaml }], { vaultServer: 'https://vault:8200' });
    // THEN
    expect(complete).toBe(true);
    expect(find(objects, 'ExternalSecret', 'app').spec.target.template).toEqual({
      type: 'Opaque',
      metadata: { labels: { label1: '{{ (.s1 | fromJson).intKey }}', team: 'a' } },
      data: { 'braces': 'x {{ "{{" }} y {{ .s1 }}', 'url': 'postgres://{{ .s1 }}@db' },
      mergePolicy: 'Merge',
    });
    expect(find(objects, 'ClusterSecretStore', 'kes-vault-kv-v2-kubernetes-app').spec.provider.vault.auth).toEqual({ kubernetes: { mountPath: 'kubernetes', role: 'app' } });
  });

  test('deprecated KES spellings are read: secretDescriptor, spec.type, properties, secretManager', () => {
    // GIVEN
    const yaml = toYaml([{
      apiVersion: 'kubernetes-client.io/v1', kind: 'ExternalSecret', metadata: { name: 'old' },
      secretDescriptor: { backendType: 'secretManager', region: 'eu-west-1', type: 'kubernetes.io/tls', properties: [{ key: 'cert', name: 'tls.crt' }] },
    } as unknown as ManifestObject]);
    // WHEN
    const { objects, complete } = migrateManifests([{ source: 'old.yaml', yaml }], { namespace: 'legacy' });
    // THEN
    expect(complete).toBe(true);
    expect(find(objects, 'ExternalSecret', 'old').metadata).toEqual({ name: 'old', namespace: 'legacy' });
    expect(find(objects, 'ExternalSecret', 'old').spec).toEqual({
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'kes-aws-sm-eu-west-1' },
      target: { name: 'old', template: { type: 'kubernetes.io/tls' } },
      data: [{ secretKey: 'tls.crt', remoteRef: { key: 'cert' } }],
    });
  });

  test('controllerId becomes the store controller class and part of the store name; refreshInterval is applied', () => {
    // GIVEN
    const yaml = kes({ backendType: 'gcpSecretsManager', projectId: 'project-1', controllerId: 'team-x', data: [{ key: 'k', name: 'n' }] });
    // WHEN
    const { objects } = migrateManifests([{ source: 'in.yaml', yaml }], { refreshInterval: '10s' });
    // THEN
    expect(find(objects, 'ClusterSecretStore', 'kes-gcp-sm-project-1-ctl-team-x').spec).toEqual({
      controller: 'team-x', provider: { gcpsm: { projectID: 'project-1' } }, conditions: [{ namespaces: ['team-a'] }],
    });
    expect(find(objects, 'ExternalSecret', 'app').spec.refreshInterval).toBe('10s');
  });

  test('reports unknown fields, fields the backend ignores, and items it cannot convert, and keeps the rest', () => {
    // GIVEN
    const yaml = kes({
      backendType: 'secretsManager', region: 'eu-west-1', vaultRole: 'x', colour: 'blue',
      data: [
        { key: 'a', name: 'a', secretType: 'kv' },
        { key: 'b', name: 'b', versionStage: 'AWSCURRENT', versionId: 'v1' },
        { path: '/p/' },
        { key: 'c' },
      ],
      template: { data: { bad: 'not base64!' }, immutable: true, metadata: { name: 'other' } },
    }, 'app', { status: { lastSync: 'x' } });
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    const p = '[in.yaml: kubernetes-client.io/v1 ExternalSecret team-a/app]';
    expect(result.issues.map((i) => i.message)).toEqual([
      `${p} spec.vaultRole: received "x". Allowed: fields KES reads for backend "secretsManager". Fix: remove the field (KES ignored it for this backend).`,
      `${p} spec.colour: received "blue". Allowed: the fields of the kubernetes-client.io/v1 ExternalSecret CRD. Fix: remove the field, or convert its meaning by hand.`,
      `${p} spec.data[0].secretType: received "kv". Allowed: fields KES reads for backend "secretsManager" (key, name, property, isBinary, versionStage, versionId). Fix: remove the field (KES ignored it for this backend) or convert its meaning by hand.`,
      `${p} spec.data[1].versionId: received "v1". Allowed: versionStage or versionId, not both (ESO remoteRef.version holds one). Fix: keep one of them.`,
      `${p} spec.data[2].path: received "/p/". Allowed: fields KES reads for backend "secretsManager" (key, name, property, isBinary, versionStage, versionId). Fix: remove the field (KES ignored it for this backend) or convert its meaning by hand.`,
      `${p} spec.data[2].name: received undefined. Allowed: the key in the generated Secret (string). Fix: set name.`,
      `${p} spec.data[3].name: received undefined. Allowed: the key in the generated Secret (string). Fix: set name.`,
      `${p} spec.template.metadata.name: received "other". Allowed: labels and annotations (KES never overrode the other metadata of the generated Secret). Fix: remove the field.`,
      `${p} spec.template.data["bad"]: received a literal value. Allowed: template values that reference fetched data (<%= data.KEY %>): a literal ends up in the ExternalSecret in Git, and it may be a secret. Fix: store the value in the backend and reference it through data, or add it to the generated Secret by hand after reviewing it; the migration left it out.`,
      `${p} spec.template.immutable: received true. Allowed: type, metadata, data and stringData (what an ESO template sets on the Secret). Fix: remove the field.`,
    ]);
    expect(result.complete).toBe(false);
    expect(find(result.objects, 'ExternalSecret', 'app').spec.data).toEqual([
      { secretKey: 'a', remoteRef: { key: 'a' } },
      { secretKey: 'b', remoteRef: { key: 'b', version: 'uuid/v1' } },
    ]);
  });

  test('reports an unknown backendType and a KES apiVersion other than v1', () => {
    // GIVEN
    const yaml = `${kes({ backendType: 'onePassword', data: [] }, 'a')}---\n${kes({ backendType: 'vault' }, 'b').replace('kubernetes-client.io/v1', 'kubernetes-client.io/v2')}`;
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([
      '[in.yaml: kubernetes-client.io/v1 ExternalSecret team-a/a] spec.backendType: received "onePassword". Allowed: one of the KES backends (secretsManager, systemManager, vault, azureKeyVault, gcpSecretsManager, akeyless, ibmcloudSecretsManager, alicloudSecretsManager). Fix: set backendType.',
      '[in.yaml: kubernetes-client.io/v2 ExternalSecret team-a/b] apiVersion: received "kubernetes-client.io/v2". Allowed: kubernetes-client.io/v1 (KES) or external-secrets.io/v1beta1 / v1 (ESO). Fix: convert the object by hand.',
    ]);
    expect(result.objects).toEqual([]);
  });

  test('reports documents that are not YAML or not Kubernetes objects, and passes other kinds through', () => {
    // GIVEN
    const yaml = 'a: [1\n---\n- just\n- a list\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\ndata:\n  x: y\n---\n';
    // WHEN
    const result = migrateManifests([{ source: '<stdin>', yaml }]);
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([
      '[<stdin>#0] document: received "Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1:". Allowed: YAML documents separated by ---. Fix: fix the YAML syntax at the position given.',
      '[<stdin>#1] document: received "a list". Allowed: a Kubernetes object with apiVersion, kind and metadata.name. Fix: remove the document or give it apiVersion, kind and metadata.name.',
    ]);
    expect(result.objects).toEqual([{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' }, data: { x: 'y' } }]);
  });
});

describe('migrateManifests: host and access rules', () => {
  const at = (name = 'app') => `[in.yaml: kubernetes-client.io/v1 ExternalSecret team-a/${name}]`;
  const FIX = 'Fix: correct the value in the KES ExternalSecret (the migration builds the store URL or identity from it and accepts nothing else).';

  test.each([
    ['a Key Vault name that is a host', { backendType: 'azureKeyVault', keyVaultName: 'evil.example.com/x?' },
      `${at()} spec.keyVaultName: received "evil.example.com/x?". Allowed: a Key Vault name: 3-24 letters, digits and "-", starting with a letter, ending with a letter or digit, no "--" (the store URL is exactly https://<name>.vault.azure.net/). ${FIX}`],
    ['a Key Vault name with a userinfo trick', { backendType: 'azureKeyVault', keyVaultName: 'x@evil' },
      `${at()} spec.keyVaultName: received "x@evil". Allowed: a Key Vault name: 3-24 letters, digits and "-", starting with a letter, ending with a letter or digit, no "--" (the store URL is exactly https://<name>.vault.azure.net/). ${FIX}`],
    ['a region that is a host', { backendType: 'secretsManager', region: 'eu-west-1.evil.example.com' },
      `${at()} spec.region: received "eu-west-1.evil.example.com". Allowed: an AWS region code such as "eu-west-1" (the AWS SDK builds the endpoint host from it). ${FIX}`],
    ['a role ARN with a wildcard', { backendType: 'secretsManager', region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/*' },
      `${at()} spec.roleArn: received "arn:aws:iam::123456789012:role/*". Allowed: an IAM role ARN (arn:<partition>:iam::<12-digit account>:role/<name>), no wildcards. ${FIX}`],
    ['a Vault mount that climbs out of auth/', { backendType: 'vault', vaultMountPoint: '../sys', vaultRole: 'app' },
      `${at()} spec.vaultMountPoint: received "../sys". Allowed: a Vault auth mount path: segments of letters, digits, "_", "-" and "." separated by "/", never "." or ".." (ESO logs in at auth/<mount>/login). ${FIX}`],
    ['a Vault role with a slash', { backendType: 'vault', vaultRole: 'app/../admin' },
      `${at()} spec.vaultRole: received "app/../admin". Allowed: a Vault role name: letters, digits, "_", "-", "." and "@" (at most 128). ${FIX}`],
    ['a KV version 3', { backendType: 'vault', vaultRole: 'app', kvVersion: 3 },
      `${at()} spec.kvVersion: received 3. Allowed: 1 or 2 (the KV secrets engine version). ${FIX}`],
    ['a project ID that is a path', { backendType: 'gcpSecretsManager', projectId: 'p/../../other' },
      `${at()} spec.projectId: received "p/../../other". Allowed: a Google Cloud project ID: 6-30 lowercase letters, digits and "-", starting with a letter. ${FIX}`],
  ])('%s: no store and no ExternalSecret, the field reported', (_, spec, message) => {
    // GIVEN
    const yaml = kes({ ...spec, data: [{ key: 'k', name: 'n' }] });
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }], { vaultServer: 'https://vault.example.com' });
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([message]);
    expect(result.objects).toEqual([]);
  });

  test('a Key Vault name gives exactly https://<name>.vault.azure.net/', () => {
    // WHEN
    const { objects } = migrateManifests([{ source: 'in.yaml', yaml: kes({ backendType: 'azureKeyVault', keyVaultName: 'Team-Vault-01', data: [{ key: 'k', name: 'n' }] }) }]);
    // THEN: the only host the controller's token is sent to
    const stores = objects.filter((o) => o.kind === 'ClusterSecretStore') as AnySpec[];
    expect(stores).toHaveLength(1);
    expect(stores[0].spec.provider.azurekv.vaultUrl).toBe('https://team-vault-01.vault.azure.net/');
    // the readable name folds the case, so a hash of the store's identity keeps it distinct
    expect(stores[0].metadata.name).toMatch(/^kes-azure-kv-team-vault-01-[0-9a-f]{8}$/);
  });

  test('the implied store admits exactly the namespaces of the objects that use it', () => {
    // GIVEN
    const spec = { backendType: 'secretsManager', region: 'eu-west-1', data: [{ key: 'k', name: 'n' }] };
    const yaml = [kes(spec, 'a'), kes(spec, 'b').replace('team-a', 'team-b'), kes(spec, 'c')].join('---\n');
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    expect(result.complete).toBe(true);
    expect(find(result.objects, 'ClusterSecretStore', 'kes-aws-sm-eu-west-1').spec.conditions).toEqual([{ namespaces: ['team-a', 'team-b'] }]);
  });

  test('without a namespace the ExternalSecret is partial and no store admitting every namespace is emitted', () => {
    // GIVEN
    const yaml = toYaml([{ apiVersion: 'kubernetes-client.io/v1', kind: 'ExternalSecret', metadata: { name: 'app' }, spec: { backendType: 'secretsManager', region: 'eu-west-1', data: [{ key: 'k', name: 'n' }] } }]);
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([
      '[in.yaml: kubernetes-client.io/v1 ExternalSecret app] metadata.namespace: received undefined. Allowed: a namespace: the migrated ClusterSecretStore admits only the namespaces of the objects that use it. Fix: set metadata.namespace, or pass namespace (--namespace) with the namespace the object is applied to.',
    ]);
    expect(result.objects.map((o) => o.kind)).toEqual(['ExternalSecret']);
    expect(result.objects[0].metadata.annotations).toEqual({ 'cdk-external-secrets.io/migration': 'partial', 'cdk-external-secrets.io/migration-reason': 'metadata.namespace' });
    expect(result.partial).toEqual(['external-secrets.io/v1 ExternalSecret app']);
  });

  test.each(['/', '//', ''])('an SSM path %j (the whole parameter store) is not converted into a find', (ssmPath) => {
    // GIVEN
    const yaml = kes({ backendType: 'systemManager', region: 'eu-west-1', data: [{ path: ssmPath }, { key: 'k', name: 'n' }] });
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([ssmPath === ''
      ? `${at()} spec.data[0].path: received "". Allowed: an SSM path (string). Fix: set path.`
      : `${at()} spec.data[0].path: received ${JSON.stringify(ssmPath)}. Allowed: a path below the root (e.g. /team-a/app/): a find over the whole store would read and be granted every parameter. Fix: set path to the folder that holds this application's parameters, or list the parameters as data items.`]);
    const es = find(result.objects, 'ExternalSecret', 'app');
    expect(es.spec.dataFrom).toBeUndefined();
    expect(es.metadata.annotations).toEqual({ 'cdk-external-secrets.io/migration': 'partial', 'cdk-external-secrets.io/migration-reason': 'spec.data[0].path' });
  });

  test('http:// Vault is refused unless allowInsecureHttp is set', () => {
    // GIVEN
    const yaml = kes({ backendType: 'vault', vaultRole: 'app', data: [{ key: 'kv/data/a', name: 'a' }] });
    // WHEN / THEN
    expect(() => migrateManifests([{ source: 'in.yaml', yaml }], { vaultServer: 'http://vault.internal:8200' })).toThrow(
      '[migrateManifests] options.vaultServer: received "http://vault.internal:8200". Allowed: a Vault server URL: an absolute https:// URL with a host and no user or password. Fix: serve Vault over TLS (https://); a store with an http:// server sends the Vault token in clear text (options.allowInsecureHttp accepts it where the network already encrypts).');
    const result = migrateManifests([{ source: 'in.yaml', yaml }], { vaultServer: 'http://vault.internal:8200', allowInsecureHttp: true });
    expect(result.complete).toBe(true);
    expect(find(result.objects, 'ClusterSecretStore', 'kes-vault-kv-v2-kubernetes-app').spec.provider.vault.server).toBe('http://vault.internal:8200');
  });

  test('two auth mounts whose readable names collide get distinct store names', () => {
    // GIVEN: mount "a-b" + role "c" and mount "a" + role "b-c" read the same; "a/b" folds to "a-b"
    const yaml = [
      kes({ backendType: 'vault', vaultMountPoint: 'a-b', vaultRole: 'c', data: [{ key: 'k', name: 'n' }] }, 'one'),
      kes({ backendType: 'vault', vaultMountPoint: 'a', vaultRole: 'b-c', data: [{ key: 'k', name: 'n' }] }, 'two'),
      kes({ backendType: 'vault', vaultMountPoint: 'x/y', vaultRole: 'r', data: [{ key: 'k', name: 'n' }] }, 'three'),
      kes({ backendType: 'vault', vaultMountPoint: 'x-y', vaultRole: 'r', data: [{ key: 'k', name: 'n' }] }, 'four'),
    ].join('---\n');
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }], { vaultServer: 'https://vault.example.com' });
    // THEN
    expect(result.complete).toBe(true);
    const stores = result.objects.filter((o) => o.kind === 'ClusterSecretStore');
    expect(stores).toHaveLength(4);
    expect(new Set(stores.map((s) => s.metadata.name)).size).toBe(4);
    const mountOf = (esName: string) => {
      const ref = find(result.objects, 'ExternalSecret', esName).spec.secretStoreRef.name;
      const store = find(result.objects, 'ClusterSecretStore', ref).spec.provider.vault.auth.kubernetes;
      return `${store.mountPath} ${store.role}`;
    };
    expect(['one', 'two', 'three', 'four'].map(mountOf)).toEqual(['a-b c', 'a b-c', 'x/y r', 'x-y r']);
    // each colliding readable name carries a hash of the store's identity
    expect(stores.map((st) => st.metadata.name).every((n) => /^kes-vault-kv-v2-(a-b-c|x-y-r)-[0-9a-f]{8}$/.test(n))).toBe(true);
  });

  test('a literal in a KES template (a value in Git, maybe a secret) is left out and the object marked partial', () => {
    // GIVEN
    const yaml = kes({
      backendType: 'secretsManager', region: 'eu-west-1', data: [{ key: 'db', name: 'user' }],
      template: { stringData: { password: 'hunter2', dsn: 'postgres://<%= data.user %>@db' }, data: { token: 'czNjcmV0' } },
    });
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    const literal = 'received a literal value. Allowed: template values that reference fetched data (<%= data.KEY %>): a literal ends up in the ExternalSecret in Git, and it may be a secret. Fix: store the value in the backend and reference it through data, or add it to the generated Secret by hand after reviewing it; the migration left it out.';
    expect(result.issues.map((i) => i.message)).toEqual([`${at()} spec.template.data["token"]: ${literal}`, `${at()} spec.template.stringData["password"]: ${literal}`]);
    expect(result.complete).toBe(false);
    const es = find(result.objects, 'ExternalSecret', 'app');
    expect(es.spec.target.template.data).toEqual({ dsn: 'postgres://{{ .user }}@db' });
    expect(es.metadata.annotations).toEqual({
      'cdk-external-secrets.io/migration': 'partial',
      'cdk-external-secrets.io/migration-reason': 'spec.template.data["token"]; spec.template.stringData["password"]',
    });
    const out = toYaml(result.objects);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('czNjcmV0');
    expect(result.issues.map((i) => i.message).join('\n')).not.toContain('hunter2');
  });

  test('migrated objects are checked like declared ones: a v1beta1 object the v1 schema refuses is reported and marked partial', () => {
    // GIVEN: a creationPolicy ESO does not know passes through the v1beta1 conversion unchanged
    const yaml = 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: app\n  namespace: team-a\nspec:\n  target:\n    creationPolicy: Sometimes\n  secretStoreRef:\n    kind: SecretStore\n    name: s\n  data:\n  - secretKey: k\n    remoteRef:\n      key: r\n';
    // WHEN
    const result = migrateManifests([{ source: 'in.yaml', yaml }]);
    // THEN
    expect(result.issues.map((i) => i.message)).toEqual([
      '[ExternalSecret team-a/app] spec.target.creationPolicy: received a string. Allowed: one of "Owner", "Orphan", "Merge", "None", "CreateOrMerge". Fix: change the value to one the schema of the served version accepts.',
    ]);
    expect(result.objects[0].metadata.annotations).toEqual({ 'cdk-external-secrets.io/migration': 'partial', 'cdk-external-secrets.io/migration-reason': 'spec.target.creationPolicy' });
  });
});
