import { invalidRotationExpression, secretRotationOutOfRange } from '../core/errors';

/** When Secrets Manager rotates a secret (an open set: every N days or a schedule expression). */
export class RotationSchedule {
  /** Rotate every `days` days (1-1000). */
  public static everyDays(days: number): RotationSchedule {
    if (!Number.isInteger(days) || days < 1 || days > 1000) {
      throw secretRotationOutOfRange('RotationSchedule', 'days', days);
    }
    return new RotationSchedule(days, undefined);
  }

  /** Rotate on a schedule expression: `rate(10 days)` or `cron(0 16 1,15 * ? *)`. */
  public static expression(expression: string): RotationSchedule {
    if (!/^(rate|cron)\(.+\)$/.test(expression)) {
      throw invalidRotationExpression('RotationSchedule', 'expression', expression);
    }
    return new RotationSchedule(undefined, expression);
  }

  private constructor(
    /** Days between rotations, for {@link RotationSchedule.everyDays}. */
    public readonly automaticallyAfterDays: number | undefined,
    /** The expression, for {@link RotationSchedule.expression}. */
    public readonly scheduleExpression: string | undefined,
  ) {}
}
