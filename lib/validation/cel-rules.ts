/**
 * The CRDs' `x-kubernetes-validations` CEL rules as an ajv keyword: each rule is compiled once with
 * @marcbachmann/cel-js and evaluated with `self` bound to the object it is declared on, as the API
 * server does. Transition rules (`oldSelf`) do not apply to a create and are skipped.
 */
import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv';

/** One rule of `x-kubernetes-validations`. */
export interface CelRule {
  /** The CEL expression. */
  readonly rule: string;
  /**
   * The message the API server reports.
   * @default - the rule itself
   */
  readonly message?: string;
}

type Compiled = (context: Record<string, unknown>) => unknown;
type CelModule = { parse(expression: string): Compiled };

let cel: CelModule | undefined;
const compiled = new Map<string, Compiled>();

function compile(rule: string): Compiled {
  let fn = compiled.get(rule);
  if (!fn) {
    // Loaded on first use: the module is ESM (require(esm), Node >= 20.19).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cel ??= require('@marcbachmann/cel-js') as CelModule;
    fn = cel.parse(rule);
    compiled.set(rule, fn);
  }
  return fn;
}

/** Evaluates one rule against `self`; true when it holds (a rule that cannot be evaluated does not hold). */
export function celRuleHolds(rule: string, self: unknown): boolean {
  try {
    return compile(rule)({ self }) === true;
  } catch {
    return false;
  }
}

const validate: SchemaValidateFunction = function celRules(rules: readonly CelRule[], data: unknown): boolean {
  if (data === null || typeof data !== 'object') {
    return true; // the type keyword reports it
  }
  const failed = rules.filter((r) => !/\boldSelf\b/.test(r.rule) && !celRuleHolds(r.rule, data));
  if (failed.length === 0) {
    return true;
  }
  validate.errors = failed.map((r) => ({
    keyword: 'x-kubernetes-validations',
    message: r.message,
    params: { rule: r.rule },
  }));
  return false;
};

/** The ajv keyword definition. */
export const CEL_RULES_KEYWORD: FuncKeywordDefinition = {
  keyword: 'x-kubernetes-validations',
  schemaType: 'array',
  errors: true,
  validate,
};
