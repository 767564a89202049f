import { SecretsDeclaration } from '../../../lib/core';
import { violationsOf } from './fixtures';

function tenantWithGroup(group: string): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'p' });
  d.addTenant('t', { namespaces: ['apps', 'jobs'], groups: ['t-admins', group] });
  return d;
}

describe('CES-TEN-6: a tenant binds no cluster-wide group', () => {
  test.each([
    ['system:authenticated', 'every authenticated user and service account'],
    ['system:unauthenticated', 'every anonymous request'],
    ['system:serviceaccounts', 'every service account of the cluster'],
    ['System:Masters', 'the cluster administrators'],
    ['system:nodes', 'every node (kubelet)'],
    ['system:bootstrappers', 'every node bootstrap token'],
    ['system:serviceaccounts:kube-system', 'the service accounts of a namespace of another tenant or of the platform'],
    ['system:kube-controller-manager', 'a group the Kubernetes API server or a cluster component assigns (system:*)'],
  ])('group %s fails', (group, why) => {
    expect(() => tenantWithGroup(group).plan()).toThrow(`[p/tenants/t] groups[1]: received ${JSON.stringify(group)}. Allowed: the team's own groups (from your identity provider), `
      + `or system:serviceaccounts:<ns> of the tenant's own namespaces; ${JSON.stringify(group)} is ${why}. Fix: bind the group of the team that owns the tenant (rule CES-TEN-6).`);
  });

  test('the team\'s groups and the service accounts of the tenant\'s own namespace pass', () => {
    expect(violationsOf(tenantWithGroup('system:serviceaccounts:jobs'), 'CES-TEN-6')).toEqual([]);
    expect(violationsOf(tenantWithGroup('oidc:platform-team'), 'CES-TEN-6')).toEqual([]);
  });

  test('the rule refuses acknowledgements', () => {
    expect(() => tenantWithGroup('system:authenticated').acknowledge({ ruleId: 'CES-TEN-6', reason: 'everyone may manage these secrets' })).toThrow(
      'Allowed: an acknowledgeable rule; this rule has no legitimate exception.');
  });
});
