import { buildAccessModel } from '../../lib/access';
import type { AccessModel } from '../../lib/access';
import { EsoAuthModel, InitialValue, SecretBackend, SecretsDeclaration, StoreScope } from '../../lib/core';

/** One change applied to the base estate. */
export type EstateChange = 'new-read' | 'find-matches-more' | 'store-admits-more' | 'new-service-account' | 'tenant-gains-shared'
  | 'removed-grant' | 'acknowledgement-added' | 'reordered';

const SM = SecretBackend.AWS_SECRETS_MANAGER;

/**
 * The base estate: tenants a (team-a) and b (team-b) on one EKS cluster, each with a namespaced store
 * identity, a platform store for the `ops` namespace reading a shared secret, a find in team-a; `change`
 * applies one edit a pull request could make.
 */
export function estate(change?: EstateChange): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const secrets = change === 'reordered'
    ? ['shared', 'b-extra', 'b-db', 'a-dash', 'a-db', 'a-cache'] : ['a-cache', 'a-db', 'a-dash', 'b-db', 'b-extra', 'shared'];
  const declared: Record<string, ReturnType<SecretsDeclaration['addSecretsManagerSecret']>> = {};
  for (const id of secrets) {
    if (id === 'a-dash' && change !== 'find-matches-more') continue;
    declared[id] = d.addSecretsManagerSecret(id, {
      name: id.replace('-', '/'),
      ...(id === 'shared' ? { initialValue: InitialValue.sensitiveVariable('shared_value') } : {}),
    });
  }
  d.addTenant('a', { namespaces: ['team-a'], groups: ['team-a-admins'], secrets: [declared['a-db'], declared['a-cache'], ...(declared['a-dash'] ? [declared['a-dash']] : [])] });
  d.addTenant('b', { namespaces: ['team-b'], groups: ['team-b-admins'], secrets: [declared['b-db'], declared['b-extra']] });
  const ns = d.addAwsStore('ns', { name: 'ns', service: SM, scope: StoreScope.NAMESPACED });
  const ops = d.addAwsStore('ops', {
    name: 'ops', service: SM, authModel: EsoAuthModel.EXISTING_SERVICE_ACCOUNT,
    serviceAccount: { name: change === 'new-service-account' ? 'ops-reader' : 'ops-eso' },
    namespaces: change === 'store-admits-more' ? ['ops', 'tools'] : ['ops'],
  });
  d.addExternalSecret('a', {
    name: 'a', namespace: 'team-a', store: ns,
    data: [{ secretKey: 'db', secret: declared['a-db'] }, ...(change === 'removed-grant' ? [] : [{ secretKey: 'cache', secret: declared['a-cache'] }])],
  });
  d.addExternalSecret('a-find', { name: 'a-find', namespace: 'team-a', store: ns, find: [{ nameRegexp: 'a/d.*' }] });
  d.addExternalSecret('b', {
    name: 'b', namespace: 'team-b', store: ns,
    data: [
      { secretKey: 'db', secret: declared['b-db'] },
      ...(change === 'new-read' ? [{ secretKey: 'extra', secret: declared['b-extra'] }] : []),
      ...(change === 'tenant-gains-shared' ? [{ secretKey: 'shared', secret: declared.shared }] : []),
    ],
  });
  d.addExternalSecret('ops', { name: 'ops', namespace: 'ops', store: ops, data: [{ secretKey: 'v', secret: declared.shared }] });
  if (change === 'acknowledgement-added') {
    d.acknowledge({ ruleId: 'CES-TEN-4', reason: 'ops pushes nothing yet' });
  }
  return d;
}

/** The access model of {@link estate}. */
export function estateModel(change?: EstateChange): AccessModel {
  return buildAccessModel(estate(change));
}
