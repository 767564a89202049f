import { checkSopsRecipients, SopsRecipient, SopsRecipientKind } from '../core/sops';
import { invalidSopsKey, wrongType } from '../core/errors';
import { EsoWorkloadRole } from './eso-workload-role';
import { PolicyEffect } from './policy/policy-document';

/**
 * Grants the identity that decrypts a cluster's SOPS files (Flux's `kustomize-controller`, trusted
 * through IRSA or Pod Identity) exactly `kms:Decrypt` on the AWS KMS keys among the recipients, and
 * nothing else: no other key, no `kms:*`, no encrypt (files are encrypted on workstations or in CI).
 * SOPS calls KMS directly, so there is no `kms:ViaService` condition.
 *
 * @example
 * const flux = new IrsaRole(stack, 'FluxDecrypt', { trustedClusters: [{ oidcProviderArn, issuerUrl,
 *   serviceAccounts: [{ namespace: 'flux-system', name: 'kustomize-controller' }] }] });
 * grantSopsDecrypt(flux, [SopsRecipient.awsKms(keyArn), SopsRecipient.age(publicKey)]);
 */
export function grantSopsDecrypt(role: EsoWorkloadRole, recipients: readonly SopsRecipient[]): void {
  const path = role instanceof EsoWorkloadRole ? role.node.path : 'grantSopsDecrypt';
  if (!(role instanceof EsoWorkloadRole)) {
    throw wrongType(path, 'role', role, 'an IrsaRole or PodIdentityRole of the decrypting controller');
  }
  if (!Array.isArray(recipients)) {
    throw wrongType(path, 'recipients', recipients, 'an array of SopsRecipient');
  }
  checkSopsRecipients(path, 'recipients', recipients);
  const keys = [...new Set(recipients.filter((r) => r.kind === SopsRecipientKind.AWS_KMS).map((r) => r.value))].sort();
  if (keys.length === 0) {
    throw invalidSopsKey(path, 'recipients', recipients.map((r) => r.kind).join(', '), 'at least one AWS KMS key recipient (an age key needs no grant: its private key is in the controller\'s Secret)',
      'add SopsRecipient.awsKms(keyArn), or do not grant anything for age-only clusters');
  }
  role.grantPolicy.addStatement({ Sid: 'SopsDecrypt', Effect: PolicyEffect.ALLOW, Action: ['kms:Decrypt'], Resource: keys });
}
