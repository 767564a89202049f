import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { allDeclarations } from '../../examples/all';
import { ACCESS_MODEL_API_VERSION, ACCESS_MODEL_SCHEMA, buildAccessModel, readAccessModel, renderAccessModel } from '../../lib/access';
import { SecretBackend, SecretsDeclaration } from '../../lib/core';
import { estate, estateModel } from './fixtures';

/** The schema file the package ships (`cdk-external-secrets/access-model.schema.json`). */
const SHIPPED_SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../lib/access/access-model.schema.json'), 'utf8')) as Record<string, unknown>;

describe('buildAccessModel', () => {
  const model = estateModel();

  test('names the version, the clusters, the tenants with their namespaces and secrets, and the stores with the namespaces they admit', () => {
    expect([model.apiVersion, model.kind, model.declaration]).toEqual([ACCESS_MODEL_API_VERSION, 'AccessModel', 'shop']);
    expect(model.clusters).toEqual([{ id: 'prod', cloud: 'AWS' }]);
    expect(model.tenants).toEqual([
      { id: 'a', namespaces: ['team-a'], groups: ['team-a-admins'], secrets: ['AWS_SECRETS_MANAGER:a/cache', 'AWS_SECRETS_MANAGER:a/db'] },
      { id: 'b', namespaces: ['team-b'], groups: ['team-b-admins'], secrets: ['AWS_SECRETS_MANAGER:b/db', 'AWS_SECRETS_MANAGER:b/extra'] },
    ]);
    expect(model.secrets.map((s) => [s.key, s.tenant ?? '(shared)'])).toEqual([
      ['AWS_SECRETS_MANAGER:a/cache', 'a'], ['AWS_SECRETS_MANAGER:a/db', 'a'], ['AWS_SECRETS_MANAGER:b/db', 'b'],
      ['AWS_SECRETS_MANAGER:b/extra', 'b'], ['AWS_SECRETS_MANAGER:shared', '(shared)'],
    ]);
    expect(model.stores).toEqual([
      { id: 'ns', name: 'ns', kind: 'SecretStore', provider: 'aws', clusters: ['prod'], namespaces: ['team-a', 'team-b'] },
      { id: 'ops', name: 'ops', kind: 'ClusterSecretStore', provider: 'aws', clusters: ['prod'], namespaces: ['ops'] },
    ]);
  });

  test('lists each identity with its principal, trust and every grant with actions, route and consumers', () => {
    expect(model.identities.find((i) => i.id === 'store-ns-team-a')).toEqual({
      id: 'store-ns-team-a', provider: 'aws', principal: 'role shop-ns-team-a-eso', mechanism: 'AWS web identity (IRSA; :sub and :aud pinned)',
      authModel: 'STORE_SERVICE_ACCOUNT', stores: ['ns'], clusters: ['prod'], trust: [{ cluster: 'prod', namespace: 'team-a', serviceAccount: 'eso-ns' }],
      policyForm: { form: 'arn-list', reason: '2 exact ARNs (137 characters) fit the inline policy (8192 of 10240 characters for reads)' },
      grants: [
        {
          secret: 'AWS_SECRETS_MANAGER:a/cache', backend: 'AWS_SECRETS_MANAGER', actions: ['GetSecretValue, DescribeSecret'], how: ['data'],
          consumers: [{ kind: 'ExternalSecret', cluster: 'prod', namespace: 'team-a', name: 'a', store: 'ns', path: 'shop/externalSecrets/a' }],
        },
        {
          secret: 'AWS_SECRETS_MANAGER:a/db', backend: 'AWS_SECRETS_MANAGER', actions: ['GetSecretValue, DescribeSecret'], how: ['data', 'find'],
          consumers: [
            { kind: 'ExternalSecret', cluster: 'prod', namespace: 'team-a', name: 'a', store: 'ns', path: 'shop/externalSecrets/a' },
            { kind: 'ExternalSecret', cluster: 'prod', namespace: 'team-a', name: 'a-find', store: 'ns', path: 'shop/externalSecrets/a-find' },
          ],
        },
      ],
    });
    expect(model.finds).toEqual([{
      identity: 'store-ns-team-a', store: 'ns', criteria: 'name ~ a/d.*', path: 'shop/externalSecrets/a-find.find[0]',
      consumer: { kind: 'ExternalSecret', cluster: 'prod', namespace: 'team-a', name: 'a-find', store: 'ns', path: 'shop/externalSecrets/a-find' },
      matched: ['AWS_SECRETS_MANAGER:a/db'], listing: 'ListSecrets and BatchGetSecretValue on *',
    }]);
  });

  test('pushes, KMS key use and chained roles are grants too', () => {
    // GIVEN a CMK-encrypted secret read and pushed, and a store that assumes another role
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const key = d.addKmsKey('k', { alias: 'p/secrets' });
    const db = d.addSecretsManagerSecret('db', { name: 'p/db', kmsKey: key, tags: { 'managed-by': 'external-secrets' } });
    const other = d.addSecretsManagerSecret('other', { name: 'p/other', managedElsewhere: true });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const chained = d.addAwsStore('chained', { name: 'chained', service: SecretBackend.AWS_SECRETS_MANAGER, assumeRoleArn: 'arn:aws:iam::444455556666:role/reader' });
    d.addExternalSecret('db', { name: 'db', namespace: 'app', store, data: [{ secretKey: 'k', secret: db }] });
    d.addPushSecret('push', { name: 'push', namespace: 'app', store, sourceSecretName: 'generated', destination: db });
    d.addExternalSecret('other', { name: 'other', namespace: 'app', store: chained, data: [{ secretKey: 'k', secret: other }] });
    // WHEN
    const grants = buildAccessModel(d).identities.flatMap((i) => i.grants.map((g) => ({ ...g, consumers: g.consumers.map((c) => c.name) })));
    // THEN
    expect(grants).toEqual([
      {
        secret: 'AWS_SECRETS_MANAGER:p/db', backend: 'AWS_SECRETS_MANAGER', keyUse: 'kms:Decrypt on p/secrets via secretsmanager only',
        actions: ['CreateSecret, PutSecretValue, TagResource; DeleteSecret only if tagged managed-by', 'GetSecretValue, DescribeSecret'], how: ['data', 'push'], consumers: ['db', 'push'],
      },
      { secret: 'AWS_SECRETS_MANAGER:p/other', backend: 'AWS_SECRETS_MANAGER', actions: [], how: ['chained', 'data'], consumers: ['other'] },
      { secret: 'role:arn:aws:iam::444455556666:role/reader', backend: 'chained-role', actions: ['sts:AssumeRole'], how: ['chained'], consumers: ['other'] },
    ]);
  });

  test('each identity carries the policy form the plan chose for it, with the reason', () => {
    // GIVEN an AWS example / WHEN modelled / THEN the plan's form and reason, per identity
    const declaration = allDeclarations['aws-only'];
    const forms = buildAccessModel(declaration).identities.map((i) => [i.id, i.policyForm]);
    expect(forms).toEqual(declaration.plan().identities.map((i) => [i.id, { form: i.policyForm!.form, reason: i.policyForm!.reason }]));
    expect(forms.map(([, f]) => (f as { form: string }).form)).toEqual(['arn-list']);
  });

  test('a dynamic secret (a Vault database role) is a grant of its path, for the ExternalSecret that uses it', () => {
    const grants = buildAccessModel(allDeclarations['on-prem-vault']).identities.flatMap((i) => i.grants.filter((g) => g.how.includes('dynamic')));
    expect(grants).toEqual([{
      secret: 'dynamic:VAULT_KV:netbox-db', backend: 'VAULT_KV', actions: ['read database/creds/netbox'], how: ['dynamic'],
      consumers: [{ kind: 'ExternalSecret', cluster: 'rke2', namespace: 'netbox', name: 'netbox-db', store: 'vault', path: 'onprem/externalSecrets/netbox-db' }],
    }]);
  });

  test('is deterministic: the same bytes twice, and the same bytes whatever order the secrets are declared in', () => {
    expect(renderAccessModel(buildAccessModel(estate()))).toBe(renderAccessModel(buildAccessModel(estate())));
    expect(renderAccessModel(estateModel('reordered'))).toBe(renderAccessModel(model));
    expect(renderAccessModel(model).endsWith('}\n')).toBe(true);
  });

  test('holds no secret value: a secret created from a sensitive variable is named, its value never', () => {
    // GIVEN the variable's value where Terraform would read it
    const value = 'S3ntinel-value-7f3a';
    process.env.TF_VAR_shared_value = value;
    try {
      // WHEN
      const text = renderAccessModel(buildAccessModel(estate()));
      // THEN the secret is in the model, its value and its value source are not
      expect(text).toContain('"AWS_SECRETS_MANAGER:shared"');
      expect(text).not.toContain(value);
      expect(text).not.toContain('initialValue');
      expect(text).not.toContain('shared_value');
    } finally {
      delete process.env.TF_VAR_shared_value;
    }
  });

  test('an acknowledgement is listed with its rule title, reason and the subjects it covers', () => {
    expect(estateModel('acknowledgement-added').acknowledgements).toEqual([{
      ruleId: 'CES-TEN-4', title: 'No PushSecret of a tenant writes a secret that another tenant\'s (or the platform\'s) namespace reads',
      reason: 'ops pushes nothing yet', subjects: [],
    }]);
  });
});

describe('the shipped JSON Schema', () => {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(SHIPPED_SCHEMA);

  test('is the schema the library exports (compiled above in ajv strict mode)', () => {
    expect(ACCESS_MODEL_SCHEMA).toEqual(SHIPPED_SCHEMA);
    expect(validate.schema).toBe(SHIPPED_SCHEMA);
  });

  test.each(Object.keys(allDeclarations))('the model of example %s is valid against it (ajv strict) and reads back unchanged', (example) => {
    // GIVEN the example's model as synth writes it
    const text = renderAccessModel(buildAccessModel(allDeclarations[example as keyof typeof allDeclarations]));
    // WHEN / THEN
    expect(validate(JSON.parse(text)) ? [] : validate.errors).toEqual([]);
    expect(renderAccessModel(readAccessModel(`${example}.access-model.json`, text))).toBe(text);
  });
});
