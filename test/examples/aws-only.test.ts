import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { addAwsOnlyChart } from '../../examples/aws-only/k8s';
import { addAwsOnlyStacks } from '../../examples/aws-only/tf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

describe('example: AWS-only', () => {
  const { clusterStack, secretsStack } = addAwsOnlyStacks(Testing.app());
  const cluster = synthTerraform(clusterStack);
  const secrets = synthTerraform(secretsStack);
  const manifests = synthValid(addAwsOnlyChart(new K8sApp()));

  test('the EKS cluster encrypts Secrets with a rotating CMK aliased alias/eks/<cluster>', () => {
    const eks = resourceWhere(cluster, 'aws_eks_cluster', 'name', 'shop-prod');
    const config = eks.encryption_config as { resources: string[]; provider: { key_arn: string } };
    expect(config.resources).toEqual(['secrets']);
    expect(config.provider.key_arn).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(resourcesOf(cluster, 'aws_kms_key').map((k) => k.enable_key_rotation)).toEqual([true]);
    expect(resourceWhere(cluster, 'aws_kms_alias', 'name', 'alias/eks/shop-prod')).toBeDefined();
  });

  test('the cluster has a managed node group whose pods cannot reach the instance metadata service (IMDSv2, hop limit 1)', () => {
    // WHEN reading the node group, its launch template and its role
    const [nodes] = resourcesOf(cluster, 'aws_eks_node_group');
    const [template] = resourcesOf(cluster, 'aws_launch_template');
    const role = resourceWhere(cluster, 'aws_iam_role', 'name', 'shop-prod-nodes');
    // THEN the nodes exist on the cluster, from the hardened template
    expect(resourcesOf(cluster, 'aws_eks_node_group')).toHaveLength(1);
    expect(nodes).toMatchObject({
      cluster_name: '${aws_eks_cluster.cluster.name}', node_role_arn: '${aws_iam_role.node-role.arn}',
      scaling_config: { min_size: 2, desired_size: 2, max_size: 4 },
      launch_template: { id: '${aws_launch_template.node-template.id}', version: '${aws_launch_template.node-template.latest_version}' },
    });
    expect(template.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
    // AND the node role is assumable by EC2 only and holds the three node policies
    expect(parsePolicy(role.assume_role_policy).Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: ['sts:AssumeRole'] }]);
    expect(resourcesOf(cluster, 'aws_iam_role_policy_attachment').filter((a) => a.role === '${aws_iam_role.node-role.name}').map((a) => a.policy_arn).sort()).toEqual([
      'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly', 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy', 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
    ]);
    // AND the creating principal is cluster admin (it installs the releases in the secrets stack)
    expect(resourceWhere(cluster, 'aws_eks_cluster', 'name', 'shop-prod').access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true });
  });

  test('the controller role trusts exactly the ESO service account, on :sub and :aud', () => {
    const role = resourceWhere(secrets, 'aws_iam_role', 'name', 'shop-prod-eso-controller');
    const trust = parsePolicy(role.assume_role_policy);
    expect(trust.Statement).toEqual([{
      Effect: 'Allow',
      // The secrets stack creates the cluster's IAM OIDC provider (nothing assumed to exist).
      Principal: { Federated: expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\.platform_OidcProvider-prod_[0-9A-F]+\.arn\}$/) },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: {
        StringEquals: {
          'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud': 'sts.amazonaws.com',
          'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub': 'system:serviceaccount:external-secrets:external-secrets',
        },
      },
    }]);
  });

  test('the policy reads exactly the two declared secrets and decrypts only through Secrets Manager', () => {
    const policy = resourceWhere(secrets, 'aws_iam_role_policy', 'name', 'platform-Identity-controller-prod-AccessPolicy');
    const statements = parsePolicy(policy.policy).Statement;
    expect(statements.map((s) => s.Sid)).toEqual(['ReadSecrets', 'KmsDecryptOnlyViaService']);
    expect(statements[0].Resource).toEqual([
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/prod/database-??????',
      'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/prod/payments-api-key-??????',
    ]);
    expect(statements[1].Action).toEqual(['kms:Decrypt']);
    expect(statements[1].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
    expect(JSON.stringify(statements)).not.toContain('ListSecrets');
  });

  test('the payments webhook Lambda outside the cluster runs as its own role, trusted by Lambda only, reading exactly the API key', () => {
    // GIVEN / WHEN the role created for the AWS consumer and its inline policy
    const role = resourceWhere(secrets, 'aws_iam_role', 'name', 'shop-payments-webhook');
    const policy = resourceWhere(secrets, 'aws_iam_role_policy', 'name', 'shop-payments-webhook-secrets');
    const roleId = Object.entries(secrets.resource!.aws_iam_role).find(([, body]) => body === role)![0];
    // THEN
    expect(parsePolicy(role.assume_role_policy).Statement).toEqual([{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }]);
    expect(policy.role).toBe(`\${aws_iam_role.${roleId}.name}`);
    const statements = parsePolicy(policy.policy).Statement;
    expect(statements.map((s) => [s.Sid, s.Resource])).toEqual([
      ['ReadSecrets', ['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/prod/payments-api-key-??????']],
      ['KmsDecryptOnlyViaService', [expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/)]],
    ]);
    expect(statements[1].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' } });
    expect(secrets.output?.aws_consumer_role_arn_payments_webhook).toEqual(expect.objectContaining({ value: `\${aws_iam_role.${roleId}.arn}` }));
  });

  test('secrets use the CMK and no value reaches the output or the state', () => {
    for (const secret of resourcesOf(secrets, 'aws_secretsmanager_secret')) {
      expect(secret.kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    }
    expect(valueLeaks(secrets)).toEqual([]);
    expect(valueLeaks(cluster)).toEqual([]);
    expect(secrets.variable?.shop_database_credentials).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
    const versions = resourcesOf(secrets, 'aws_secretsmanager_secret_version');
    expect(versions).toHaveLength(2);
    expect(versions.map((v) => v.secret_string_wo)).toEqual(expect.arrayContaining([
      '${var.shop_database_credentials}',
      expect.stringMatching(/^\$\{ephemeral\.aws_secretsmanager_random_password\.[\w-]+\.random_password\}$/),
    ]));
    expect(Object.keys(secrets.ephemeral?.aws_secretsmanager_random_password ?? {})).toHaveLength(1);
  });

  test('the ESO release annotates the controller with the role the YAML side derived, and values fit the chart schema', () => {
    const eso = helmValues(secrets, 'external-secrets');
    expect(eso.serviceAccount).toEqual({
      create: true, name: 'external-secrets',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/shop-prod-eso-controller' },
    });
    expectValidEsoValues(eso);
    const reloader = helmValues(secrets, 'reloader');
    expect(reloader).toEqual({ reloader: { reloadOnCreate: true, reloadStrategy: 'annotations' } });
    expectValidReloaderValues(reloader);
  });

  test('the ClusterSecretStore uses the controller identity and admits only the storefront namespace', () => {
    const store = findManifest(manifests, 'ClusterSecretStore', 'aws-secrets-manager');
    expect(store.spec).toEqual({
      conditions: [{ namespaces: ['storefront'] }],
      provider: { aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None' } },
    });
  });

  test('ExternalSecrets read the declared keys; the Deployment consumes them and rolls on change', () => {
    const database = findManifest(manifests, 'ExternalSecret', 'database-credentials');
    expect(database.spec?.data).toEqual([
      { secretKey: 'DB_USER', remoteRef: { key: 'shop/prod/database', property: 'username' } },
      { secretKey: 'DB_PASSWORD', remoteRef: { key: 'shop/prod/database', property: 'password' } },
      { secretKey: 'DB_HOST', remoteRef: { key: 'shop/prod/database', property: 'host' } },
    ]);
    const deployment = findManifest(manifests, 'Deployment', 'storefront');
    expect(deployment.metadata?.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'database-credentials,payments-api-key' });
    const podSpec = (deployment.spec as { template: { spec: { containers: Array<{ envFrom: unknown }>; volumes: unknown } } }).template.spec;
    expect(podSpec.containers[0].envFrom).toEqual([{ secretRef: { name: 'database-credentials' } }]);
    expect(podSpec.volumes).toEqual([{ name: 'secret-payments-api-key', secret: { secretName: 'payments-api-key' } }]);
  });

  test('no manifest is v1beta1 and stores apply before ExternalSecrets (Argo CD sync waves)', () => {
    expect(manifests.filter((m) => m.apiVersion === 'external-secrets.io/v1beta1')).toEqual([]);
    const waves = Object.fromEntries(manifests.filter((m) => m.apiVersion?.startsWith('external-secrets.io'))
      .map((m) => [m.kind, m.metadata?.annotations?.['argocd.argoproj.io/sync-wave']]));
    expect(waves).toEqual({ ClusterSecretStore: '1', ExternalSecret: '2' });
  });

  test('the session key is generated in the cluster: a Password generator, an ExternalSecret without a store, nothing in AWS', () => {
    // THEN the generator lives in the storefront namespace
    expect(findManifest(manifests, 'Password', 'storefront-session-key')).toEqual({
      apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password',
      metadata: { name: 'storefront-session-key', namespace: 'storefront' },
      spec: { length: 64, digits: 10, symbols: 0, noUpper: false, allowRepeat: true, encoding: 'raw' },
    });
    // AND the ExternalSecret has no store, is generated once, and names the key the Deployment reads
    const spec = findManifest(manifests, 'ExternalSecret', 'storefront-session').spec as Record<string, unknown>;
    expect([spec.secretStoreRef, spec.refreshInterval, spec.dataFrom]).toEqual([undefined, '0s', [{
      rewrite: [{ regexp: { source: '^password$', target: 'SESSION_SECRET' } }],
      sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'Password', name: 'storefront-session-key' } },
    }]]);
    const deployment = manifests.find((m) => m.kind === 'Deployment')!;
    const env = (deployment.spec as { template: { spec: { containers: Array<{ env?: unknown[] }> } } }).template.spec.containers[0].env;
    expect(env).toContainEqual({ name: 'SESSION_SECRET', valueFrom: { secretKeyRef: { name: 'storefront-session', key: 'SESSION_SECRET' } } });
    // AND nothing in the secrets stack mentions it
    expect(JSON.stringify(secrets)).not.toContain('session');
  });
});
