/**
 * Runs the rules over a plan: every rule, every violation, each matched against the acknowledgements.
 * {@link SecretsDeclaration.plan} throws the first unacknowledged violation (rules in registration order,
 * violations in each rule's order); {@link auditDeclaration} reports them all without throwing.
 */
import type { DeclarationPlan } from '../declaration/plan-types';
import type { DeclarationView } from '../declaration/view';
import { Acknowledgement, covers } from './acknowledgements';
import { RuleViolationError } from './messages';
import { PlanRule, PlanRuleContext, RuleViolation } from './rule';
import { PLAN_RULES } from './rules';

/** One violation found by a rule, and the acknowledgement covering it, if any. */
export interface RuleFinding {
  /** The rule. */
  readonly rule: PlanRule;
  /** The violation. */
  readonly violation: RuleViolation;
  /**
   * The acknowledgement that covers it.
   * @default - undefined: not acknowledged (the declaration fails)
   */
  readonly acknowledgement?: Acknowledgement;
  /** The library's error for it (its message, as `plan()` throws it). */
  readonly error: RuleViolationError;
}

/** Every finding of every rule over a plan, acknowledged or not, deterministic. */
export function evaluateRules(context: PlanRuleContext, acknowledgements: readonly Acknowledgement[], rules: readonly PlanRule[] = PLAN_RULES): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const rule of rules) {
    for (const violation of rule.check(context)) {
      const acknowledgement = acknowledgements.find((a) => covers(a, rule.id, violation.subject));
      findings.push({ rule, violation, error: new RuleViolationError(rule, violation), ...(acknowledgement ? { acknowledgement } : {}) });
    }
  }
  return findings;
}

/** Throws the first unacknowledged finding. */
export function enforceRules(context: PlanRuleContext, acknowledgements: readonly Acknowledgement[], rules: readonly PlanRule[] = PLAN_RULES): readonly RuleFinding[] {
  const findings = evaluateRules(context, acknowledgements, rules);
  const failing = findings.find((f) => f.acknowledgement === undefined);
  if (failing) {
    throw failing.error;
  }
  return findings;
}

/** The result of auditing a declaration: what fails and what was acknowledged, with reasons. */
export interface DeclarationAudit {
  /** Findings without an acknowledgement (the declaration fails on the first). */
  readonly violations: readonly RuleFinding[];
  /** Findings covered by an acknowledgement. */
  readonly acknowledged: readonly RuleFinding[];
}

/** A declaration as {@link auditDeclaration} reads it ({@link SecretsDeclaration} is one). */
export interface AuditableDeclaration extends DeclarationView {
  /** The acknowledged exceptions. */
  readonly acknowledgements: readonly Acknowledgement[];
  /** The plan before the rules run. */
  resolvePlan(): DeclarationPlan;
}

/**
 * Runs every rule over a declaration without throwing on violations (the plan's own cross-reference
 * errors still throw), for teams that check their platform in CI or review acknowledgements.
 */
export function auditDeclaration(declaration: AuditableDeclaration): DeclarationAudit {
  const findings = evaluateRules({ declaration, plan: declaration.resolvePlan() }, declaration.acknowledgements);
  return {
    violations: findings.filter((f) => f.acknowledgement === undefined),
    acknowledged: findings.filter((f) => f.acknowledgement !== undefined),
  };
}
