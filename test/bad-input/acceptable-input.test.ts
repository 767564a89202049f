import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import {
  AwsEnvironment, ClusterExternalSecret, ClusterSecretStore, Duration, ExternalSecret, KmsKey, SecretStore, SecretStoreProvider,
} from '../../lib';
import { findManifest, synthValid } from '../helpers/eso-schema';

function chart(): Chart {
  return new Chart(K8sTesting.app(), 'c', { namespace: 'team-a' });
}

describe('acceptable input near the bad-input boundaries: the output is valid and safe', () => {
  test('ClusterExternalSecret.ALL_NAMESPACES selects every namespace explicitly and validates against the CRD', () => {
    // GIVEN
    const c = chart();
    // WHEN
    new ClusterExternalSecret(c, 'all', {
      name: 'all', store: ClusterSecretStore.fromClusterSecretStoreName(c, 'g', 'global'),
      namespaceSelectors: [ClusterExternalSecret.ALL_NAMESPACES], data: [{ secretKey: 'k', remoteRef: { key: 'r' } }],
    });
    // THEN
    const ces = findManifest(synthValid(c), 'ClusterExternalSecret', 'all');
    expect((ces.spec as { namespaceSelectors: unknown }).namespaceSelectors).toEqual([{ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'Exists' }] }]);
  });

  test('a sub-millisecond refresh renders exactly (never "0s"), templates with actions and acknowledged literals pass', () => {
    // GIVEN
    const c = chart();
    const store = new SecretStore(c, 'store', { name: 'aws', provider: SecretStoreProvider.awsSecretsManager({ region: 'eu-west-1' }) });
    // WHEN
    new ExternalSecret(c, 'es', {
      name: 'app', store, refreshInterval: Duration.parse('1m30.5s'),
      data: [{ secretKey: 'password', remoteRef: { key: 'team/app' } }],
      target: {
        template: {
          data: { 'url': 'postgres://app:{{ .password | urlquery }}@db:5432/app', 'user': 'app', 'api-key-name': 'billing' },
          acknowledgeLiteralValues: { keys: ['api-key-name'], reason: 'the name of the key, not the key' },
        },
      },
    });
    // THEN
    const es = findManifest(synthValid(c), 'ExternalSecret', 'app');
    const spec = es.spec as { refreshInterval: string; target: { template: { data: unknown } } };
    expect(spec.refreshInterval).toBe('1m30s500ms');
    expect(spec.target.template.data).toEqual({ 'url': 'postgres://app:{{ .password | urlquery }}@db:5432/app', 'user': 'app', 'api-key-name': 'billing' });
    expect(JSON.stringify(es)).not.toContain('acknowledge');
  });

  test('free text with ${...} reaches Terraform escaped, so it is written literally instead of evaluated', () => {
    // GIVEN
    const stack = new TerraformStack(Testing.app(), 's');
    // WHEN
    new KmsKey(stack, 'Key', { description: 'owner: ${var.team} %{if true}x%{endif}', environment: AwsEnvironment.of({ account: '111122223333', region: 'eu-west-1' }) });
    // THEN
    const json = JSON.parse(Testing.synth(stack)) as { resource: { aws_kms_key: Record<string, { description: string }> } };
    expect(Object.values(json.resource.aws_kms_key)[0].description).toBe('owner: $${var.team} %%{if true}x%%{endif}');
  });
});
