/** Shared lookups of the ESO-semantics rules (not a rule). */
import type { ExternalSecretDeclaration } from '../../declaration/consumers';
import type { SecretDeclaration } from '../../declaration/secrets';

/** What the rules and the access matrix read of a secret's rotation. */
export interface RotationView {
  /** Days between rotations. */
  readonly afterDays?: number;
  /** Schedule expression. */
  readonly scheduleExpression?: string;
  /** The rotation function. */
  readonly rotationLambdaArn?: string;
  /** The function's execution role the declaration grants. */
  readonly functionRoleName?: string;
}

/** A secret's rotation, where its backend declares one (`rotation` on AWS Secrets Manager secrets). */
export function rotationOf(secret: SecretDeclaration): RotationView | undefined {
  return (secret as { readonly rotation?: RotationView }).rotation;
}

/**
 * A secret's rotation period in seconds and its wording for messages: every `afterDays` days (30 by
 * default) or a `rate(N hours|days)` expression; undefined for a `cron(...)` expression (no fixed period).
 */
export function rotationPeriodOf(secret: SecretDeclaration): { readonly seconds: number; readonly wording: string } | undefined {
  const rotation = rotationOf(secret);
  if (rotation === undefined) {
    return undefined;
  }
  if (rotation.scheduleExpression === undefined) {
    const days = rotation.afterDays ?? 30;
    return { seconds: days * 86400, wording: `${days} days` };
  }
  const rate = /^rate\((\d+) (hours?|days?)\)$/.exec(rotation.scheduleExpression);
  return rate === null ? undefined
    : { seconds: Number(rate[1]) * (rate[2].startsWith('hour') ? 3600 : 86400), wording: rotation.scheduleExpression };
}

/** Whether a secret rotates. */
export function isRotating(secret: SecretDeclaration): boolean {
  return rotationOf(secret) !== undefined;
}

/** The secrets an ExternalSecret reads by `data` and `extract`, in declaration order. */
export function readsOf(es: ExternalSecretDeclaration): SecretDeclaration[] {
  return [...es.data.map((d) => d.secret), ...es.extract.map((e) => e.secret)];
}
