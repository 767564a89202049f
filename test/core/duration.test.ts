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

  test('fails on a negative amount', () => {
    expect(() => Duration.minutes(-5)).toThrow(
      '[Duration] amount: received -5. Allowed: a duration of zero or more. Fix: pass a non-negative amount.');
  });
});
