import { createHash } from 'crypto';
import { ConfigurationError } from '../../lib';
import { AccessModel, renderAccessReport, scriptJson } from '../../lib/access';
import { accessReportData, ReportChange, ROW_COLUMNS } from '../../lib/access/report-data';
import { REPORT_SCRIPT, REPORT_STYLE } from '../../lib/access/report-page';
import { baseModel, headModel, hostileModel, XSS } from './report-fixtures';

/** The rows of report data as readable records. */
function readableRows(model: AccessModel, base?: AccessModel): string[] {
  const data = accessReportData(model, base);
  const col = (name: typeof ROW_COLUMNS[number]): number => ROW_COLUMNS.indexOf(name);
  return data.rows.map((r) => [
    ['', 'gained', 'lost', 'changed'][r[col('change')]] || 'same', data.strings[r[col('cluster')]], data.strings[r[col('tenant')]],
    data.strings[r[col('namespace')]], data.strings[r[col('store')]], data.identities[r[col('identity')]].id, data.strings[r[col('secret')]],
    data.strings[r[col('consumer')]], data.strings[r[col('was')]],
  ].join(' | '));
}

/** The text of the `<script type="application/json">` element of a page. */
function embedded(html: string): string {
  const m = /<script type="application\/json" id="report-data">([^]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no report data in the page');
  return m[1];
}

describe('scriptJson', () => {
  test('GIVEN strings that are markup WHEN serialized THEN <, >, &, U+2028 and U+2029 are \\u escapes and the JSON reads back the same', () => {
    // GIVEN
    const value = { name: '</script><!-- & \u2028\u2029 "q"' };
    // WHEN
    const json = scriptJson(value);
    // THEN
    expect(json).toBe('{"name":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 \\"q\\""}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('accessReportData', () => {
  test('GIVEN a model without base THEN one row per identity, grant and consumer, none marked as changed, and no diff', () => {
    const data = accessReportData(baseModel());
    expect(readableRows(baseModel())).toEqual([
      'same | eks-prod | jenkins | jenkins | aws | controller-eks-prod | aws-secrets-manager:jenkins/token | ExternalSecret jenkins-token | ',
      'same | eks-prod | jenkins | jenkins | aws | controller-eks-prod | aws-secrets-manager:shared/ca | ExternalSecret ca | ',
      'same | aks-west | netbox | netbox | kv | store-kv | azure-key-vault:netbox-db | ExternalSecret netbox-db | ',
    ]);
    expect(data.base).toBe('');
    expect(data.changes).toEqual([]);
    expect(data.changeCounts).toEqual([0, 0, 0]);
    expect(data.identities.flatMap((i) => i.trust.map((t) => t.change))).toEqual([ReportChange.NONE, ReportChange.NONE]);
  });

  test('GIVEN a head and its base THEN gained rows, lost rows (after the head\'s), new trust, newly admitted namespaces and the diff\'s counts', () => {
    // WHEN
    const data = accessReportData(headModel(), baseModel());
    // THEN
    expect(readableRows(headModel(), baseModel())).toEqual([
      'same | eks-prod | jenkins | jenkins | aws | controller-eks-prod | aws-secrets-manager:shared/ca | ExternalSecret ca | ',
      'gained | eks-prod | netbox | netbox | aws | controller-eks-prod | aws-secrets-manager:shared/ca | ExternalSecret ca | ',
      'same | aks-west | netbox | netbox | kv | store-kv | azure-key-vault:netbox-db | ExternalSecret netbox-db | ',
      'lost | eks-prod | jenkins | jenkins | aws | controller-eks-prod | aws-secrets-manager:jenkins/token | ExternalSecret jenkins-token | ',
    ]);
    expect(data.base).toBe('estate');
    expect(data.identities.find((i) => i.id === 'store-kv')!.trust).toEqual([
      { cluster: 'aks-west', namespace: 'default', serviceAccount: 'kv-reader', change: ReportChange.GAINED },
      { cluster: 'aks-west', namespace: 'netbox', serviceAccount: 'kv-reader', change: ReportChange.NONE },
    ]);
    expect(data.stores.map((s) => `${s.id}: ${s.gainedNamespaces.join(', ')}`)).toEqual(['aws: netbox', 'kv: ']);
    expect(data.acknowledgements.map((a) => `${a.ruleId} ${a.change}`)).toEqual([`CES-TI-2 ${ReportChange.GAINED}`]);
    expect(data.changeCounts).toEqual([4, 3, 0]);
    expect(data.changes.map((c) => `${c[0]} ${data.strings[c[1]]}`)).toEqual(['0 acknowledgement', '0 trust', '0 reach', '0 admission', '1 reach', '1 grant', '1 grant']);
  });

  test('GIVEN a grant whose actions widened THEN its row is changed and carries the base\'s actions', () => {
    // GIVEN
    const head = baseModel();
    const widened: AccessModel = {
      ...head,
      identities: head.identities.map((i) => (i.id !== 'store-kv' ? i : {
        ...i, grants: i.grants.map((g) => ({ ...g, actions: ['Key Vault Secrets Officer'] })),
      })),
    };
    // WHEN / THEN
    expect(readableRows(widened, baseModel())[2]).toBe(
      'changed | aks-west | netbox | netbox | kv | store-kv | azure-key-vault:netbox-db | ExternalSecret netbox-db | Key Vault Secrets User (data)');
  });

  test('GIVEN an identity only the base has THEN its rows and its trust are lost', () => {
    // GIVEN
    const head = { ...baseModel(), identities: baseModel().identities.filter((i) => i.id !== 'store-kv') };
    // WHEN
    const data = accessReportData(head, baseModel());
    // THEN
    const removed = data.identities.find((i) => i.id === 'store-kv')!;
    expect(removed.change).toBe(ReportChange.LOST);
    expect(removed.trust.map((t) => t.change)).toEqual([ReportChange.LOST]);
    expect(readableRows(head, baseModel())[2]).toBe('lost | aks-west | netbox | netbox | kv | store-kv | azure-key-vault:netbox-db | ExternalSecret netbox-db | ');
  });
});

describe('renderAccessReport', () => {
  test('GIVEN a model THEN one page whose Content-Security-Policy allows only its own style and script, by hash', () => {
    // WHEN
    const html = renderAccessReport(headModel(), { base: baseModel() });
    // THEN
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${hash(REPORT_STYLE)}; `
      + `script-src ${hash(REPORT_SCRIPT)}; base-uri 'none'; form-action 'none'">`);
    expect(html).toContain(`<style>${REPORT_STYLE}</style>`);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/https?:\/\//);
    expect(JSON.parse(embedded(html))).toEqual(JSON.parse(JSON.stringify(accessReportData(headModel(), baseModel()))));
  });

  test('GIVEN the same models twice THEN byte-identical pages', () => {
    expect(renderAccessReport(headModel(), { base: baseModel() })).toBe(renderAccessReport(headModel(), { base: baseModel() }));
  });

  test('GIVEN names that are markup THEN they appear only inside the escaped JSON, never as markup', () => {
    // WHEN
    const html = renderAccessReport(hostileModel());
    // THEN
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('\u2028');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(embedded(html)).toContain('\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e');
    expect(JSON.parse(embedded(html)).declaration).toBe(`estate ${XSS}`);
  });

  test('GIVEN values that are not access models THEN the library\'s message, naming the argument', () => {
    expect(() => renderAccessReport(undefined as never)).toThrow(ConfigurationError);
    expect(() => renderAccessReport(undefined as never)).toThrow(
      '[renderAccessReport] model: received undefined. Allowed: an access model: buildAccessModel(declaration), or readAccessModel(file, text) '
      + 'of a synth\'s <declaration>.access-model.json. Fix: pass the access model itself, not the declaration or a value derived from it.');
    expect(() => renderAccessReport(headModel(), { base: [] as never })).toThrow(
      '[renderAccessReport] options.base: received an array. Allowed: an access model: buildAccessModel(declaration), or readAccessModel(file, text) '
      + 'of a synth\'s <declaration>.access-model.json. Fix: pass the access model itself, not the declaration or a value derived from it.');
    expect(() => renderAccessReport(headModel(), 'base.json' as never)).toThrow(
      '[renderAccessReport] options: received a string. Allowed: an object ({ base?: AccessModel }) or nothing. '
      + 'Fix: pass { base: baseModel } to compare with a base, or leave the options out.');
  });

  test('GIVEN a model of another version or shape THEN readAccessModel\'s message, naming renderAccessReport', () => {
    expect(() => renderAccessReport({ ...headModel(), apiVersion: 'cdk-external-secrets.io/access-model/v2' as never })).toThrow(
      '[renderAccessReport model] apiVersion: received "cdk-external-secrets.io/access-model/v2". Allowed: cdk-external-secrets.io/access-model/v1 '
      + '(the version this cdk-external-secrets reads). Fix: synthesize base and head with the same cdk-external-secrets version, one that writes this version.');
    expect(() => renderAccessReport(headModel(), { base: { ...baseModel(), identities: 'all' as never } })).toThrow(
      '[renderAccessReport options.base] /identities: received a string. Allowed: an array. '
      + 'Fix: pass the `<declaration>.access-model.json` that synth writes (or the folder holding it), unedited.');
  });
});
