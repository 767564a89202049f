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

  test('fails on 0 days, NaN and malformed expressions where the schedule is used', () => {
    expect(() => RotationSchedule.assertValid('s', 'rotation.schedule', RotationSchedule.everyDays(NaN)))
      .toThrow('[s] rotation.schedule.days: received NaN. Allowed: a whole number of days from 1 to 1000.');
    expect(() => RotationSchedule.assertValid('s', 'rotation.schedule', RotationSchedule.expression('rate(ten days)')))
      .toThrow('[s] rotation.schedule.expression: received "rate(ten days)".');
    expect(() => RotationSchedule.assertValid('s', 'rotation.schedule', { automaticallyAfterDays: 3 }))
      .toThrow('[s] rotation.schedule: received an object. Allowed: a value built with RotationSchedule.everyDays(n) or RotationSchedule.expression("rate(...)"). Fix: build it with RotationSchedule.everyDays(n) or RotationSchedule.expression("rate(...)").');
  });

  test('fails on 0 days', () => {
    // GIVEN / WHEN / THEN
    expect(() => RotationSchedule.assertValid('stack/Secret', 'rotation.schedule', RotationSchedule.everyDays(0)))
      .toThrow('[stack/Secret] rotation.schedule.days: received 0. Allowed: a whole number of days from 1 to 1000. Fix: pass RotationSchedule.everyDays(n) with 1 <= n <= 1000, or RotationSchedule.expression("rate(...)"/"cron(...)").');
  });

  test('fails on an expression that is neither rate nor cron', () => {
    // GIVEN / WHEN / THEN
    expect(() => RotationSchedule.assertValid('stack/Secret', 'rotation.schedule', RotationSchedule.expression('every day')))
      .toThrow('[stack/Secret] rotation.schedule.expression: received "every day". Allowed: a schedule expression "rate(<n> days|hours)" or "cron(<6 fields>)". Fix: for example RotationSchedule.expression("rate(30 days)").');
  });
});
