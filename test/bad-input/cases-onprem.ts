/**
 * Bad inputs of the source-architecture components through the PUBLIC API (the package root): ESO's
 * scope values against the declaration, UDS Package CRs and bundles, air-gapped values, SOPS
 * recipients and configs, audit trails. Expected
 * messages: `expected-onprem.ts`.
 */
import { TerraformStack, Testing } from 'cdktf';
import {
  EsoClusterAddons, type EsoHelmValues, SecretBackend, SecretsDeclaration, StoreScope, UdsBundle, UdsBundlePackage, UdsPackage, type UdsPackageProps,
  ZarfHelmChart, ZarfPackage, SopsConfig, SopsRecipient, grantSopsDecrypt, IrsaRole,
} from '../../lib';
import type { BadInput } from './cases';

/** A team copies "least privilege" Helm values from a blog post onto a cluster the declaration serves with a ClusterSecretStore. */
function addons(values: EsoHelmValues | undefined, extraValues?: Record<string, unknown>, namespaced = false): () => unknown {
  return () => {
    const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
    const cluster = d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const secret = d.addSecretsManagerSecret('db', { name: 'db' });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, scope: namespaced ? StoreScope.NAMESPACED : StoreScope.CLUSTER });
    d.addExternalSecret('web', { name: 'web', namespace: 'web', store, data: [{ secretKey: 'k', secret }] });
    d.addExternalSecret('jobs', { name: 'jobs', namespace: 'jobs', store, data: [{ secretKey: 'k', secret }] });
    return new EsoClusterAddons(new TerraformStack(Testing.app(), 's'), 'addons', { declaration: d, cluster, eso: { values, extraValues }, reloader: false });
  };
}

function uds(props: (d: SecretsDeclaration) => unknown): () => unknown {
  return () => new UdsPackage(props(new SecretsDeclaration({ name: 'mission' })) as UdsPackageProps);
}

const AGE = 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p';

/** A team writes the cluster's .sops.yaml from the declaration. */
function sops(...recipients: Array<() => SopsRecipient>): () => unknown {
  return () => new SopsConfig({ sources: [{ cluster: 'rke2-prod', recipients: recipients.map((r) => r()) }] }).toYaml();
}

export const ONPREM_CASES: readonly BadInput[] = [
  ['eso scope: processClusterStore off with declared ClusterSecretStores', addons({ processClusterStore: false })],
  ['eso scope: processClusterStore as a string in extraValues', addons(undefined, { processClusterStore: 'false' })],
  ['eso scope: processSecretStore off with declared SecretStores', addons({ processSecretStore: false }, undefined, true)],
  ['eso scope: scopedRbac with declared ClusterSecretStores', addons({ scopedRbac: true, scopedNamespace: 'web' })],
  ['eso scope: scopedNamespace leaves a declared namespace out', addons({ scopedNamespace: 'web' })],
  ['eso scope: scopedRBAC in extraValues with declared ClusterSecretStores', addons(undefined, { scopedRBAC: true })],
  ['uds: Package CR without props', () => new UdsPackage(undefined as never)],
  ['uds: Package CR for a cluster of another declaration', uds((d) => ({
    declaration: d, cluster: new SecretsDeclaration({ name: 'other' }).addCluster('rke2', { clusterName: 'rke2', oidcIssuerUrl: 'https://rke2.example.internal' }),
  }))],
  ['uds: Package CR named like a display name', uds((d) => ({ declaration: d, cluster: d.addCluster('rke2', { clusterName: 'rke2', oidcIssuerUrl: 'https://rke2.example.internal' }), name: 'External Secrets' }))],
  ['uds: bundle with a hand-written package entry', () => new UdsBundle({ name: 'mission', version: '1.0.0', packages: [{ name: 'core', repository: 'ghcr.io/defenseunicorns/packages/uds/core', ref: '1.11.0' } as never] })],
  ['uds: bundle package from a path string instead of a ZarfPackage', () => UdsBundlePackage.local('dist/zarf' as never, 'dist/zarf')],
  ['sops: the age private key pasted as recipient', sops(() => SopsRecipient.age(`AGE-SECRET-KEY-1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`))],
  ['sops: an age key with a mistyped character', sops(() => SopsRecipient.age(`${AGE.slice(0, -1)}q`))],
  ['sops: an age key in upper case', sops(() => SopsRecipient.age(AGE.toUpperCase()))],
  ['sops: a KMS alias instead of the key ARN', sops(() => SopsRecipient.awsKms('alias/sops'))],
  ['sops: an unversioned Key Vault key', sops(() => SopsRecipient.azureKeyVault('https://kv-sops.vault.azure.net/keys/sops'))],
  ['sops: a recipient list without recipients', sops()],
  ['sops: the same cluster twice', () => new SopsConfig({ sources: [{ cluster: 'a', recipients: [SopsRecipient.age(AGE)] }, { cluster: 'a', recipients: [SopsRecipient.age(AGE)] }] })],
  ['sops: decrypt grant for an age-only cluster', () => {
    const role = new IrsaRole(new TerraformStack(Testing.app(), 's'), 'Flux', {});
    grantSopsDecrypt(role, [SopsRecipient.age(AGE)]);
  }],
  ['audit: an empty audit trail', () => new SecretsDeclaration({ name: 'shop' }).auditTrail({})],
  ['audit: a workspace name instead of its resource ID', () => new SecretsDeclaration({ name: 'shop' }).auditTrail({ azure: { logAnalyticsWorkspaceId: 'law-security' } })],
  ['audit: both Vault devices', () => new SecretsDeclaration({ name: 'shop' }).auditTrail({ vault: { filePath: 'stdout', socketAddress: 'collector:9090' } })],
  ['air gap: the connected cluster\'s pull secret packaged with ESO', () => new ZarfPackage({
    name: 'mission', version: '1.0.0', charts: [ZarfHelmChart.externalSecrets({ values: { webhook: { imagePullSecrets: [{ name: 'registry1-pull' }] } } })],
  })],
];
