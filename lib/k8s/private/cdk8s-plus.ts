/**
 * The cdk8s-plus module the constructs use at run time: the first installed 2.x line (28 to 34,
 * the same API), so a project on cdk8s-plus-33 does not need cdk8s-plus-28. Types come from
 * cdk8s-plus-28 (type-only import, erased from the compiled JavaScript).
 */
import type * as Cdk8sPlus28 from 'cdk8s-plus-28';
import { noCdk8sPlusLine } from '../../core/errors';

/** The API the library uses, typed with cdk8s-plus-28. */
export type Cdk8sPlus = typeof Cdk8sPlus28;

/** The cdk8s-plus 2.x lines the library accepts, in the order they are tried. */
export const CDK8S_PLUS_LINES: readonly string[] = [28, 29, 30, 31, 32, 33, 34].map((n) => `cdk8s-plus-${n}`);

function isMissing(error: unknown, line: string): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === 'MODULE_NOT_FOUND' && typeof e.message === 'string' && e.message.includes(`'${line}'`);
}

/**
 * Loads the first installed line of `lines` with `load` (`require` by default).
 * Throws the library's error when none is installed; other load errors propagate.
 */
export function loadCdk8sPlus(load: (id: string) => unknown = require, lines: readonly string[] = CDK8S_PLUS_LINES): Cdk8sPlus {
  for (const line of lines) {
    try {
      return load(line) as Cdk8sPlus;
    } catch (e) {
      if (!isMissing(e, line)) {
        throw e;
      }
    }
  }
  throw noCdk8sPlusLine(lines);
}

/** The installed cdk8s-plus line. */
export const kplus: Cdk8sPlus = loadCdk8sPlus();
