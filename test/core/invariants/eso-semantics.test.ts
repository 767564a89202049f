import { Duration, RefreshPolicy, SecretBackend, SecretsDeclaration } from '../../../lib/core';
import { violationsOf } from './fixtures';

const ROTATION = { rotationLambdaArn: 'arn:aws:lambda:eu-west-1:111122223333:function:rotate', afterDays: 30 };

function aws() {
  const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
  const rotating = d.addSecretsManagerSecret('db', { name: 'shop/db', rotation: ROTATION });
  const still = d.addSecretsManagerSecret('cfg', { name: 'shop/cfg' });
  return { d, store, rotating, still };
}

describe('CES-ESO-1: a rotating secret is neither immutable nor refreshed once or on change', () => {
  test('immutable on a rotating secret fails with the rule, and cannot be acknowledged', () => {
    const { d, store, rotating } = aws();
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, immutable: true, data: [{ secretKey: 'k', secret: rotating }] });
    expect(() => d.plan()).toThrow('[p/externalSecrets/db] immutable: received true. Allowed: false: secret "db" rotates, and ESO cannot update an immutable Secret '
      + '(the workload keeps the revoked value). Fix: drop immutable: true (rule CES-ESO-1).');
    expect(() => d.acknowledge({ ruleId: 'CES-ESO-1', reason: 'we restart pods on rotation' })).toThrow('this rule has no legitimate exception');
  });

  test('OnChange and CreatedOnce on a rotating secret (read by extract) fail; on a static secret they pass', () => {
    const { d, store, rotating, still } = aws();
    d.addExternalSecret('once', { name: 'once', namespace: 'shop', store, refreshPolicy: RefreshPolicy.CREATED_ONCE, extract: [{ secret: rotating }] });
    d.addExternalSecret('change', { name: 'change', namespace: 'shop', store, refreshPolicy: RefreshPolicy.ON_CHANGE, data: [{ secretKey: 'k', secret: rotating }] });
    d.addExternalSecret('static', { name: 'static', namespace: 'shop', store, immutable: true, refreshPolicy: RefreshPolicy.ON_CHANGE, data: [{ secretKey: 'k', secret: still }] });
    expect(violationsOf(d, 'CES-ESO-1')).toEqual([
      ['once', '[p/externalSecrets/once] refreshPolicy: received "CreatedOnce". Allowed: RefreshPolicy.PERIODIC (the default): secret "db" rotates, and ESO re-reads the provider '
        + 'with CreatedOnce only once. Fix: drop refreshPolicy (periodic refresh) and keep refreshInterval shorter than the rotation period (rule CES-ESO-1).'],
      ['change', '[p/externalSecrets/change] refreshPolicy: received "OnChange". Allowed: RefreshPolicy.PERIODIC (the default): secret "db" rotates, and ESO re-reads the provider '
        + 'with OnChange only when the ExternalSecret changes. Fix: drop refreshPolicy (periodic refresh) and keep refreshInterval shorter than the rotation period (rule CES-ESO-1).'],
    ]);
  });
});

describe('CES-ESO-2: a rotating secret is refreshed more often than it rotates', () => {
  test('refreshInterval 0 and an interval longer than the rotation period fail; an hour passes', () => {
    const { d, store, rotating } = aws();
    d.addExternalSecret('never', { name: 'never', namespace: 'shop', store, refreshInterval: Duration.seconds(0), data: [{ secretKey: 'k', secret: rotating }] });
    d.addExternalSecret('slow', { name: 'slow', namespace: 'shop', store, refreshInterval: Duration.days(45), data: [{ secretKey: 'k', secret: rotating }] });
    d.addExternalSecret('ok', { name: 'ok', namespace: 'shop', store, refreshInterval: Duration.hours(1), data: [{ secretKey: 'k', secret: rotating }] });
    expect(violationsOf(d, 'CES-ESO-2').map(([subject]) => subject)).toEqual(['never', 'slow']);
    const [[, never], [, slow]] = violationsOf(d, 'CES-ESO-2');
    expect(never).toMatch(/^\[p\/externalSecrets\/never\] refreshInterval: received "[^"]+"\. Allowed: a refresh interval above zero: secret "db" rotates, and with 0 ESO never reads it again after the first sync\. Fix: set refreshInterval to at most an hour \(the default\), well under the rotation period \(rule CES-ESO-2\)\.$/);
    expect(slow).toContain('Allowed: an interval shorter than the rotation period of secret "db" (30 days).');
  });
});

describe('CES-ESO-2 with the default period and schedule expressions', () => {
  test('no afterDays means 30 days; rate(6 hours) is the period; a cron schedule only refuses 0', () => {
    // GIVEN secrets rotating by default, every 6 hours and on a cron schedule
    const { d, store } = aws();
    const lambda = ROTATION.rotationLambdaArn;
    const byDefault = d.addSecretsManagerSecret('default', { name: 'shop/default', rotation: { rotationLambdaArn: lambda } });
    const hourly = d.addSecretsManagerSecret('six-hours', { name: 'shop/six', rotation: { rotationLambdaArn: lambda, scheduleExpression: 'rate(6 hours)' } });
    const cron = d.addSecretsManagerSecret('cron', { name: 'shop/cron', rotation: { rotationLambdaArn: lambda, scheduleExpression: 'cron(0 16 1,15 * ? *)' } });
    // WHEN ExternalSecrets read them with intervals around those periods
    d.addExternalSecret('default-slow', { name: 'default-slow', namespace: 'shop', store, refreshInterval: Duration.days(31), data: [{ secretKey: 'k', secret: byDefault }] });
    d.addExternalSecret('six-slow', { name: 'six-slow', namespace: 'shop', store, refreshInterval: Duration.hours(6), data: [{ secretKey: 'k', secret: hourly }] });
    d.addExternalSecret('six-ok', { name: 'six-ok', namespace: 'shop', store, refreshInterval: Duration.hours(5), data: [{ secretKey: 'k', secret: hourly }] });
    d.addExternalSecret('cron-never', { name: 'cron-never', namespace: 'shop', store, refreshInterval: Duration.seconds(0), data: [{ secretKey: 'k', secret: cron }] });
    d.addExternalSecret('cron-daily', { name: 'cron-daily', namespace: 'shop', store, refreshInterval: Duration.days(1), data: [{ secretKey: 'k', secret: cron }] });
    d.addExternalSecret('default-interval', { name: 'default-interval', namespace: 'shop', store, data: [{ secretKey: 'k', secret: hourly }] });
    // THEN
    const violations = violationsOf(d, 'CES-ESO-2');
    expect(violations.map(([subject]) => subject)).toEqual(['default-slow', 'six-slow', 'cron-never']);
    expect(violations[0][1]).toContain('Allowed: an interval shorter than the rotation period of secret "default" (30 days).');
    expect(violations[1][1]).toBe('[p/externalSecrets/six-slow] refreshInterval: received "6h". Allowed: an interval shorter than the rotation period of secret "six-hours" '
      + '(rate(6 hours)). Fix: set refreshInterval to at most an hour (the default), well under the rotation period (rule CES-ESO-2).');
  });
});

describe('CES-ESO-4: templates call no function ESO removed', () => {
  test('base64decode in data, toJSON in an annotation fail; b64dec, a field named .env and a quoted word pass', () => {
    const { d, store, still } = aws();
    d.addExternalSecret('old', { name: 'old', namespace: 'shop', store, data: [{ secretKey: 'k', secret: still }],
      template: { data: { cert: '{{ .k | base64decode }}', ok: '{{ .k | b64dec }} {{ .env }} {{ "toJSON" }}' }, annotations: { 'shop/meta': '{{ toJSON .k }}' } } });
    expect(violationsOf(d, 'CES-ESO-4')).toEqual([
      ['old/data/cert', '[p/externalSecrets/old] template.data.cert: received "a template calling base64decode". Allowed: functions of ESO\'s template engine v2: '
        + 'base64decode was removed, the template fails to render and the Secret is never written. Fix: use b64dec (rule CES-ESO-4).'],
      ['old/annotations/shop/meta', '[p/externalSecrets/old] template.annotations.shop/meta: received "a template calling toJSON". Allowed: functions of ESO\'s template engine v2: '
        + 'toJSON was removed, the template fails to render and the Secret is never written. Fix: use toJson (rule CES-ESO-4).'],
    ]);
  });
});

describe('CES-ESO-5: a PushSecret destination carries managed-by: external-secrets', () => {
  test('a declared destination with the default tags fails at the secret; with the tag, or managed elsewhere, it passes', () => {
    const { d, store } = aws();
    const plain = d.addSecretsManagerSecret('plain', { name: 'shop/plain' });
    const tagged = d.addSecretsManagerSecret('tagged', { name: 'shop/tagged', tags: { 'managed-by': 'external-secrets' } });
    const elsewhere = d.addSecretsManagerSecret('elsewhere', { name: 'shop/elsewhere', managedElsewhere: true });
    for (const destination of [plain, tagged, elsewhere]) {
      d.addPushSecret(destination.id, { name: destination.id, namespace: 'shop', store, sourceSecretName: 'local', destination });
    }
    expect(violationsOf(d, 'CES-ESO-5')).toEqual([['plain', '[p/secrets/plain] tags.managed-by: received "cdk-external-secrets". Allowed: "external-secrets": PushSecret "plain" '
      + 'writes into this secret, and ESO refuses to write a secret without that tag ("secret not managed by external-secrets"). '
      + 'Fix: declare the secret with tags: { \'managed-by\': \'external-secrets\' }, or with managedElsewhere: true so ESO creates it (rule CES-ESO-5).']]);
  });
});
