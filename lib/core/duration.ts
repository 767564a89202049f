import { durationOutOfBounds, invalidDuration, invalidDurationValue, wrongType } from './errors';

const UNIT_NS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3,
  'μs': 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};
const NUMBER = '(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)';
const UNIT = '(?:ns|us|µs|μs|ms|s|m|h)';
const GO_DURATION = new RegExp(`^(?:${NUMBER}${UNIT})+$`);
const GO_DURATION_PART = new RegExp(`(${NUMBER})(${UNIT})`, 'g');

/** Go's `time.Duration` is an int64 of nanoseconds: the longest duration it holds (about 2562047h47m). */
const GO_MAX_NS = 2 ** 63 - 1;

/** What a consumer accepts, for {@link Duration.assertValid} and {@link assertDuration}. */
export interface DurationBounds {
  /**
   * Smallest non-zero duration accepted (zero is governed by `allowZero`).
   * @default - any positive duration
   */
  readonly min?: Duration;
  /**
   * Largest duration accepted.
   * @default - Go's limit (about 2562047h)
   */
  readonly max?: Duration;
  /**
   * Whether zero is accepted.
   * @default true
   */
  readonly allowZero?: boolean;
  /**
   * The unit the consumer counts in (`'s'` for whole seconds, `'d'` for whole days); the duration must be
   * a whole number of it.
   * @default - any precision down to nanoseconds
   */
  readonly wholeUnit?: 's' | 'd';
  /**
   * What zero means for this consumer, added to the message when zero is refused.
   * @default - none
   */
  readonly zeroMeaning?: string;
}

/**
 * A length of time, rendered as a Go duration string (`"1h30m"`) where ESO and Reloader expect one.
 *
 * Enum-like value class: build it with `Duration.seconds()`, `minutes()`, `hours()`, `days()` or
 * `Duration.parse("1h30m")`. A bad amount (NaN, infinite, negative, past Go's int64 nanoseconds) or an
 * unparsable string is reported by the construct that uses the duration, with its path and prop
 * (`[chart/app] refreshInterval: received Duration.seconds(-5) ...`), never by the class.
 */
export class Duration {
  /** Zero: for ESO `refreshInterval` this means "fetch once and never refresh". */
  public static readonly ZERO = new Duration(0, 'Duration.ZERO');

  /** A number of seconds. */
  public static seconds(amount: number): Duration {
    return Duration.of(amount, 1e9, 'seconds');
  }

  /** A number of minutes. */
  public static minutes(amount: number): Duration {
    return Duration.of(amount, 60e9, 'minutes');
  }

  /** A number of hours. */
  public static hours(amount: number): Duration {
    return Duration.of(amount, 3600e9, 'hours');
  }

  /** A number of days (rendered in hours: Go durations have no day unit). */
  public static days(amount: number): Duration {
    return Duration.of(amount, 86400e9, 'days');
  }

  /** A number of milliseconds. */
  public static millis(amount: number): Duration {
    return Duration.of(amount, 1e6, 'millis');
  }

  /**
   * Parses a Go duration string (`"90s"`, `"1h30m"`, `"0"`).
   *
   * When `path` is given, a bad string throws at once with that path and prop; otherwise the error is
   * raised by the construct that uses the duration, at its path and prop.
   *
   * @param value the string to parse
   * @param path construct path, for the error message
   * @param prop prop name, for the error message
   */
  public static parse(value: string, path?: string, prop = 'duration'): Duration {
    const source = `Duration.parse(${typeof value === 'string' ? JSON.stringify(value) : describeArg(value)})`;
    if (typeof value !== 'string') {
      if (path !== undefined) {
        throw wrongType(path, prop, value, 'a Go duration string');
      }
      return new Duration(NaN, source, 'the string to parse is not a string');
    }
    if (value === '0') {
      return new Duration(0, source);
    }
    if (!GO_DURATION.test(value)) {
      if (path !== undefined) {
        throw invalidDuration(path, prop, value);
      }
      return new Duration(NaN, source,
        'a string such as "30s", "15m", "1h" or "1h30m" (units ns, us, ms, s, m, h), or "0"; no sign, no spaces, no day unit');
    }
    let total = 0;
    for (const match of value.matchAll(GO_DURATION_PART)) {
      total += Number(match[1]) * UNIT_NS[match[2]];
    }
    const result = new Duration(total, source, total > GO_MAX_NS ? 'at most 2562047h47m16.854775807s (Go\'s int64 nanoseconds)' : undefined);
    if (path !== undefined) {
      result.assertValid(path, prop);
    }
    return result;
  }

  private static of(amount: number, unitNs: number, unit: string): Duration {
    const source = `Duration.${unit}(${describeArg(amount)})`;
    if (typeof amount !== 'number') {
      return new Duration(NaN, source, `the amount is not a number`);
    }
    if (Number.isNaN(amount)) {
      return new Duration(NaN, source, 'the amount is NaN');
    }
    if (!Number.isFinite(amount)) {
      return new Duration(NaN, source, 'the amount is infinite; Go durations hold at most about 2562047 hours');
    }
    if (amount < 0) {
      return new Duration(NaN, source, 'zero or more (a negative duration is never valid here)');
    }
    const ns = amount * unitNs;
    if (ns > GO_MAX_NS) {
      return new Duration(NaN, source, 'at most 2562047h47m16.854775807s (Go\'s int64 nanoseconds)');
    }
    return new Duration(ns, source);
  }

  private constructor(
    private readonly nanoseconds: number,
    /** How the duration was built (`Duration.seconds(5)`), for messages. */
    private readonly source: string,
    /** Why the amount is invalid, when it is. */
    private readonly problem?: string,
  ) {}

  /** How the duration was built, e.g. `Duration.minutes(5)`: messages show this, not a class name. */
  public get description(): string {
    return this.source;
  }

  /**
   * Throws the library's error at `path`/`prop` when the duration is invalid or outside `bounds`.
   * Constructs call this for every Duration prop before rendering it.
   */
  public assertValid(path: string, prop: string, bounds: DurationBounds = {}): void {
    if (this.problem !== undefined) {
      throw invalidDurationValue(path, prop, this.source, this.problem);
    }
    const ns = this.nanoseconds;
    const rendered = `${this.source} (${this.renderGo()})`;
    if (ns === 0) {
      if (bounds.allowZero === false) {
        throw durationOutOfBounds(path, prop, rendered, `a duration greater than zero${bounds.zeroMeaning ? ` (${bounds.zeroMeaning})` : ''}`,
          bounds.min ? `pass at least ${bounds.min.description}` : 'pass a positive duration');
      }
      return;
    }
    if (bounds.min !== undefined && ns < bounds.min.nanoseconds) {
      throw durationOutOfBounds(path, prop, rendered,
        `${bounds.allowZero === false ? 'a duration' : 'zero or a duration'} of at least ${bounds.min.renderGo()}`,
        `pass at least ${bounds.min.description}${bounds.allowZero === false ? '' : ', or Duration.ZERO'}`);
    }
    if (bounds.max !== undefined && ns > bounds.max.nanoseconds) {
      throw durationOutOfBounds(path, prop, rendered, `a duration of at most ${bounds.max.renderGo()}`, `pass at most ${bounds.max.description}`);
    }
    if (bounds.wholeUnit === 's' && !Number.isInteger(ns / 1e9)) {
      throw durationOutOfBounds(path, prop, rendered, 'a whole number of seconds (the consumer counts in seconds)',
        `pass Duration.seconds(${Math.max(1, Math.ceil(ns / 1e9))})`);
    }
    if (bounds.wholeUnit === 'd' && !Number.isInteger(ns / 86400e9)) {
      throw durationOutOfBounds(path, prop, rendered, 'a whole number of days (the consumer counts in days)',
        `pass Duration.days(${Math.max(1, Math.round(ns / 86400e9))})`);
    }
  }

  /** The length in milliseconds. */
  public toMilliseconds(): number {
    this.assertUsable();
    return this.nanoseconds / 1e6;
  }

  /** The length in whole seconds (rounded down). */
  public toSeconds(): number {
    this.assertUsable();
    return Math.floor(this.nanoseconds / 1e9);
  }

  /** The length in days (fractional when not a whole number of days). */
  public toDays(): number {
    this.assertUsable();
    return this.nanoseconds / 86400e9;
  }

  /**
   * The compact Go form: `"1h30m"`, `"45s"`, `"0s"`, `"250ms"`, `"1.5µs"` is rendered `"1us500ns"`.
   * Exact to the nanosecond, so a non-zero duration never renders as `"0s"`; Go's `time.ParseDuration`
   * accepts it, and rendering is stable, so synth output is byte-identical across runs.
   */
  public toGoString(): string {
    this.assertUsable();
    return this.renderGo();
  }

  /** Same as {@link toGoString}. */
  public toString(): string {
    return this.problem !== undefined ? this.source : this.renderGo();
  }

  private assertUsable(): void {
    if (this.problem !== undefined) {
      throw invalidDurationValue(this.source, 'amount', this.source, this.problem);
    }
  }

  private renderGo(): string {
    let rest = BigInt(Math.round(this.nanoseconds));
    if (rest === 0n) {
      return '0s';
    }
    const parts: string[] = [];
    for (const [unit, size] of [['h', 3_600_000_000_000n], ['m', 60_000_000_000n], ['s', 1_000_000_000n], ['ms', 1_000_000n], ['us', 1_000n], ['ns', 1n]] as const) {
      const count = rest / size;
      rest -= count * size;
      if (count > 0n) {
        parts.push(`${count}${unit}`);
      }
    }
    return parts.join('');
  }
}

function describeArg(value: unknown): string {
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  return value === null ? 'null' : value === undefined ? 'undefined' : typeof value;
}

/**
 * Throws the library's error unless `value` is a valid {@link Duration} within `bounds`. Skips
 * `undefined` (optional props). Use at the point of use, with the construct path and the prop.
 */
export function assertDuration(path: string, prop: string, value: unknown, bounds: DurationBounds = {}): void {
  if (value === undefined) {
    return;
  }
  if (!(value instanceof Duration)) {
    throw wrongType(path, prop, value, 'a Duration (Duration.seconds(), minutes(), hours(), days() or parse())');
  }
  value.assertValid(path, prop, bounds);
}

/** The bounds of ESO's refresh and retry intervals: zero (where it means "once") or at least one second. */
export const ESO_INTERVAL_BOUNDS: DurationBounds = { min: Duration.seconds(1) };
