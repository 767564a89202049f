import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { GoogleProvider } from '@cdktf/provider-google/lib/provider';
import { VaultProvider } from '@cdktf/provider-vault/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { renderAccessMatrix, SecretBackend, SecretsDeclaration, VaultAuthKind } from '../../lib/core';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { resourcesOf, synthTerraform } from '../helpers/terraform';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const WORKSPACE = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-sec';
const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:security-alerts';

function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'audit');
  new AwsProvider(s, 'aws', { region: 'eu-west-1' });
  new AzurermProvider(s, 'azurerm', { features: [{}] });
  new GoogleProvider(s, 'google', {});
  new VaultProvider(s, 'vault', { address: 'https://vault.example.internal:8200' });
  return s;
}

/** Every backend once: Secrets Manager on EKS, Key Vault on AKS, Secret Manager on GKE, Vault on an RKE2 cluster. */
function everyBackend() {
  const d = new SecretsDeclaration({
    name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' }, azure: { tenantId: TENANT }, gcp: { projectId: 'shop-prod', projectNumber: '123456789012' },
  });
  const eks = d.addEksCluster('eks', { clusterName: 'eks', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EKS' });
  d.addAksCluster('aks', { clusterName: 'aks', oidcIssuerUrl: `https://westeurope.oic.prod-aks.azure.com/${TENANT}/1/` });
  d.addGkeCluster('gke', { clusterName: 'gke', projectId: 'shop-prod', location: 'europe-west1' });
  const rke2 = d.addCluster('rke2', { clusterName: 'rke2', oidcIssuerUrl: 'https://rke2.example.internal' });
  const db = d.addSecretsManagerSecret('db', { name: 'shop/db' });
  const cfg = d.addParameter('cfg', { name: '/shop/cfg', managedElsewhere: true });
  const sm = d.addAwsStore('sm', { name: 'sm', service: SecretBackend.AWS_SECRETS_MANAGER, clusters: [eks] });
  const ps = d.addAwsStore('ps', { name: 'ps', service: SecretBackend.AWS_PARAMETER_STORE, clusters: [eks] });
  d.addExternalSecret('db', { name: 'db', namespace: 'shop', store: sm, data: [{ secretKey: 'k', secret: db }] });
  d.addExternalSecret('cfg', { name: 'cfg', namespace: 'shop', store: ps, data: [{ secretKey: 'k', secret: cfg }] });
  const vault = d.addKeyVault('kv', { name: 'kv-shop-prod', resourceGroupName: 'rg-sec', location: 'westeurope' });
  const token = d.addKeyVaultSecret('token', { vault, name: 'api-token' });
  const azure = d.addAzureKeyVaultStore('azure', { name: 'azure', vault });
  d.addExternalSecret('token', { name: 'token', namespace: 'shop', store: azure, data: [{ secretKey: 'k', secret: token }] });
  const google = d.addGoogleSecret('gsecret', { name: 'g', managedElsewhere: true });
  const gsm = d.addGoogleSecretManagerStore('gsm', { name: 'gsm' });
  d.addExternalSecret('gsecret', { name: 'g', namespace: 'shop', store: gsm, data: [{ secretKey: 'k', secret: google }] });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.internal:8200', namespace: 'platform' });
  d.addVaultAuth('rke2', { server, cluster: rke2, kind: VaultAuthKind.JWT });
  const kv = d.addVaultSecret('kv', { server, path: 'shop/api', properties: ['key'], managedElsewhere: true });
  const vs = d.addVaultStore('vs', { name: 'vs', server });
  d.addExternalSecret('kv', { name: 'kv', namespace: 'shop', store: vs, data: [{ secretKey: 'k', secret: kv, property: 'key' }] });
  return d;
}

describe('audit trail: declared once, rendered per backend', () => {
  const declaration = everyBackend();
  declaration.auditTrail({ aws: { alarmTopicArn: TOPIC }, azure: { logAnalyticsWorkspaceId: WORKSPACE }, google: {}, vault: { filePath: '/vault/audit/audit.log' } });
  const s = stack();
  new SecretsPlatformInfrastructure(s, 'platform', { declaration });
  const json = synthTerraform(s);

  test('Azure: AuditEvent diagnostic setting on the vault, to the workspace', () => {
    expect(resourcesOf(json, 'azurerm_monitor_diagnostic_setting')).toEqual([{
      name: 'eso-audit', target_resource_id: expect.stringMatching(/^\$\{azurerm_key_vault\.[^.]+\.id\}$/),
      log_analytics_workspace_id: WORKSPACE, enabled_log: [{ category: 'AuditEvent' }],
    }]);
  });

  test('Google: Data Access (DATA_READ) audit logs of Secret Manager on the project', () => {
    expect(resourcesOf(json, 'google_project_iam_audit_config')).toEqual([{
      project: 'shop-prod', service: 'secretmanager.googleapis.com', audit_log_config: [{ log_type: 'DATA_READ' }],
    }]);
  });

  test('Vault: a file audit device in the server\'s namespace', () => {
    expect(resourcesOf(json, 'vault_audit')).toEqual([{
      path: 'eso-audit', namespace: 'platform', type: 'file', options: { file_path: '/vault/audit/audit.log' },
      description: 'Every request and response, secret values HMAC-ed (cdk-external-secrets audit trail)',
    }]);
  });

  test('AWS: an EventBridge rule on reads of exactly the declared secrets by anyone but the ESO roles, to the topic', () => {
    const [rule] = resourcesOf(json, 'aws_cloudwatch_event_rule');
    expect(rule.name).toBe('shop-eso-audit-unexpected-reads');
    const pattern = JSON.parse(rule.event_pattern as string) as { detail: { userIdentity: unknown; requestParameters: unknown; eventName: string[] } };
    expect(pattern.detail.eventName).toEqual(['GetSecretValue', 'BatchGetSecretValue', 'GetParameter', 'GetParameters']);
    expect(pattern.detail.userIdentity).toEqual({
      $or: [
        { sessionContext: { sessionIssuer: { arn: [{ 'anything-but': ['arn:aws:iam::111122223333:role/shop-eks-eso-controller'] }] } } },
        { type: ['IAMUser', 'Root'] },
      ],
    });
    const names = ['shop/db', { prefix: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:shop/db-' }, '/shop/cfg', 'arn:aws:ssm:eu-west-1:111122223333:parameter/shop/cfg'];
    expect(pattern.detail.requestParameters).toEqual({ $or: [{ secretId: names }, { secretIdList: names }, { name: names }, { names }] });
    expect(resourcesOf(json, 'aws_cloudwatch_event_target')).toEqual([{ rule: expect.stringMatching(/\.name\}$/), arn: TOPIC, target_id: 'alarm-topic' }]);
  });

  test('the access matrix has an audit trail section, one row per backend in use', () => {
    const matrix = renderAccessMatrix(declaration);
    const section = matrix.slice(matrix.indexOf('## Audit trail'), matrix.indexOf('## Diagram')).trim().split('\n');
    expect(section.slice(0, 4)).toEqual(['## Audit trail', '', '| backend | reads land in | recorded |', '|---|---|---|']);
    expect(section.slice(4).map((row) => row.split(' | ')[0])).toEqual([
      '| AWS Secrets Manager / Parameter Store', '| Azure Key Vault', '| Google Secret Manager', '| HashiCorp Vault',
    ]);
    expect(section[5]).toContain(`diagnostic setting eso-audit (category AuditEvent) on kv-shop-prod → Log Analytics workspace ${WORKSPACE}`);
    expect(section[7]).toContain('audit device eso-audit/ (file /vault/audit/audit.log) on https:\\//vault.example.internal:8200');
  });
});

describe('audit trail: errors', () => {
  test('a backend in use without the section it needs fails at synth, naming what uses it', () => {
    const declaration = everyBackend();
    declaration.auditTrail({ azure: { storageAccountId: '/subscriptions/1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/logs' } });
    expect(() => new SecretsPlatformInfrastructure(stack(), 'platform', { declaration })).toThrow(
      '[shop/auditTrail] vault: received undefined. Allowed: the vault section while the declaration uses HashiCorp Vault (https://vault.example.internal:8200): ' +
      'the audit device (file or socket) every request is logged to. Fix: add vault to auditTrail(), so reads through HashiCorp Vault land in an audit log.');
    expect(() => renderAccessMatrix(declaration)).toThrow('[shop/auditTrail] vault: received undefined.');
  });

  test('Key Vaults without a destination', () => {
    const declaration = everyBackend();
    declaration.auditTrail({ vault: { socketAddress: 'collector.logging.svc:9090' } });
    expect(() => renderAccessMatrix(declaration)).toThrow(
      '[shop/auditTrail] azure: received undefined. Allowed: the azure section while the declaration uses Azure Key Vault (kv-shop-prod): ' +
      'the Log Analytics workspace or storage account the vaults\' AuditEvent logs go to. Fix: add azure to auditTrail(), so reads through Azure Key Vault land in an audit log.');
  });

  test('bad sections', () => {
    const d = () => new SecretsDeclaration({ name: 'shop' });
    expect(() => d().auditTrail({})).toThrow(
      '[shop/auditTrail] options: received {}. Allowed: at least one backend section (aws, azure, google, vault). Fix: set the section of every backend the declaration uses: azure (the log destination), vault (the audit device), aws and google ({} states their defaults).');
    expect(() => d().auditTrail({ azure: {} })).toThrow(
      '[shop/auditTrail] azure: received "". Allowed: exactly one of logAnalyticsWorkspaceId and storageAccountId. Fix: set the Log Analytics workspace or the storage account the AuditEvent logs go to.');
    expect(() => d().auditTrail({ azure: { logAnalyticsWorkspaceId: 'law-sec' } })).toThrow(
      '[shop/auditTrail] azure.logAnalyticsWorkspaceId: received "law-sec". Allowed: an Azure resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>). Fix: pass the resource ID, for example the id attribute of the workspace or account.');
    expect(() => d().auditTrail({ vault: { filePath: '/a', socketAddress: 'b:1' } })).toThrow(
      '[shop/auditTrail] vault: received "filePath, socketAddress". Allowed: exactly one of filePath (file device) and socketAddress (socket device). Fix: choose the device Vault writes its audit log to.');
    expect(() => d().auditTrail({ vault: { socketAddress: 'collector' } })).toThrow(
      '[shop/auditTrail] vault.socketAddress: received "collector". Allowed: host:port. Fix: pass the collector\'s address, for example "audit-collector.logging.svc:9090".');
    expect(() => d().auditTrail({ vault: { filePath: 'stdout', path: 'eso/audit' } })).toThrow(
      '[shop/auditTrail] vault.path: received "eso/audit". Allowed: letters, digits, "-" and "_" (one path segment). Fix: use a mount path such as "eso-audit".');
    expect(() => d().auditTrail({ aws: { alarmTopicArn: 'security-alerts' } })).toThrow(
      '[shop/auditTrail] aws.alarmTopicArn: received "security-alerts". Allowed: an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>). Fix: pass the ARN of the topic that notifies your security team.');
    const twice = d();
    twice.auditTrail({ google: {} });
    expect(() => twice.auditTrail({ google: {} })).toThrow(
      '[shop/auditTrail] auditTrail: received "a second audit trail". Allowed: one audit trail per declaration (declared once, rendered per backend). Fix: merge the sections into the first auditTrail() call.');
  });
});
