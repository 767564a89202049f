import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, LocalBackend, TerraformStack } from 'cdktf';
import { declareEstate, EstateSize, EXAMPLE_SIZE } from '../../examples/estate/declaration';
import { SecretsDeclaration } from '../../lib/core';
import { SecretsPlatformInfrastructure, SecretsPlatformStacks, Sharding, SHARED_SHARD } from '../../lib/platform';
import { TerraformJson, resourcesOf } from '../helpers/terraform';

interface Synthesized {
  readonly stacks: SecretsPlatformStacks;
  /** Stack names and their dependencies, from cdktf's manifest. */
  readonly manifest: Record<string, { dependencies: string[] }>;
  /** The synthesized JSON of a stack. */
  json(name: string): TerraformJson;
}

function configure(stack: TerraformStack): void {
  new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new LocalBackend(stack, { path: `terraform.${stack.node.id}.tfstate` });
}

/** Renders a declaration sharded into a fresh app and synthesizes it (validations on, as `cdktf synth`). */
function synthSharded(declaration: SecretsDeclaration, sharding: Sharding, only?: string[]): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'cdk-es-stacks-'));
  const app = new App({ outdir, stackTraces: false });
  const stacks = new SecretsPlatformStacks(app, 'Secrets', { declaration, sharding, configureStack: configure, only });
  app.synth();
  const manifest = (JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { dependencies: string[] }> }).stacks;
  return { stacks, manifest, json: (name) => JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8')) as TerraformJson };
}

/** Every resource address of a stack (`type.name`). */
function addresses(json: TerraformJson): string[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
}

/** Every `data.terraform_remote_state.<input>.outputs.<output>` a stack reads, as [input, output]. */
function remoteReads(json: TerraformJson): Array<[string, string]> {
  const text = JSON.stringify(json.resource ?? {});
  return [...text.matchAll(/data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g)].map((m) => [m[1], m[2]]);
}

describe('SecretsPlatformStacks', () => {
  describe('per tenant (the estate example: 3 EKS clusters, 1 AKS cluster, 6 tenants)', () => {
    const declaration = declareEstate(EXAMPLE_SIZE);
    const synth = synthSharded(declaration, Sharding.perTenant());
    const teams = ['team-0001', 'team-0002', 'team-0003', 'team-0004', 'team-0005', 'team-0006'];

    test('one stack per tenant and a shared stack; every tenant stack depends on the shared stack, none on another tenant', () => {
      // THEN
      expect(synth.stacks.shards).toEqual(teams);
      expect(Object.keys(synth.manifest).sort()).toEqual(['estate-shared', ...teams.map((t) => `estate-${t}`)]);
      expect(synth.manifest['estate-shared'].dependencies).toEqual([]);
      for (const team of teams) {
        expect(synth.manifest[`estate-${team}`].dependencies).toEqual(['estate-shared']);
      }
    });

    test('each tenant stack holds exactly its tenant\'s secrets and identity, and nothing of another tenant', () => {
      for (const team of teams) {
        // WHEN
        const json = synth.json(`estate-${team}`);
        const text = JSON.stringify(json.resource);
        // THEN its secrets and identity, by name
        const onAks = team === 'team-0004';
        const secretNames = onAks
          ? resourcesOf(json, 'azurerm_key_vault_secret').map((s) => s.name)
          : resourcesOf(json, 'aws_secretsmanager_secret').map((s) => s.name);
        expect(secretNames.sort()).toEqual(onAks
          ? [`${team}-secret-001`, `${team}-secret-002`]
          : [`estate/${team}/secret-001`, `estate/${team}/secret-002`]);
        const identities = onAks ? resourcesOf(json, 'azurerm_user_assigned_identity') : resourcesOf(json, 'aws_iam_role');
        expect(identities.map((i) => i.name)).toEqual([`estate-${team}-${team}-eso`]);
        // and no other tenant's name anywhere in its resources
        for (const other of teams.filter((t) => t !== team)) {
          expect(text).not.toContain(other);
        }
        // no shared resource (the platform's KMS key, OIDC providers) is created in a tenant stack; a vault only its tenant uses is
        expect(Object.keys(json.resource ?? {}).filter((type) => ['aws_kms_key', 'aws_iam_openid_connect_provider'].includes(type))).toEqual([]);
        expect(resourcesOf(json, 'azurerm_key_vault').map((v) => v.name)).toEqual(onAks ? ['kv-estate-team-0004'] : []);
      }
    });

    test('the shared stack holds the platform: KMS key, OIDC providers, platform secrets, the controllers\' roles; no tenant identity, secret or vault', () => {
      // WHEN
      const json = synth.json('estate-shared');
      // THEN
      expect(resourcesOf(json, 'aws_kms_key')).toHaveLength(1);
      expect(resourcesOf(json, 'aws_iam_openid_connect_provider').map((p) => p.url).sort()).toEqual([1, 2, 3].map((i) => `https://oidc.eks.eu-west-1.amazonaws.com/id/${String(i).padStart(32, '0')}`));
      expect(resourcesOf(json, 'azurerm_key_vault')).toEqual([]);
      expect(resourcesOf(json, 'aws_secretsmanager_secret').map((s) => s.name).sort()).toEqual(['estate/platform/secret-001', 'estate/platform/secret-002', 'estate/platform/secret-003']);
      expect(resourcesOf(json, 'aws_iam_role').map((r) => r.name).sort()).toEqual(['estate-eks-01-eso-controller', 'estate-eks-02-eso-controller', 'estate-eks-03-eso-controller']);
      expect(resourcesOf(json, 'azurerm_user_assigned_identity')).toEqual([]);
      expect(resourcesOf(json, 'azurerm_key_vault_secret')).toEqual([]);
    });

    test('cross-stack references resolve: every remote read of a tenant stack is an output of the shared stack, read through its backend, carrying a shared resource', () => {
      const shared = synth.json('estate-shared');
      const sharedAddresses = new Set(addresses(shared));
      for (const team of teams) {
        // WHEN
        const json = synth.json(`estate-${team}`);
        const reads = remoteReads(json);
        // THEN an EKS tenant's stack reads the OIDC provider its role trusts from the shared stack; the AKS tenant's stack holds its own vault
        expect(reads.length).toBe(team === 'team-0004' ? 0 : 1);
        const remote = (json.data as Record<string, Record<string, { backend: string; config: { path: string } }>> | undefined)?.terraform_remote_state ?? {};
        for (const [input, output] of reads) {
          expect(remote[input]).toEqual(expect.objectContaining({ backend: 'local', config: { path: 'terraform.estate-shared.tfstate' } }));
          const value = shared.output?.[output]?.value as string;
          expect(value).toMatch(/^\$\{[a-z_]+\.[^.]+\.[a-z_]+\}$/);
          const [type, name] = value.slice(2, -1).split('.');
          expect(sharedAddresses.has(`${type}.${name}`)).toBe(true);
        }
      }
    });

    test('a tenant\'s IRSA role trusts the shared OIDC provider through the remote state, on its own service account only', () => {
      // WHEN
      const json = synth.json('estate-team-0001');
      const role = resourcesOf(json, 'aws_iam_role')[0];
      const trust = JSON.parse(role.assume_role_policy as string) as { Statement: Array<{ Principal: { Federated: string }; Condition: Record<string, Record<string, string>> }> };
      // THEN
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0].Principal.Federated).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-estate-shared\.outputs\.cross-stack-output-aws_iam_openid_connect_provider/);
      expect(trust.Statement[0].Condition.StringEquals).toEqual(expect.objectContaining({
        'oidc.eks.eu-west-1.amazonaws.com/id/00000000000000000000000000000001:sub': 'system:serviceaccount:team-0001:eso-team-0001',
      }));
    });

    test('the AKS tenant reads its exclusive vault in full: one role assignment at vault scope, in the tenant stack with the vault', () => {
      // WHEN
      const json = synth.json('estate-team-0004');
      const assignments = resourcesOf(json, 'azurerm_role_assignment');
      // THEN
      expect(assignments).toHaveLength(1);
      expect(assignments[0].role_definition_name).toBe('Key Vault Secrets User');
      expect(assignments[0].scope).toMatch(/^\$\{azurerm_key_vault\.Platform_KeyVault-team-0004_[0-9A-F]+\.id\}$/);
      expect(resourcesOf(synth.json('estate-shared'), 'azurerm_role_assignment')).toEqual([]);
    });

    test('the identities and secrets report their shard', () => {
      const plan = declaration.plan();
      expect(synth.stacks.shardOfIdentity(plan.identities.find((i) => i.id === 'controller-eks-01')!)).toBe(SHARED_SHARD);
      expect(synth.stacks.shardOfIdentity(plan.identities.find((i) => i.id === 'store-team-0002-team-0002')!)).toBe('team-0002');
      expect(synth.stacks.shardOfSecret(declaration.secrets.find((s) => s.id === 'platform-001')!)).toBe(SHARED_SHARD);
      expect(synth.stacks.stackOf('team-0003')!.node.id).toBe('estate-team-0003');
      expect(synth.stacks.stackOf(SHARED_SHARD)).toBe(synth.stacks.sharedStack);
      expect(() => synth.stacks.stackOf('team-9999')).toThrow('[Secrets] shard: received "team-9999". Allowed: one of the shards "team-0001", "team-0002", "team-0003", "team-0004", "team-0005", "team-0006" or "shared" (the shared stack).');
    });
  });

  test('only: builds the shared stack and the named shard, whose JSON is the same as in the full build', () => {
    // GIVEN
    const full = synthSharded(declareEstate(EXAMPLE_SIZE), Sharding.perTenant());
    // WHEN
    const one = synthSharded(declareEstate(EXAMPLE_SIZE), Sharding.perTenant(), ['team-0002']);
    // THEN
    expect(Object.keys(one.manifest).sort()).toEqual(['estate-shared', 'estate-team-0002']);
    expect(one.stacks.stackOf('team-0001')).toBeUndefined();
    expect(one.json('estate-team-0002')).toEqual(full.json('estate-team-0002'));
    // the shared stack's resources are all there (safe to plan); its outputs are those the built shards read
    expect(one.json('estate-shared').resource).toEqual(full.json('estate-shared').resource);
  });

  test('per cluster: each cluster\'s controller identity and tenants in the cluster\'s stack; secrets every controller reads in the shared stack', () => {
    // WHEN
    const synth = synthSharded(declareEstate(EXAMPLE_SIZE), Sharding.perCluster());
    // THEN
    expect(synth.stacks.shards).toEqual(['aks-01', 'eks-01', 'eks-02', 'eks-03']);
    const eks01 = synth.json('estate-eks-01');
    expect(resourcesOf(eks01, 'aws_iam_role').map((r) => r.name).sort()).toEqual(['estate-eks-01-eso-controller', 'estate-team-0001-team-0001-eso']);
    expect(resourcesOf(eks01, 'aws_secretsmanager_secret').map((s) => s.name).sort())
      .toEqual(['estate/team-0001/secret-001', 'estate/team-0001/secret-002']);
    expect(resourcesOf(synth.json('estate-shared'), 'aws_secretsmanager_secret').map((s) => s.name).sort())
      .toEqual(['estate/platform/secret-001', 'estate/platform/secret-002', 'estate/platform/secret-003']);
    // the controller's policy reads the shared secrets by their literal ARN and decrypts with the shared key through the remote state
    const policy = JSON.stringify(resourcesOf(eks01, 'aws_iam_role_policy'));
    expect(policy).toContain('arn:aws:secretsmanager:eu-west-1:123456789012:secret:estate/platform/secret-001-??????');
    expect(policy).toContain('cross-stack-output-aws_kms_key');
    expect(synth.manifest['estate-eks-01'].dependencies).toEqual(['estate-shared']);
  });

  test('per backend: the AWS and the Azure Key Vault identities and secrets in their own stacks', () => {
    // WHEN
    const synth = synthSharded(declareEstate(EXAMPLE_SIZE), Sharding.perBackend());
    // THEN
    expect(synth.stacks.shards).toEqual(['aws', 'azure-key-vault']);
    const aws = synth.json('estate-aws');
    const azure = synth.json('estate-azure-key-vault');
    expect(Object.keys(aws.resource!).filter((t) => t.startsWith('azurerm_'))).toEqual([]);
    expect(Object.keys(azure.resource!).filter((t) => t.startsWith('aws_'))).toEqual([]);
    expect(resourcesOf(aws, 'aws_iam_role')).toHaveLength(8);
    expect(resourcesOf(aws, 'aws_secretsmanager_secret')).toHaveLength(13);
    expect(resourcesOf(azure, 'azurerm_user_assigned_identity')).toHaveLength(1);
    expect(resourcesOf(azure, 'azurerm_key_vault_secret')).toHaveLength(2);
  });

  test('explicit: a partition of the user\'s choice (EKS tenants by parity), every stack verified', () => {
    // GIVEN
    const declaration = declareEstate(EXAMPLE_SIZE);
    const shardOfTeam = (team: string) => (team === 'team-0004' ? 'azure' : Number(team.slice(-1)) % 2 === 0 ? 'even' : 'odd');
    // WHEN
    const synth = synthSharded(declaration, Sharding.explicit({
      shards: ['odd', 'even', 'azure'],
      shardOf: (element) => {
        const name = element.kind === 'identity' ? element.identity.serviceAccount.namespace : element.secret.id;
        return name.startsWith('team-') ? shardOfTeam(name.slice(0, 9)) : SHARED_SHARD;
      },
    }));
    // THEN
    expect(synth.stacks.shards).toEqual(['azure', 'even', 'odd']);
    expect(resourcesOf(synth.json('estate-even'), 'aws_iam_role').map((r) => r.name).sort()).toEqual(['estate-team-0002-team-0002-eso', 'estate-team-0006-team-0006-eso']);
    expect(resourcesOf(synth.json('estate-odd'), 'aws_iam_role').map((r) => r.name).sort())
      .toEqual(['estate-team-0001-team-0001-eso', 'estate-team-0003-team-0003-eso', 'estate-team-0005-team-0005-eso']);
    expect(resourcesOf(synth.json('estate-azure'), 'azurerm_user_assigned_identity')).toHaveLength(1);
  });

  test('an explicit shard with nothing mapped to it is still a stack (empty), so its name is stable', () => {
    const synth = synthSharded(declareEstate(EXAMPLE_SIZE), Sharding.explicit({ shards: ['spare'], shardOf: () => SHARED_SHARD }));
    expect(Object.keys(synth.manifest).sort()).toEqual(['estate-shared', 'estate-spare']);
    expect(synth.json('estate-spare').resource).toBeUndefined();
  });

  test('the sharded stacks hold, together, exactly the resources of the unsharded rendering', () => {
    // GIVEN the same declaration rendered in one stack
    const outdir = mkdtempSync(join(tmpdir(), 'cdk-es-one-'));
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, 'one');
    configure(stack);
    new SecretsPlatformInfrastructure(stack, 'Platform', { declaration: declareEstate(EXAMPLE_SIZE) });
    app.synth();
    const one = JSON.parse(readFileSync(join(outdir, 'stacks', 'one', 'cdk.tf.json'), 'utf8')) as TerraformJson;
    // WHEN
    const sharded = synthSharded(declareEstate(EXAMPLE_SIZE), Sharding.perTenant());
    // THEN: the same resources by type and name attribute (role assignments counted: one per grant either way)
    const summary = (jsons: TerraformJson[]) => jsons.flatMap((json) => Object.entries(json.resource ?? {})
      .flatMap(([type, byName]) => Object.values(byName).map((body) => `${type} ${String(body.name ?? body.url ?? body.role_definition_name ?? body.alias ?? '')}`))).sort();
    expect(summary(Object.keys(sharded.manifest).map((name) => sharded.json(name)))).toEqual(summary([one]));
  });
});

describe('synth cost of one shard', () => {
  // Not a timing test: counts the constructs built, which is what the time follows.
  const size = (tenants: number): EstateSize => ({ name: 'scale', eksClusters: 5, aksClusters: 1, tenants, secretsPerTenant: 5, platformSecrets: 5 });
  function constructsBuilt(tenants: number): number {
    const app = new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-es-cost-')), stackTraces: false });
    new SecretsPlatformStacks(app, 'Secrets', { declaration: declareEstate(size(tenants)), sharding: Sharding.perTenant(), configureStack: configure, only: ['team-0001'] });
    return app.node.findAll().length;
  }

  test('building one tenant\'s shard of a 10x larger estate builds the same constructs', () => {
    // Tenants' vaults live in their shards, so the shared stack holds only the platform (clusters, key, platform secrets).
    expect(constructsBuilt(400)).toBe(constructsBuilt(40));
  });
});
