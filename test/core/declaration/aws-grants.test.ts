import {
  EsoAuthModel, GRANT_SET_TAG_KEY, literalPrefix, renderAccessMatrix, SecretBackend, SecretsDeclaration,
} from '../../../lib/core';

const ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD';

function declaration(ownedSecretNamePrefix?: string): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1', ownedSecretNamePrefix } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: ISSUER });
  return d;
}

/** `count` secrets named `<folder><i>`, read by one ExternalSecret each through `store`. */
function reads(d: SecretsDeclaration, store: ReturnType<SecretsDeclaration['addAwsStore']>, folder: string, count: number, options: { managedElsewhere?: boolean } = {}) {
  for (let i = 0; i < count; i++) {
    const id = `${folder.replace(/\W/g, '')}${i}`;
    const secret = d.addSecretsManagerSecret(id, { name: `${folder}${String(i).padStart(4, '0')}`, ...options });
    d.addExternalSecret(id, { name: id, namespace: 'app', store, data: [{ secretKey: 'k', secret }] });
  }
}

describe('AWS grant forms in the plan', () => {
  test('tag-and-prefix keeps secrets it cannot tag (managed elsewhere, outside the prefix) as exact ARNs beside the tag statement', () => {
    // GIVEN 150 created secrets under the prefix, 5 managed elsewhere under it and 5 created outside it
    const d = declaration('shop/');
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    reads(d, store, 'shop/a/', 150);
    reads(d, store, 'shop/legacy/', 5, { managedElsewhere: true });
    reads(d, store, 'other/', 5);
    // WHEN
    const plan = d.plan();
    const identity = plan.identities[0];
    // THEN
    expect(identity.policyForm?.form).toBe('tag-and-prefix');
    expect(identity.policyForm?.reason).toBe('160 exact ARNs (11860 characters) exceed the inline policy (8192 characters for reads): '
      + '150 secrets created under the owned prefix "shop/" are read by tag cdk-external-secrets/grant-set (1 value), 10 by exact ARN');
    const grants = identity.aws!.grants!;
    expect(grants.taggedSecrets).toHaveLength(150);
    expect(grants.taggedSecrets.every((s) => s.name.startsWith('shop/a/'))).toBe(true);
    expect(grants.taggedResource).toBe('arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/*');
    expect(grants.tagValues).toEqual([expect.stringMatching(/^gs-[0-9a-f]{32}$/)]);
    // Only the tagged secrets get the grant tag, with the identity's value
    const secrets = d.secrets;
    expect(secrets.filter((s) => GRANT_SET_TAG_KEY in plan.grantTags(s)).map((s) => s.name).sort()).toEqual(grants.taggedSecrets.map((s) => s.name).sort());
    expect(plan.grantTags(grants.taggedSecrets[0])).toEqual({ [GRANT_SET_TAG_KEY]: grants.tagValues[0] });
  });

  test('the grant-set value is deterministic: the same declaration plans the same values', () => {
    const build = () => {
      const d = declaration('shop/');
      reads(d, d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER }), 'shop/a/', 130);
      return d.plan().identities[0].aws!.grants!.tagValues;
    };
    expect(build()).toEqual(build());
  });

  test('the access matrix names the form and why, per identity', () => {
    // GIVEN one identity over the inline limit and one under it
    const d = declaration('shop/');
    reads(d, d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER }), 'shop/a/', 130);
    reads(d, d.addAwsStore('small', { name: 'small', service: SecretBackend.AWS_SECRETS_MANAGER, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT }), 'shop/b/', 2);
    // WHEN
    const lines = renderAccessMatrix(d).split('\n');
    // THEN
    expect(lines).toEqual(expect.arrayContaining([
      '## Grant forms',
      '| identity | form | why |',
      '| role shop-prod-eso-controller | tag-and-prefix | 130 exact ARNs (9620 characters) exceed the inline policy (8192 characters for reads): '
        + '130 secrets created under the owned prefix "shop/" are read by tag cdk-external-secrets/grant-set (1 value), 0 by exact ARN |',
      '| role shop-small-eso | arn-list | 2 exact ARNs (148 characters) fit the inline policy (8192 of 10240 characters for reads) |',
    ]));
  });
});

describe('find matching through the index', () => {
  test('literalPrefix: the literal start of an anchored expression, or nothing when it cannot be told', () => {
    expect(literalPrefix('^shop/flags/.*$')).toBe('shop/flags/');
    expect(literalPrefix('^shop\\/a\\.b.*$')).toBe('shop/a.b');
    expect(literalPrefix('^shop/ab?c$')).toBe('shop/a');
    expect(literalPrefix('^shop/ab*$')).toBe('shop/a');
    expect(literalPrefix('^shop/ab{0,2}$')).toBe('shop/a');
    expect(literalPrefix('^shop/ab+$')).toBe('shop/ab');
    expect(literalPrefix('^shop/[ab]$')).toBe('shop/');
    expect(literalPrefix('^a|^b$')).toBe('');
    expect(literalPrefix('^(shop)/x$')).toBe('');
    expect(literalPrefix('^\\d+$')).toBe('');
    expect(literalPrefix('shop/x$')).toBe('');
  });

  test('finds match the same declared secrets as a scan of every secret would (regexp, path, tags, case, optional characters)', () => {
    // GIVEN secrets whose names sort around the finds' prefixes
    const d = declaration();
    const names = ['app', 'app2', 'app/a', 'app/b', 'apq', 'ap', 'b/app', 'App/a', 'app/a/deep', 'apple'];
    const tagged = new Set(['app/a', 'apple']);
    names.forEach((name, i) => d.addSecretsManagerSecret(`s${i}`, { name, tags: tagged.has(name) ? { team: 'a' } : { team: 'b' } }));
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const finds: Array<[string, { nameRegexp?: string; tags?: Record<string, string> }]> = [
      ['app-folder', { nameRegexp: 'app/.*' }],
      ['app-optional', { nameRegexp: 'apps?' }],
      ['alternation', { nameRegexp: 'app2|b/app' }],
      ['class', { nameRegexp: 'ap[pq].*' }],
      ['tagged', { tags: { team: 'a' } }],
      ['tagged-prefix', { nameRegexp: 'app.*', tags: { team: 'a' } }],
    ];
    finds.forEach(([id, find]) => d.addExternalSecret(id, { name: id, namespace: 'app', store, find: [find] }));
    // WHEN
    const identity = d.plan().identities[0];
    // THEN each find's matches are exactly those of a plain scan
    const matched = Object.fromEntries(identity.finds.map((use) => [use.path.split('/').pop(), use.matched.map((s) => s.name).sort()]));
    expect(matched).toEqual({
      'app-folder': ['app/a', 'app/a/deep', 'app/b'],
      'app-optional': ['app'],
      'alternation': ['app2', 'b/app'],
      'class': ['app', 'app/a', 'app/a/deep', 'app/b', 'app2', 'apple', 'apq'],
      'tagged': ['app/a', 'apple'],
      'tagged-prefix': ['app/a', 'apple'],
    });
  });
});
