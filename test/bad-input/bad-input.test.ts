import { CASES } from './cases';
import { EXPECTED } from './expected';

/** Secrets the corpus passes in; no message may echo them. */
const SECRETS = ['hunter2', 's3cret', 'hvs.abcdef', 'hvs.secret', 'wJalrXUtnFEMI', 'AKIAIOSFODNN7EXAMPLE', 'BEGIN RSA PRIVATE KEY', 'changeme'];

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the input to be rejected, but nothing was thrown');
}

describe('bad input through the public API', () => {
  test('the corpus has at least 150 cases, each with an expected message', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(150);
    expect(Object.keys(EXPECTED).sort()).toEqual(CASES.map(([name]) => name).sort());
  });

  test.each(CASES.map(([name, run]) => [name, run] as const))('%s', (name, run) => {
    // GIVEN a bad input / WHEN it is built
    const error = thrown(run);
    // THEN the library's error with the exact message, never a TypeError, never a secret
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    const expected = EXPECTED[name];
    if (error.name === 'ConfigurationError') {
      expect(error.message).toBe(expected);
    } else {
      // Synth-time validations (node.addValidation) are reported by cdk8s/cdktf, one line per error.
      expect(error.message.split('\n').map((l) => l.trim())).toContain(expected);
    }
    expect(expected).toMatch(/^\[[^\]]+\] .+?: received .+\. Allowed: .+\. Fix: .+\.$/s);
    for (const secret of SECRETS) {
      expect(error.message).not.toContain(secret);
    }
  });
});
