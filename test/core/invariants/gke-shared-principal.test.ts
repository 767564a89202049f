import { EsoAuthModel, SecretsDeclaration } from '../../../lib/core';
import { acknowledgedOf, violationsOf } from './fixtures';

const GCP = { projectId: 'shop-4711', projectNumber: '314159265358' };

function gke(devProject = GCP.projectId) {
  const d = new SecretsDeclaration({ name: 'p', gcp: GCP });
  const prod = d.addGkeCluster('prod', { clusterName: 'prod', projectId: GCP.projectId, location: 'europe-west1' });
  const dev = d.addGkeCluster('dev', { clusterName: 'dev', projectId: devProject, location: 'europe-west1', ...(devProject === GCP.projectId ? {} : { projectNumber: '271828182845' }) });
  const db = d.addGoogleSecret('db', { name: 'db' });
  return { d, prod, dev, db };
}

describe('CES-TR-2: a GKE principal is not shared with a cluster the identity does not serve', () => {
  test('the controller\'s identity on prod is also the controller of dev in the same project: fails', () => {
    // GIVEN a store read on prod only, through the controller
    const { d, prod, db } = gke();
    const store = d.addGoogleSecretManagerStore('s', { name: 's', clusters: [prod] });
    d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, data: [{ secretKey: 'k', secret: db }] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow('[p/stores/s] clusters: received "prod". Allowed: an identity whose principal exists only on the clusters it serves: '
      + 'identity "controller-prod" is granted to serviceAccount:shop-4711.svc.id.goog[external-secrets/external-secrets], which is also service account '
      + 'external-secrets/external-secrets on cluster "dev" (GKE workload identity names the project\'s pool, not the cluster). '
      + 'Fix: put clusters that must not share grants in different projects, or use a namespace or service account that only the served cluster has '
      + '(rule CES-TR-2; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-TR-2\', reason: \'…\', appliesTo: [\'controller-prod\'] })).');
  });

  test('one service account (namespace and name) used by a store on prod and another on dev fails for each identity', () => {
    const { d, prod, dev, db } = gke();
    const onProd = d.addGoogleSecretManagerStore('s', { name: 's', clusters: [prod], authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    d.addExternalSecret('prod', { name: 'db', namespace: 'apps', store: onProd, data: [{ secretKey: 'k', secret: db }] });
    const onDev = d.addGoogleSecretManagerStore('dev-reader', { name: 'dev-reader', clusters: [dev], serviceAccount: { name: 'eso-s', namespace: 'external-secrets' } });
    d.addExternalSecret('dev', { name: 'db-dev', namespace: 'apps', store: onDev, data: [{ secretKey: 'k', secret: db }] });
    expect(violationsOf(d, 'CES-TR-2').map(([subject]) => subject)).toEqual(['sa-external-secrets-eso-s-google-secret-manager', 'store-s']);
  });

  test('clusters in different projects, a store serving both clusters, and an acknowledged shared project pass', () => {
    const separate = gke('shop-dev-4711');
    const store = separate.d.addGoogleSecretManagerStore('s', { name: 's', clusters: [separate.prod] });
    separate.d.addExternalSecret('db', { name: 'db', namespace: 'apps', store, data: [{ secretKey: 'k', secret: separate.db }] });
    expect(violationsOf(separate.d, 'CES-TR-2')).toEqual([]);

    const both = gke();
    const everywhere = both.d.addGoogleSecretManagerStore('s', { name: 's', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
    both.d.addExternalSecret('db', { name: 'db', namespace: 'apps', store: everywhere, data: [{ secretKey: 'k', secret: both.db }] });
    expect(both.d.plan().identities.map((i) => [i.id, i.clusters.map((c) => c.id)])).toEqual([['store-s', ['dev', 'prod']]]);

    const acknowledged = gke();
    const onProd = acknowledged.d.addGoogleSecretManagerStore('s', { name: 's', clusters: [acknowledged.prod] });
    acknowledged.d.addExternalSecret('db', { name: 'db', namespace: 'apps', store: onProd, data: [{ secretKey: 'k', secret: acknowledged.db }] });
    acknowledged.d.acknowledge({ ruleId: 'CES-TR-2', reason: 'dev and prod share one project by design', appliesTo: ['controller-prod'] });
    expect(acknowledgedOf(acknowledged.d, 'CES-TR-2')).toEqual([['controller-prod', 'dev and prod share one project by design']]);
  });
});
