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

  test('a secrets stack waits for its cluster stacks; cluster releases wait for the shared secrets stack; phase 2 waits for phase 1; other stacks stand alone', () => {
    // THEN
    const dependents: Record<string, string[]> = {
      'aws-only-secrets': ['aws-only-cluster'],
      'azure-only-secrets': ['azure-only-cluster'],
      'pod-identity-secrets': ['pod-identity-cluster'],
      'shared-clusters-blue': ['shared-clusters-secrets'],
      'shared-clusters-green': ['shared-clusters-secrets'],
      'multi-cloud-tenants-secrets': ['multi-cloud-tenants-aks', 'multi-cloud-tenants-gke'],
      'two-phase-vault-release': ['bootstrap-credentials'],
      'two-phase-vault-config': ['two-phase-vault-release'],
      // The sharded estate: every tenant stack and every ESO stack after the shared stack, none after another.
      ...Object.fromEntries(['team-0001', 'team-0002', 'team-0003', 'team-0004', 'team-0005', 'team-0006', 'eso-aks-01', 'eso-eks-01', 'eso-eks-02', 'eso-eks-03']
        .map((shard) => [`estate-${shard}`, ['estate-shared']])),
    };
    expect(Object.keys(dependencies)).toEqual(expect.arrayContaining([...Object.keys(dependents), 'aws-only-cluster', 'shared-clusters-secrets']));
    for (const [id, deps] of Object.entries(dependencies)) {
      expect([id, deps]).toEqual([id, dependents[id] ?? []]);
    }
  });
});
