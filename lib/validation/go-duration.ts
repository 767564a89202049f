/**
 * Go's `time.ParseDuration`, ported rule for rule (Go 1.24, `src/time/format.go`), so the validator
 * accepts exactly the strings ESO can decode: `metav1.Duration` fields unmarshal with it, and the
 * stores' `refreshInterval` and `retryInterval` are read with it.
 *
 * - an optional sign `-` or `+`, then `0` alone, or one or more `<number><unit>` pairs;
 * - a number is digits with an optional fraction (`1`, `1.5`, `.5`, `5.`), never just `.`;
 * - a unit is the run of characters up to the next digit or `.`, and must be one of
 *   `ns`, `us`, `µs` (U+00B5), `μs` (U+03BC), `ms`, `s`, `m`, `h`: no day unit, no spaces;
 * - the total must fit Go's int64 nanoseconds (at most 2562047h47m16.854775807s; one more for a
 *   negative value).
 */

const UNITS: ReadonlyMap<string, bigint> = new Map(Object.entries({
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}));

const LIMIT = 1n << 63n;

/** A parsed Go duration (signed nanoseconds), or why the string is not one. */
export type GoDuration = { readonly nanoseconds: bigint; readonly error?: undefined } | { readonly error: string };

/** Parses a Go duration string as `time.ParseDuration` does. */
export function parseGoDuration(value: string): GoDuration {
  const error = (reason: string): GoDuration => ({ error: reason });
  let s = value;
  let negative = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') {
    return { nanoseconds: 0n };
  }
  if (s === '') {
    return error('an empty duration');
  }
  let total = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) {
      return error('a part that does not start with a number');
    }
    const whole = /^[0-9]*/.exec(s)![0];
    s = s.slice(whole.length);
    let fraction = '';
    if (s[0] === '.') {
      fraction = /^[0-9]*/.exec(s.slice(1))![0];
      s = s.slice(1 + fraction.length);
    }
    if (whole === '' && fraction === '') {
      return error('a "." without digits');
    }
    const unit = /^[^0-9.]*/.exec(s)![0];
    s = s.slice(unit.length);
    if (unit === '') {
      return error('a number without a unit');
    }
    const size = UNITS.get(unit);
    if (size === undefined) {
      return error('a unit Go does not know');
    }
    const v = BigInt(whole === '' ? '0' : whole);
    if (v > LIMIT / size) {
      return error('more than Go\'s int64 nanoseconds hold');
    }
    let part = v * size;
    if (fraction !== '' && /[1-9]/.test(fraction)) {
      // Go adds the fraction as float64(f) * (float64(unit) / scale), truncated: exact enough here.
      part += BigInt(Math.trunc(Number(`0.${fraction}`) * Number(size)));
    }
    total += part;
    if (total > LIMIT) {
      return error('more than Go\'s int64 nanoseconds hold');
    }
  }
  if (!negative && total > LIMIT - 1n) {
    return error('more than Go\'s int64 nanoseconds hold');
  }
  return { nanoseconds: negative ? -total : total };
}
