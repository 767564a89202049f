import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { addEsoReloaderChart, SYNC_WAVES } from '../../examples/eso-reloader/k8s';
import { addEsoReloaderStack } from '../../examples/eso-reloader/tf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

interface PodTemplate {
  readonly metadata?: { annotations?: Record<string, string> };
  readonly spec: { containers: Array<{ env?: unknown; envFrom?: unknown }> };
}

function podTemplate(deployment: K8sManifest): PodTemplate {
  return (deployment.spec as { template: PodTemplate }).template;
}

describe('example: ESO + Reloader rolling restart', () => {
  const stack = synthTerraform(addEsoReloaderStack(Testing.app()));
  const manifests = synthValid(addEsoReloaderChart(new K8sApp()));

  test('the database secret rotates every 7 days through the rotation Lambda, which only Secrets Manager may invoke for it', () => {
    // GIVEN the rendered stack
    const secret = resourceWhere(stack, 'aws_secretsmanager_secret', 'name', 'ledger/prod/database');
    const [secretId] = Object.entries(stack.resource!.aws_secretsmanager_secret).find(([, body]) => body === secret)!;
    // WHEN reading the rotation and the Lambda permission
    const [rotation] = resourcesOf(stack, 'aws_secretsmanager_secret_rotation');
    const [permission] = resourcesOf(stack, 'aws_lambda_permission');
    // THEN the rotation declared in the declaration targets the secret, after the initial value and the permission exist
    expect(resourcesOf(stack, 'aws_secretsmanager_secret_rotation')).toHaveLength(1);
    expect(rotation.secret_id).toBe(`\${aws_secretsmanager_secret.${secretId}.id}`);
    expect(rotation.rotation_lambda_arn).toBe('arn:aws:lambda:eu-west-1:111122223333:function:ledger-database-rotation');
    expect(rotation.rotation_rules).toEqual({ automatically_after_days: 7 });
    expect(rotation.rotate_immediately).toBe(true);
    expect(rotation.depends_on).toEqual([
      expect.stringMatching(/^aws_secretsmanager_secret_version\./),
      expect.stringMatching(/^aws_lambda_permission\./),
      expect.stringMatching(/^aws_iam_role_policy\./),
    ]);
    expect(resourcesOf(stack, 'aws_lambda_permission')).toHaveLength(1);
    expect(permission).toEqual({
      action: 'lambda:InvokeFunction',
      function_name: 'arn:aws:lambda:eu-west-1:111122223333:function:ledger-database-rotation',
      principal: 'secretsmanager.amazonaws.com',
      source_account: '111122223333',
      source_arn: `\${aws_secretsmanager_secret.${secretId}.arn}`,
      statement_id: expect.stringMatching(/^SecretsManagerRotation-ledger_prod_database-[0-9a-f]{8}$/),
      region: 'eu-west-1',
    });
  });

  test('the rotation Lambda role gets exactly the rotation grants on the database secret, KMS only via Secrets Manager', () => {
    // GIVEN / WHEN the inline policy on the function's role
    const policy = resourceWhere(stack, 'aws_iam_role_policy', 'role', 'ledger-database-rotation');
    const statements = parsePolicy(policy.policy).Statement;
    // THEN
    expect(statements.map((s) => [s.Sid, s.Action, s.Resource])).toEqual([
      ['RotateSecrets', ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue', 'secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
        ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:ledger/prod/database-??????']],
      ['RotateSecretsKmsOnlyViaSecretsManager', ['kms:Decrypt', 'kms:GenerateDataKey'], [expect.stringMatching(/^\$\{aws_kms_key\./)]],
    ]);
    expect(statements[1].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
    expect(Object.keys(stack.variable ?? {})).toEqual(['ledger_database_credentials']);
  });

  test('no value reaches the output or the state; the initial value is write-only from a sensitive variable', () => {
    // GIVEN / WHEN the rendered stack
    const [version] = resourcesOf(stack, 'aws_secretsmanager_secret_version');
    // THEN
    expect(valueLeaks(stack)).toEqual([]);
    expect(version.secret_string_wo).toBe('${var.ledger_database_credentials}');
    expect(stack.variable?.ledger_database_credentials).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
  });

  test('the controller role (distinct name) reads exactly the rotating secret', () => {
    // GIVEN / WHEN
    resourceWhere(stack, 'aws_iam_role', 'name', 'ledger-rotation-prod-eso-controller');
    const policy = resourceWhere(stack, 'aws_iam_role_policy', 'name', 'platform-Identity-controller-prod-AccessPolicy');
    // THEN
    expect(parsePolicy(policy.policy).Statement[0].Sid).toBe('ReadSecrets');
    expect(parsePolicy(policy.policy).Statement[0].Resource).toEqual([
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:ledger/prod/database-??????',
    ]);
  });

  test('the releases pin chart 2.9.0 / 2.2.16; Reloader reloads with annotations and on create', () => {
    // GIVEN / WHEN
    const eso = resourceWhere(stack, 'helm_release', 'name', 'external-secrets');
    const reloaderRelease = resourceWhere(stack, 'helm_release', 'name', 'reloader');
    const reloader = helmValues(stack, 'reloader');
    // THEN
    expect(eso.version).toBe('2.9.0');
    expect(reloaderRelease.version).toBe('2.2.16');
    expect(reloader).toEqual({ reloader: { reloadOnCreate: true, reloadStrategy: 'annotations' } });
    expectValidReloaderValues(reloader);
    const esoValues = helmValues(stack, 'external-secrets');
    expect(esoValues.serviceAccount).toEqual({
      create: true, name: 'external-secrets',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/ledger-rotation-prod-eso-controller' },
    });
    expectValidEsoValues(esoValues);
  });

  test('both ExternalSecrets refresh every 5 minutes', () => {
    for (const name of ['ledger-api-database', 'ledger-worker-database']) {
      // GIVEN / WHEN
      const es = findManifest(manifests, 'ExternalSecret', name);
      // THEN
      expect(es.spec?.refreshInterval).toBe('5m');
      expect(es.metadata?.namespace).toBe('ledger');
    }
  });

  test('LIST mode: ledger-api names its Secret, pauses 5 minutes, reads env vars; its ExternalSecret has no template', () => {
    // GIVEN / WHEN
    const api = findManifest(manifests, 'Deployment', 'ledger-api');
    const es = findManifest(manifests, 'ExternalSecret', 'ledger-api-database');
    // THEN
    expect(api.metadata?.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '3',
      'deployment.reloader.stakater.com/pause-period': '5m',
      'secret.reloader.stakater.com/reload': 'ledger-api-database',
    });
    expect(es.spec?.target).toEqual({ name: 'ledger-api-database', creationPolicy: 'Owner', deletionPolicy: 'Retain' });
    expect(podTemplate(api).spec.containers[0].env).toEqual(['DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASSWORD'].map((key) => ({
      name: key, valueFrom: { secretKeyRef: { key, name: 'ledger-api-database' } },
    })));
    // Reloader owns the pod template annotations (reloadStrategy: annotations): nothing is rendered there.
    expect(podTemplate(api).metadata?.annotations).toBeUndefined();
  });

  test('SEARCH mode: ledger-worker searches; only its Secret carries reloader.stakater.com/match through the template metadata', () => {
    // GIVEN / WHEN
    const worker = findManifest(manifests, 'Deployment', 'ledger-worker');
    const es = findManifest(manifests, 'ExternalSecret', 'ledger-worker-database');
    // THEN
    expect(worker.metadata?.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '3',
      'reloader.stakater.com/search': 'true',
    });
    const target = es.spec?.target as { name: string; template: { engineVersion: string; metadata: { annotations: Record<string, string> }; data?: unknown } };
    expect(target.name).toBe('ledger-worker-database');
    // The template's metadata replaces the ExternalSecret's own on the Secret; the ExternalSecret's
    // Argo CD sync wave describes the ExternalSecret and is not copied to the Secret.
    expect(target.template.metadata).toEqual({
      annotations: { 'reloader.stakater.com/match': 'true' },
    });
    // A metadata-only template: the fetched keys pass through unchanged.
    expect(target.template.data).toBeUndefined();
    expect(podTemplate(worker).spec.containers[0].envFrom).toEqual([{ secretRef: { name: 'ledger-worker-database' } }]);
    const apiTemplate = (findManifest(manifests, 'ExternalSecret', 'ledger-api-database').spec?.target as { template?: unknown }).template;
    expect(apiTemplate).toBeUndefined();
  });

  test('Argo CD sync waves: store, then ExternalSecrets, then workloads (the ESO release comes first, from Terraform)', () => {
    // GIVEN / WHEN
    const wave = (m: K8sManifest) => m.metadata?.annotations?.['argocd.argoproj.io/sync-wave'];
    const byKind = (kind: string) => [...new Set(manifests.filter((m) => m.kind === kind).map(wave))];
    // THEN
    expect(SYNC_WAVES).toEqual({ stores: 1, externalSecrets: 2, workloads: 3 });
    expect(byKind('ClusterSecretStore')).toEqual(['1']);
    expect(byKind('ExternalSecret')).toEqual(['2']);
    expect(byKind('Deployment')).toEqual(['3']);
    expect(manifests.filter((m) => m.apiVersion === 'external-secrets.io/v1beta1')).toEqual([]);
  });

  test('the ClusterSecretStore admits only the ledger namespace, with the controller identity', () => {
    // GIVEN / WHEN
    const store = findManifest(manifests, 'ClusterSecretStore', 'ledger-secrets-manager');
    // THEN
    expect(store.spec).toEqual({
      conditions: [{ namespaces: ['ledger'] }],
      provider: { aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None' } },
    });
  });
});
