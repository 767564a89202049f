/**
 * Names of the Terraform outputs the cloud renderer writes, and the values the Kubernetes side can
 * only know after apply (Azure client IDs), shared by both renderers.
 */

/** Output holding the IAM role ARN of an identity plan. */
export function roleArnOutputName(identityId: string): string {
  return `eso_role_arn_${identityId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Output holding the ARN of the role created for an AWS consumer outside Kubernetes. */
export function awsConsumerRoleArnOutputName(consumerId: string): string {
  return `aws_consumer_role_arn_${consumerId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Output holding the client ID of an Azure identity plan. */
export function clientIdOutputName(identityId: string): string {
  return `eso_client_id_${identityId.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Values of the cloud side that exist only after `cdktf apply` (Terraform outputs). */
export interface ApplyTimeValues {
  /**
   * The value of an output of the cloud side.
   * @returns undefined when it was not given
   */
  output(name: string): string | undefined;
}

/** No apply-time values. */
export const NO_APPLY_TIME_VALUES: ApplyTimeValues = { output: () => undefined };
