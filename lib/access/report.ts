import { createHash } from 'crypto';
import { accessReportNotAModel, accessReportOptions } from '../core/errors/access-report';
import type { AccessModel } from './model-types';
import { readAccessModel } from './read-model';
import { accessReportData } from './report-data';
import { REPORT_BODY, REPORT_SCRIPT, REPORT_STYLE } from './report-page';

/** Options of {@link renderAccessReport}. */
export interface AccessReportOptions {
  /**
   * The access model to compare with (the base of a pull request): grants only the head has are
   * highlighted as gained, grants only the base has as lost, and new trust, admitted namespaces,
   * find matches and acknowledgements are listed, broadening first.
   * @default - no comparison
   */
  readonly base?: AccessModel;
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&`, U+2028 and U+2029 written as
 * `\u` escapes, so no model string can close the element, open a comment or start markup. Read back
 * before it is returned.
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  const escaped = json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (/[<>&\u2028\u2029]/.test(escaped) || JSON.stringify(JSON.parse(escaped)) !== json) {
    throw new Error('scriptJson: the escaped JSON does not read back to the same value');
  }
  return escaped;
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The model as its JSON text would read back: a value that is not JSON data gets the library's
 * message, JSON of another version or shape gets `readAccessModel`'s (named `renderAccessReport <prop>`).
 */
function checkedModel(prop: string, value: unknown): AccessModel {
  let text: string | undefined;
  try {
    // Plain data only: a declaration, a class instance or an object without apiVersion is not a model.
    const plain = typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && 'apiVersion' in value;
    text = plain ? JSON.stringify(value) : undefined;
  } catch {
    text = undefined;
  }
  if (text === undefined) throw accessReportNotAModel(prop, value);
  return readAccessModel(`renderAccessReport ${prop}`, text);
}

/**
 * The access report of a model: one self-contained HTML page (no network: inline style and script,
 * allowed by hash in its Content-Security-Policy, which forbids every other source) showing the
 * graph namespace → store → identity → secret as a paged table of grants, filterable by cluster,
 * tenant, backend and search text, with the neighbourhood of a selected node. With a base model,
 * gained and lost grants and widened trust are highlighted. The model reaches the page only as
 * escaped JSON ({@link scriptJson}), and the page writes its strings as text, never as markup.
 */
export function renderAccessReport(model: AccessModel, options: AccessReportOptions = {}): string {
  if (typeof options !== 'object' || options === null || Array.isArray(options) || Object.keys(options).some((k) => k !== 'base')) {
    throw accessReportOptions(options);
  }
  const head = checkedModel('model', model);
  const base = options.base === undefined ? undefined : checkedModel('options.base', options.base);
  const data = scriptJson(accessReportData(head, base));
  const csp = `default-src 'none'; style-src ${sha256(REPORT_STYLE)}; script-src ${sha256(REPORT_SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Access report</title>',
    `<style>${REPORT_STYLE}</style>`,
    '</head>',
    '<body>',
    REPORT_BODY,
    `<script type="application/json" id="report-data">${data}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
