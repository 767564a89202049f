import { readFileSync } from 'fs';
import { join } from 'path';
import { Testing } from 'cdktf';
import { addAllStacks } from '../../examples/all';

interface Manifest {
  readonly stacks: Record<string, { readonly dependencies: readonly string[] }>;
}

describe('example stacks declare their order for cdktf deploy \'*\'', () => {
  // GIVEN every example's stacks, synthesized as `cdktf synth` does
  const app = Testing.app();
  addAllStacks(app);
  app.synth();
  // WHEN the manifest cdktf deploy reads is loaded
  const manifest = JSON.parse(readFileSync(join(app.outdir, 'manifest.json'), 'utf8')) as Manifest;
  const dependencies = Object.fromEntries(Object.entries(manifest.stacks).map(([id, stack]) => [id, [...stack.dependencies].sort()]));

  test('a secrets stack waits for its cluster stack; cluster releases wait for the shared secrets stack', () => {
    // THEN
    expect(dependencies).toEqual({
      'aws-only-cluster': [],
      'aws-only-secrets': ['aws-only-cluster'],
      'azure-only-cluster': [],
      'azure-only-secrets': ['azure-only-cluster'],
      'bootstrap-credentials': [],
      'eso-reloader': [],
      'pod-identity-cluster': [],
      'pod-identity-secrets': ['pod-identity-cluster'],
      'shared-clusters-secrets': [],
      'shared-clusters-blue': ['shared-clusters-secrets'],
      'shared-clusters-green': ['shared-clusters-secrets'],
      'hardened-images': [],
    });
  });
});
