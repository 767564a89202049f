import * as fs from 'fs';
import * as path from 'path';
import type { CliIo } from '../../lib/migrate';

const KES_EXAMPLES = path.resolve(__dirname, '..', '..', '..', 'shared', 'upstream', 'kes', 'examples');

describe('cdk-external-secrets migrate in a project without cdk8s', () => {
  test('converts with the CRD schema checks, says the constructs\' checks were skipped, and exits 0', () => {
    // GIVEN: cdk8s cannot be loaded (as in a project that installed only the cdktf line)
    const missing = Object.assign(new Error("Cannot find module 'cdk8s'\nRequire stack:\n- lib/migrate/load.ts"), { code: 'MODULE_NOT_FOUND' });
    let runMigrateCli: ((argv: readonly string[], io: CliIo) => number) | undefined;
    jest.isolateModules(() => {
      jest.doMock('cdk8s', () => {
        throw missing;
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      runMigrateCli = (require('../../lib/migrate/cli') as typeof import('../../lib/migrate/cli')).runMigrateCli;
    });
    const state = { out: '', err: '' };
    const io: CliIo = {
      readFile: (p) => fs.readFileSync(p, 'utf8'), readStdin: () => '',
      stdout: (t) => { state.out += t; }, stderr: (t) => { state.err += t; },
    };
    // WHEN
    const code = runMigrateCli!(['--namespace', 'team-a', path.join(KES_EXAMPLES, 'aws-ssm.yaml')], io);
    // THEN
    expect(code).toBe(0);
    expect(state.err).toBe('Note: cdk8s is not installed here, so the checks of the typed constructs were skipped (the CRD schema checks ran). Install cdk8s and constructs to run them.\n');
    expect(state.out).toContain('kind: ClusterSecretStore');
  });
});
