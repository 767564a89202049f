import { ConfigurationError, invalidRotationExpression, notAFactoryValue, secretRotationOutOfRange, wrongType } from '../core/errors';

/**
 * When Secrets Manager rotates a secret (an open set: every N days or a schedule expression).
 *
 * A bad value (0 days, NaN, a malformed expression) is reported by the construct that uses the
 * schedule, at its path and prop (`[stack/Secret] rotation.schedule.days: received 0 ...`).
 */
export class RotationSchedule {
  /** Rotate every `days` days (1-1000). */
  public static everyDays(days: number): RotationSchedule {
    const problem = typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 1000
      ? (path: string, prop: string) => typeof days !== 'number'
        ? wrongType(path, `${prop}.days`, days, 'a whole number of days from 1 to 1000')
        : secretRotationOutOfRange(path, `${prop}.days`, days)
      : undefined;
    return new RotationSchedule(problem ? undefined : days, undefined, problem);
  }

  /** Rotate on a schedule expression: `rate(10 days)` or `cron(0 16 1,15 * ? *)`. */
  public static expression(expression: string): RotationSchedule {
    const valid = typeof expression === 'string'
      && (/^rate\(\d+ (hours?|days?)\)$/.test(expression) || /^cron\((\S+ ){5}\S+\)$/.test(expression));
    const problem = valid ? undefined : (path: string, prop: string) => typeof expression !== 'string'
      ? wrongType(path, `${prop}.expression`, expression, 'a schedule expression string')
      : invalidRotationExpression(path, `${prop}.expression`, expression);
    return new RotationSchedule(undefined, valid ? expression : undefined, problem);
  }

  /**
   * Throws the library's error unless `value` is a valid RotationSchedule, at the consumer's path and prop.
   */
  public static assertValid(path: string, prop: string, value: unknown): asserts value is RotationSchedule {
    if (!(value instanceof RotationSchedule)) {
      throw notAFactoryValue(path, prop, value, 'RotationSchedule.everyDays(n) or RotationSchedule.expression("rate(...)")');
    }
    if (value.problem !== undefined) {
      throw value.problem(path, prop);
    }
  }

  private constructor(
    /** Days between rotations, for {@link RotationSchedule.everyDays}. */
    public readonly automaticallyAfterDays: number | undefined,
    /** The expression, for {@link RotationSchedule.expression}. */
    public readonly scheduleExpression: string | undefined,
    private readonly problem?: (path: string, prop: string) => ConfigurationError,
  ) {}
}
