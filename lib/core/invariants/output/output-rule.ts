/**
 * Output rules: checks over what a construct emits (Helm values, Zarf package files) rather than over a
 * declaration's plan. Each rule keeps its id, title and messages in its own file beside this one; the
 * release and package constructs run them at synth, and users run them over their own values with the
 * exported `check…` functions. Violations are the same {@link RuleViolation}s as plan rules, so the
 * library's message and the acknowledgement API are shared.
 */
import { wrongType } from '../../errors';
import { Acknowledgement, checkAcknowledgement, covers } from '../acknowledgements';
import { RuleViolationError } from '../messages';
import { RuleCategory, RuleViolation } from '../rule';

/** A rule over emitted output (id, family, whether a real setup may need an exception). */
export interface OutputRule {
  /** Stable id, `CES-<category>-<n>`. */
  readonly id: string;
  /** Family. */
  readonly category: RuleCategory;
  /** One line: what the rule guarantees. */
  readonly title: string;
  /** Whether a user may acknowledge a violation with a reason. */
  readonly acknowledgeable: boolean;
}

/** One violation of an output rule. */
export interface OutputFinding {
  /** The rule. */
  readonly rule: OutputRule;
  /** The violation (its `subject` is the dotted values path or file name, for `appliesTo`). */
  readonly violation: RuleViolation;
}

/** The findings of a check, split by whether an acknowledgement covers them. */
export interface OutputAudit {
  /** Findings no acknowledgement covers (the construct fails on the first). */
  readonly violations: readonly OutputFinding[];
  /** Findings covered by an acknowledgement, with it. */
  readonly acknowledged: ReadonlyArray<OutputFinding & { readonly acknowledgement: Acknowledgement }>;
}

/**
 * Checks the `acknowledgements` prop of a construct running output rules (each an object
 * `{ ruleId, reason, appliesTo? }` naming one of `rules`) and returns frozen copies.
 */
export function checkOutputAcknowledgements(path: string, value: unknown, rules: readonly OutputRule[]): readonly Acknowledgement[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    throw wrongType(path, 'acknowledgements', value, 'an array of { ruleId, reason, appliesTo? }');
  }
  const known = new Map(rules.map((r) => [r.id, r.acknowledgeable] as const));
  return Object.freeze(value.map((ack, i) => checkAcknowledgement(`${path}/acknowledgements/${i}`, ack, known)));
}

/** Splits findings into acknowledged and failing. */
export function auditOutput(findings: readonly OutputFinding[], acknowledgements: readonly Acknowledgement[]): OutputAudit {
  const violations: OutputFinding[] = [];
  const acknowledged: Array<OutputFinding & { readonly acknowledgement: Acknowledgement }> = [];
  for (const finding of findings) {
    const acknowledgement = acknowledgements.find((a) => covers(a, finding.rule.id, finding.violation.subject));
    if (acknowledgement) {
      acknowledged.push({ ...finding, acknowledgement });
    } else {
      violations.push(finding);
    }
  }
  return { violations, acknowledged };
}

/** Throws the first finding no acknowledgement covers (the library's message, rule id and how to acknowledge). */
export function enforceOutputRules(findings: readonly OutputFinding[], acknowledgements: readonly Acknowledgement[]): OutputAudit {
  const audit = auditOutput(findings, acknowledgements);
  const failing = audit.violations[0];
  if (failing) {
    throw new RuleViolationError(failing.rule, failing.violation, 'construct');
  }
  return audit;
}

/** One line per acknowledged finding (`CES-HARD-3 server.dev.enabled: <reason>`), for annotations and descriptions. */
export function describeAcknowledged(audit: OutputAudit): string[] {
  return audit.acknowledged.map((f) => `${f.rule.id} ${f.violation.subject}: ${f.acknowledgement.reason}`);
}

/** One node of a values tree: its dotted path (`server.ha.replicas`, `env[0].value`), its key and its value. */
export interface ValuesNode {
  /** Dotted path from the root. */
  readonly path: string;
  /** Its key in the parent (the index, as a string, in an array). */
  readonly key: string;
  /** Its value. */
  readonly value: unknown;
}

/** Every node of a JSON-like tree, depth first, in key order (bounded depth: deeper nodes are not visited). */
export function* walkValues(value: unknown, prefix = '', depth = 0): Iterable<ValuesNode> {
  if (depth > 64 || value === null || typeof value !== 'object') {
    return;
  }
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>);
  for (const [key, v] of entries) {
    const path = Array.isArray(value) ? `${prefix}[${key}]` : prefix === '' ? key : `${prefix}.${key}`;
    yield { path, key, value: v };
    yield* walkValues(v, path, depth + 1);
  }
}

/** The value at a dotted path of plain keys (`server.ha.replicas`), or undefined. */
export function valueAt(tree: unknown, dotted: string): unknown {
  let node = tree;
  for (const key of dotted.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      return undefined;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
