import { Construct, IConstruct } from 'constructs';
import { invalidGcpMember, poolWidePrincipalSet } from '../core/errors';
import { isWorkloadPoolPrincipalSet } from '../core/gcp-principals';
import { isToken } from './private/util';

/**
 * A Google Cloud IAM principal that can be granted roles (the Google counterpart of aws-cdk's
 * `IGrantable`). It is a construct so grants can derive stable construct IDs from its path.
 */
export interface IGcpPrincipal extends IConstruct {
  /**
   * The IAM member string: `serviceAccount:<e-mail>`, `principal://iam.googleapis.com/…` (one
   * federated identity), `group:<e-mail>`, … May contain tokens.
   */
  readonly member: string;
}

const MEMBER = /^(serviceAccount|group|user):[^@\s]+@[^@\s]+$|^(principal|principalSet):\/\/iam\.googleapis\.com\/\S+$/;

/** Factories for {@link IGcpPrincipal} from existing principals. */
export class GcpPrincipal extends Construct implements IGcpPrincipal {
  /**
   * A principal known by its IAM member string, such as `group:secrets-admins@example.com`.
   * `allUsers`, `allAuthenticatedUsers` and `domain:` members are refused: they are never the
   * least privilege for a secret; so is a `principalSet` over a workload identity pool (every workload
   * the pool admits).
   */
  public static fromMember(scope: Construct, id: string, member: string): IGcpPrincipal {
    return new GcpPrincipal(scope, id, member);
  }

  public readonly member: string;

  private constructor(scope: Construct, id: string, member: string) {
    super(scope, id);
    if (typeof member !== 'string' || (!isToken(member) && !MEMBER.test(member))) {
      throw invalidGcpMember(this.node.path, 'member', member);
    }
    if (!isToken(member) && isWorkloadPoolPrincipalSet(member)) {
      throw poolWidePrincipalSet(this.node.path, 'member', member);
    }
    this.member = member;
  }
}
