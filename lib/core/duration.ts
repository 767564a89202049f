import { invalidDuration, negativeDuration } from './errors';

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};
const NUMBER = '(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)';
const UNIT = '(?:ns|us|µs|μs|ms|s|m|h)';
const GO_DURATION = new RegExp(`^(?:${NUMBER}${UNIT})+$`);
const GO_DURATION_PART = new RegExp(`(${NUMBER})(${UNIT})`, 'g');

/**
 * A length of time, rendered as a Go duration string (`"1h30m"`) where ESO and Reloader expect one.
 *
 * Enum-like value class: build it with `Duration.seconds()`, `minutes()`, `hours()`, `days()` or
 * `Duration.parse("1h30m")`. Bad input throws at synth, never at reconcile time.
 */
export class Duration {
  /** Zero: for ESO `refreshInterval` this means "fetch once and never refresh". */
  public static readonly ZERO = new Duration(0);

  /** A number of seconds. */
  public static seconds(amount: number): Duration {
    return Duration.of(amount * 1000, `${amount}s`);
  }

  /** A number of minutes. */
  public static minutes(amount: number): Duration {
    return Duration.of(amount * 60_000, `${amount}m`);
  }

  /** A number of hours. */
  public static hours(amount: number): Duration {
    return Duration.of(amount * 3_600_000, `${amount}h`);
  }

  /** A number of days (rendered in hours: Go durations have no day unit). */
  public static days(amount: number): Duration {
    return Duration.of(amount * 86_400_000, `${amount}d`);
  }

  /**
   * Parses a Go duration string (`"90s"`, `"1h30m"`, `"0"`).
   *
   * @param value the string to parse
   * @param path construct path, for the error message
   * @param prop prop name, for the error message
   */
  public static parse(value: string, path = 'Duration', prop = 'duration'): Duration {
    if (value === '0') {
      return Duration.ZERO;
    }
    if (!GO_DURATION.test(value)) {
      throw invalidDuration(path, prop, value);
    }
    let total = 0;
    for (const match of value.matchAll(GO_DURATION_PART)) {
      total += Number(match[1]) * UNIT_MS[match[2]];
    }
    return new Duration(total);
  }

  private static of(milliseconds: number, original: string): Duration {
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw negativeDuration('Duration', 'amount', Number.parseFloat(original));
    }
    return new Duration(milliseconds);
  }

  private constructor(private readonly milliseconds: number) {}

  /** The length in milliseconds. */
  public toMilliseconds(): number {
    return this.milliseconds;
  }

  /** The length in whole seconds (rounded down). */
  public toSeconds(): number {
    return Math.floor(this.milliseconds / 1000);
  }

  /**
   * The compact Go form: `"1h30m"`, `"45s"`, `"0s"`, `"250ms"`. Go's `time.ParseDuration` accepts it,
   * and rendering is stable, so synth output is byte-identical across runs.
   */
  public toGoString(): string {
    let rest = Math.round(this.milliseconds);
    if (rest === 0) {
      return '0s';
    }
    const parts: string[] = [];
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    const millis = rest - seconds * 1000;
    if (hours) parts.push(`${hours}h`);
    if (minutes) parts.push(`${minutes}m`);
    if (seconds) parts.push(`${seconds}s`);
    if (millis) parts.push(`${millis}ms`);
    return parts.join('');
  }

  /** Same as {@link toGoString}. */
  public toString(): string {
    return this.toGoString();
  }
}
