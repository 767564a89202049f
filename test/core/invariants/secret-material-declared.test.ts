import { Duration, SecretBackend, SecretsDeclaration, StoreScope, credentialReason } from '../../../lib/core';
import { violationsOf } from './fixtures';

const AWS_KEY = 'AKIA' + 'ABCDEFGHIJKLMNOP';

describe('CES-SM-1: no credential-looking literal in declared text', () => {
  test('a key in a tag, a template annotation, a secret description fail; the value is never echoed', () => {
    const d = new SecretsDeclaration({ name: 'p', aws: { accountId: '111122223333', region: 'eu-west-1' }, tags: { deployer: AWS_KEY } });
    d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
    const store = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER });
    const secret = d.addSecretsManagerSecret('db', { name: 'shop/db', description: 'password=hunter2hunter2', tags: { team: 'shop' } });
    d.addExternalSecret('db', { name: 'db', namespace: 'shop', store, data: [{ secretKey: 'k', secret }],
      template: { annotations: { 'shop/token': 'ghp_' + 'a'.repeat(36) }, labels: { 'secret-type': 'database' } } });
    const found = violationsOf(d, 'CES-SM-1');
    expect(found.map(([subject]) => subject)).toEqual(['p/tags.deployer', 'p/secrets/db/description', 'p/externalSecrets/db/template.annotations.shop/token']);
    expect(found[0][1]).toBe('[p] tags.deployer: received a literal (it contains an AWS access key ID). Allowed: no credential: this text is written to YAML in Git or to '
      + 'Terraform JSON and state in plain text. Fix: keep the credential in the secret store and reference it through an ExternalSecret (in templates, through {{ .key }}) (rule CES-SM-1).');
    expect(found[1][1]).toContain('received a literal (it contains a password assignment)');
    expect(found[2][1]).toContain('received a literal (it contains a GitHub token)');
    expect(found.map(([, m]) => m).join()).not.toMatch(/AKIA|hunter2|ghp_/);
    expect(() => d.plan()).toThrow('(rule CES-SM-1).');
    expect(() => d.acknowledge({ ruleId: 'CES-SM-1', reason: 'this key is revoked already' })).toThrow('this rule has no legitimate exception');
  });

  test('a Vault token in a dynamic-secret path fails; a plain path passes', () => {
    const d = new SecretsDeclaration({ name: 'lab' });
    const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
    const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
    d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' });
    const store = d.addVaultStore('vault', { name: 'vault', server, scope: StoreScope.NAMESPACED, tokenTtl: Duration.hours(2) });
    const leaked = d.addVaultDynamicSecret('leaked', { name: 'leaked', server, path: 'database/creds/hvs.' + 'A1b2C3d4E5f6G7h8I9j0K1l2', leaseTtl: Duration.hours(1) });
    const fine = d.addVaultDynamicSecret('fine', { name: 'fine', server, path: 'database/creds/web', leaseTtl: Duration.hours(1) });
    d.addExternalSecret('a', { name: 'a', namespace: 'shop', store, refreshInterval: Duration.minutes(30), dynamicSecrets: [leaked] });
    d.addExternalSecret('b', { name: 'b', namespace: 'shop', store, refreshInterval: Duration.minutes(30), dynamicSecrets: [fine] });
    expect(violationsOf(d, 'CES-SM-1').map(([subject]) => subject)).toEqual(['lab/externalSecrets/a/dynamicSecrets[0].path']);
  });
});

describe('credentialReason: the shapes it knows, and what it leaves alone', () => {
  test.each([
    ['AWS access key', 'k', AWS_KEY, 'it contains an AWS access key ID'],
    ['Vault service token', 'k', 'hvs.' + 'CAESIJ1b2c3d4e5f6g7h8i9j0', 'it contains a Vault token'],
    ['legacy Vault token', 'k', 's.' + 'Ab12Cd34Ef56Gh78Ij90Kl12', 'it contains a Vault token'],
    ['PEM private key', 'k', '-----BEGIN RSA PRIVATE KEY-----', 'it contains a PEM private key'],
    ['Slack token', 'k', 'xoxb-' + '1234567890-abcdef', 'it contains a Slack token'],
    ['JWT', 'k', 'eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4', 'it contains a JSON Web Token'],
    ['Azure storage key', 'k', 'AccountKey=' + 'A'.repeat(86) + '==', 'it contains an Azure storage or Service Bus key'],
    ['URL password', 'k', 'https://admin:s3cr3t@db.example.com', 'it contains a URL with a password'],
    ['URL query token', 'k', 'https://api.example.com/v1?access_token=abcdef123456', 'it contains a credential in a URL query string'],
    ['random value under a secret-named key', 'apiKey', 'Zx9!qR2#mK7$wL4pT8vB', 'the key "apiKey" names a credential and its value is a long random-looking literal'],
  ])('%s', (_name, key, value, why) => {
    expect(credentialReason(key, value)).toBe(why);
  });

  test.each([
    ['a plain word under a secret-named key', 'secret-type', 'database'],
    ['a template action', 'password', '{{ .password }}'],
    ['a checksum', 'checksum/config', 'a3f5c9e1b2d4f6a8c0e2b4d6f8a0c2e4'],
    ['a URL without credentials', 'endpoint', 'https://vault.example.com:8200/v1/secret'],
  ])('%s passes', (_name, key, value) => {
    expect(credentialReason(key, value)).toBeUndefined();
  });
});
