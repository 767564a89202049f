import { ACCESS_DIFF_NOT_COVERED, diffAccessModels, renderAccessDiffMarkdown } from '../../lib/access';
import type { AccessModel } from '../../lib/access';
import { EstateChange, estateModel } from './fixtures';

const NOT_COVERED = `Not covered by the access model: ${ACCESS_DIFF_NOT_COVERED.join('; ')}.`;
const base = estateModel();

/** The Markdown diff of the base estate against the estate with one change, as lines. */
function markdown(change: EstateChange): string[] {
  return renderAccessDiffMarkdown(diffAccessModels({ '': base }, { '': estateModel(change) })).split('\n');
}

describe('access diff: each kind of change classified, exact Markdown', () => {
  test("a new read: the namespace reaches the secret and the identity is granted it (broadening)", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('new-read')).toEqual(['## Access diff', '',
      "**Broadening: 2** · Narrowing: 0 · Other: 0 · clusters: prod",
      "",
      "### Broadening",
      "",
      "#### cluster `prod` · tenant `b`",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| + | reach | namespace team-b | ns → role shop-ns-team-b-eso | `AWS_SECRETS_MANAGER:b/extra` | read (ExternalSecret) | shop/externalSecrets/b |",
      "| + | grant | identity role shop-ns-team-b-eso | stores ns | `AWS_SECRETS_MANAGER:b/extra` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/b |",
      '', NOT_COVERED, '']);
  });

  test("a find that matches one more secret: reach, grant and the find match (broadening)", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('find-matches-more')).toEqual(['## Access diff', '',
      "**Broadening: 3** · Narrowing: 0 · Other: 0 · clusters: prod",
      "",
      "### Broadening",
      "",
      "#### cluster `prod` · tenant `a`",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| + | reach | namespace team-a | ns → role shop-ns-team-a-eso | `AWS_SECRETS_MANAGER:a/dash` | read (ExternalSecret) | shop/externalSecrets/a-find |",
      "| + | grant | identity role shop-ns-team-a-eso | stores ns | `AWS_SECRETS_MANAGER:a/dash` | GetSecretValue, DescribeSecret (find) | shop/externalSecrets/a-find |",
      "| + | find-match | namespace team-a | ns → role shop-ns-team-a-eso | `AWS_SECRETS_MANAGER:a/dash` | matched by find name ~ a/d.* | shop/externalSecrets/a-find.find[0] |",
      '', NOT_COVERED, '']);
  });

  test("a store admitting one more namespace (broadening)", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('store-admits-more')).toEqual(['## Access diff', '',
      "**Broadening: 1** · Narrowing: 0 · Other: 0 · clusters: prod",
      "",
      "### Broadening",
      "",
      "#### cluster `prod` · no tenant",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| + | admission | namespace tools | ClusterSecretStore ops |  | admitted by the store | store ops |",
      '', NOT_COVERED, '']);
  });

  test("a new trusted service account: the new identity's trust and grants broaden, the old one's narrow", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('new-service-account')).toEqual(['## Access diff', '',
      "**Broadening: 3** · Narrowing: 3 · Other: 0 · clusters: prod",
      "",
      "### Broadening",
      "",
      "#### cluster `prod` · no tenant",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| + | trust | service account external-secrets:ops-reader | identity role shop-external-secrets-ops-reader-eso |  | may authenticate as the identity (AWS web identity (IRSA; :sub and :aud pinned)) | stores ops |",
      "| + | reach | namespace ops | ops → role shop-external-secrets-ops-reader-eso | `AWS_SECRETS_MANAGER:shared` | read (ExternalSecret) | shop/externalSecrets/ops |",
      "| + | grant | identity role shop-external-secrets-ops-reader-eso | stores ops | `AWS_SECRETS_MANAGER:shared` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/ops |",
      "",
      "<details><summary>Narrowing (3)</summary>",
      "",
      "#### cluster `prod` · no tenant",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| − | trust | service account external-secrets:ops-eso | identity role shop-external-secrets-ops-eso-eso |  | may authenticate as the identity (AWS web identity (IRSA; :sub and :aud pinned)) | stores ops |",
      "| − | reach | namespace ops | ops → role shop-external-secrets-ops-eso-eso | `AWS_SECRETS_MANAGER:shared` | read (ExternalSecret) | shop/externalSecrets/ops |",
      "| − | grant | identity role shop-external-secrets-ops-eso-eso | stores ops | `AWS_SECRETS_MANAGER:shared` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/ops |",
      "",
      "</details>",
      '', NOT_COVERED, '']);
  });

  test("a tenant gaining a shared secret: the cross-tenant reach is marked and heads the group (broadening)", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('tenant-gains-shared')).toEqual(['## Access diff', '',
      "**Broadening: 2** · Narrowing: 0 · Other: 0 · clusters: prod",
      "",
      "### Broadening",
      "",
      "#### cluster `prod` · tenant `b`",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| + | ⚠ reach | namespace team-b | ns → role shop-ns-team-b-eso | `AWS_SECRETS_MANAGER:shared` | read (ExternalSecret) (cross-tenant: tenant b reaches a shared secret) | shop/externalSecrets/b |",
      "| + | grant | identity role shop-ns-team-b-eso | stores ns | `AWS_SECRETS_MANAGER:shared` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/b |",
      '', NOT_COVERED, '']);
  });

  test("a removed grant: narrowing only, in a collapsed block", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('removed-grant')).toEqual(['## Access diff', '',
      "**Broadening: 0** · Narrowing: 2 · Other: 0 · clusters: prod",
      "",
      "<details><summary>Narrowing (2)</summary>",
      "",
      "#### cluster `prod` · tenant `a`",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| − | reach | namespace team-a | ns → role shop-ns-team-a-eso | `AWS_SECRETS_MANAGER:a/cache` | read (ExternalSecret) | shop/externalSecrets/a |",
      "| − | grant | identity role shop-ns-team-a-eso | stores ns | `AWS_SECRETS_MANAGER:a/cache` | GetSecretValue, DescribeSecret (data) | shop/externalSecrets/a |",
      "",
      "</details>",
      '', NOT_COVERED, '']);
  });

  test("an acknowledgement added: broadening, with its rule, title and reason", () => {
    // GIVEN the base estate and the same estate with one edit / WHEN diffed / THEN exactly these rows
    expect(markdown('acknowledgement-added')).toEqual(['## Access diff', '',
      "**Broadening: 1** · Narrowing: 0 · Other: 0",
      "",
      "### Broadening",
      "",
      "#### every cluster · no tenant",
      "",
      "| ± | change | who | via | secret | access | declared at |",
      "|---|---|---|---|---|---|---|",
      "| + | acknowledgement | (no violation: unused) |  |  | CES-TEN-4 (No PushSecret of a tenant writes a secret that another tenant's (or the platform's) namespace reads) acknowledged: ops pushes nothing yet | acknowledge CES-TEN-4 |",
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
      '| ± | change | who | via | secret | access | declared at |',
      '|---|---|---|---|---|---|---|',
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
    expect(row).toBe('| + | acknowledgement | s\\|t |  |  | CES-TEN-4 (T) acknowledged: a \\| b &lt;img src=x&gt; | acknowledge CES-TEN-4 |');
  });
});
