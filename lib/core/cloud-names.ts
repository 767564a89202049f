/**
 * Engine-free rules for the names and IDs AWS and Azure accept, shared by the declaration layer and
 * the cdktf constructs (one rule each, so the two cannot disagree). Callers skip unresolved tokens.
 */

/** A 12-digit AWS account ID. */
export function isAwsAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/** An AWS region code (`eu-west-1`, `us-gov-west-1`, `cn-north-1`). */
export function isAwsRegion(value: string): boolean {
  return /^[a-z]{2}(-[a-z]+)+-\d+$/.test(value);
}

/** A Secrets Manager secret name: 1-512 letters, digits and `/_+=.@-`. */
export function isSecretsManagerName(value: string): boolean {
  return /^[A-Za-z0-9/_+=.@-]{1,512}$/.test(value);
}

/**
 * A Parameter Store name: 1-1011 letters, digits and `_.-/`; a hierarchy starts with `/`, has at
 * most 15 levels, no empty level and no trailing `/`; no `aws` or `ssm` prefix.
 */
export function isSsmParameterName(value: string): boolean {
  return value.length >= 1 && value.length <= 1011 && /^[A-Za-z0-9_.\-/]+$/.test(value) &&
    (!value.includes('/') || value.startsWith('/')) &&
    value.split('/').length - 1 <= 15 &&
    !/^\/?(aws|ssm)/i.test(value) &&
    !value.endsWith('/') && !value.includes('//');
}

/** An IAM role name: 1-64 letters, digits and `+=,.@_-`. */
export function isIamRoleName(value: string): boolean {
  return /^[\w+=,.@-]{1,64}$/.test(value);
}

/** A Key Vault name: 3-24 letters, digits and `-`, starting with a letter, ending with a letter or digit, no `--`. */
export function isKeyVaultName(value: string): boolean {
  return /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/.test(value) && !value.includes('--');
}

/** A Key Vault secret, key or certificate name: 1-127 letters, digits and `-`. */
export function isKeyVaultObjectName(value: string): boolean {
  return /^[0-9a-zA-Z-]{1,127}$/.test(value);
}

/** A GUID (Entra tenant and client IDs). */
export function isGuid(value: string): boolean {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(value);
}

/** An ARN of any AWS resource: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function isArn(value: string): boolean {
  return /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:[a-z0-9-]+:([a-z]{2}(-[a-z]+)+-\d+)?:(\d{12}|aws)?:[^\s*?]+$/.test(value);
}

/** An IAM role ARN (`arn:<partition>:iam::<account>:role/<path/><name>`), no wildcards. */
export function isIamRoleArn(value: string): boolean {
  return /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:iam::\d{12}:role\/([\u0021-\u007E]{1,510}\/)?[\w+=,.@-]{1,64}$/.test(value) && !/[*?]/.test(value);
}

/** An IAM principal ARN usable in a resource policy: an account root, role, user or an account ID. No wildcards. */
export function isIamPrincipal(value: string): boolean {
  return !/[*?]/.test(value) && (/^\d{12}$/.test(value)
    || /^arn:aws(-cn|-us-gov|-iso|-iso-b|-iso-e|-iso-f|-eusc)?:(iam|sts)::\d{12}:(root|role\/\S+|user\/\S+|assumed-role\/\S+|federated-user\/\S+)$/.test(value));
}

/** An STS external ID: 2-1224 characters among letters, digits and `+=,.@:/-`. */
export function isStsExternalId(value: string): boolean {
  return /^[\w+=,.@:/-]{2,1224}$/.test(value);
}

/** A Google Cloud project ID: 6-30 lowercase letters, digits and hyphens, starting with a letter. */
export function isGcpProjectId(value: string): boolean {
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(value);
}
