/**
 * Deterministic names and ARNs derived from a declaration, so the Kubernetes YAML holds literal
 * values that match what Terraform creates.
 */

/** Partition of an AWS region (`aws`, `aws-cn`, `aws-us-gov`). */
export function awsPartition(region: string): string {
  if (region.startsWith('cn-')) {
    return 'aws-cn';
  }
  if (region.startsWith('us-gov-')) {
    return 'aws-us-gov';
  }
  return 'aws';
}

/** The ARN IAM policies use for a Secrets Manager secret: AWS appends `-` and six random characters. */
export function secretsManagerPolicyArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:secretsmanager:${region}:${accountId}:secret:${name}-??????`;
}

/** The ARN of a Parameter Store parameter (names starting with `/` drop it after `parameter`). */
export function parameterArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:ssm:${region}:${accountId}:parameter/${name.replace(/^\//, '')}`;
}

/** The ARN of an IAM role. */
export function roleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

/** The ARN of a KMS alias. */
export function kmsAliasArn(partition: string, region: string, accountId: string, alias: string): string {
  return `arn:${partition}:kms:${region}:${accountId}:alias/${alias.replace(/^alias\//, '')}`;
}

/** The IAM OIDC provider ARN for an issuer URL, in the given account. */
export function oidcProviderArn(partition: string, accountId: string, issuerUrl: string): string {
  return `arn:${partition}:iam::${accountId}:oidc-provider/${issuerHostPath(issuerUrl)}`;
}

/**
 * Issuer without its scheme, as IAM names the OIDC provider and the prefix of its condition keys
 * (`<host/path>:sub`). A trailing slash is kept (AKS issuers end with `/` and so does their `iss`),
 * the rule `IrsaRole` follows (see the IAM User Guide reference there).
 */
export function issuerHostPath(issuerUrl: string): string {
  return issuerUrl.replace(/^https:\/\//, '');
}

/** The public-cloud Key Vault URL for a vault name. */
export function keyVaultUrl(vaultName: string): string {
  return `https://${vaultName}.vault.azure.net/`;
}

/** Service account a store's dedicated identity uses. */
export function storeServiceAccountName(storeName: string): string {
  return `eso-${storeName}`.slice(0, 253);
}

/** Joins name parts with `-`, dropping empty ones. */
export function joinName(...parts: Array<string | undefined>): string {
  return parts.filter((p): p is string => p !== undefined && p.length > 0).join('-');
}
