import { Duration } from '../../lib/core';

describe('Duration', () => {
  test.each([
    ['1h', '1h'], ['90s', '1m30s'], ['1h30m', '1h30m'], ['1.5h', '1h30m'], ['250ms', '250ms'], ['.5s', '500ms'], ['0', '0s'], ['0s', '0s'],
  ])('parses %s as %s', (input, expected) => {
    expect(Duration.parse(input).toGoString()).toBe(expected);
  });

  test('factories render compact Go durations', () => {
    expect(Duration.hours(1).toGoString()).toBe('1h');
    expect(Duration.minutes(90).toString()).toBe('1h30m');
    expect(Duration.days(1).toGoString()).toBe('24h');
    expect(Duration.seconds(45).toSeconds()).toBe(45);
    expect(Duration.ZERO.toMilliseconds()).toBe(0);
  });

  test.each(['abc', '1x', '', 'h', '1h1', '-1h', '1 h'])('fails on the unparsable duration %j with the construct path and prop', (input) => {
    expect(() => Duration.parse(input, 'chart/es', 'refreshInterval')).toThrow(
      `[chart/es] refreshInterval: received ${JSON.stringify(input)}. Allowed: a Go duration such as "30s", "15m", "1h" or "1h30m" (units ns, us, ms, s, m, h), or "0". ` +
      'Fix: use Duration.seconds(), Duration.minutes(), Duration.hours() or Duration.parse() with a valid string.');
  });

  test('a negative amount is reported where the duration is used, never by the class', () => {
    // GIVEN
    const bad = Duration.minutes(-5);
    // WHEN / THEN
    expect(() => bad.assertValid('chart/es', 'spec.refreshInterval')).toThrow(
      '[chart/es] spec.refreshInterval: received Duration.minutes(-5). Allowed: a Go duration: zero or more (a negative duration is never valid here). ' +
      'Fix: pass Duration.seconds(n), minutes(n), hours(n) or days(n) with a finite n >= 0, or Duration.parse() with a Go duration string such as "1h30m".');
    expect(() => bad.toGoString()).toThrow('[Duration.minutes(-5)] amount: received Duration.minutes(-5).');
  });

  test.each([
    [Duration.seconds(NaN), 'Duration.seconds(NaN)', 'the amount is NaN'],
    [Duration.hours(Infinity), 'Duration.hours(Infinity)', 'the amount is infinite; Go durations hold at most about 2562047 hours'],
    [Duration.days(200000), 'Duration.days(200000)', 'at most 2562047h47m16.854775807s (Go\'s int64 nanoseconds)'],
    [Duration.parse('3000000h'), 'Duration.parse("3000000h")', 'at most 2562047h47m16.854775807s (Go\'s int64 nanoseconds)'],
  ])('rejects %s at the point of use', (duration, source, reason) => {
    expect(() => duration.assertValid('p', 'x')).toThrow(`[p] x: received ${source}. Allowed: a Go duration: ${reason}. Fix:`);
  });

  test('renders sub-millisecond durations exactly, never as 0s', () => {
    expect(Duration.parse('1.5us').toGoString()).toBe('1us500ns');
    expect(Duration.parse('100ns').toGoString()).toBe('100ns');
    expect(Duration.millis(1500).toGoString()).toBe('1s500ms');
  });

  test('bounds of the consumer: minimum, whole seconds, zero', () => {
    expect(() => Duration.millis(500).assertValid('p', 'x', { min: Duration.seconds(1) })).toThrow(
      '[p] x: received Duration.millis(500) (500ms). Allowed: zero or a duration of at least 1s. Fix: pass at least Duration.seconds(1), or Duration.ZERO.');
    expect(() => Duration.millis(1500).assertValid('p', 'x', { wholeUnit: 's' })).toThrow(
      '[p] x: received Duration.millis(1500) (1s500ms). Allowed: a whole number of seconds (the consumer counts in seconds). Fix: pass Duration.seconds(2).');
    expect(() => Duration.ZERO.assertValid('p', 'x', { allowZero: false, zeroMeaning: 'zero disables it' })).toThrow(
      '[p] x: received Duration.ZERO (0s). Allowed: a duration greater than zero (zero disables it). Fix: pass a positive duration.');
  });
});
