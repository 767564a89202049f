import { App as K8sApp } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { WorkloadIdentity } from '../../lib/core';
import { EsoClusterAddons } from '../../lib/platform';
import { cluster, declaration } from '../../examples/pod-identity/declaration';
import { addPodIdentityChart } from '../../examples/pod-identity/k8s';
import { addPodIdentityStacks } from '../../examples/pod-identity/tf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { findManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, parsePolicy, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';

const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';

describe('example: Pod Identity', () => {
  const { clusterStack, secretsStack } = addPodIdentityStacks(Testing.app());
  const clusterJson = synthTerraform(clusterStack);
  const secrets = synthTerraform(secretsStack);
  const manifests = synthValid(addPodIdentityChart(new K8sApp()));

  test('the EKS cluster encrypts Secrets with a rotating CMK and runs the Pod Identity agent add-on', () => {
    // GIVEN the cluster stack
    const eks = resourceWhere(clusterJson, 'aws_eks_cluster', 'name', 'shop-pi-prod');
    // THEN Secrets are envelope-encrypted with a rotating key aliased alias/eks/<cluster>
    const config = eks.encryption_config as { resources: string[]; provider: { key_arn: string } };
    expect(config.resources).toEqual(['secrets']);
    expect(config.provider.key_arn).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(resourcesOf(clusterJson, 'aws_kms_key').map((k) => k.enable_key_rotation)).toEqual([true]);
    expect(resourceWhere(clusterJson, 'aws_kms_alias', 'name', 'alias/eks/shop-pi-prod')).toBeDefined();
    // AND the agent that serves Pod Identity credentials is installed on that cluster
    expect(resourceWhere(clusterJson, 'aws_eks_addon', 'addon_name', 'eks-pod-identity-agent').cluster_name).toBe('${aws_eks_cluster.cluster.name}');
    // AND nodes for the agent, ESO and the workloads: a managed node group whose pods cannot reach the node role (IMDSv2, hop limit 1)
    expect(resourcesOf(clusterJson, 'aws_eks_node_group').map((g) => g.cluster_name)).toEqual(['${aws_eks_cluster.cluster.name}']);
    expect(resourcesOf(clusterJson, 'aws_launch_template').map((t) => t.metadata_options)).toEqual([{ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 }]);
  });

  test('the controller role trusts pods.eks.amazonaws.com with sts:AssumeRole and sts:TagSession, pinned to the association by session tags', () => {
    // GIVEN the controller role
    const role = resourceWhere(secrets, 'aws_iam_role', 'name', 'shop-pi-prod-eso-controller');
    // THEN its only trust is the Pod Identity service principal: no OIDC provider, no web identity
    expect(parsePolicy(role.assume_role_policy).Statement).toEqual([{
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      Condition: {
        StringEquals: {
          'aws:RequestTag/eks-cluster-name': 'shop-pi-prod',
          'aws:RequestTag/kubernetes-namespace': 'external-secrets',
          'aws:RequestTag/kubernetes-service-account': 'external-secrets',
          'aws:SourceAccount': '111122223333',
        },
      },
    }]);
    expect(resourcesOf(secrets, 'aws_iam_role')).toHaveLength(1);
    expect(resourcesOf(secrets, 'aws_iam_openid_connect_provider')).toEqual([]);
  });

  test('one association binds the role to external-secrets:external-secrets, before the ESO release is installed', () => {
    // GIVEN the associations of the secrets stack
    const associations = secrets.resource?.aws_eks_pod_identity_association ?? {};
    const roleId = Object.keys(secrets.resource?.aws_iam_role ?? {})[0];
    // THEN there is exactly one, for the ESO controller's service account on the declared cluster
    expect(Object.values(associations)).toEqual([{
      cluster_name: 'shop-pi-prod', namespace: 'external-secrets', service_account: 'external-secrets',
      role_arn: `\${aws_iam_role.${roleId}.arn}`,
    }]);
    // AND the release waits for it (EKS injects credentials only into pods created after the association)
    const release = resourceWhere(secrets, 'helm_release', 'name', 'external-secrets');
    expect(release.depends_on).toEqual(Object.keys(associations).map((id) => `aws_eks_pod_identity_association.${id}`));
  });

  test('the policy reads the exact secret and parameter, and decrypts only through Secrets Manager and SSM', () => {
    // GIVEN the controller's access policy
    const statements = parsePolicy(resourcesOf(secrets, 'aws_iam_role_policy')[0].policy).Statement;
    // THEN
    expect(resourcesOf(secrets, 'aws_iam_role_policy')).toHaveLength(1);
    expect(statements.map((s) => s.Sid)).toEqual(['ReadSecrets', 'ReadParameters', 'KmsDecryptOnlyViaService']);
    const [readSecrets, readParameters, decrypt] = statements;
    expect(readSecrets.Resource).toEqual(['arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop-pi/prod/database-??????']);
    expect(readParameters).toEqual({
      Sid: 'ReadParameters', Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters'],
      Resource: ['arn:aws:ssm:eu-west-1:111122223333:parameter/shop-pi/prod/feature-flags'],
    });
    expect(decrypt.Action).toEqual(['kms:Decrypt']);
    expect(decrypt.Resource).toEqual([expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/)]);
    expect(decrypt.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['secretsmanager.eu-west-1.amazonaws.com', 'ssm.eu-west-1.amazonaws.com'] },
    });
    expect(JSON.stringify(statements)).not.toMatch(/ListSecrets|GetParametersByPath|DescribeParameters|"\*"/);
  });

  test('secrets use the CMK and no value reaches the output or the state', () => {
    // GIVEN both stacks
    expect(valueLeaks(secrets)).toEqual([]);
    expect(valueLeaks(clusterJson)).toEqual([]);
    // THEN the parameter takes its value write-only from a sensitive variable, the secret is created empty
    const parameter = resourceWhere(secrets, 'aws_ssm_parameter', 'name', '/shop-pi/prod/feature-flags');
    expect(parameter).toEqual(expect.objectContaining({ type: 'SecureString', value_wo: '${var.shop_pi_feature_flags}' }));
    expect(parameter.key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(secrets.variable?.shop_pi_feature_flags).toEqual(expect.objectContaining({ sensitive: true, type: 'string' }));
    expect(resourceWhere(secrets, 'aws_secretsmanager_secret', 'name', 'shop-pi/prod/database').kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(resourcesOf(secrets, 'aws_secretsmanager_secret_version')).toEqual([]);
  });

  test('no role-arn annotation anywhere: not in the Helm values, not in the YAML', () => {
    // GIVEN the ESO and Reloader values
    const eso = helmValues(secrets, 'external-secrets');
    // THEN the controller's service account is named, but carries no annotation
    expect(eso.serviceAccount).toEqual({ create: true, name: 'external-secrets' });
    expect(JSON.stringify(eso)).not.toContain(ROLE_ARN_ANNOTATION);
    expectValidEsoValues(eso);
    const reloader = helmValues(secrets, 'reloader');
    expect(reloader).toEqual({ reloader: { reloadOnCreate: true, reloadStrategy: 'annotations' } });
    expectValidReloaderValues(reloader);
    // AND the YAML has no ServiceAccount of its own and no role annotation
    expect(manifests.filter((m) => m.kind === 'ServiceAccount')).toEqual([]);
    expect(JSON.stringify(manifests)).not.toContain(ROLE_ARN_ANNOTATION);
  });

  test('both stores have no auth block and admit only the storefront namespace', () => {
    // GIVEN / THEN
    expect(findManifest(manifests, 'ClusterSecretStore', 'aws-secrets-manager').spec).toEqual({
      conditions: [{ namespaces: ['storefront'] }],
      provider: { aws: { region: 'eu-west-1', service: 'SecretsManager', sessionTagsPolicy: 'None' } },
    });
    expect(findManifest(manifests, 'ClusterSecretStore', 'aws-parameter-store').spec).toEqual({
      conditions: [{ namespaces: ['storefront'] }],
      provider: { aws: { region: 'eu-west-1', service: 'ParameterStore', sessionTagsPolicy: 'None' } },
    });
  });

  test('the storefront consumes both ExternalSecrets and rolls when either changes', () => {
    // GIVEN the ExternalSecrets
    expect(findManifest(manifests, 'ExternalSecret', 'database-credentials').spec?.data).toEqual([
      { secretKey: 'DB_USER', remoteRef: { key: 'shop-pi/prod/database', property: 'username' } },
      { secretKey: 'DB_PASSWORD', remoteRef: { key: 'shop-pi/prod/database', property: 'password' } },
    ]);
    const flags = findManifest(manifests, 'ExternalSecret', 'feature-flags').spec;
    expect(flags?.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'aws-parameter-store' });
    expect(flags?.data).toEqual([{ secretKey: 'flags.json', remoteRef: { key: '/shop-pi/prod/feature-flags' } }]);
    // THEN the Deployment reads them (env and volume) and carries the Reloader annotation
    const deployment = findManifest(manifests, 'Deployment', 'storefront');
    expect(deployment.metadata?.annotations).toEqual({ 'secret.reloader.stakater.com/reload': 'database-credentials,feature-flags' });
    const podSpec = (deployment.spec as {
      template: { spec: { containers: Array<{ envFrom: unknown; volumeMounts: unknown }>; volumes: unknown } };
    }).template.spec;
    expect(podSpec.containers[0].envFrom).toEqual([{ secretRef: { name: 'database-credentials' } }]);
    expect(podSpec.volumes).toEqual([{ name: 'secret-feature-flags', secret: { secretName: 'feature-flags' } }]);
    expect(podSpec.containers[0].volumeMounts).toEqual([{ mountPath: '/etc/storefront/flags', name: 'secret-feature-flags', readOnly: true }]);
  });

  test('no manifest is v1beta1 and stores apply before ExternalSecrets (Argo CD sync waves)', () => {
    // GIVEN / THEN
    expect(manifests.filter((m) => m.apiVersion === 'external-secrets.io/v1beta1')).toEqual([]);
    const waves = Object.fromEntries(manifests.filter((m) => m.apiVersion?.startsWith('external-secrets.io'))
      .map((m) => [m.kind, m.metadata?.annotations?.['argocd.argoproj.io/sync-wave']]));
    expect(waves).toEqual({ ClusterSecretStore: '1', ExternalSecret: '2' });
  });

  test('the release cross-check rejects a Pod Identity association for another service account', () => {
    // GIVEN an identity associated with a service account the ESO release does not run as
    const stack = new TerraformStack(Testing.app(), 'mistake');
    const elsewhere = WorkloadIdentity.awsPodIdentity({ trustedServiceAccounts: [{ namespace: 'kube-system', name: 'external-secrets' }] });
    // WHEN / THEN
    expect(() => new EsoClusterAddons(stack, 'addons', { declaration, cluster, identity: elsewhere })).toThrow(
      '[mistake/addons/Eso] identity: received "external-secrets:external-secrets". ' +
      'Allowed: a service account the identity trusts: "kube-system:external-secrets". ' +
      'Fix: add this namespace:serviceAccount to the identity\'s trusted service accounts, ' +
      'or set the release\'s namespace and serviceAccountName to a trusted one.');
  });
});
