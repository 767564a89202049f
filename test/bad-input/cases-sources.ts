/**
 * Bad inputs of the source-architecture components through the PUBLIC API (the package root): ESO's
 * scope values against the declaration. Expected messages: `expected-sources.ts`.
 */
import { TerraformStack, Testing } from 'cdktf';
import { EsoClusterAddons, type EsoHelmValues, SecretBackend, SecretsDeclaration, StoreScope } from '../../lib';
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

export const SOURCES_CASES: readonly BadInput[] = [
  ['eso scope: processClusterStore off with declared ClusterSecretStores', addons({ processClusterStore: false })],
  ['eso scope: processClusterStore as a string in extraValues', addons(undefined, { processClusterStore: 'false' })],
  ['eso scope: processSecretStore off with declared SecretStores', addons({ processSecretStore: false }, undefined, true)],
  ['eso scope: scopedRbac with declared ClusterSecretStores', addons({ scopedRbac: true, scopedNamespace: 'web' })],
  ['eso scope: scopedNamespace leaves a declared namespace out', addons({ scopedNamespace: 'web' })],
  ['eso scope: scopedRBAC in extraValues with declared ClusterSecretStores', addons(undefined, { scopedRBAC: true })],
];
