/**
 * Plain variant: the same manifests / Terraform JSON as plain JS objects, serialized with the `yaml`
 * package / JSON.stringify. The floor any construct-based renderer pays on top of.
 */
import { stringify } from 'yaml';
import { accessPolicy, buildModel, ESO_NAMESPACE, KEY_POLICY, oidcProviderTags, secretGrantTags, secretTags, storeServiceAccountName, TAGS, trustPolicy } from './model';
import { REGION, Spec } from './spec';

type Doc = Record<string, unknown>;

/** The manifests of every cluster, as one multi-document YAML string. */
export function plainYaml(spec: Spec): string {
  const model = buildModel(spec);
  const roleArn = new Map(model.identities.map((i) => [i.id, i.roleArn]));
  const docs: Doc[] = [];
  const serviceAccount = (namespace: string, name: string, arn: string): Doc => ({
    apiVersion: 'v1', kind: 'ServiceAccount',
    metadata: { annotations: { 'eks.amazonaws.com/role-arn': arn }, name, namespace },
    automountServiceAccountToken: false,
  });
  for (const cluster of spec.clusters) {
    for (const store of spec.stores.filter((s) => s.clusters.includes(cluster.id))) {
      const namespaces = model.storeNamespaces.get(store.id) ?? [];
      const saName = storeServiceAccountName(store);
      if (store.kind === 'namespaced') {
        for (const namespace of namespaces) {
          docs.push(serviceAccount(namespace, saName, roleArn.get(`store-${store.id}-${namespace}`)!));
          docs.push({
            apiVersion: 'external-secrets.io/v1', kind: 'SecretStore', metadata: { name: store.name, namespace },
            spec: { provider: { aws: { auth: { jwt: { serviceAccountRef: { name: saName, namespace } } }, region: REGION, service: 'SecretsManager', sessionTagsPolicy: 'None' } } },
          });
        }
        continue;
      }
      const aws: Doc = { region: REGION, service: 'SecretsManager', sessionTagsPolicy: 'None' };
      if (store.kind === 'cluster-sa') {
        docs.push(serviceAccount(ESO_NAMESPACE, saName, roleArn.get(`store-${store.id}`)!));
        aws.auth = { jwt: { serviceAccountRef: { name: saName, namespace: ESO_NAMESPACE } } };
      }
      docs.push({
        apiVersion: 'external-secrets.io/v1', kind: 'ClusterSecretStore', metadata: { name: store.name },
        spec: { conditions: [{ namespaces: [...namespaces] }], provider: { aws } },
      });
    }
    for (const es of spec.externalSecrets.filter((e) => e.store.clusters.includes(cluster.id))) {
      docs.push({
        apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: es.name, namespace: es.namespace },
        spec: {
          data: [
            { remoteRef: { key: es.secret.name, property: 'username' }, secretKey: 'username' },
            { remoteRef: { key: es.secret.name, property: 'password' }, secretKey: 'password' },
          ],
          refreshInterval: '1h',
          secretStoreRef: { kind: es.store.kind === 'namespaced' ? 'SecretStore' : 'ClusterSecretStore', name: es.store.name },
          target: { name: es.name, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        },
      });
    }
  }
  return docs.map((d) => stringify(d)).join('---\n');
}

/** The Terraform JSON of the workload. */
export function plainTerraformJson(spec: Spec): string {
  const model = buildModel(spec);
  const resource: Record<string, Record<string, Doc>> = {
    aws_kms_key: {}, aws_kms_alias: {}, aws_secretsmanager_secret: {}, aws_iam_openid_connect_provider: {}, aws_iam_role: {}, aws_iam_role_policy: {},
  };
  for (const cluster of spec.clusters) {
    resource.aws_iam_openid_connect_provider[`oidc-${cluster.id}`] = { client_id_list: ['sts.amazonaws.com'], tags: oidcProviderTags(cluster), url: cluster.issuer };
  }
  const output: Record<string, Doc> = {};
  const keyArn = (i: number) => `\${aws_kms_key.key-${i}.arn}`;
  spec.keys.forEach((alias, i) => {
    resource.aws_kms_key[`key-${i}`] = {
      deletion_window_in_days: 30, description: `Encrypts ${alias} secrets read by External Secrets Operator`,
      enable_key_rotation: true, policy: JSON.stringify(KEY_POLICY), region: REGION, rotation_period_in_days: 365, tags: { ...TAGS },
    };
    resource.aws_kms_alias[`key-${i}`] = { name: `alias/${alias}`, region: REGION, target_key_id: `\${aws_kms_key.key-${i}.key_id}` };
  });
  const grantTags = secretGrantTags(model);
  for (const secret of spec.secrets) {
    resource.aws_secretsmanager_secret[secret.id] = {
      kms_key_id: secret.key !== undefined ? keyArn(secret.key) : undefined,
      name: secret.name, recovery_window_in_days: 30, region: REGION, tags: secretTags(secret, grantTags),
    };
  }
  for (const identity of model.identities) {
    resource.aws_iam_role[identity.id] = {
      assume_role_policy: JSON.stringify(trustPolicy(identity, (id) => `\${aws_iam_openid_connect_provider.oidc-${id}.arn}`)),
      description: `External Secrets Operator: ${identity.id} (${identity.serviceAccount.namespace}:${identity.serviceAccount.name})`,
      name: identity.roleName, tags: { ...TAGS },
    };
    resource.aws_iam_role_policy[identity.id] = {
      name: `platform-Identity-${identity.id}-AccessPolicy`, policy: JSON.stringify(accessPolicy(identity, keyArn)),
      role: `\${aws_iam_role.${identity.id}.name}`,
    };
    output[`eso_role_arn_${identity.id.replace(/-/g, '_')}`] = { value: `\${aws_iam_role.${identity.id}.arn}` };
  }
  return JSON.stringify({
    output, provider: { aws: [{ region: REGION }] }, resource,
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
  }, null, 2);
}
