/**
 * Compiled by the consumer test against each cdk8s-plus line from 28 to 34 (the import of
 * `cdk8s-plus-33` replaced by the line's alias, no `cdk8s-plus-*` name resolvable): what the
 * constructs return and accept fits every line's types. Type-level only: never run.
 */
import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-33';
import { WorkloadIdentity } from 'cdk-external-secrets/core';
import { PushSecretSource, ReloaderWiring, WorkloadServiceAccount } from 'cdk-external-secrets/k8s';
import { SecretsPlatformManifests } from 'cdk-external-secrets/platform/k8s';
import { dbCredentials, declaration, prod } from '../../examples/quickstarts/cluster/platform';

const chart = new Chart(new App(), 'lines');
const platform = new SecretsPlatformManifests(chart, 'platform', { declaration, cluster: prod });
const externalSecret = platform.externalSecret(dbCredentials);
const account = new WorkloadServiceAccount(chart, 'sa', {
  name: 'api', namespace: 'shop', identity: WorkloadIdentity.awsIrsa('arn:aws:iam::111122223333:role/api'),
});
const service = new kplus.Service(chart, 'svc', { ports: [{ port: 80 }] });
const workloads = [
  new kplus.Deployment(chart, 'deployment', { serviceAccount: account, metadata: { namespace: 'shop' } }),
  new kplus.StatefulSet(chart, 'statefulset', { serviceAccount: account, service, metadata: { namespace: 'shop' } }),
  new kplus.DaemonSet(chart, 'daemonset', { serviceAccount: account, metadata: { namespace: 'shop' } }),
];
for (const workload of workloads) {
  workload.addContainer({
    image: 'api:1.0',
    envVariables: { DB_PASSWORD: externalSecret.envValue('DB_PASSWORD', { optional: false }) },
    envFrom: [kplus.Env.fromSecret(externalSecret.secret)],
    volumeMounts: [{ path: '/db', volume: kplus.Volume.fromSecret(chart, `${workload.node.id}-db`, externalSecret.secret) }],
  });
  new ReloaderWiring(chart, `reload-${workload.node.id}`, { workload, externalSecrets: [externalSecret] });
}
platform.reloadOnChange(workloads[0], [dbCredentials]);
new kplus.RoleBinding(chart, 'binding', { role: kplus.Role.fromRoleName(chart, 'role', 'reader'), metadata: { namespace: 'shop' } }).addSubjects(account);
const asLineServiceAccount: kplus.IServiceAccount = account;
const asLineSecret: kplus.ISecret = externalSecret.secret;
const asLineEnvValue: kplus.EnvValue = kplus.EnvValue.fromSecretValue({ secret: asLineSecret, key: 'DB_PASSWORD' });
export const used = [asLineServiceAccount, asLineEnvValue, PushSecretSource.fromSecret(new kplus.Secret(chart, 'own')), PushSecretSource.fromSecret(asLineSecret)];
