import { Construct, IConstruct } from 'constructs';
import type { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';

/**
 * The kind of Entra principal a role assignment targets.
 *
 * Setting it on `azurerm_role_assignment` (`principal_type`) lets Azure skip the directory lookup
 * that fails with `PrincipalNotFound` right after a managed identity is created (replication delay).
 *
 * @see https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#new-service-principal
 */
export enum AzurePrincipalType {
  /** A service principal, which includes every managed identity (user- or system-assigned). */
  SERVICE_PRINCIPAL = 'ServicePrincipal',
  /** An Entra user. */
  USER = 'User',
  /** An Entra security group. */
  GROUP = 'Group',
}

/**
 * An Entra principal that can receive Azure role assignments (the Azure counterpart of aws-cdk's `IGrantable`).
 *
 * It is a construct so grants can derive stable construct IDs from its path.
 */
export interface IAzurePrincipal extends IConstruct {
  /** The principal's object ID (`principal_id` of a managed identity). May be a token. */
  readonly principalId: string;
  /** The kind of principal. */
  readonly principalType: AzurePrincipalType;
}

/** Props of {@link AzurePrincipal.fromPrincipalId}. */
export interface AzurePrincipalAttributes {
  /** The principal's object ID. May be a token. */
  readonly principalId: string;
  /**
   * The kind of principal.
   * @default AzurePrincipalType.SERVICE_PRINCIPAL
   */
  readonly principalType?: AzurePrincipalType;
}

/** Factories for {@link IAzurePrincipal} from existing principals. */
export class AzurePrincipal extends Construct implements IAzurePrincipal {
  /** A principal known by its object ID (an existing managed identity, a group, a user). */
  public static fromPrincipalId(scope: Construct, id: string, attributes: AzurePrincipalAttributes): IAzurePrincipal {
    return new AzurePrincipal(scope, id, attributes.principalId, attributes.principalType ?? AzurePrincipalType.SERVICE_PRINCIPAL);
  }

  /**
   * The principal of a user-assigned identity created in this stack (for example an AKS cluster's
   * control-plane identity). The returned principal shares the identity's construct node.
   */
  public static fromUserAssignedIdentity(identity: UserAssignedIdentity): IAzurePrincipal {
    // The identity itself, seen as a principal: every member of the construct (node, and whatever a
    // newer constructs adds to IConstruct) comes from the identity, so it stays an IConstruct on every
    // constructs 10.x line.
    const principal: unknown = Object.create(identity, {
      principalId: { value: identity.principalId, enumerable: true },
      principalType: { value: AzurePrincipalType.SERVICE_PRINCIPAL, enumerable: true },
    });
    return principal as IAzurePrincipal;
  }

  private constructor(
    scope: Construct,
    id: string,
    public readonly principalId: string,
    public readonly principalType: AzurePrincipalType,
  ) {
    super(scope, id);
  }
}
