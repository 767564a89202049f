import { spawnSync } from 'child_process';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

function gitStatus(): string {
  return spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout;
}

describe('npm run synth (the real cdk8s and cdktf CLIs)', () => {
  test('prints no stack trace, checks for no upgrade, and changes no file git knows', () => {
    // GIVEN a shell without the CI's telemetry switches: the npm scripts must set what they need
    const env = { ...process.env };
    for (const name of ['CHECKPOINT_DISABLE', 'DISABLE_VERSION_CHECK', 'CDKTF_DISABLE_PLUGIN_CACHE_ENV']) {
      delete env[name];
    }
    const before = gitStatus();
    // WHEN
    const run = spawnSync('npm', ['run', 'synth'], { cwd: ROOT, env, encoding: 'utf8' });
    // THEN
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status).toBe(0);
    expect(output).toContain('dist/aws-only.k8s.yaml');
    expect(output).toContain('Generated Terraform code for the stacks');
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toContain('new version');
    expect(output).not.toContain('http error');
    expect(gitStatus()).toBe(before);
  }, 300_000);
});
