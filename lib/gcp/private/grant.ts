import { Construct } from 'constructs';
import { SecretManagerSecretIamMember } from '@cdktf/provider-google/lib/secret-manager-secret-iam-member';
import { IGcpPrincipal } from '../principal';
import { poolWidePrincipalSet } from '../../core/errors';
import { isWorkloadPoolPrincipalSet } from '../../core/gcp-principals';
import { assertType, TypeRule } from '../../core/validation';
import { isToken, pathId } from './util';

/** What a grant accepts: a construct with a member string (GcpPrincipal, GoogleServiceAccountIdentity, ...). */
const GCP_PRINCIPAL: TypeRule = { shape: { node: 'object', member: 'string' }, name: 'an IGcpPrincipal (GcpPrincipal.fromMember(), GoogleServiceAccountIdentity, GkeWorkloadPrincipal, WorkloadIdentityPoolPrincipal)' };

/**
 * Grants `role` on one secret to `principal`, creating the `google_secret_manager_secret_iam_member`
 * under `target` once per principal and role (a second identical grant returns the first).
 *
 * @param secretId the secret's resource name `projects/<project>/secrets/<id>` (or a token of it)
 */
export function grantSecretRole(target: Construct, secretId: string, principal: IGcpPrincipal, role: string): SecretManagerSecretIamMember {
  assertType(target.node.path, 'principal', principal, GCP_PRINCIPAL);
  if (!isToken(principal.member) && isWorkloadPoolPrincipalSet(principal.member)) {
    // Any IGcpPrincipal (not only GcpPrincipal.fromMember) reaches here.
    throw poolWidePrincipalSet(target.node.path, 'principal.member', principal.member);
  }
  const id = `${role.replace(/^roles\/secretmanager\./, '')}-${pathId(principal.node.path)}`;
  const existing = target.node.tryFindChild(id);
  if (existing instanceof SecretManagerSecretIamMember) {
    return existing;
  }
  return new SecretManagerSecretIamMember(target, id, { secretId, role, member: principal.member });
}
