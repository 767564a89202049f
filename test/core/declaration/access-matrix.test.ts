import { AwsComputeService, AwsConsumerRole, Duration, EsoAuthModel, markdownCell, renderAccessMatrix, SecretBackend, SecretsDeclaration } from '../../../lib/core';

describe('renderAccessMatrix', () => {
  // GIVEN one IRSA cluster, a CMK-encrypted secret read by one ExternalSecret, a find and a push
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  declaration.addEksCluster('prod', { clusterName: 'shop-prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const key = declaration.addKmsKey('k', { alias: 'shop/secrets' });
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', kmsKey: key });
  const pushed = declaration.addSecretsManagerSecret('pushed', { name: 'shop/pushed', tags: { 'managed-by': 'external-secrets' } });
  const store = declaration.addAwsStore('sm', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store, targetSecretName: 'db-env', refreshInterval: Duration.minutes(5), data: [{ secretKey: 'p', secret: db }] });
  declaration.addExternalSecret('flags', { name: 'flags', namespace: 'shop', store, find: [{ nameRegexp: 'shop/pu.*' }] });
  declaration.addPushSecret('push', { name: 'push', namespace: 'shop', store, sourceSecretName: 'generated', destination: pushed });

  // WHEN
  const lines = renderAccessMatrix(declaration).split('\n');

  test('lists who reads what, per cluster and namespace', () => {
    expect(lines).toContain('| prod | shop | db → db-env | aws | role shop-prod-eso-controller | `shop/db` |');
    expect(lines).toContain('| prod | shop | flags → flags | aws | role shop-prod-eso-controller | find `name ~ shop/pu.*` |');
  });

  test('lists each identity with its trust, reads (with the KMS condition), finds and writes', () => {
    expect(lines).toContain('| role shop-prod-eso-controller | AWS web identity (IRSA; :sub and :aud pinned) | external-secrets:external-secrets | prod | ' +
      '`shop/db` (GetSecretValue, DescribeSecret; kms:Decrypt on shop/secrets via secretsmanager only)<br>' +
      'find `name ~ shop/pu.*`: ListSecrets and BatchGetSecretValue on *, then `shop/pushed` | ' +
      '`shop/pushed` (CreateSecret, PutSecretValue, TagResource; DeleteSecret only if tagged managed-by) |');
  });

  test('draws namespace → store → identity → secret, with write edges for pushes', () => {
    expect(lines).toEqual(expect.arrayContaining([
      '```mermaid',
      '  ns_prod_shop["namespace shop (prod)"] --> store_sm["store aws"]',
      '  store_sm["store aws"] --> id_controller_prod["role shop-prod-eso-controller"]',
      '  id_controller_prod["role shop-prod-eso-controller"] -->|read| secret_db["shop/db"]',
      '  id_controller_prod["role shop-prod-eso-controller"] -->|write| secret_pushed["shop/pushed"]',
    ]));
  });
});

describe('renderAccessMatrix: acknowledged exceptions', () => {
  test('lists each acknowledgement with the rule, its title, the subjects it covers and the reason (escaped for the table)', () => {
    // GIVEN a store on two clusters used on one (CES-TR-1), acknowledged, and an acknowledgement covering nothing
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const prod = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const dev = d.addEksCluster('dev', { clusterName: 'dev', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/DEV' });
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    const store = d.addAwsStore('s', { name: 's', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [prod, dev] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, clusters: [prod], data: [{ secretKey: 'k', secret }] });
    d.acknowledge({ ruleId: 'CES-TR-1', reason: 'dev | standby <b>of</b>\nprod', appliesTo: ['store-s'] });
    d.acknowledge({ ruleId: 'CES-TEN-4', reason: 'no push crosses tenants yet' });
    // WHEN
    const lines = renderAccessMatrix(d).split('\n');
    // THEN
    const at = lines.indexOf('## Acknowledged exceptions');
    expect(lines.slice(at, at + 6)).toEqual([
      '## Acknowledged exceptions', '', '| rule | title | subjects | reason |', '|---|---|---|---|',
      '| CES-TR-1 | An identity with grants trusts only the clusters where a consumer uses it | `store-s` | dev \\| standby &lt;b&gt;of&lt;/b&gt; prod |',
      '| CES-TEN-4 | No PushSecret of a tenant writes a secret that another tenant\'s (or the platform\'s) namespace reads | none (no violation: the acknowledgement is unused) | no push crosses tenants yet |',
    ]);
  });

  test('a declaration without acknowledgements has no such section', () => {
    const d = new SecretsDeclaration({ name: 'p' });
    expect(renderAccessMatrix(d)).not.toContain('Acknowledged');
  });
});

describe('renderAccessMatrix: principals outside Kubernetes', () => {
  test('lists AWS consumers (role, trust, tenant, reads) and rotation functions (reads and version writes of their secret)', () => {
    // GIVEN a tenant's Lambda on a created role, a platform job on an existing role, and a rotating secret
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const key = d.addKmsKey('k', { alias: 'shop/secrets' });
    const db = d.addSecretsManagerSecret('db', {
      name: 'shop/db', kmsKey: key,
      rotation: { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', functionRoleName: 'rotate-db' },
    });
    const flag = d.addParameter('flag', { name: '/shop/flag', managedElsewhere: true });
    const billing = d.addTenant('billing', { namespaces: ['billing'], groups: ['billing-admins'], secrets: [db] });
    d.addAwsConsumer('invoices', { role: AwsConsumerRole.create(AwsComputeService.LAMBDA), tenant: billing, secrets: [db] });
    d.addAwsConsumer('job', { role: AwsConsumerRole.existing('arn:aws:iam::111122223333:role/batch/job'), secrets: [flag] });
    // WHEN
    const lines = renderAccessMatrix(d).split('\n');
    // THEN
    const start = lines.indexOf('## Outside Kubernetes');
    expect(lines.slice(start, start + 7)).toEqual([
      '## Outside Kubernetes', '', '| principal | runs as | tenant | may read | may write |', '|---|---|---|---|---|',
      '| AWS consumer invoices | IAM role `shop-invoices` (created, trusted by `lambda.amazonaws.com`) | billing | `shop/db` (GetSecretValue, DescribeSecret; kms:Decrypt on shop/secrets via secretsmanager only) | nothing |',
      '| AWS consumer job | IAM role `job` (existing) | none | `/shop/flag` (GetParameter(s)) | nothing |',
      '| rotation function `arn:aws:lambda:eu-west-1:111122223333:function:rotate` (invoked by Secrets Manager for this secret only) | IAM role `rotate-db` (granted here) | billing | `shop/db` | `shop/db` (PutSecretValue, UpdateSecretVersionStage) |',
    ]);
  });
});

describe('markdownCell: text from a declaration or model stays text in a pull request comment', () => {
  test('no link, image, emphasis, code, mention, autolink, HTML or cell break', () => {
    expect(markdownCell('[x](https://evil.example) ![i](a) *b* _c_ ~~d~~ `e` @org/team www.evil.io <img src=x> a|b\nline'))
      .toBe('\\[x\\](https:\\//evil.example) !\\[i\\](a) \\*b\\* \\_c\\_ \\~\\~d\\~\\~ \\`e\\` \\@org/team www\\.evil.io &lt;img src=x&gt; a\\|b line');
  });
});
