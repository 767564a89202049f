import { Token } from 'cdktf';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { Construct } from 'constructs';
import { Duration } from '../../lib/core/duration';
import { WorkloadIdentity } from '../../lib/core/identity';
import { ContainerImage, ImagePullPolicy } from '../../lib/helm/container-image';
import { ExternalSecretsOperatorRelease } from '../../lib/helm/eso-release';
import { PodIdentityRole } from '../../lib/aws/pod-identity-role';
import { EsoLogLevel, ServiceMonitorRenderMode, WebhookFailurePolicy } from '../../lib/helm/eso-values';
import { SeccompProfileType } from '../../lib/helm/security-context';
import { expectValidEsoValues } from '../helpers/chart-schema';
import { findRelease, newStack, releaseValues, synth, TfJson } from './synth';

const TRUSTED = [{ namespace: 'external-secrets', name: 'external-secrets' }];

function logicalIdOf(doc: TfJson, type: string, predicate: (r: TfJson) => boolean): string {
  const entries = Object.entries((doc.resource?.[type] ?? {}) as Record<string, TfJson>).filter(([, r]) => predicate(r));
  expect(entries).toHaveLength(1);
  return entries[0][0];
}

describe('ExternalSecretsOperatorRelease', () => {
  test('installs the pinned chart with safe install defaults', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso');
    // THEN
    const doc = synth(stack);
    expect(findRelease(doc, 'external-secrets')).toMatchObject({
      chart: 'external-secrets',
      version: '2.9.0',
      repository: 'https://charts.external-secrets.io',
      namespace: 'external-secrets',
      create_namespace: true,
      atomic: true,
      wait: true,
      cleanup_on_fail: true,
      timeout: 600,
      max_history: 10,
    });
    const values = releaseValues(doc, 'external-secrets');
    expect(values).toEqual({
      installCRDs: true,
      serviceAccount: { create: true, name: 'external-secrets' },
    });
    expectValidEsoValues(values);
    expect(eso.serviceAccount).toEqual({ namespace: 'external-secrets', name: 'external-secrets' });
    expect(eso.chartVersion).toBe('2.9.0');
    expect(eso.fqn).toBe(eso.release.fqn);
  });

  test('renders values as one JSON document with sorted keys', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', { values: { replicaCount: 2, concurrent: 4 } });
    // THEN
    const raw: string = findRelease(synth(stack), 'external-secrets').values[0];
    const parsed = JSON.parse(raw);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(raw).toBe(JSON.stringify(parsed, undefined, 2));
  });

  test('honours release name, namespace, service account and install options', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', {
      releaseName: 'eso',
      namespace: 'platform-secrets',
      serviceAccountName: 'eso-controller',
      createNamespace: false,
      atomic: false,
      wait: false,
      cleanupOnFail: false,
      timeout: Duration.minutes(3),
      maxHistory: 3,
      repository: 'oci://registry.internal/charts',
    });
    // THEN
    const doc = synth(stack);
    expect(findRelease(doc, 'eso')).toMatchObject({
      namespace: 'platform-secrets',
      create_namespace: false,
      atomic: false,
      wait: false,
      cleanup_on_fail: false,
      timeout: 180,
      max_history: 3,
      repository: 'oci://registry.internal/charts',
      version: '2.9.0',
    });
    expect(releaseValues(doc, 'eso').serviceAccount.name).toBe('eso-controller');
    expect(eso.serviceAccount).toEqual({ namespace: 'platform-secrets', name: 'eso-controller' });
  });

  test('derives the IRSA annotation from the identity, resolving a role ARN token', () => {
    // GIVEN
    const stack = newStack();
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const role = new IamRole(stack, 'EsoRole', { name: 'eso', assumeRolePolicy: '{}' });
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      identity: WorkloadIdentity.awsIrsa(role.arn, { trustedServiceAccounts: TRUSTED }),
      serviceAccountAnnotations: { 'example.com/owner': 'platform' },
    });
    // THEN
    const doc = synth(stack);
    const roleId = logicalIdOf(doc, 'aws_iam_role', (r) => r.name === 'eso');
    const values = releaseValues(doc, 'external-secrets');
    expect(values.serviceAccount.annotations).toEqual({
      'eks.amazonaws.com/role-arn': `\${aws_iam_role.${roleId}.arn}`,
      'example.com/owner': 'platform',
    });
    expect(values.podLabels).toBeUndefined();
    expectValidEsoValues(values);
  });

  test('Azure workload identity: client/tenant annotations and the use label on controller pods', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      identity: WorkloadIdentity.azure({ clientId: '00000000-0000-0000-0000-00000000000a', tenantId: '00000000-0000-0000-0000-00000000000b', trustedServiceAccounts: TRUSTED }),
      values: { podLabels: { team: 'platform' } },
    });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    expect(values.serviceAccount.annotations).toEqual({
      'azure.workload.identity/client-id': '00000000-0000-0000-0000-00000000000a',
      'azure.workload.identity/tenant-id': '00000000-0000-0000-0000-00000000000b',
    });
    expect(values.podLabels).toEqual({ 'azure.workload.identity/use': 'true', 'team': 'platform' });
    expect(values.webhook).toBeUndefined();
    expectValidEsoValues(values);
  });

  test('GKE workload identity annotates the service account', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      identity: WorkloadIdentity.gcp('eso@my-project.iam.gserviceaccount.com'),
    });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    expect(values.serviceAccount.annotations).toEqual({ 'iam.gke.io/gcp-service-account': 'eso@my-project.iam.gserviceaccount.com' });
  });

  test('EKS Pod Identity needs no annotation and no pod label', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      identity: WorkloadIdentity.awsPodIdentity({ trustedServiceAccounts: TRUSTED }),
    });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    expect(values.serviceAccount).toEqual({ create: true, name: 'external-secrets' });
    expect(values.podLabels).toBeUndefined();
  });

  test('fails when the identity does not trust the release service account', () => {
    // GIVEN
    const stack = newStack();
    const identity = WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/eso', { trustedServiceAccounts: TRUSTED });
    // WHEN / THEN
    expect(() => new ExternalSecretsOperatorRelease(stack, 'Eso', { identity, serviceAccountName: 'eso' })).toThrow(
      '[test/Eso] identity: received "external-secrets:eso". Allowed: a service account the identity trusts: "external-secrets:external-secrets". ' +
      'Fix: add this namespace:serviceAccount to the identity\'s trusted service accounts, or set the release\'s namespace and serviceAccountName to a trusted one.');
  });

  test('skips the trust check when the identity declares no trusted service accounts', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      identity: WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/eso'),
      namespace: 'elsewhere',
    });
    // THEN
    expect(releaseValues(synth(stack), 'external-secrets').serviceAccount.annotations)
      .toEqual({ 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/eso' });
  });

  test('renders every typed value to the chart keys and passes the chart schema', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      values: {
        replicaCount: 2,
        concurrent: 5,
        logLevel: EsoLogLevel.DEBUG,
        installCrds: true,
        scopedNamespace: 'team-a',
        scopedRbac: true,
        processClusterStore: false,
        processClusterExternalSecret: false,
        processSecretStore: true,
        processPushSecret: true,
        processClusterPushSecret: false,
        processClusterGenerator: false,
        resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        securityContext: { runAsUser: 65532, seccompProfileType: SeccompProfileType.RUNTIME_DEFAULT },
        podAnnotations: { 'example.com/a': 'b' },
        imagePullSecrets: ['regcred'],
        webhook: {
          replicaCount: 2, port: 9443, failurePolicy: WebhookFailurePolicy.IGNORE,
          certManager: { enabled: true, issuerName: 'internal-ca', issuerKind: 'ClusterIssuer', addInjectorAnnotations: true },
          resources: { requests: { cpu: '10m' } },
        },
        certController: { create: false },
        metrics: { serviceEnabled: true, servicePort: 8081 },
        serviceMonitor: {
          enabled: true, interval: Duration.seconds(60), scrapeTimeout: Duration.seconds(30),
          additionalLabels: { release: 'prometheus' }, namespace: 'monitoring',
          renderMode: ServiceMonitorRenderMode.ALWAYS_RENDER, honorLabels: true,
        },
      },
    });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    expect(values).toMatchObject({
      replicaCount: 2,
      leaderElect: true,
      concurrent: 5,
      log: { level: 'debug' },
      scopedNamespace: 'team-a',
      scopedRBAC: true,
      processClusterStore: false,
      processClusterExternalSecret: false,
      processSecretStore: true,
      processPushSecret: true,
      processClusterPushSecret: false,
      processClusterGenerator: false,
      resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
      securityContext: { runAsUser: 65532, seccompProfile: { type: 'RuntimeDefault' } },
      podAnnotations: { 'example.com/a': 'b' },
      imagePullSecrets: [{ name: 'regcred' }],
      webhook: {
        replicaCount: 2, port: 9443, failurePolicy: 'Ignore',
        certManager: { enabled: true, addInjectorAnnotations: true, cert: { issuerRef: { name: 'internal-ca', kind: 'ClusterIssuer' } } },
        resources: { requests: { cpu: '10m' } },
        imagePullSecrets: [{ name: 'regcred' }],
        log: { level: 'debug' },
      },
      certController: { create: false, imagePullSecrets: [{ name: 'regcred' }], log: { level: 'debug' } },
      metrics: { service: { enabled: true, port: 8081 } },
      serviceMonitor: {
        enabled: true, interval: '1m', scrapeTimeout: '30s', additionalLabels: { release: 'prometheus' },
        namespace: 'monitoring', renderMode: 'alwaysRender', honorLabels: true,
      },
    });
    // the chart's hardened securityContext keys are not emitted, so Helm keeps them
    expect(Object.keys(values.securityContext).sort()).toEqual(['runAsUser', 'seccompProfile']);
    expectValidEsoValues(values);
  });

  test('applies one hardened image to controller, webhook and cert controller, with a per-component override', () => {
    // GIVEN
    const stack = newStack();
    const ironBank = ContainerImage.fromRegistry({
      registry: 'registry1.dso.mil',
      repository: 'ironbank/opensource/external-secrets/external-secrets',
      tag: 'v2.9.0',
      pullPolicy: ImagePullPolicy.ALWAYS,
    });
    const digest = `sha256:${'b'.repeat(64)}`;
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      values: {
        image: ironBank,
        imagePullSecrets: ['ironbank-pull'],
        certController: { image: ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/external-secrets', digest }) },
      },
    });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    const expected = { repository: 'registry1.dso.mil/ironbank/opensource/external-secrets/external-secrets', tag: 'v2.9.0', pullPolicy: 'Always' };
    expect(values.image).toEqual(expected);
    expect(values.webhook.image).toEqual(expected);
    expect(values.certController.image).toEqual({ repository: 'cgr.dev/chainguard/external-secrets', tag: `v2.9.0@${digest}` });
    for (const component of [values, values.webhook, values.certController]) {
      expect(component.imagePullSecrets).toEqual([{ name: 'ironbank-pull' }]);
    }
    expectValidEsoValues(values);
  });

  test('extraValues are deep-merged on top of the typed values', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', {
      values: { replicaCount: 2, resources: { requests: { cpu: '50m' } } },
      extraValues: { replicaCount: 3, resources: { limits: { cpu: '1' } }, nodeSelector: { pool: 'system' } },
    });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    expect(values.replicaCount).toBe(3);
    expect(values.resources).toEqual({ requests: { cpu: '50m' }, limits: { cpu: '1' } });
    expect(values.nodeSelector).toEqual({ pool: 'system' });
    expect(eso.renderedValues.replicaCount).toBe(3);
    expectValidEsoValues(values);
  });

  test('derives processClusterPushSecret false when PushSecrets are off', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', { values: { processPushSecret: false } });
    // THEN
    const values = releaseValues(synth(stack), 'external-secrets');
    expect(values).toMatchObject({ processPushSecret: false, processClusterPushSecret: false });
  });

  test('uses the unsupported chart version override when given', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', { unsupportedChartVersionOverride: '2.9.1' });
    // THEN
    expect(findRelease(synth(stack), 'external-secrets').version).toBe('2.9.1');
    expect(eso.chartVersion).toBe('2.9.1');
  });

  test('uses the given Helm provider', () => {
    // GIVEN
    const stack = newStack();
    const { HelmProvider } = jest.requireActual('@cdktf/provider-helm/lib/provider');
    const other = new HelmProvider(stack, 'other', { alias: 'other' });
    // WHEN
    new ExternalSecretsOperatorRelease(stack, 'Eso', { provider: other });
    // THEN
    expect(findRelease(synth(stack), 'external-secrets').provider).toBe('helm.other');
  });

  describe('ordering', () => {
    test('addDependent adds depends_on to every resource inside the given constructs', () => {
      // GIVEN
      const stack = newStack();
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const eso = new ExternalSecretsOperatorRelease(stack, 'Eso');
      const group = new Construct(stack, 'Group');
      new SsmParameter(group, 'A', { name: '/a', type: 'String', value: 'x' });
      const b = new SsmParameter(stack, 'B', { name: '/b', type: 'String', value: 'y' });
      // WHEN
      eso.addDependent(group, b);
      eso.addDependent(b);
      // THEN
      const doc = synth(stack);
      const releaseId = logicalIdOf(doc, 'helm_release', (r) => r.name === 'external-secrets');
      for (const name of ['/a', '/b']) {
        const id = logicalIdOf(doc, 'aws_ssm_parameter', (r) => r.name === name);
        expect(doc.resource.aws_ssm_parameter[id].depends_on).toEqual([`helm_release.${releaseId}`]);
      }
    });

    test('a Pod Identity role passed directly as identity: the release depends on its associations, alone and combined', () => {
      // GIVEN
      const stack = newStack();
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const role = new PodIdentityRole(stack, 'Role', {
        roleName: 'eso-controller',
        associations: [{ clusterName: 'prod', serviceAccount: TRUSTED[0] }, { clusterName: 'staging', serviceAccount: TRUSTED[0] }],
      });
      // WHEN
      new ExternalSecretsOperatorRelease(stack, 'Eso', { identity: role });
      new ExternalSecretsOperatorRelease(stack, 'Combined', {
        releaseName: 'eso-combined', identity: WorkloadIdentity.combine([role, WorkloadIdentity.azure({ clientId: '00000000-0000-0000-0000-000000000001', trustedServiceAccounts: TRUSTED })]),
      });
      // THEN
      const doc = synth(stack);
      const associations = ['prod', 'staging'].map((cluster) => `aws_eks_pod_identity_association.${logicalIdOf(doc, 'aws_eks_pod_identity_association', (r) => r.cluster_name === cluster)}`);
      expect(findRelease(doc, 'external-secrets').depends_on).toEqual(associations);
      expect(findRelease(doc, 'eso-combined').depends_on).toEqual(associations);
    });

    test('an identity without prerequisites adds no depends_on', () => {
      // GIVEN
      const stack = newStack();
      // WHEN
      new ExternalSecretsOperatorRelease(stack, 'Eso', { identity: WorkloadIdentity.awsIrsa('arn:aws:iam::123456789012:role/eso', { trustedServiceAccounts: TRUSTED }) });
      // THEN
      expect(findRelease(synth(stack), 'external-secrets').depends_on).toBeUndefined();
    });

    test('the release construct can be used in dependsOn', () => {
      // GIVEN
      const stack = newStack();
      new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
      const eso = new ExternalSecretsOperatorRelease(stack, 'Eso');
      // WHEN
      new SsmParameter(stack, 'C', { name: '/c', type: 'String', value: 'z', dependsOn: [eso] });
      // THEN
      const doc = synth(stack);
      const releaseId = logicalIdOf(doc, 'helm_release', (r) => r.name === 'external-secrets');
      const id = logicalIdOf(doc, 'aws_ssm_parameter', (r) => r.name === '/c');
      expect(doc.resource.aws_ssm_parameter[id].depends_on).toEqual([`helm_release.${releaseId}`]);
    });
  });

  describe('validation', () => {
    test('fails on extraValues the chart schema rejects, listing every problem without the values', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { extraValues: { replicaCount: 'three', webhook: { port: 'x' } } })).toThrow(
        '[test/Eso] extraValues: received values that chart external-secrets 2.9.0 rejects: /replicaCount must be integer; /webhook/port must be integer. '
        + 'Allowed: values valid against the values.schema.json of chart external-secrets 2.9.0 (helm install and upgrade refuse any other). '
        + 'Fix: correct or remove the listed keys (for a release: in extraValues, or the typed prop that renders them).');
    });

    test('values known only at apply (tokens) are not judged by the chart schema', () => {
      // GIVEN a replica count from a Terraform variable
      const stack = newStack();
      // WHEN
      new ExternalSecretsOperatorRelease(stack, 'Eso', { extraValues: { replicaCount: Token.asNumber('${var.replicas}') } });
      // THEN the release renders it
      expect(findRelease(synth(stack), 'external-secrets').values[0]).toContain('"replicaCount": ${var.replicas},');
    });

    test('a chart version override is not checked against the pinned chart\'s schema', () => {
      // GIVEN values only a newer chart might accept
      const stack = newStack();
      // WHEN
      new ExternalSecretsOperatorRelease(stack, 'Eso', { unsupportedChartVersionOverride: '2.10.0', extraValues: { replicaCount: 'three' } });
      // THEN
      expect(findRelease(synth(stack), 'external-secrets').version).toBe('2.10.0');
    });

    test('fails on a release name longer than 53 characters', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { releaseName: 'a'.repeat(54) })).toThrow(
        `[test/Eso] releaseName: received "${'a'.repeat(54)}". Allowed: a Helm release name: at most 53 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. ` +
        'Fix: shorten or rename it, for example "external-secrets" or "reloader".');
    });

    test('fails on a release name with uppercase letters', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { releaseName: 'Eso' })).toThrow(
        '[test/Eso] releaseName: received "Eso". Allowed: a Helm release name: at most 53 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. ' +
        'Fix: shorten or rename it, for example "external-secrets" or "reloader".');
    });

    test('fails on a namespace that is not a DNS label', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { namespace: 'External_Secrets' })).toThrow(
        '[test/Eso] namespace: received "External_Secrets". Allowed: a DNS-1123 label: at most 63 characters, lowercase letters, digits and "-", starting and ending with a letter or digit. ' +
        'Fix: rename it, for example "external-secrets".');
    });

    test('fails on an invalid chart version override', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { unsupportedChartVersionOverride: 'latest' })).toThrow(
        '[test/Eso] unsupportedChartVersionOverride: received "latest". Allowed: an exact semantic version such as "2.9.0" (no ranges, no "latest"). ' +
        'Fix: pin an exact chart version, or remove the override to use the version this library is tested with.');
    });

    test('fails on a non-integer replica count', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { replicaCount: 1.5 } })).toThrow(
        '[test/Eso] values.replicaCount: received 1.5. Allowed: an integer of 0 or more. Fix: pass a whole number of at least 0.');
    });

    test('fails on zero concurrency', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { concurrent: 0 } })).toThrow(
        '[test/Eso] values.concurrent: received 0. Allowed: an integer of 1 or more. Fix: pass a whole number of at least 1.');
    });

    test('fails on an out-of-range webhook port', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { webhook: { port: 70000 } } })).toThrow(
        '[test/Eso] values.webhook.port: received 70000. Allowed: an integer port from 1 to 65535. Fix: pass a valid port number.');
    });

    test('fails on a bad resource quantity', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { resources: { limits: { memory: '1 GB' } } } })).toThrow(
        '[test/Eso] values.resources.limits.memory: received "1 GB". Allowed: a Kubernetes quantity such as "100m", "0.5", "128Mi" or "1Gi". ' +
        'Fix: use millicores for CPU and binary suffixes (Ki, Mi, Gi) for memory.');
    });

    test('fails on ClusterPushSecret processing without PushSecret processing', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { processPushSecret: false, processClusterPushSecret: true } })).toThrow(
        '[test/Eso] values.processClusterPushSecret: received true. Allowed: processClusterPushSecret: true only together with processPushSecret: true (the chart fails the install otherwise). ' +
        'Fix: set processClusterPushSecret: false as well, or keep processPushSecret: true.');
    });

    test('fails on a cluster reconciler explicitly enabled with scoped RBAC', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { scopedRbac: true, processClusterStore: true } })).toThrow(
        '[test/Eso] values.processClusterStore: received true. Allowed: false or unset when scopedRBAC is true (scoped RBAC turns the cluster-scoped reconcilers off). ' +
        'Fix: remove this setting, or turn scopedRbac off.');
    });

    test('fails when the webhook would have no certificate source', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { certController: { create: false } } })).toThrow(
        '[test/Eso] values.certController.create: received false. Allowed: false only when the webhook is disabled or webhook.certManager.enabled is true ' +
        '(the webhook needs the cert controller or cert-manager to get its serving certificate). Fix: keep the cert controller, enable webhook.certManager, or disable the webhook.');
    });

    test('fails on a security context override that runs as root', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { securityContext: { runAsUser: 0 } } })).toThrow(
        '[test/Eso] values.securityContext.runAsUser: received 0. Allowed: a non-zero user ID (the charts never run as root). ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on a security context override that allows privilege escalation', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { webhook: { securityContext: { allowPrivilegeEscalation: true } } } })).toThrow(
        '[test/Eso] values.webhook.securityContext.allowPrivilegeEscalation: received true. Allowed: false (or unset). ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on a security context override with a writable root file system', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { certController: { securityContext: { readOnlyRootFilesystem: false } } } })).toThrow(
        '[test/Eso] values.certController.securityContext.readOnlyRootFilesystem: received false. Allowed: true (or unset). ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on a security context override that does not drop ALL capabilities', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { securityContext: { capabilitiesDrop: ['NET_RAW'] } } })).toThrow(
        '[test/Eso] values.securityContext.capabilitiesDrop: received ["NET_RAW"]. Allowed: a list that contains "ALL". ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on a security context override with runAsNonRoot false', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { securityContext: { runAsNonRoot: false } } })).toThrow(
        '[test/Eso] values.securityContext.runAsNonRoot: received false. Allowed: true (or unset). ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on an unconfined seccomp profile', () => {
      const unconfined = 'Unconfined' as SeccompProfileType;
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { securityContext: { seccompProfileType: unconfined } } })).toThrow(
        '[test/Eso] values.securityContext.seccompProfileType: received "Unconfined". Allowed: "RuntimeDefault" or "Localhost" (never "Unconfined"). ' +
        'Fix: keep the chart\'s hardened default (omit the field); if you accept the risk, set it through extraValues, which is not checked.');
    });

    test('fails on a bad image tag, naming the component prop', () => {
      const image = ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/external-secrets', tag: 'v2.9.0@sha256:abc' });
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { webhook: { image } } })).toThrow(
        '[test/Eso] values.webhook.image.tag: received "v2.9.0@sha256:abc". Allowed: an OCI tag: 1 to 128 characters, letters, digits, "_", "." and "-", not starting with "." or "-". ' +
        'Fix: pass the tag alone (for example "v2.9.0"); pass a digest with the digest option.');
    });

    test('fails on a bad image pull secret name', () => {
      expect(() => new ExternalSecretsOperatorRelease(newStack(), 'Eso', { values: { imagePullSecrets: ['Reg_Cred'] } })).toThrow(
        '[test/Eso] values.imagePullSecrets[0]: received "Reg_Cred". Allowed: a DNS-1123 subdomain: at most 253 characters, lowercase letters, digits, "-" and ".", ' +
        'each dot-separated part starting and ending with a letter or digit. Fix: rename it, for example "reg-cred".');
    });
  });
});
