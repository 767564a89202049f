import { App as K8sApp } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { WorkloadIdentity } from '../../lib/core';
import { EsoClusterAddons } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import { blue, blueLocal, canaryToken, declaration, green } from '../../examples/shared-clusters/declaration';
import { addSharedClustersCharts } from '../../examples/shared-clusters/k8s';
import { addSharedClustersStacks } from '../../examples/shared-clusters/tf';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';
import {
  helmValues, parsePolicy, PolicyJson, resourcesOf, resourceWhere, synthTerraform, TerraformJson, valueLeaks,
} from '../helpers/terraform';

const SECRETS_ACCOUNT = '999988887777';
const BLUE_ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/BLUE0000000000000000000000000000';
const GREEN_ISSUER = 'oidc.eks.eu-central-1.amazonaws.com/id/GREEN000000000000000000000000000';
const CANARY_ARN = 'arn:aws:secretsmanager:eu-central-1:999988887777:secret:platform/blue/canary-token-??????';

/** The `${aws_iam_openid_connect_provider.<id>.arn}` reference of the provider registered for an issuer. */
function oidcProviderRef(json: TerraformJson, issuer: string): string {
  const providers = json.resource?.aws_iam_openid_connect_provider ?? {};
  const ids = Object.keys(providers).filter((id) => providers[id].url === `https://${issuer}`);
  expect(ids).toHaveLength(1);
  return `\${aws_iam_openid_connect_provider.${ids[0]}.arn}`;
}

/** The access policy attached to the role named `roleName`. */
function policyOfRole(json: TerraformJson, roleName: string): PolicyJson {
  const roles = json.resource?.aws_iam_role ?? {};
  const roleId = Object.keys(roles).find((id) => roles[id].name === roleName)!;
  return parsePolicy(resourceWhere(json, 'aws_iam_role_policy', 'role', `\${aws_iam_role.${roleId}.name}`).policy);
}

/** `namespace:name` of every service account subject an IAM trust policy admits through an issuer. */
function trustedSubjects(json: TerraformJson, issuer: string): string[] {
  return resourcesOf(json, 'aws_iam_role')
    .flatMap((role) => parsePolicy(role.assume_role_policy).Statement)
    .map((s) => s.Condition?.StringEquals?.[`${issuer}:sub`])
    .filter((sub): sub is string => typeof sub === 'string')
    .map((sub) => sub.replace('system:serviceaccount:', ''))
    .sort();
}

/** `namespace:name` of every ServiceAccount in the YAML annotated with an IRSA role. */
function annotatedServiceAccounts(manifests: readonly K8sManifest[]): string[] {
  return manifests
    .filter((m) => m.kind === 'ServiceAccount' && m.metadata?.annotations?.['eks.amazonaws.com/role-arn'] !== undefined)
    .map((m) => `${m.metadata!.namespace}:${m.metadata!.name}`)
    .sort();
}

describe('example: shared across clusters', () => {
  const { secretsStack, clusterStacks } = addSharedClustersStacks(Testing.app());
  const secrets = synthTerraform(secretsStack);
  const blueAddons = synthTerraform(clusterStacks.blue);
  const greenAddons = synthTerraform(clusterStacks.green);
  const charts = addSharedClustersCharts(new K8sApp());
  const blueManifests = synthValid(charts.blue);
  const greenManifests = synthValid(charts.green);

  test('both clusters\' OIDC providers are registered in the secrets account, for the STS audience', () => {
    // GIVEN the secrets stack, pinned to the secrets account
    expect(secrets.provider).toEqual({ aws: [{ region: 'eu-central-1', allowed_account_ids: [SECRETS_ACCOUNT] }] });
    // THEN it registers exactly the two clusters' issuers, each for sts.amazonaws.com only
    const providers = resourcesOf(secrets, 'aws_iam_openid_connect_provider');
    expect(providers.map((p) => p.url).sort()).toEqual([`https://${BLUE_ISSUER}`, `https://${GREEN_ISSUER}`]);
    expect(providers.map((p) => p.client_id_list)).toEqual([['sts.amazonaws.com'], ['sts.amazonaws.com']]);
    expect(resourceWhere(secrets, 'aws_iam_openid_connect_provider', 'url', `https://${BLUE_ISSUER}`).tags)
      .toEqual(expect.objectContaining({ 'cluster': 'apps-blue', 'cluster-account': '111122223333' }));
    expect(resourceWhere(secrets, 'aws_iam_openid_connect_provider', 'url', `https://${GREEN_ISSUER}`).tags)
      .toEqual(expect.objectContaining({ 'cluster': 'apps-green', 'cluster-account': '444455556666' }));
  });

  test('the primary role has exactly two trust statements, one per OIDC provider, pinned on :sub and :aud', () => {
    // GIVEN the role of the primary store
    const role = resourceWhere(secrets, 'aws_iam_role', 'name', 'platform-primary-eso');
    // THEN it trusts eso-primary on each cluster, through that cluster's own provider
    const statement = (issuer: string) => ({
      Effect: 'Allow',
      Principal: { Federated: oidcProviderRef(secrets, issuer) },
      Action: ['sts:AssumeRoleWithWebIdentity'],
      Condition: {
        StringEquals: {
          [`${issuer}:aud`]: 'sts.amazonaws.com',
          [`${issuer}:sub`]: 'system:serviceaccount:external-secrets:eso-primary',
        },
      },
    });
    const trust = parsePolicy(role.assume_role_policy).Statement;
    expect(trust).toHaveLength(2);
    expect(trust).toEqual(expect.arrayContaining([statement(BLUE_ISSUER), statement(GREEN_ISSUER)]));
  });

  test('the primary role reads exactly the shared secrets and decrypts only through Secrets Manager', () => {
    // GIVEN the primary store's access policy
    const statements = policyOfRole(secrets, 'platform-primary-eso').Statement;
    // THEN it names each shared secret and the shared key, nothing cluster-local, no listing
    expect(statements.map((s) => s.Sid)).toEqual(['ReadSecrets', 'KmsDecryptOnlyViaService']);
    expect(statements[0].Resource).toEqual([
      'arn:aws:secretsmanager:eu-central-1:999988887777:secret:platform/registry-pull-??????',
      'arn:aws:secretsmanager:eu-central-1:999988887777:secret:platform/tls/wildcard-??????',
    ]);
    expect(statements[1].Resource).toEqual([expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/)]);
    expect(statements[1].Condition).toEqual({ StringEquals: { 'kms:ViaService': 'secretsmanager.eu-central-1.amazonaws.com' } });
    expect(JSON.stringify(statements)).not.toContain('ListSecrets');
  });

  test('the blue controller role alone reads the cluster-local secret; green has no grant on it', () => {
    // GIVEN the only two roles: the primary store's and blue's controller
    expect(resourcesOf(secrets, 'aws_iam_role').map((r) => r.name).sort()).toEqual(['platform-blue-eso-controller', 'platform-primary-eso']);
    // THEN the blue controller reads only the canary token, and trusts only blue's controller
    expect(policyOfRole(secrets, 'platform-blue-eso-controller').Statement).toEqual([{
      Sid: 'ReadSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue', 'secretsmanager:ListSecretVersionIds'],
      Resource: [CANARY_ARN],
    }]);
    const trust = parsePolicy(resourceWhere(secrets, 'aws_iam_role', 'name', 'platform-blue-eso-controller').assume_role_policy).Statement;
    expect(trust.map((s) => s.Principal)).toEqual([{ Federated: oidcProviderRef(secrets, BLUE_ISSUER) }]);
    expect(trust[0].Condition?.StringEquals?.[`${BLUE_ISSUER}:sub`]).toBe('system:serviceaccount:external-secrets:external-secrets');
    // AND no role green can assume touches it
    expect(JSON.stringify(policyOfRole(secrets, 'platform-primary-eso'))).not.toContain('canary-token');
    expect(trustedSubjects(secrets, GREEN_ISSUER)).toEqual(['external-secrets:eso-primary']);
  });

  test('no secret value reaches the output or the state; secrets are created empty', () => {
    // GIVEN every stack / THEN no value attribute, no secret version, rotating CMK
    for (const json of [secrets, blueAddons, greenAddons]) {
      expect(valueLeaks(json)).toEqual([]);
    }
    expect(resourcesOf(secrets, 'aws_secretsmanager_secret_version')).toEqual([]);
    expect(resourceWhere(secrets, 'aws_secretsmanager_secret', 'name', 'platform/registry-pull').kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
    expect(resourcesOf(secrets, 'aws_kms_key').map((k) => k.enable_key_rotation)).toEqual([true]);
  });

  test('each cluster stack runs in its own account; only blue\'s controller is annotated, with the role the secrets stack creates', () => {
    // GIVEN the per-cluster stacks, each pinned to its cluster's account
    expect((blueAddons.provider as { aws?: unknown }).aws).toEqual([{ region: 'eu-central-1', allowed_account_ids: ['111122223333'] }]);
    expect((greenAddons.provider as { aws?: unknown }).aws).toEqual([{ region: 'eu-central-1', allowed_account_ids: ['444455556666'] }]);
    // THEN blue's controller carries the literal ARN of the role created in the secrets account; green's none
    const blueEso = helmValues(blueAddons, 'external-secrets');
    const greenEso = helmValues(greenAddons, 'external-secrets');
    expect(blueEso.serviceAccount).toEqual({
      create: true, name: 'external-secrets',
      annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${SECRETS_ACCOUNT}:role/platform-blue-eso-controller` },
    });
    expect(greenEso.serviceAccount).toEqual({ create: true, name: 'external-secrets' });
    for (const json of [blueAddons, greenAddons]) {
      expectValidEsoValues(helmValues(json, 'external-secrets'));
      expectValidReloaderValues(helmValues(json, 'reloader'));
    }
  });

  test('the service accounts each cluster\'s YAML and Helm release annotate are exactly those IAM trusts for that cluster', () => {
    // GIVEN the role ARNs the secrets stack creates
    const roleArns = resourcesOf(secrets, 'aws_iam_role').map((r) => `arn:aws:iam::${SECRETS_ACCOUNT}:role/${r.name as string}`);
    for (const [issuer, manifests, addons] of [[BLUE_ISSUER, blueManifests, blueAddons], [GREEN_ISSUER, greenManifests, greenAddons]] as const) {
      const controller = (helmValues(addons, 'external-secrets').serviceAccount as { annotations?: Record<string, string> }).annotations;
      const annotated = [...annotatedServiceAccounts(manifests), ...(controller ? ['external-secrets:external-secrets'] : [])].sort();
      // THEN trust and annotations agree in both directions, and every annotation names a created role
      expect(annotated).toEqual(trustedSubjects(secrets, issuer));
      const arns = manifests.filter((m) => m.kind === 'ServiceAccount').map((m) => m.metadata?.annotations?.['eks.amazonaws.com/role-arn']);
      expect(roleArns).toEqual(expect.arrayContaining([...arns, ...(controller ? [controller['eks.amazonaws.com/role-arn']] : [])]));
    }
  });

  test('both clusters get the primary store with its own service account; only blue gets the cluster-local store', () => {
    // GIVEN the primary store as both clusters must see it
    const primarySpec = {
      conditions: [{ namespaces: ['apps', 'ingress'] }],
      provider: {
        aws: {
          region: 'eu-central-1', service: 'SecretsManager', sessionTagsPolicy: 'None',
          auth: { jwt: { serviceAccountRef: { name: 'eso-primary', namespace: 'external-secrets' } } },
        },
      },
    };
    // THEN both render it identically, with the eso-primary service account annotated with the shared role
    for (const manifests of [blueManifests, greenManifests]) {
      expect(findManifest(manifests, 'ClusterSecretStore', 'primary').spec).toEqual(primarySpec);
      expect(findManifest(manifests, 'ServiceAccount', 'eso-primary').metadata?.annotations).toEqual({
        'argocd.argoproj.io/sync-wave': '1',
        'eks.amazonaws.com/role-arn': `arn:aws:iam::${SECRETS_ACCOUNT}:role/platform-primary-eso`,
      });
      expect(findManifest(manifests, 'ExternalSecret', 'registry-pull').spec?.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'primary' });
      expect(findManifest(manifests, 'ExternalSecret', 'wildcard-tls').spec?.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'primary' });
    }
    // The cluster-local store uses blue's controller identity (no auth block) and admits only apps.
    expect(findManifest(blueManifests, 'ClusterSecretStore', 'cluster-local').spec).toEqual({
      conditions: [{ namespaces: ['apps'] }],
      provider: { aws: { region: 'eu-central-1', service: 'SecretsManager', sessionTagsPolicy: 'None' } },
    });
    expect(findManifest(blueManifests, 'ExternalSecret', 'canary-token').spec?.data).toEqual([
      { secretKey: 'token', remoteRef: { key: 'platform/blue/canary-token' } },
    ]);
    // AND green gets nothing of the cluster-local store
    const kinds = (manifests: readonly K8sManifest[]) => manifests.map((m) => `${m.kind}/${m.metadata?.name}`).sort();
    expect(kinds(greenManifests)).toEqual([
      'ClusterSecretStore/primary', 'ExternalSecret/registry-pull', 'ExternalSecret/wildcard-tls',
      'Namespace/apps', 'Namespace/ingress', 'ServiceAccount/eso-primary',
    ]);
    expect(JSON.stringify(greenManifests)).not.toContain('canary');
  });

  test('typed secrets keep their Kubernetes types, and no manifest is v1beta1', () => {
    // GIVEN the shared ExternalSecrets / THEN their templates set the Secret types
    expect(findManifest(greenManifests, 'ExternalSecret', 'registry-pull').spec?.target).toEqual({
      name: 'registry-pull', creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { engineVersion: 'v2', mergePolicy: 'Replace', type: 'kubernetes.io/dockerconfigjson' },
    });
    expect(findManifest(greenManifests, 'ExternalSecret', 'wildcard-tls').spec?.target).toEqual({
      name: 'wildcard-tls', creationPolicy: 'Owner', deletionPolicy: 'Retain', template: { engineVersion: 'v2', mergePolicy: 'Replace', type: 'kubernetes.io/tls' },
    });
    expect([...blueManifests, ...greenManifests].filter((m) => m.apiVersion === 'external-secrets.io/v1beta1')).toEqual([]);
  });

  test('asking the green renderer for the cluster-local ExternalSecret or store fails with the library message', () => {
    // GIVEN a renderer of the green cluster
    const chart = addSharedClustersCharts(new K8sApp()).green;
    const platform = chart.node.findChild('platform') as SecretsPlatformManifests;
    // WHEN / THEN
    expect(() => platform.externalSecret(canaryToken)).toThrow(
      '[shared-clusters-green/platform] externalSecret: received "canary". Allowed: an element declared on cluster "green". ' +
      'Fix: ask the renderer of a cluster the element is on, or add the cluster to its clusters.');
    expect(() => platform.store(blueLocal)).toThrow(
      '[shared-clusters-green/platform] store: received "blue-local/external-secrets". Allowed: an element declared on cluster "green". ' +
      'Fix: ask the renderer of a cluster the element is on, or add the cluster to its clusters.');
  });

  test('the release cross-check rejects a controller identity that trusts another service account', () => {
    // GIVEN the primary store's role handed to blue's controller by mistake
    const stack = new TerraformStack(Testing.app(), 'mistake');
    const primaryRole = WorkloadIdentity.awsIrsa(`arn:aws:iam::${SECRETS_ACCOUNT}:role/platform-primary-eso`, {
      trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'eso-primary' }],
    });
    // WHEN / THEN
    expect(() => new EsoClusterAddons(stack, 'addons', { declaration, cluster: blue, identity: primaryRole })).toThrow(
      '[mistake/addons/Eso] identity: received "external-secrets:external-secrets". ' +
      'Allowed: a service account the identity trusts: "external-secrets:eso-primary". ' +
      'Fix: add this namespace:serviceAccount to the identity\'s trusted service accounts, ' +
      'or set the release\'s namespace and serviceAccountName to a trusted one.');
    // AND the derived identity (what the example uses) passes for both clusters
    expect(() => new EsoClusterAddons(stack, 'blue', { declaration, cluster: blue })).not.toThrow();
    expect(() => new EsoClusterAddons(stack, 'green', { declaration, cluster: green })).not.toThrow();
  });
});
