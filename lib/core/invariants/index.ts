// Re-exports only: the security invariants over the plan and their acknowledgements.
export * from './rule';
export * from './acknowledgements';
export * from './engine';
export { RuleViolationError } from './messages';
export { PLAN_RULES } from './rules';
export * from './output';
