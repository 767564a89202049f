import * as kplus28 from 'cdk8s-plus-28';
import * as kplus33 from 'cdk8s-plus-33';
import { CDK8S_PLUS_LINES, kplus, loadCdk8sPlus } from '../../../lib/k8s/private/cdk8s-plus';

function notFound(id: string): Error {
  return Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- x.js`), { code: 'MODULE_NOT_FOUND' });
}

describe('cdk8s-plus line resolution', () => {
  test('the lines 28 to 34 are accepted, and this repository resolves cdk8s-plus-28 first', () => {
    // GIVEN / WHEN / THEN
    expect(CDK8S_PLUS_LINES).toEqual(['cdk8s-plus-28', 'cdk8s-plus-29', 'cdk8s-plus-30', 'cdk8s-plus-31', 'cdk8s-plus-32', 'cdk8s-plus-33', 'cdk8s-plus-34']);
    expect(kplus).toBe(kplus28);
  });

  test('a project with only a current line (cdk8s-plus-33) gets that line', () => {
    // GIVEN a loader on which 28 to 32 are not installed
    const tried: string[] = [];
    const load = (id: string) => {
      tried.push(id);
      if (id === 'cdk8s-plus-33') {
        return kplus33;
      }
      throw notFound(id);
    };
    // WHEN
    const loaded = loadCdk8sPlus(load);
    // THEN
    expect(loaded).toBe(kplus33);
    expect(tried).toEqual(['cdk8s-plus-28', 'cdk8s-plus-29', 'cdk8s-plus-30', 'cdk8s-plus-31', 'cdk8s-plus-32', 'cdk8s-plus-33']);
  });

  test('no line installed fails with the install command', () => {
    // GIVEN a loader with no cdk8s-plus at all
    // WHEN / THEN
    expect(() => loadCdk8sPlus((id) => { throw notFound(id); })).toThrow(
      '[cdk-external-secrets/k8s] peerDependencies: received undefined. Allowed: one installed cdk8s-plus 2.x line: cdk8s-plus-28, cdk8s-plus-29, ' +
      'cdk8s-plus-30, cdk8s-plus-31, cdk8s-plus-32, cdk8s-plus-33, cdk8s-plus-34. Fix: install the line of your cluster\'s Kubernetes version next to cdk8s, ' +
      'for example "npm install cdk8s-plus-34".');
  });

  test('a line that is installed but broken is reported as is, not skipped', () => {
    // GIVEN a line whose own dependency is missing
    const broken = Object.assign(new Error("Cannot find module 'cdk8s'"), { code: 'MODULE_NOT_FOUND' });
    // WHEN / THEN
    expect(() => loadCdk8sPlus(() => { throw broken; }, ['cdk8s-plus-33'])).toThrow("Cannot find module 'cdk8s'");
  });
});
