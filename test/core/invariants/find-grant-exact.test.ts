import { auditDeclaration } from '../../../lib/core';
import { awsLab } from './privilege-fixtures';

describe('CES-LP-2: a find is granted exactly the declared secrets it matches', () => {
  test('a Parameter Store find by tags is granted per parameter and passes', () => {
    // GIVEN
    const { d, ssm } = awsLab();
    d.addParameter('p', { name: '/shop/p', tags: { team: 'shop' } });
    const store = d.addAwsStore('ssm', { name: 'ssm', service: ssm });
    d.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ tags: { team: 'shop' } }] });
    // WHEN / THEN
    expect(auditDeclaration(d).violations).toEqual([]);
  });

  test('a Parameter Store find by path is granted the whole path: refused, even when it matches declared parameters, unless acknowledged', () => {
    // GIVEN
    const { d, ssm } = awsLab();
    d.addParameter('p', { name: '/shop/config/p' });
    const store = d.addAwsStore('ssm', { name: 'ssm', service: ssm });
    d.addExternalSecret('e', { name: 'e', namespace: 'shop', store, find: [{ path: '/shop/config/' }] });
    // WHEN / THEN
    expect(() => d.plan()).toThrow(
      '[shop/externalSecrets/e] find[0]: received {"path":"/shop/config/"}. Allowed: a find whose grant reads only the declared secrets it matches (1 here), '
      + 'but ssm:GetParametersByPath on "/shop/config/" returns (and decrypts) every parameter under the path in eu-west-1, declared or not. '
      + 'Fix: read the declared secrets with data or extract (or a find the backend grants per secret, such as by name or tags) (rule CES-LP-2; '
      + 'or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-LP-2\', reason: \'…\', appliesTo: [\'shop/externalSecrets/e/find[0]\'] })).');
    d.acknowledge({ ruleId: 'CES-LP-2', reason: 'the shop owns every parameter under /shop/config/', appliesTo: ['shop/externalSecrets/e/find[0]'] });
    expect(d.plan().identities[0].finds).toHaveLength(1);
    expect(auditDeclaration(d).acknowledged.map((f) => [f.rule.id, f.acknowledgement?.reason])).toEqual([['CES-LP-2', 'the shop owns every parameter under /shop/config/']]);
  });
});
