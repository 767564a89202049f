import { parseGoDuration } from '../../lib/validation/go-duration';

describe('parseGoDuration (Go time.ParseDuration)', () => {
  test.each([
    ['0', 0n], ['-0', 0n], ['+0', 0n], ['0s', 0n], ['300ms', 300_000_000n], ['1h30m', 5_400_000_000_000n], ['1h0m0s', 3_600_000_000_000n],
    ['1.5h', 5_400_000_000_000n], ['.5s', 500_000_000n], ['5.s', 5_000_000_000n], ['-1m', -60_000_000_000n], ['+2s', 2_000_000_000n],
    ['1µs', 1_000n], ['1μs', 1_000n], ['1us', 1_000n], ['1ns', 1n], ['2562047h47m16.854775807s', 9_223_372_036_854_775_807n],
  ])('%s is a Go duration', (text, nanoseconds) => {
    // GIVEN a string Go parses / WHEN parsed / THEN its nanoseconds
    expect(parseGoDuration(text)).toEqual({ nanoseconds });
  });

  test.each([
    ['', 'an empty duration'], ['-', 'an empty duration'], ['1d', 'a unit Go does not know'], ['1h 30m', 'a unit Go does not know'],
    ['1', 'a number without a unit'], ['h', 'a part that does not start with a number'], ['.s', 'a "." without digits'],
    ['1H', 'a unit Go does not know'], ['1constructor', 'a unit Go does not know'], ['2562048h', 'more than Go\'s int64 nanoseconds hold'],
    ['9223372036854775808ns', 'more than Go\'s int64 nanoseconds hold'], [' 1h', 'a part that does not start with a number'],
  ])('%j is not a Go duration: %s', (text, error) => {
    // GIVEN a string Go refuses / WHEN parsed / THEN the reason, without echoing the text
    expect(parseGoDuration(text)).toEqual({ error });
  });

  test('Go accepts one more nanosecond for a negative duration', () => {
    expect(parseGoDuration('-9223372036854775808ns')).toEqual({ nanoseconds: -9_223_372_036_854_775_808n });
  });
});
