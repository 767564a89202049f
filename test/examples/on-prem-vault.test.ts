import { App as K8sApp } from 'cdk8s';
import { Testing } from 'cdktf';
import { renderAccessMatrix } from '../../lib/core';
import { API_SERVER, declaration } from '../../examples/on-prem-vault/declaration';
import { addOnPremVaultChart } from '../../examples/on-prem-vault/k8s';
import { addOnPremVaultStack } from '../../examples/on-prem-vault/tf';
import { fluxKustomization, sopsConfig } from '../../examples/on-prem-vault/sops';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { expectValidEsoValues } from '../helpers/chart-schema';
import { findManifest, K8sManifest, synthValid } from '../helpers/eso-schema';
import { helmValues, resourcesOf, resourceWhere, synthTerraform, valueLeaks } from '../helpers/terraform';
import { policyRules } from '../vault/helpers';

type VaultAuthBlock = { kubernetes: { mountPath: string; role: string; serviceAccountRef: { name: string; namespace?: string; audiences?: string[] } } };

describe('example: on-prem Vault (RKE2, Vault outside the cluster, one store per namespace)', () => {
  // GIVEN the example's stack and chart, synthesized with validations on (every manifest checked against its schema)
  const stack = synthTerraform(addOnPremVaultStack(Testing.app()));
  const manifests = synthValid(addOnPremVaultChart(new K8sApp()));
  const storeIn = (ns: string) => manifests.find((m) => m.kind === 'SecretStore' && m.metadata?.namespace === ns) as K8sManifest;
  const authOf = (m: K8sManifest) => (m.spec as { provider: { vault: { auth: VaultAuthBlock } } }).provider.vault.auth.kubernetes;

  test('one Kubernetes auth mount for the cluster: client JWT as reviewer, API server, CA and issuer', () => {
    // WHEN reading the auth mount and its config
    const mount = resourceWhere(stack, 'vault_auth_backend', 'path', 'kubernetes-rke2');
    const [config] = resourcesOf(stack, 'vault_kubernetes_auth_backend_config');
    // THEN
    expect(mount.type).toBe('kubernetes');
    expect(config).toMatchObject({ kubernetes_host: API_SERVER, disable_local_ca_jwt: true, issuer: 'https://kubernetes.default.svc.cluster.local' });
    expect(config).not.toHaveProperty('token_reviewer_jwt');
  });

  test('every Vault policy equals the paths its namespace uses, exactly', () => {
    // WHEN reading the policies
    const policies = Object.fromEntries(resourcesOf(stack, 'vault_policy').map((p) => [p.name as string, policyRules(p.policy)]));
    // THEN jenkins reads its key only; netbox its key and its database credentials
    expect(policies).toEqual({
      'kubernetes-rke2-onprem-vault-jenkins-eso': { 'secret/data/jenkins/admin': ['read'] },
      'kubernetes-rke2-onprem-vault-netbox-eso': { 'database/creds/netbox': ['read'], 'secret/data/netbox/app': ['read'] },
    });
  });

  test('the database engine behind netbox-db: mount, PostgreSQL connection allowing only the netbox role, root password write-only', () => {
    // WHEN reading the engine's resources
    const connection = resourceWhere(stack, 'vault_database_secret_backend_connection', 'name', 'default');
    const role = resourceWhere(stack, 'vault_database_secret_backend_role', 'name', 'netbox');
    // THEN
    expect(resourceWhere(stack, 'vault_mount', 'path', 'database').type).toBe('database');
    expect(connection.allowed_roles).toEqual(['netbox']);
    expect(connection.postgresql).toEqual({
      connection_url: 'postgresql://{{username}}:{{password}}@postgres.example.internal:5432/netbox?sslmode=verify-full',
      username: 'vault', password_wo: '${var.vault_db_root_password_postgres}', password_wo_version: 1,
    });
    expect(stack.variable?.vault_db_root_password_postgres).toEqual(expect.objectContaining({ sensitive: true, ephemeral: true }));
    expect(role).toMatchObject({ db_name: expect.stringMatching(/^\$\{vault_database_secret_backend_connection\..+\.name\}$/), default_ttl: 3600, max_ttl: 3600 });
  });

  test('roles bind exactly the service account each namespace\'s store names, and vice versa', () => {
    // WHEN comparing each role with the SecretStore that logs in with it
    const roles = resourcesOf(stack, 'vault_kubernetes_auth_backend_role');
    // THEN one role per namespace, bound to that namespace's eso-vault account only, with the store's audience
    expect(roles).toHaveLength(2);
    for (const ns of ['jenkins', 'netbox']) {
      const auth = authOf(storeIn(ns));
      const role = resourceWhere(stack, 'vault_kubernetes_auth_backend_role', 'role_name', auth.role);
      expect(role).toMatchObject({
        bound_service_account_names: [auth.serviceAccountRef.name], bound_service_account_namespaces: [ns],
        audience: auth.serviceAccountRef.audiences![0], token_ttl: 7200,
      });
      expect(auth.mountPath).toBe('kubernetes-rke2');
      expect(findManifest(manifests.filter((m) => m.metadata?.namespace === ns), 'ServiceAccount', auth.serviceAccountRef.name)).toBeDefined();
    }
  });

  test('both store service accounts hold system:auth-delegator (Vault reviews their own tokens)', () => {
    // WHEN reading the binding
    const binding = findManifest(manifests, 'ClusterRoleBinding', 'eso-vault-auth-delegator-rke2') as K8sManifest & { roleRef: unknown; subjects: unknown };
    // THEN
    expect(binding.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:auth-delegator' });
    expect(binding.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'eso-vault', namespace: 'jenkins' },
      { kind: 'ServiceAccount', name: 'eso-vault', namespace: 'netbox' },
    ]);
  });

  test('the netbox database credential comes from a VaultDynamicSecret in netbox, with the store\'s auth, refreshed before the lease ends', () => {
    // WHEN reading the generator and its ExternalSecret
    const generator = manifests.find((m) => m.kind === 'VaultDynamicSecret') as K8sManifest;
    const es = manifests.find((m) => m.kind === 'ExternalSecret' && m.metadata?.name === 'netbox-db') as K8sManifest;
    // THEN
    expect(generator.metadata).toEqual({ name: 'netbox-db', namespace: 'netbox' });
    expect(generator.spec).toMatchObject({ path: 'database/creds/netbox', method: 'GET', provider: { server: 'https://vault.example.internal:8200' } });
    expect((generator.spec as { provider: { auth: unknown } }).provider.auth).toEqual((storeIn('netbox').spec as { provider: { vault: { auth: unknown } } }).provider.vault.auth);
    expect(es.spec).toMatchObject({
      refreshInterval: '30m',
      dataFrom: [{ sourceRef: { generatorRef: { apiVersion: 'generators.external-secrets.io/v1alpha1', kind: 'VaultDynamicSecret', name: 'netbox-db' } } }],
    });
  });

  test('KV keys are created without any value in the state, and the ESO values are valid', () => {
    // WHEN reading the keys
    const keys = resourcesOf(stack, 'vault_kv_secret_v2');
    // THEN
    expect(keys.map((k) => k.name).sort()).toEqual(['jenkins/admin', 'netbox/app']);
    keys.forEach((k) => expect(k).toMatchObject({ data_json_wo: '{}', disable_read: true, cas: 0 }));
    expect(valueLeaks(stack)).toEqual([]);
    expectValidEsoValues(helmValues(stack, 'external-secrets'));
  });

  test('the access matrix shows one Vault role per namespace and what it reads', () => {
    // WHEN rendering the matrix
    const matrix = renderAccessMatrix(declaration);
    // THEN
    expect(matrix).toContain('| Vault role kubernetes-rke2/onprem-vault-jenkins-eso | Vault Kubernetes auth (TokenReview) | jenkins:eso-vault | rke2 | `jenkins/admin` (read on secret/data/jenkins/admin) | nothing |');
    expect(matrix).toContain('`netbox/app` (read on secret/data/netbox/app)<br>dynamic secret `netbox-db` from `database/creds/netbox` | nothing |');
    expect(matrix).toContain('| rke2 | netbox | netbox-app → netbox-app | vault | Vault role kubernetes-rke2/onprem-vault-netbox-eso | `netbox/app` |');
    // and where every read lands
    expect(matrix).toContain('| HashiCorp Vault | audit device eso-audit/ (file /vault/audit/audit.log) on https:\\//vault.example.internal:8200 | every request and response');
  });

  test('the audit trail: a file audit device on the Vault server', () => {
    expect(resourcesOf(stack, 'vault_audit')).toEqual([expect.objectContaining({ type: 'file', path: 'eso-audit', options: { file_path: '/vault/audit/audit.log' } })]);
  });

  test('SOPS: .sops.yaml encrypts exactly the cluster\'s files to its age key and the break-glass KMS key; no private key', () => {
    // WHEN writing the repository's .sops.yaml
    const text = sopsConfig().toYaml();
    // THEN
    expect(parse(text)).toEqual({
      creation_rules: [{
        path_regex: '^clusters/rke2-prod/.*\\.ya?ml$', encrypted_regex: '^(data|stringData)$',
        age: 'age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
        kms: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      }],
    });
    expect(text).not.toMatch(/AGE-SECRET-KEY|PRIVATE KEY/);
  });

  test('SOPS: Flux decrypts with the sops-age Secret into sops-secrets; valid against the Flux 1.9.4 CRD', () => {
    const [crd] = parseAllDocuments(fs.readFileSync(path.resolve(__dirname, '../../../shared/upstream/flux/kustomize.toolkit.fluxcd.io_kustomizations.yaml'), 'utf8'))
      .map((d) => d.toJSON() as { spec: { versions: Array<{ name: string; schema: { openAPIV3Schema: object } }> } });
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(crd.spec.versions.find((v) => v.name === 'v1')!.schema.openAPIV3Schema);
    const kustomization = fluxKustomization();
    expect(validate(kustomization) ? [] : validate.errors).toEqual([]);
    expect((kustomization.spec as { decryption: unknown; targetNamespace: string })).toMatchObject({
      targetNamespace: 'sops-secrets', decryption: { provider: 'sops', secretRef: { name: 'sops-age' } },
    });
  });

  test('SOPS: ESO copies exactly grafana-admin to grafana; the grafana store may get only that Secret', () => {
    const role = manifests.find((m) => m.kind === 'Role' && m.metadata?.namespace === 'sops-secrets')!;
    expect(role.rules).toEqual([{ apiGroups: [''], resources: ['secrets'], resourceNames: ['grafana-admin'], verbs: ['get'] }]);
    expect(findManifest(manifests, 'ExternalSecret', 'grafana-admin').metadata?.namespace).toBe('grafana');
    expect(storeIn('grafana').spec).toMatchObject({ provider: { kubernetes: { remoteNamespace: 'sops-secrets', auth: { serviceAccount: { name: 'eso-sops-sops-secrets' } } } } });
  });
});
