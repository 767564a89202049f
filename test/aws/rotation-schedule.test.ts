import { RotationSchedule } from '../../lib/aws/rotation-schedule';

describe('RotationSchedule', () => {
  test('every N days or an expression', () => {
    // GIVEN / WHEN
    const days = RotationSchedule.everyDays(30);
    const expression = RotationSchedule.expression('rate(10 days)');
    // THEN
    expect(days.automaticallyAfterDays).toBe(30);
    expect(days.scheduleExpression).toBeUndefined();
    expect(expression.scheduleExpression).toBe('rate(10 days)');
  });

  test('fails on 0 days', () => {
    // GIVEN / WHEN / THEN
    expect(() => RotationSchedule.everyDays(0))
      .toThrow('[RotationSchedule] days: received 0. Allowed: a whole number of days from 1 to 1000. Fix: pass RotationSchedule.everyDays(n) with 1 <= n <= 1000, or RotationSchedule.expression("rate(...)"/"cron(...)").');
  });

  test('fails on an expression that is neither rate nor cron', () => {
    // GIVEN / WHEN / THEN
    expect(() => RotationSchedule.expression('every day'))
      .toThrow('[RotationSchedule] expression: received "every day". Allowed: a schedule expression "rate(<n> days|hours)" or "cron(<6 fields>)". Fix: for example RotationSchedule.expression("rate(30 days)").');
  });
});
