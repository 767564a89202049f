/**
 * Output verification runs once per cluster's rendering, not once per chart of the app (cdk8s validates
 * the whole app again for every chart it renders), and the emitted objects are the verified ones.
 */
import { ApiObject, App, Chart, JsonPatch, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { parseAllDocuments } from 'yaml';
import { EksClusterDeclaration, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { SecretsPlatformManifests } from '../../../lib/platform/k8s';
import * as verification from '../../../lib/platform/verification/verify-manifests';
import * as defaults from '../../../lib/validation/schema-defaults';
import { FIX } from './helpers';

const CLUSTERS = ['a', 'b', 'c', 'd'];

/** An app with one chart per cluster, each rendering the same ExternalSecret through a controller-identity store. */
function estate(): { app: App; manifests: SecretsPlatformManifests[]; clusters: EksClusterDeclaration[] } {
  const declaration = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  const clusters = CLUSTERS.map((c) => declaration.addEksCluster(c, {
    clusterName: `shop-${c}`, oidcIssuerUrl: `https://oidc.eks.eu-west-1.amazonaws.com/id/${c.toUpperCase().repeat(32)}`,
  }));
  const db = declaration.addSecretsManagerSecret('db', { name: 'shop/db', properties: ['password'] });
  const store = declaration.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, clusters });
  declaration.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'password', secret: db, property: 'password' }] });
  const app = Testing.app();
  const manifests = clusters.map((cluster) => new SecretsPlatformManifests(new Chart(app, cluster.id), 'platform', { declaration, cluster }));
  return { app, manifests, clusters };
}

function externalSecret(manifests: SecretsPlatformManifests): ApiObject {
  // (cdk8s `instanceof` matches any ApiObject: compare kinds.)
  return manifests.node.findAll().find((c): c is ApiObject => c instanceof ApiObject && c.kind === 'ExternalSecret')!;
}

function remoteKeys(yaml: string): string[] {
  return parseAllDocuments(yaml).map((d) => d.toJS() as { kind: string; spec: { data: Array<{ remoteRef: { key: string } }> } })
    .filter((d) => d.kind === 'ExternalSecret').flatMap((d) => d.spec.data.map((item) => item.remoteRef.key));
}

afterEach(() => jest.restoreAllMocks());

describe('output verification in an app of several charts', () => {
  test('each cluster is verified before the charts render and when its own chart renders: 2 per cluster, not 1 + one per chart', () => {
    const { app } = estate();
    const verify = jest.spyOn(verification, 'verifyManifests');
    app.synthYaml();
    expect(verify).toHaveBeenCalledTimes(2 * CLUSTERS.length);
    verify.mockClear();
    app.synth();
    expect(verify).toHaveBeenCalledTimes(2 * CLUSTERS.length);
  });

  test('each ESO object is serialized once per synth (the verification\'s serialization is the one emitted)', () => {
    const { app } = estate();
    const defaulted = jest.spyOn(defaults, 'withCrdDefaultsInPlace');
    const yaml = app.synthYaml();
    const esoObjects = parseAllDocuments(yaml).filter((d) => String(d.get('apiVersion')).startsWith('external-secrets.io/'));
    expect(esoObjects).toHaveLength(2 * CLUSTERS.length);
    expect(defaulted).toHaveBeenCalledTimes(esoObjects.length);
  });

  test('a chart rendered on its own (Testing.synth) is verified', () => {
    const { manifests } = estate();
    externalSecret(manifests[2]).addJsonPatch(JsonPatch.replace('/spec/data/0/remoteRef/key', 'billing/db'));
    expect(() => Testing.synth(manifests[2].node.scope as Chart)).toThrow('[c/platform] ExternalSecret shop/db in ExternalSecret shop/db spec.data[0]: '
      + `received "the remote key billing/db". Allowed: the declared keys ["shop/db"] through the planned store. ${FIX} (rule CES-VER-15).`);
    expect(Testing.synth(manifests[1].node.scope as Chart).map((o) => o.kind)).toContain('ExternalSecret');
  });

  test('an object changed after a synth is verified again at the next synth', () => {
    const { app, manifests } = estate();
    expect(remoteKeys(app.synthYaml())).toEqual(CLUSTERS.map(() => 'shop/db'));
    externalSecret(manifests[3]).addJsonPatch(JsonPatch.replace('/spec/data/0/remoteRef/key', 'billing/db'));
    expect(() => app.synthYaml()).toThrow('[d/platform] ExternalSecret shop/db in ExternalSecret shop/db spec.data[0]: received "the remote key billing/db"');
    expect(() => app.synth()).toThrow('[d/platform] ExternalSecret shop/db in ExternalSecret shop/db spec.data[0]: received "the remote key billing/db"');
  });

  test('an object changed by a validation after the verification is emitted as verified, and refused at the next synth', () => {
    const { app, manifests } = estate();
    const target = externalSecret(manifests[0]);
    // A construct added after the platform: its validation runs after the verification in each pass.
    new Construct(manifests[0].node.scope as Chart, 'late').node.addValidation({
      validate: () => {
        target.addJsonPatch(JsonPatch.replace('/spec/data/0/remoteRef/key', 'billing/db'));
        return [];
      },
    });
    expect(remoteKeys(app.synthYaml())).toEqual(CLUSTERS.map(() => 'shop/db'));
    expect(() => app.synthYaml()).toThrow('received "the remote key billing/db"');
  });

  test('direct node.validate() calls verify every cluster, also while nothing renders', () => {
    const { manifests } = estate();
    externalSecret(manifests[1]).addJsonPatch(JsonPatch.replace('/spec/data/0/remoteRef/key', 'billing/db'));
    expect(manifests.map((m) => m.node.validate().length)).toEqual([0, 1, 0, 0]);
  });
});
