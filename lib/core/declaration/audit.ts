/**
 * The audit trail of a declaration: declared once, rendered by each backend in use so that every
 * secret read by an ESO identity lands in an audit log of its provider. Engine-free.
 */
import { assertShape } from '../validation';
import { auditSectionMissing, emptyAuditTrail, invalidString } from '../errors';
import type { AuditCoverage } from './backend';
import { BACKEND_MODELS, backendModelOfSecret } from './backends';
import type { DeclarationView } from './view';
import { isUnresolved } from '../tokens';

/** Where Azure Key Vault diagnostic logs (`AuditEvent`) go: exactly one destination. */
export interface AzureAuditDestination {
  /**
   * Resource ID of a Log Analytics workspace.
   * @default - none: set this or `storageAccountId`
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Resource ID of a storage account (archive).
   * @default - none: set this or `logAnalyticsWorkspaceId`
   */
  readonly storageAccountId?: string;
}

/** A Vault audit device, one per declared Vault server. */
export interface VaultAuditDevice {
  /**
   * Log to a file on the Vault servers (`file` device, `file_path`; `stdout` logs to the server's output).
   * @default - none: set this or `socketAddress`
   */
  readonly filePath?: string;
  /**
   * Log to a TCP socket (`socket` device, `address` such as `audit-collector.logging.svc:9090`).
   * @default - none: set this or `filePath`
   */
  readonly socketAddress?: string;
  /**
   * Mount path of the device (`vault audit enable -path=<path>`).
   * @default "eso-audit"
   */
  readonly path?: string;
}

/** AWS: CloudTrail records reads as management events; optionally alarm on reads outside the declared identities. */
export interface AwsAuditOptions {
  /**
   * SNS topic ARN an EventBridge rule notifies when a declared secret is read (`GetSecretValue`,
   * `BatchGetSecretValue`, `GetParameter`, `GetParameters`) by a role other than the declaration's
   * ESO identities. Needs a CloudTrail trail logging read management events in the region.
   * @default - no alarm; CloudTrail's event history records the reads for 90 days
   */
  readonly alarmTopicArn?: string;
}

/** Props of {@link SecretsDeclaration.auditTrail}: one section per backend the declaration uses. */
export interface AuditTrailOptions {
  /**
   * AWS Secrets Manager and Parameter Store.
   * @default - CloudTrail only (no alarm)
   */
  readonly aws?: AwsAuditOptions;
  /**
   * Azure Key Vault: diagnostic settings with category `AuditEvent` on every declared vault.
   * @default - none: required when the declaration declares Key Vaults
   */
  readonly azure?: AzureAuditDestination;
  /**
   * Google Secret Manager: Data Access audit logs (`DATA_READ`) of `secretmanager.googleapis.com` on
   * the project. Nothing to configure; set `{}` to state it, or leave it out (it is rendered anyway).
   * @default {}
   */
  readonly google?: Record<string, never>;
  /**
   * HashiCorp Vault: an audit device on every declared server.
   * @default - none: required when the declaration declares Vault servers
   */
  readonly vault?: VaultAuditDevice;
}

/** The declared audit trail. */
export interface AuditTrailDeclaration {
  /** AWS section. */
  readonly aws: AwsAuditOptions;
  /**
   * Azure destination.
   * @default - undefined when not declared
   */
  readonly azure?: AzureAuditDestination;
  /**
   * Vault device, with its mount path resolved.
   * @default - undefined when not declared
   */
  readonly vault?: VaultAuditDevice & { readonly path: string };
}

const AZURE_RESOURCE_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/[^/]+\/[^/]+\/[^/]+$/i;
const SNS_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

function exactlyOne(path: string, prop: string, values: Record<string, unknown>, allowed: string, fix: string): void {
  const set = Object.entries(values).filter(([, v]) => v !== undefined);
  if (set.length !== 1) {
    throw invalidString(path, prop, set.map(([k]) => k).join(', '), allowed, fix);
  }
}

/** Validates and resolves the audit trail options. */
export function declareAuditTrail(path: string, options: AuditTrailOptions): AuditTrailDeclaration {
  assertShape(path, '', options, { 'aws?': 'object', 'azure?': 'object', 'google?': 'object', 'vault?': 'object' });
  if (Object.values(options).every((v) => v === undefined)) {
    throw emptyAuditTrail(path, 'options');
  }
  if (options.aws?.alarmTopicArn !== undefined && !isUnresolved(options.aws.alarmTopicArn) && !SNS_ARN.test(options.aws.alarmTopicArn)) {
    throw invalidString(path, 'aws.alarmTopicArn', options.aws.alarmTopicArn, 'an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)', 'pass the ARN of the topic that notifies your security team');
  }
  if (options.azure !== undefined) {
    assertShape(path, 'azure', options.azure, { 'logAnalyticsWorkspaceId?': 'string', 'storageAccountId?': 'string' });
    exactlyOne(path, 'azure', { logAnalyticsWorkspaceId: options.azure.logAnalyticsWorkspaceId, storageAccountId: options.azure.storageAccountId },
      'exactly one of logAnalyticsWorkspaceId and storageAccountId', 'set the Log Analytics workspace or the storage account the AuditEvent logs go to');
    for (const key of ['logAnalyticsWorkspaceId', 'storageAccountId'] as const) {
      const id = options.azure[key];
      if (id !== undefined && !isUnresolved(id) && !AZURE_RESOURCE_ID.test(id)) {
        throw invalidString(path, `azure.${key}`, id, 'an Azure resource ID (/subscriptions/<id>/resourceGroups/<rg>/providers/<namespace>/<type>/<name>)', 'pass the resource ID, for example the id attribute of the workspace or account');
      }
    }
  }
  let vault: AuditTrailDeclaration['vault'];
  if (options.vault !== undefined) {
    assertShape(path, 'vault', options.vault, { 'filePath?': 'string', 'socketAddress?': 'string', 'path?': 'string' });
    exactlyOne(path, 'vault', { filePath: options.vault.filePath, socketAddress: options.vault.socketAddress },
      'exactly one of filePath (file device) and socketAddress (socket device)', 'choose the device Vault writes its audit log to');
    const mount = options.vault.path ?? 'eso-audit';
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(mount)) {
      throw invalidString(path, 'vault.path', mount, 'letters, digits, "-" and "_" (one path segment)', 'use a mount path such as "eso-audit"');
    }
    if (options.vault.socketAddress !== undefined && !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(options.vault.socketAddress)) {
      throw invalidString(path, 'vault.socketAddress', options.vault.socketAddress, 'host:port', 'pass the collector\'s address, for example "audit-collector.logging.svc:9090"');
    }
    vault = { ...options.vault, path: mount };
  }
  return { aws: { ...options.aws }, azure: options.azure ? { ...options.azure } : undefined, vault };
}

/**
 * How the audit trail covers each backend the declaration uses (its secrets or stores), in registry
 * order; throws when a used backend lacks the section it needs or cannot be audited.
 */
export function auditCoverage(declaration: DeclarationView, trail: AuditTrailDeclaration, path: string): readonly AuditCoverage[] {
  const coverage: AuditCoverage[] = [];
  for (const model of BACKEND_MODELS) {
    const secrets = declaration.secrets.filter((s) => backendModelOfSecret(s.backend) === model);
    const stores = declaration.stores.filter((s) => s.provider === model.kind);
    if (secrets.length === 0 && stores.length === 0) continue;
    if (model.auditCoverage === undefined) {
      throw auditSectionMissing(path, model.kind, `backend "${model.kind}"`, [...secrets.map((s) => s.name), ...stores.map((s) => s.name)].join(', '),
        'this backend does not describe its audit log');
    }
    coverage.push(model.auditCoverage(trail, { secrets, stores }, path));
  }
  return coverage;
}
