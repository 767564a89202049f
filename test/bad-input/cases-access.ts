/**
 * Bad inputs to the access model readers through the PUBLIC API (`cdk-external-secrets/access`): models
 * that are not JSON, of another version, hand-edited past the schema, and objects a JavaScript caller
 * passes to diffAccessModels. Expected messages: `expected-access.ts`.
 */
import { buildAccessModel, diffAccessModels, readAccessModel } from '../../lib/access';
import type { AccessModel } from '../../lib/access';
import { SecretBackend, SecretsDeclaration } from '../../lib/core';
import type { BadInput } from './cases';

/** A valid model of a small declaration, as plain JSON to edit. */
function model(): Record<string, unknown> {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
  const store = d.addAwsStore('sm', { name: 'aws', service: SecretBackend.AWS_SECRETS_MANAGER });
  d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'p', secret: db }] });
  return JSON.parse(JSON.stringify(buildAccessModel(d))) as Record<string, unknown>;
}

function edited(edit: (m: Record<string, unknown>) => void): () => unknown {
  return () => {
    const m = model();
    edit(m);
    return readAccessModel('head/shop.access-model.json', JSON.stringify(m));
  };
}

type Json = Record<string, unknown> & { identities: Array<Record<string, unknown> & { grants: Array<Record<string, unknown>> }> };

export const ACCESS_CASES: BadInput[] = [
  ['access: model not JSON', () => readAccessModel('base.json', '{"apiVersion": "cdk-external-secrets.io/access-model/v1",')],
  ['access: model truncated to nothing', () => readAccessModel('base.json', '')],
  ['access: model of a newer version', edited((m) => { m.apiVersion = 'cdk-external-secrets.io/access-model/v2'; })],
  ['access: a Kubernetes manifest instead of a model', () => readAccessModel('dist/shop.k8s.yaml', '{"apiVersion":"v1","kind":"Secret","data":{"password":"aHVudGVyMg=="}}')],
  ['access: model a JSON array', () => readAccessModel('base.json', '[]')],
  ['access: grant with an unknown route', edited((m) => { (m as Json).identities[0].grants[0].how = ['telepathy']; })],
  ['access: an unknown fact kind added', edited((m) => { m.roleBindings = []; })],
  ['access: identity without trust', edited((m) => { delete (m as Json).identities[0].trust; })],
  ['access: secret value smuggled into a grant', edited((m) => { (m as Json).identities[0].grants[0].value = 'hunter2'; })],
  ['access: actions a string', edited((m) => { (m as Json).identities[0].grants[0].actions = 'hunter2'; })],
  ['access: diffAccessModels given a model instead of a record', () => diffAccessModels(undefined as never, {})],
  ['access: diffAccessModels given an edited object', () => diffAccessModels({}, { '': { ...model(), kind: 'Secret' } as unknown as AccessModel })],
];
