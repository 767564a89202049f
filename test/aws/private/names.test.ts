import { Construct } from 'constructs';
import { physicalName } from '../../../lib/aws/private/names';
import { makeStack } from '../util';

describe('physicalName', () => {
  test('joins the path below the stack and cleans it', () => {
    // GIVEN
    const stack = makeStack();
    const child = new Construct(new Construct(stack, 'Team A'), 'Role');
    // WHEN / THEN
    expect(physicalName(child, 64)).toBe('Team-A-Role');
  });

  test('cuts long paths with a stable hash', () => {
    // GIVEN
    const stack = makeStack();
    const child = new Construct(stack, 'x'.repeat(100));
    // WHEN
    const name = physicalName(child, 64);
    // THEN
    expect(name).toHaveLength(64);
    expect(name).toBe(physicalName(child, 64));
    expect(name).toMatch(/^x{55}-[0-9a-f]{8}$/);
  });
});
