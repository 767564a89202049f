import { ACCESS_DIFF_NOT_COVERED, diffAccessModels, renderAccessDiffMarkdown } from '../../lib/access';
import type { AccessModel } from '../../lib/access';
import { EstateChange, estateModel } from './fixtures';

/** The header of every table of changes. */
const TABLE = ['| ± | change | who | via | secret | access | declared at |', '|---|---|---|---|---|---|---|'];
/** The header of the acknowledgements' table. */
const ACKNOWLEDGEMENTS = ['| ± | rule | finding | reason | declared at |', '|---|---|---|---|---|'];
const NOT_COVERED = `Not covered by the access model: ${ACCESS_DIFF_NOT_COVERED.join('; ')}.`;
const base = estateModel();

/** The Markdown diff of the base estate against the estate with one change, as lines. */
function markdown(change: EstateChange): string[] {
  return renderAccessDiffMarkdown(diffAccessModels({ '': base }, { '': estateModel(change) })).split('\n');
}

/** A diff whose rows all broaden and fall in one group. */
function broadeningOnly(summary: string, group: string, rows: string[], table = TABLE): string[] {
  return ['## Access diff', '', summary, '', '### Broadening', '', `#### ${group}`, '', ...table, ...rows, '', NOT_COVERED, ''];
}

/** A diff whose rows all narrow and fall in one group (collapsed). */
function narrowingOnly(summary: string, group: string, rows: string[]): string[] {
  return ['## Access diff', '', summary, '', `<details><summary>Narrowing (${rows.length})</summary>`, '', `#### ${group}`, '', ...TABLE, ...rows, '', '</details>', '', NOT_COVERED, ''];
}

describe('access diff: each kind of change classified, exact Markdown', () => {
  // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
  test.each<[string, EstateChange, string[]]>([
    ['a new read: the namespace reaches the secret and the identity is granted it', 'new-read', broadeningOnly(
      '**Broadening: 2** · Narrowing: 0 · Other: 0 · clusters: prod', 'cluster `prod` · tenant `b`', [
        '| + | reach | namespace team-b | ns → role shop-ns-team-b-eso | `AWS_SECRETS_MANAGER:b/extra` | read (ExternalSecret) | shop/externalSecrets/b |',
        '| + | grant | identity role shop-ns-team-b-eso | stores ns | `AWS_SECRETS_MANAGER:b/extra` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/b |',
      ])],
    ['a find that matches one more secret: reach, grant and the find match', 'find-matches-more', broadeningOnly(
      '**Broadening: 3** · Narrowing: 0 · Other: 0 · clusters: prod', 'cluster `prod` · tenant `a`', [
        '| + | reach | namespace team-a | ns → role shop-ns-team-a-eso | `AWS_SECRETS_MANAGER:a/dash` | read (ExternalSecret) | shop/externalSecrets/a-find |',
        '| + | grant | identity role shop-ns-team-a-eso | stores ns | `AWS_SECRETS_MANAGER:a/dash` | GetSecretValue, DescribeSecret (find) | shop/externalSecrets/a-find |',
        '| + | find-match | namespace team-a | ns → role shop-ns-team-a-eso | `AWS_SECRETS_MANAGER:a/dash` | matched by find name ~ a/d.* | shop/externalSecrets/a-find.find[0] |',
      ])],
    ['a store admitting one more namespace', 'store-admits-more', broadeningOnly(
      '**Broadening: 1** · Narrowing: 0 · Other: 0 · clusters: prod', 'cluster `prod` · no tenant', [
        '| + | admission | namespace tools | ClusterSecretStore ops |  | admitted by the store | store ops |',
      ])],
    ['a tenant gaining a shared secret: the cross-tenant reach is marked and heads the group', 'tenant-gains-shared', broadeningOnly(
      '**Broadening: 2** · Narrowing: 0 · Other: 0 · clusters: prod', 'cluster `prod` · tenant `b`', [
        '| + | ⚠ reach | namespace team-b | ns → role shop-ns-team-b-eso | `AWS_SECRETS_MANAGER:shared` | read (ExternalSecret) (cross-tenant: tenant b reaches a shared secret) | shop/externalSecrets/b |',
        '| + | grant | identity role shop-ns-team-b-eso | stores ns | `AWS_SECRETS_MANAGER:shared` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/b |',
      ])],
    ['an acknowledgement added, in its own table with its rule, title, finding and reason', 'acknowledgement-added', broadeningOnly(
      '**Broadening: 1** · Narrowing: 0 · Other: 0', 'acknowledged exceptions', [
        '| + | CES-TEN-4 (No PushSecret of a tenant writes a secret that another tenant\'s (or the platform\'s) namespace reads) | (no violation: unused) '
        + '| ops pushes nothing yet | acknowledge CES-TEN-4 |',
      ], ACKNOWLEDGEMENTS)],
    ['a removed grant: narrowing only, in a collapsed block', 'removed-grant', narrowingOnly(
      '**Broadening: 0** · Narrowing: 2 · Other: 0 · clusters: prod', 'cluster `prod` · tenant `a`', [
        '| − | reach | namespace team-a | ns → role shop-ns-team-a-eso | `AWS_SECRETS_MANAGER:a/cache` | read (ExternalSecret) | shop/externalSecrets/a |',
        '| − | grant | identity role shop-ns-team-a-eso | stores ns | `AWS_SECRETS_MANAGER:a/cache` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/a |',
      ])],
  ])('%s', (_, change, expected) => {
    expect(markdown(change)).toEqual(expected);
  });

  test('a new trusted service account: the new identity\'s trust and grants broaden, the old one\'s narrow', () => {
    const row = (sign: string, sa: string, kind: string, via: string, secret: string, access: string, at: string): string =>
      `| ${sign} | ${kind} | ${kind === 'trust' ? `service account external-secrets:${sa}` : kind === 'reach' ? 'namespace ops' : `identity role shop-external-secrets-${sa}-eso`} | ${via} | ${secret} | ${access} | ${at} |`;
    const rows = (sign: string, sa: string): string[] => [
      row(sign, sa, 'trust', `identity role shop-external-secrets-${sa}-eso`, '', 'may authenticate as the identity (AWS web identity (IRSA; :sub and :aud pinned))', 'stores ops'),
      row(sign, sa, 'reach', `ops → role shop-external-secrets-${sa}-eso`, '`AWS_SECRETS_MANAGER:shared`', 'read (ExternalSecret)', 'shop/externalSecrets/ops'),
      row(sign, sa, 'grant', 'stores ops', '`AWS_SECRETS_MANAGER:shared`', 'GetSecretValue, DescribeSecret (data)', 'shop/externalSecrets/ops'),
    ];
    expect(markdown('new-service-account')).toEqual(['## Access diff', '',
      '**Broadening: 3** · Narrowing: 3 · Other: 0 · clusters: prod', '', '### Broadening', '', '#### cluster `prod` · no tenant', '', ...TABLE, ...rows('+', 'ops-reader'),
      '', '<details><summary>Narrowing (3)</summary>', '', '#### cluster `prod` · no tenant', '', ...TABLE, ...rows('−', 'ops-eso'), '', '</details>',
      '', NOT_COVERED, '']);
  });
});

describe('access diff: verdicts, other changes and shapes', () => {
  test('the same estate declared in another order has no access change', () => {
    // GIVEN secrets declared in reverse order / WHEN diffed / THEN nothing changed, and the uncovered list
    const diff = diffAccessModels({ '': base }, { '': estateModel('reordered') });
    expect(diff).toEqual({ apiVersion: 'cdk-external-secrets.io/access-diff/v1', broadening: 0, narrowing: 0, other: 0, clusters: [], changes: [] });
    expect(renderAccessDiffMarkdown(diff)).toBe(`## Access diff\n\nNo access changes.\n\n${NOT_COVERED}\n`);
  });

  test('a removed acknowledgement narrows (the reverse of an added one)', () => {
    // GIVEN / WHEN
    const diff = diffAccessModels({ '': estateModel('acknowledgement-added') }, { '': base });
    // THEN
    expect([diff.broadening, diff.narrowing]).toEqual([0, 1]);
    expect(diff.changes[0]).toMatchObject({ direction: 'narrowing', kind: 'acknowledgement', severity: 'acknowledgement', who: '(no violation: unused)' });
  });

  test('a changed policy form is another change, never broadening; an unchanged one is no change', () => {
    // GIVEN the same model whose first identity's policy form went from an ARN list to tag + prefix
    const withForm = (form: string): AccessModel => ({
      ...base, identities: base.identities.map((i, n) => (n === 0 ? { ...i, policyForm: { form, reason: `${form} fits` } } : i)),
    });
    // WHEN
    const diff = diffAccessModels({ '': withForm('arn-list') }, { '': withForm('tag-and-prefix') });
    // THEN
    expect(diffAccessModels({ '': withForm('arn-list') }, { '': withForm('arn-list') }).changes).toEqual([]);
    expect([diff.broadening, diff.narrowing, diff.other]).toEqual([0, 0, 1]);
    expect(renderAccessDiffMarkdown(diff).split('\n').slice(2, -3)).toEqual([
      '**Broadening: 0** · Narrowing: 0 · Other: 1 · clusters: prod',
      '',
      '<details><summary>Other changes (1)</summary>',
      '',
      '#### cluster `prod` · no tenant',
      '',
      ...TABLE,
      `| ~ | policy-form | identity ${base.identities[0].principal} |  |  | policy form arn-list → tag-and-prefix: tag-and-prefix fits | stores ${base.identities[0].stores.join(', ')} |`,
      '',
      '</details>',
    ]);
  });

  test('JSON carries the same rows with direction, kind and severity', () => {
    // GIVEN / WHEN
    const diff = diffAccessModels({ '': base }, { '': estateModel('tenant-gains-shared') });
    // THEN
    expect(JSON.parse(JSON.stringify(diff))).toEqual({
      apiVersion: 'cdk-external-secrets.io/access-diff/v1', broadening: 2, narrowing: 0, other: 0, clusters: ['prod'],
      changes: [
        {
          direction: 'broadening', kind: 'reach', severity: 'cross-tenant', model: '', cluster: 'prod', tenant: 'b', who: 'namespace team-b',
          via: 'ns → role shop-ns-team-b-eso', secret: 'AWS_SECRETS_MANAGER:shared',
          access: 'read (ExternalSecret) (cross-tenant: tenant b reaches a shared secret)', declaredAt: 'shop/externalSecrets/b',
        },
        {
          direction: 'broadening', kind: 'grant', severity: 'access', model: '', cluster: 'prod', tenant: 'b', who: 'identity role shop-ns-team-b-eso',
          via: 'stores ns', secret: 'AWS_SECRETS_MANAGER:shared', access: 'GetSecretValue, DescribeSecret (data)', declaredAt: 'shop/externalSecrets/b',
        },
      ],
    });
  });

  test('models by name: a model only in head broadens with all its facts, grouped under its name; rows are capped', () => {
    // GIVEN base with one model and head with a second one
    const diff = diffAccessModels({ shop: base }, { shop: base, other: estateModel('new-read') });
    // WHEN
    const lines = renderAccessDiffMarkdown(diff, { maxRows: 2 }).split('\n');
    // THEN every fact of the new model broadens, none of the unchanged one
    expect(diff.changes.every((c) => c.model === 'other' && c.direction === 'broadening')).toBe(true);
    expect(diff.broadening).toBe(20);
    expect(lines).toContain('#### model `other` · every cluster · tenant `a`');
    expect(lines).toContain('…and 18 more (see `--format json` or the HTML report).');
    expect(lines.filter((l) => l.startsWith('| + |'))).toHaveLength(2);
  });

  test('Markdown cells are escaped: a pipe or markup in a reason cannot break the table', () => {
    // GIVEN an acknowledgement whose reason holds table and HTML syntax
    const head: AccessModel = { ...base, acknowledgements: [{ ruleId: 'CES-TEN-4', title: 'T', reason: 'a | b <img src=x>', subjects: ['s|t'] }] };
    // WHEN
    const row = renderAccessDiffMarkdown(diffAccessModels({ '': base }, { '': head })).split('\n').find((l) => l.startsWith('| + |'));
    // THEN
    expect(row).toBe('| + | CES-TEN-4 (T) | s\\|t | a \\| b &lt;img src=x&gt; | acknowledge CES-TEN-4 |');
  });

  test('names from a crafted head model stay text: cluster ids in the verdict line and group titles', () => {
    // GIVEN a head model whose cluster id holds markup and a backtick
    const evil = 'prod<img src=x>`|';
    const head: AccessModel = { ...base, stores: base.stores.map((s) => ({ ...s, clusters: [evil] })) };
    // WHEN
    const lines = renderAccessDiffMarkdown(diffAccessModels({ '': base }, { '': head })).split('\n');
    // THEN
    expect(lines[2]).toBe('**Broadening: 3** · Narrowing: 3 · Other: 0 · clusters: prod, prod&lt;img src=x&gt;\'\\|');
    expect(lines).toContain("#### cluster `prod<img src=x>'\\|` · no tenant");
  });
});
