/**
 * Acknowledgements: where a real setup needs an exception to a rule, the user acknowledges it by id, with
 * a reason, optionally for some subjects only (cdk-nag's suppressions are the model). Nothing is
 * silently allowed: an acknowledged violation is listed by {@link auditDeclaration} and in the access
 * matrix with its reason.
 */
import { wrongType } from '../errors';
import { invalidAcknowledgement } from './messages';

/** An acknowledged exception to a rule. */
export interface Acknowledgement {
  /** Id of the rule (`CES-TR-2`). */
  readonly ruleId: string;
  /** Why the exception is needed (at least 10 characters, shown in the access matrix). */
  readonly reason: string;
  /**
   * Subjects the acknowledgement covers (the `subject` of each violation: an identity id, a store id, …).
   * @default - every violation of the rule in this declaration
   */
  readonly appliesTo?: readonly string[];
}

/** Minimum length of a reason: a word or two is not a reason. */
export const MIN_REASON_LENGTH = 10;

/**
 * Checks an acknowledgement as typed (shape, known and acknowledgeable rule id, reason, subjects) and
 * returns a frozen copy.
 * @param path declaration path the acknowledgement was given at, for messages
 * @param known the rules that exist, by id, with whether they may be acknowledged
 */
export function checkAcknowledgement(path: string, value: unknown, known: ReadonlyMap<string, boolean>): Acknowledgement {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw wrongType(path, 'acknowledgement', value, 'an object { ruleId, reason, appliesTo? }');
  }
  const ack = value as Record<string, unknown>;
  const ruleId = ack.ruleId;
  if (typeof ruleId !== 'string' || !known.has(ruleId)) {
    throw invalidAcknowledgement(path, 'ruleId', ruleId, `the id of a rule that exists: ${[...known.keys()].sort().join(', ') || 'none'}`,
      'copy the rule id from the error message or the rules README (lib/core/invariants/README.md)');
  }
  if (known.get(ruleId) !== true) {
    throw invalidAcknowledgement(path, 'ruleId', ruleId, 'an acknowledgeable rule; this rule has no legitimate exception',
      'change the declaration so the rule holds');
  }
  const reason = ack.reason;
  if (typeof reason !== 'string' || reason.trim().length < MIN_REASON_LENGTH) {
    throw invalidAcknowledgement(path, 'reason', typeof reason === 'string' ? reason.trim() : reason,
      `a reason of at least ${MIN_REASON_LENGTH} characters`, 'say why the exception is needed; reviewers read it in the access matrix');
  }
  let appliesTo: readonly string[] | undefined;
  if (ack.appliesTo !== undefined) {
    if (!Array.isArray(ack.appliesTo) || ack.appliesTo.length === 0 || ack.appliesTo.some((s) => typeof s !== 'string' || s.trim() === '')) {
      throw invalidAcknowledgement(path, 'appliesTo', ack.appliesTo, 'a non-empty list of subjects (strings), as named in the violation\'s message',
        'list the subjects the exception is for, or leave appliesTo out to acknowledge every violation of the rule');
    }
    appliesTo = Object.freeze([...new Set(ack.appliesTo as string[])].sort());
  }
  return Object.freeze({ ruleId, reason: reason.trim(), ...(appliesTo ? { appliesTo } : {}) });
}

/** Whether an acknowledgement covers a violation's subject. */
export function covers(ack: Acknowledgement, ruleId: string, subject: string): boolean {
  return ack.ruleId === ruleId && (ack.appliesTo === undefined || ack.appliesTo.includes(subject));
}
