import { Construct } from 'constructs';
import { IAzurePrincipal } from '../principal';
import { IKeyVaultRoleDefinition, KeyVaultRole, KeyVaultRoleAssignment } from '../role-assignment';

/**
 * Grants `role` on `scope` to `principal`, creating the assignment under `target` once per
 * principal and role (a second identical grant returns the first assignment: Azure rejects
 * duplicate assignments with 409 RoleAssignmentExists).
 */
export function grantKeyVaultRole(target: Construct, principal: IAzurePrincipal, role: KeyVaultRole | IKeyVaultRoleDefinition, scope: string): KeyVaultRoleAssignment {
  const id = `${typeof role === 'string' ? role.replace(/ /g, '') : role.node.id}-${principal.node.path.replace(/\//g, '-')}`;
  const existing = target.node.tryFindChild(id);
  if (existing instanceof KeyVaultRoleAssignment) {
    return existing;
  }
  return new KeyVaultRoleAssignment(target, id, { principal, role, scope });
}
