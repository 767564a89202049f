/**
 * The access diff as Markdown for a pull-request comment: the verdict first, then the broadening changes
 * grouped by model, cluster and tenant (cross-tenant rows first in each group), then the narrowing and
 * other changes in collapsed blocks; acknowledgements in their own table (rule, finding, reason). Every cell goes through the Markdown cell escaper.
 */
import { markdownCell } from '../core/declaration/access-matrix';
import type { AccessChange, AccessChangeDirection, AccessDiff } from './diff';

/** What the access model does not cover, printed when nothing changed (and under every diff). */
export const ACCESS_DIFF_NOT_COVERED = [
  'what an assumed (chained) role\'s own policy grants',
  'grants, trust and RBAC made outside the declaration',
  'who may edit the GitOps repository or the Terraform state',
];

/** Options of {@link renderAccessDiffMarkdown}. */
export interface AccessDiffMarkdownOptions {
  /**
   * Rows printed per section (broadening, narrowing, other); the rest is counted ("…and N more").
   * @default 200
   */
  readonly maxRows?: number;
}

const MARKERS: Record<AccessChangeDirection, string> = { broadening: '+', narrowing: '−', other: '~' };
const HEADINGS: Record<AccessChangeDirection, string> = { broadening: 'Broadening', narrowing: 'Narrowing', other: 'Other changes' };

function code(text: string): string {
  return text === '' ? '' : `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

const CHANGE_TABLE = ['| ± | change | who | via | secret | access | declared at |', '|---|---|---|---|---|---|---|'];
const ACKNOWLEDGEMENT_TABLE = ['| ± | rule | finding | reason | declared at |', '|---|---|---|---|---|'];

function groupTitle(change: AccessChange): string {
  const parts = [
    ...(change.model === '' ? [] : [`model ${code(change.model)}`]),
    ...(change.kind === 'acknowledgement' ? ['acknowledged exceptions'] : [
      change.cluster === '' ? 'every cluster' : `cluster ${code(change.cluster)}`,
      change.tenant === '' ? 'no tenant' : `tenant ${code(change.tenant)}`,
    ]),
  ];
  return parts.join(' · ');
}

function changeRow(change: AccessChange): string {
  if (change.kind === 'acknowledgement') {
    return `| ${MARKERS[change.direction]} | ${markdownCell(change.rule ?? '')} | ${markdownCell(change.who)} | ${markdownCell(change.reason ?? '')} | ${markdownCell(change.declaredAt)} |`;
  }
  const what = change.severity === 'cross-tenant' ? `⚠ ${change.kind}` : change.kind;
  return `| ${MARKERS[change.direction]} | ${what} | ${markdownCell(change.who)} | ${markdownCell(change.via)} | ${code(change.secret)} | `
    + `${markdownCell(change.access)} | ${markdownCell(change.declaredAt)} |`;
}

/** The section of one direction: a table per group, capped at `maxRows` rows. */
function section(changes: readonly AccessChange[], maxRows: number): string[] {
  const lines: string[] = [];
  let title: string | undefined;
  changes.slice(0, maxRows).forEach((change) => {
    const t = groupTitle(change);
    if (t !== title) {
      title = t;
      lines.push('', `#### ${t}`, '', ...(change.kind === 'acknowledgement' ? ACKNOWLEDGEMENT_TABLE : CHANGE_TABLE));
    }
    lines.push(changeRow(change));
  });
  if (changes.length > maxRows) {
    lines.push('', `…and ${changes.length - maxRows} more (see \`--format json\` or the HTML report).`);
  }
  return lines;
}

/** The access diff as Markdown (see the module comment). */
export function renderAccessDiffMarkdown(diff: AccessDiff, options: AccessDiffMarkdownOptions = {}): string {
  const maxRows = options.maxRows ?? 200;
  const lines = ['## Access diff', ''];
  if (diff.changes.length === 0) {
    lines.push('No access changes.', '');
  } else {
    const clusters = diff.clusters.length === 0 ? '' : ` · clusters: ${diff.clusters.map((c) => markdownCell(c).replace(/`/g, "'")).join(', ')}`;
    lines.push(`**Broadening: ${diff.broadening}** · Narrowing: ${diff.narrowing} · Other: ${diff.other}${clusters}`);
    const broadening = diff.changes.filter((c) => c.direction === 'broadening');
    if (broadening.length > 0) {
      lines.push('', '### Broadening', ...section(broadening, maxRows));
    }
    for (const direction of ['narrowing', 'other'] as const) {
      const changes = diff.changes.filter((c) => c.direction === direction);
      if (changes.length > 0) {
        lines.push('', `<details><summary>${HEADINGS[direction]} (${changes.length})</summary>`, ...section(changes, maxRows), '', '</details>');
      }
    }
    lines.push('');
  }
  lines.push(`Not covered by the access model: ${ACCESS_DIFF_NOT_COVERED.join('; ')}.`, '');
  return lines.join('\n');
}
