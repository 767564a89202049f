/**
 * A small app of one install line, run by test/entry-points/install-lines.test.ts in a child process
 * whose module loader knows only that line's peers (test/helpers/only-peers.js):
 *
 * - `load <entry>...` requires each entry point (`core`, `platform`, `.` for the package root);
 * - `synth <backend>...` declares a store of each backend (`aws`, `azure`, `vault`, `google`) on one
 *   cluster and synthesizes it with `SecretsPlatformInfrastructure` and `EsoClusterAddons` in a stack
 *   configuring the backends' providers and helm (when installed), as a project of that line would;
 *   a backend written `~aws` is declared but its provider not configured (a project that lacks it);
 * - `manifests <backend>...` synthesizes the same declaration's cluster side (`SecretsPlatformManifests`);
 * - `connection eks|aks` creates `HelmConnection.fromEks` / `fromAks` in a stack.
 *
 * Prints one JSON object: per entry `ok` or the error message, the synthesized resource and data
 * source types (or the error message), and the peer packages the process loaded.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { join } from 'path';
import type { Construct } from 'constructs';
import type * as Core from '../../lib/core';
import type * as Platform from '../../lib/platform';

const LIB = join(__dirname, '../../lib');
const EKS_ISSUER = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const TENANT = '00000000-0000-0000-0000-000000000001';
const AKS_ISSUER = `https://westeurope.oic.prod-aks.azure.com/${TENANT}/11111111-2222-3333-4444-555555555555/`;
const GCP = { projectId: 'shop-prod-4711', projectNumber: '314159265358' };

type Declaration = InstanceType<typeof Core.SecretsDeclaration>;
type Cluster = Core.ClusterDeclaration;

/** Declares one backend's secret, store and ExternalSecret on the declaration's cluster, and configures its provider on the stack. */
interface BackendFixture {
  cluster(d: Declaration): Cluster;
  declare(d: Declaration, cluster: Cluster): void;
  provider(stack: Construct): void;
}

function lib<T>(entry: string): T {
  return require(entry === '.' ? LIB : join(LIB, entry)) as T;
}

const FIXTURES: Record<string, BackendFixture> = {
  aws: {
    cluster: (d) => d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: EKS_ISSUER }),
    declare: (d, cluster) => {
      const { SecretBackend } = lib<typeof Core>('core');
      const secret = d.addSecretsManagerSecret('aws-db', { name: 'shop/db' });
      const store = d.addAwsStore('aws', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [cluster] });
      d.addExternalSecret('aws-db', { name: 'aws-db', namespace: 'shop', store, data: [{ secretKey: 'db', secret }] });
    },
    provider: (stack) => {
      const { AwsProvider } = require('@cdktf/provider-aws/lib/provider') as typeof import('@cdktf/provider-aws/lib/provider');
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    },
  },
  azure: {
    cluster: (d) => d.addAksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: AKS_ISSUER }),
    declare: (d, cluster) => {
      const { EsoAuthModel } = lib<typeof Core>('core');
      const vault = d.addKeyVault('kv', { name: 'kv-shop-prod', resourceGroupName: 'rg-shop', location: 'westeurope' });
      const secret = d.addKeyVaultSecret('token', { vault, name: 'api-token' });
      const store = d.addAzureKeyVaultStore('azure', { name: 'azure', vault, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [cluster] });
      d.addExternalSecret('azure-token', { name: 'azure-token', namespace: 'shop', store, data: [{ secretKey: 'token', secret }] });
    },
    provider: (stack) => {
      const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider') as typeof import('@cdktf/provider-azurerm/lib/provider');
      new AzurermProvider(stack, 'azurerm', { features: [{}] });
    },
  },
  vault: {
    cluster: (d) => d.addCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.example.com/clusters/prod/' }),
    declare: (d, cluster) => {
      const { EsoAuthModel, VaultAuthKind } = lib<typeof Core>('core');
      const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
      d.addVaultAuth('prod', { server, cluster, kind: VaultAuthKind.JWT });
      const secret = d.addVaultSecret('app', { server, path: 'shop/app', properties: ['password'] });
      const store = d.addVaultStore('vault', { name: 'vault', server, authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [cluster] });
      d.addExternalSecret('vault-app', { name: 'vault-app', namespace: 'shop', store, data: [{ secretKey: 'password', secret, property: 'password' }] });
    },
    provider: (stack) => {
      const { VaultProvider } = require('@cdktf/provider-vault/lib/provider') as typeof import('@cdktf/provider-vault/lib/provider');
      new VaultProvider(stack, 'vault', { address: 'https://vault.example.com:8200' });
    },
  },
  google: {
    cluster: (d) => d.addGkeCluster('prod', { clusterName: 'prod', projectId: GCP.projectId, location: 'europe-west1' }),
    declare: (d, cluster) => {
      const { EsoAuthModel } = lib<typeof Core>('core');
      const secret = d.addGoogleSecret('gsm-db', { name: 'db' });
      const store = d.addGoogleSecretManagerStore('gsm', { name: 'gsm', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT, clusters: [cluster] });
      d.addExternalSecret('gsm-db', { name: 'gsm-db', namespace: 'shop', store, data: [{ secretKey: 'db', secret }] });
    },
    provider: (stack) => {
      const { GoogleProvider } = require('@cdktf/provider-google/lib/provider') as typeof import('@cdktf/provider-google/lib/provider');
      new GoogleProvider(stack, 'google', {});
    },
  },
};

function message(e: unknown): string {
  return (e as Error).message.split('\n')[0];
}

function load(entries: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of entries) {
    try {
      lib(entry);
      result[entry] = 'ok';
    } catch (e) {
      result[entry] = message(e);
    }
  }
  return result;
}

/** The declaration of the backends (`~aws`: declared only), on the first backend's cluster. */
function declare(backends: readonly string[]): { declaration: Declaration; cluster: Cluster } {
  const { SecretsDeclaration } = lib<typeof Core>('core');
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: TENANT }, gcp: GCP });
  const cluster = FIXTURES[backends[0].replace('~', '')].cluster(declaration);
  backends.forEach((backend) => FIXTURES[backend.replace('~', '')].declare(declaration, cluster));
  return { declaration, cluster };
}

/** Synthesizes the backends' declaration; the sorted resource and data source types, or the error message. */
function synth(backends: readonly string[]): string[] | string {
  try {
    const { EsoClusterAddons, SecretsPlatformInfrastructure } = lib<typeof Platform>('platform');
    const { TerraformStack, Testing } = require('cdktf') as typeof import('cdktf');
    const { declaration, cluster } = declare(backends);
    const stack = new TerraformStack(Testing.app(), 'cloud');
    backends.filter((backend) => !backend.startsWith('~')).forEach((backend) => FIXTURES[backend].provider(stack));
    if (process.env.ONLY_PEERS?.split(' ').includes('@cdktf/provider-helm')) {
      const { HelmProvider } = require('@cdktf/provider-helm/lib/provider') as typeof import('@cdktf/provider-helm/lib/provider');
      new HelmProvider(stack, 'helm', { kubernetes: { configPath: '~/.kube/config' } });
    }
    const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
    new EsoClusterAddons(stack, 'addons', { declaration, cluster, identity: infrastructure.controllerIdentity(cluster), reloader: false });
    const json = JSON.parse(Testing.synth(stack, true)) as { resource?: object; data?: object };
    return [...Object.keys(json.resource ?? {}), ...Object.keys(json.data ?? {}).map((type) => `data.${type}`)].sort();
  } catch (e) {
    return message(e);
  }
}

/** Synthesizes the backends' declaration's cluster side; the sorted `kind/name` of the objects, or the error message. */
function manifests(backends: readonly string[]): string[] | string {
  try {
    const { SecretsPlatformManifests } = lib<typeof import('../../lib/platform/k8s')>('platform/k8s');
    const { Chart, Testing } = require('cdk8s') as typeof import('cdk8s');
    const { declaration, cluster } = declare(backends);
    const chart = new Chart(Testing.app(), 'shop');
    new SecretsPlatformManifests(chart, 'platform', { declaration, cluster, azureClientIds: { 'store-azure': '22222222-3333-4444-5555-666666666666' } });
    return Testing.synth(chart).map((o: { kind: string; metadata: { name: string } }) => `${o.kind}/${o.metadata.name}`).sort();
  } catch (e) {
    return message(e);
  }
}

/** Creates a Helm connection to an EKS or AKS cluster; `ok` or the error message. */
function connection(kind: string): string {
  try {
    const { HelmConnection } = lib<typeof import('../../lib/helm')>('helm');
    const { TerraformStack, Testing } = require('cdktf') as typeof import('cdktf');
    const stack = new TerraformStack(Testing.app(), 'cloud');
    if (kind === 'eks') {
      HelmConnection.fromEks(stack, 'prod', { clusterName: 'prod' });
    } else {
      HelmConnection.fromAks(stack, 'prod', { clusterName: 'prod', resourceGroupName: 'rg-prod' });
    }
    return 'ok';
  } catch (e) {
    return message(e);
  }
}

/** The peer packages this process loaded. */
function loadedPeers(): string[] {
  const names = new Set<string>();
  for (const file of Object.keys(require.cache)) {
    const m = /node_modules\/((@cdktf\/)?[^/]+)/.exec(file.slice(file.lastIndexOf('node_modules/')));
    if (m && /^(constructs|cdktf|cdk8s|cdk8s-plus-\d+|@cdktf\/provider-[a-z]+)$/.test(m[1])) {
      names.add(m[1]);
    }
  }
  return [...names].sort();
}

const [command, ...args] = process.argv.slice(2);
const COMMANDS: Record<string, () => object> = {
  load: () => ({ entries: load(args) }),
  synth: () => ({ synth: synth(args) }),
  manifests: () => ({ manifests: manifests(args) }),
  connection: () => ({ connection: connection(args[0]) }),
};
const result = COMMANDS[command]();
process.stdout.write(JSON.stringify({ ...result, peers: loadedPeers() }));
