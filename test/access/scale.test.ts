import { buildAccessModel, diffAccessModels, renderAccessDiffMarkdown } from '../../lib/access';
import { SecretBackend, SecretsDeclaration, StoreScope } from '../../lib/core';

/** An estate of `tenants` × 100 secrets, each tenant's namespace reading all of them through ten ExternalSecrets. */
function estate(tenants: number, extraRead: boolean): SecretsDeclaration {
  const d = new SecretsDeclaration({ name: 'estate', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const store = d.addAwsStore('ns', { name: 'ns', service: SecretBackend.AWS_SECRETS_MANAGER, scope: StoreScope.NAMESPACED });
  const shared = d.addSecretsManagerSecret('shared', { name: 'platform/shared' });
  for (let t = 0; t < tenants; t++) {
    const secrets = Array.from({ length: 100 }, (_, i) => d.addSecretsManagerSecret(`t${t}-s${i}`, { name: `t${t}/s${i}` }));
    d.addTenant(`t${t}`, { namespaces: [`team-${t}`], groups: [`team-${t}-admins`], secrets });
    for (let e = 0; e < 10; e++) {
      const data = secrets.slice(e * 10, e * 10 + 10).map((secret, k) => ({ secretKey: `k${k}`, secret }));
      d.addExternalSecret(`t${t}-es${e}`, { name: `es${e}`, namespace: `team-${t}`, store, data: extraRead && t === 7 && e === 0 ? [...data, { secretKey: 'shared', secret: shared }] : data });
    }
  }
  return d;
}

function seconds(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

describe('access model at estate scale', () => {
  test('10,000 secrets of 100 tenants: the model builds in well under a second per 1,000 secrets, and the diff names the one new read', () => {
    // GIVEN base and head estates (head: tenant t7 also reads the shared secret), planned
    const base = estate(100, false);
    const head = estate(100, true);
    base.plan();
    head.plan();
    // WHEN
    let baseModel = buildAccessModel(base);
    const build = seconds(() => { baseModel = buildAccessModel(base); });
    const headModel = buildAccessModel(head);
    let markdown = '';
    const diff = seconds(() => { markdown = renderAccessDiffMarkdown(diffAccessModels({ '': baseModel }, { '': headModel })); });
    // THEN (measured on 2 shared cores: ~0.2 s to build, ~1 s to diff; the bounds leave room for a loaded machine)
    expect(baseModel.secrets).toHaveLength(10_001);
    expect(baseModel.identities).toHaveLength(100);
    expect(build).toBeLessThan(5);
    expect(diff).toBeLessThan(15);
    expect(markdown).toContain('**Broadening: 2** · Narrowing: 0 · Other: 0 · clusters: prod');
    expect(markdown).toContain('| + | ⚠ reach | namespace team-7 | ns → role estate-ns-team-7-eso | `AWS_SECRETS_MANAGER:platform/shared` | read (ExternalSecret) (cross-tenant: tenant t7 reaches a shared secret) | estate/externalSecrets/t7-es0 |');
  });
});
