/** Messages of the rule engine itself (each rule keeps its own message beside it, in its file). */
import { ConfigurationError, configurationError } from '../errors/format';
import type { PlanRule, RuleViolation } from './rule';

/** A bad acknowledgement. */
export function invalidAcknowledgement(path: string, prop: string, value: unknown, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}

/** A rule violation as the library's error: the rule id closes the fix, and how to acknowledge where allowed. */
export class RuleViolationError extends ConfigurationError {
  /** Id of the violated rule. */
  public readonly ruleId: string;
  /** Subject of the violation (what `appliesTo` names to acknowledge it). */
  public readonly subject: string;

  /**
   * @param via how the user acknowledges it: `declaration.acknowledge(…)` for plan rules, the
   *   construct's `acknowledgements` prop for output rules
   */
  constructor(rule: Pick<PlanRule, 'id' | 'acknowledgeable'>, violation: RuleViolation, via: 'declaration' | 'construct' = 'declaration') {
    const ack = `{ ruleId: '${rule.id}', reason: '…', appliesTo: ['${violation.subject}'] }`;
    const acknowledge = !rule.acknowledgeable ? ''
      : via === 'declaration' ? `; or, if the exception is intended, declaration.acknowledge(${ack})`
        : `; or, if the exception is intended, add ${ack} to the construct's acknowledgements`;
    super({ path: violation.path, prop: violation.prop, value: violation.value, allowed: violation.allowed, fix: `${violation.fix} (rule ${rule.id}${acknowledge})` });
    this.ruleId = rule.id;
    this.subject = violation.subject;
  }
}
