/** Names of the Terraform outputs the cloud renderer writes, shared with the Kubernetes renderer's messages. */

/** Output holding the IAM role ARN of an identity plan. */
export function roleArnOutputName(identityId: string): string {
  return `eso_role_arn_${identityId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Output holding the client ID of an Azure identity plan. */
export function clientIdOutputName(identityId: string): string {
  return `eso_client_id_${identityId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}
