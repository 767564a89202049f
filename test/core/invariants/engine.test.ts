import {
  auditDeclaration, checkAcknowledgement, ConfigurationError, enforceRules, evaluateRules, EsoAuthModel, PlanRule, RuleCategory, RuleViolationError, SecretsDeclaration,
} from '../../../lib/core';

const GCP = { projectId: 'platform-prod-4711', projectNumber: '314159265358' };

/** A declaration with one store reading one secret, and a rule that flags every identity. */
function fixture(): { d: SecretsDeclaration; flagEveryIdentity: PlanRule } {
  const d = new SecretsDeclaration({ name: 'p', gcp: GCP });
  d.addGkeCluster('g', { clusterName: 'g', projectId: GCP.projectId, location: 'europe-west1' });
  const token = d.addGoogleSecret('token', { name: 'token' });
  const store = d.addGoogleSecretManagerStore('app', { name: 'app', authModel: EsoAuthModel.STORE_SERVICE_ACCOUNT });
  d.addExternalSecret('app', { name: 'app', namespace: 'app', store, data: [{ secretKey: 't', secret: token }] });
  const flagEveryIdentity: PlanRule = {
    id: 'CES-TR-99', category: RuleCategory.TRUST, title: 'test rule', acknowledgeable: true,
    *check({ plan }) {
      for (const identity of plan.identities) {
        yield { path: `p/identities/${identity.id}`, prop: 'serviceAccount', value: identity.id, subject: identity.id, allowed: 'nothing (test rule)', fix: 'remove it' };
      }
    },
  };
  return { d, flagEveryIdentity };
}

describe('rules over the plan', () => {
  test('an unacknowledged violation throws the library error with the rule id and how to acknowledge it', () => {
    // GIVEN
    const { d, flagEveryIdentity } = fixture();
    // WHEN / THEN
    const run = () => enforceRules({ declaration: d, plan: d.resolvePlan() }, [], [flagEveryIdentity]);
    expect(run).toThrow(RuleViolationError);
    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow('[p/identities/store-app] serviceAccount: received "store-app". Allowed: nothing (test rule). '
      + 'Fix: remove it (rule CES-TR-99; or, if the exception is intended, declaration.acknowledge({ ruleId: \'CES-TR-99\', reason: \'…\', appliesTo: [\'store-app\'] })).');
  });

  test('an acknowledgement covers the subjects it names, or every violation without appliesTo', () => {
    // GIVEN
    const { d, flagEveryIdentity } = fixture();
    const context = { declaration: d, plan: d.resolvePlan() };
    const known = new Map([['CES-TR-99', true]]);
    const forOther = checkAcknowledgement('p/acknowledgements/0', { ruleId: 'CES-TR-99', reason: 'another identity is the exception', appliesTo: ['store-other'] }, known);
    const forAll = checkAcknowledgement('p/acknowledgements/1', { ruleId: 'CES-TR-99', reason: 'every identity is the exception here' }, known);
    // WHEN
    const partial = evaluateRules(context, [forOther], [flagEveryIdentity]);
    const full = evaluateRules(context, [forAll], [flagEveryIdentity]);
    // THEN
    expect(partial.map((f) => [f.violation.subject, f.acknowledgement?.reason])).toEqual([['store-app', undefined]]);
    expect(full.map((f) => [f.violation.subject, f.acknowledgement?.reason])).toEqual([['store-app', 'every identity is the exception here']]);
    expect(enforceRules(context, [forAll], [flagEveryIdentity]).map((f) => f.rule.id)).toEqual(['CES-TR-99']);
  });

  test('auditDeclaration reports violations without throwing, and acknowledged ones with their reasons', () => {
    // GIVEN two tenants sharing the controller identity (CES-TEN-1)
    const d = new SecretsDeclaration({ name: 'p', gcp: GCP });
    d.addGkeCluster('g', { clusterName: 'g', projectId: GCP.projectId, location: 'europe-west1' });
    const a = d.addGoogleSecret('a', { name: 'a' });
    const b = d.addGoogleSecret('b', { name: 'b' });
    d.addTenant('ta', { namespaces: ['ta'], groups: ['ta-admins'], secrets: [a] });
    d.addTenant('tb', { namespaces: ['tb'], groups: ['tb-admins'], secrets: [b] });
    const shared = d.addGoogleSecretManagerStore('shared', { name: 'shared' });
    d.addExternalSecret('a', { name: 'a', namespace: 'ta', store: shared, data: [{ secretKey: 'a', secret: a }] });
    d.addExternalSecret('b', { name: 'b', namespace: 'tb', store: shared, data: [{ secretKey: 'b', secret: b }] });
    // WHEN
    const audit = auditDeclaration(d);
    // THEN
    expect(audit.violations.map((f) => [f.rule.id, f.violation.subject])).toEqual([['CES-TEN-1', 'controller-g'], ['CES-TEN-3', 'shared']]);
    expect(audit.acknowledged).toEqual([]);
    expect(() => d.plan()).toThrow('(rule CES-TEN-1).');
  });
});

describe('acknowledgements', () => {
  const d = () => new SecretsDeclaration({ name: 'p', gcp: GCP });

  test('a rule without legitimate exceptions cannot be acknowledged', () => {
    expect(() => d().acknowledge({ ruleId: 'CES-TEN-1', reason: 'we trust both teams completely' })).toThrow(
      '[p/acknowledgements/0] ruleId: received "CES-TEN-1". Allowed: an acknowledgeable rule; this rule has no legitimate exception. Fix: change the declaration so the rule holds.');
  });

  test('an unknown rule id, a short reason, bad subjects and a non-object are refused with the library error', () => {
    expect(() => d().acknowledge({ ruleId: 'CES-NOPE-1', reason: 'a good enough reason' })).toThrow(
      /^\[p\/acknowledgements\/0\] ruleId: received "CES-NOPE-1"\. Allowed: the id of a rule that exists: CES-ESO-1, .*CES-SM-1, CES-TEN-1.*\. Fix: copy the rule id from the error message or the rules README \(lib\/core\/invariants\/README\.md\)\.$/);
    const known = new Map([['CES-TR-99', true]]);
    expect(() => checkAcknowledgement('p/acknowledgements/0', { ruleId: 'CES-TR-99', reason: ' ok ' }, known)).toThrow(
      '[p/acknowledgements/0] reason: received "ok". Allowed: a reason of at least 10 characters. Fix: say why the exception is needed; reviewers read it in the access matrix.');
    expect(() => checkAcknowledgement('p/acknowledgements/0', { ruleId: 'CES-TR-99', reason: 'a good enough reason', appliesTo: [] }, known)).toThrow(
      '[p/acknowledgements/0] appliesTo: received []. Allowed: a non-empty list of subjects (strings), as named in the violation\'s message. '
      + 'Fix: list the subjects the exception is for, or leave appliesTo out to acknowledge every violation of the rule.');
    expect(() => d().acknowledge('CES-TEN-1' as never)).toThrow(
      '[p/acknowledgements/0] acknowledgement: received a string. Allowed: an object { ruleId, reason, appliesTo? }. Fix:');
  });

  test('an acknowledgement after rendering is refused like any element', () => {
    const declaration = d();
    declaration.markRendered('app/stack/platform');
    expect(() => declaration.acknowledge({ ruleId: 'CES-TEN-1', reason: 'a good enough reason' })).toThrow(/^\[p\/acknowledgements\/0\] id: received "0"\./);
  });
});
