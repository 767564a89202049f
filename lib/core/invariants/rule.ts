/**
 * The shape of a security invariant: one rule per file under `rules/`, with a stable id, a title, its
 * message parts beside it, and tests (cdk-nag's rule-per-file layout). Rules read the plan (identities,
 * trusted service accounts, reads, matched finds, dynamic secrets, pushes, stores and the namespaces they
 * admit, tenants), never the syntax that produced it, so every route by which input reaches a grant, a
 * trust or a name meets the rule. Engine-free: both apps run the same rules and fail identically.
 */
import type { DeclarationPlan } from '../declaration/plan-types';
import type { DeclarationView } from '../declaration/view';

/** Family of a rule (the part of its id after `CES-`). */
export enum RuleCategory {
  /** Tenant isolation (`CES-TEN-n`). */
  TENANT_ISOLATION = 'TEN',
  /** Least privilege: every grant traces to a declared use, nothing on a control plane (`CES-LP-n`). */
  LEAST_PRIVILEGE = 'LP',
  /** Trust: identities trust exactly the service accounts of their consumers (`CES-TR-n`). */
  TRUST = 'TR',
  /** No secret material in YAML, Terraform JSON or state (`CES-SM-n`). */
  SECRET_MATERIAL = 'SM',
  /** ESO semantics: combinations that never deliver (`CES-ESO-n`). */
  ESO_SEMANTICS = 'ESO',
  /** Hardening of releases and packages, undone through escape hatches (`CES-HARD-n`). */
  HARDENING = 'HARD',
  /** Verification of the emitted output against the plan (`CES-VER-n`). */
  VERIFIED_OUTPUT = 'VER',
}

/** One breach of a rule: where the user typed the input that produced it, and how to fix it. */
export interface RuleViolation {
  /** Declaration path (`shop/externalSecrets/db`) or construct path that holds the input to blame. */
  readonly path: string;
  /** The prop at that path. */
  readonly prop: string;
  /** The value received (rendered like every message; never a secret: use a `DescribedValue`). */
  readonly value: unknown;
  /** What the rule allows, as a sentence fragment. */
  readonly allowed: string;
  /** How to fix it, as a sentence fragment. */
  readonly fix: string;
  /**
   * What an acknowledgement's `appliesTo` names to cover this violation alone (an identity id, a store
   * id, `<cluster>/<namespace>/<serviceAccount>`, …), stable across runs.
   */
  readonly subject: string;
}

/** What every rule over the plan is given. */
export interface PlanRuleContext {
  /** The declaration (for paths, tenants and declared elements). */
  readonly declaration: DeclarationView;
  /** Its resolved plan. */
  readonly plan: DeclarationPlan;
}

/** A security invariant checked over a declaration's plan. */
export interface PlanRule {
  /** Stable id, `CES-<category>-<n>`; never reused for another meaning. */
  readonly id: string;
  /** Family. */
  readonly category: RuleCategory;
  /** One line: what the rule guarantees. */
  readonly title: string;
  /** Whether a user may acknowledge a violation with a reason (false for rules no real setup needs to break). */
  readonly acknowledgeable: boolean;
  /** The violations in the plan, in a deterministic order. Runs in O(n log n) of the declaration. */
  check(context: PlanRuleContext): Iterable<RuleViolation>;
}
