import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { Construct } from 'constructs';
import { noTrustedServiceAccount, selfAssumeRole, validationMessage } from '../core/errors';
import { IdentityKind, ServiceAccountRef } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain } from '../core/validation';
import { EsoWorkloadRole, EsoWorkloadRoleProps } from './eso-workload-role';
import { PolicyEffect, PolicyStatementJson } from './policy/policy-document';

/** The service principal of EKS Pod Identity. */
export const POD_IDENTITY_SERVICE_PRINCIPAL = 'pods.eks.amazonaws.com';

/** One `aws_eks_pod_identity_association`. */
export interface PodIdentityAssociationOptions {
  /** Name of the EKS cluster. */
  readonly clusterName: string;
  /** The service account the association binds. */
  readonly serviceAccount: ServiceAccountRef;
  /**
   * Role to chain to (`target_role_arn`, cross-account). Must differ from this role.
   * @default - none
   */
  readonly targetRoleArn?: string;
  /**
   * Disable the session tags EKS adds (kubernetes-namespace, kubernetes-service-account...).
   * @default false
   */
  readonly disableSessionTags?: boolean;
  /**
   * Tags of the association.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Props of {@link PodIdentityRole}. */
export interface PodIdentityRoleProps extends EsoWorkloadRoleProps {
  /**
   * Associations to create; add more with {@link PodIdentityRole.addAssociation}.
   * @default - none yet; at least one is required by synth
   */
  readonly associations?: PodIdentityAssociationOptions[];
}

/**
 * A role for EKS Pod Identity: trusted by `pods.eks.amazonaws.com` (`sts:AssumeRole`, `sts:TagSession`),
 * bound to service accounts by `aws_eks_pod_identity_association`. No service-account annotation.
 *
 * ESO can only use Pod Identity through the controller's own service account (stores have no
 * `auth`, no `serviceAccountRef`); per-namespace isolation then needs a chained store `role`.
 */
export class PodIdentityRole extends EsoWorkloadRole {
  public readonly kind = IdentityKind.AWS_POD_IDENTITY;
  /** The associations created. */
  public readonly associations: EksPodIdentityAssociation[] = [];
  private readonly accounts: ServiceAccountRef[] = [];

  constructor(scope: Construct, id: string, props: PodIdentityRoleProps = {}) {
    super(scope, id, props);
    (props.associations ?? []).forEach((a) => this.addAssociation(a));
    this.node.addValidation({
      validate: () => this.associations.length === 0
        ? [validationMessage(this.node.path, noTrustedServiceAccount(this.node.path, 'associations',
          'pass associations or call addAssociation({ clusterName, serviceAccount })'))]
        : [],
    });
  }

  /** Creates a pod identity association for a service account. */
  public addAssociation(options: PodIdentityAssociationOptions): EksPodIdentityAssociation {
    const path = this.node.path;
    const prop = `associations[${this.associations.length}]`;
    assertDnsLabel(path, `${prop}.serviceAccount.namespace`, options.serviceAccount.namespace);
    assertDnsSubdomain(path, `${prop}.serviceAccount.name`, options.serviceAccount.name);
    if (options.targetRoleArn !== undefined) {
      if (options.targetRoleArn === this.roleArn || options.targetRoleArn === this.roleArnLiteral) {
        throw selfAssumeRole(path, `${prop}.targetRoleArn`, options.targetRoleArn,
          'drop targetRoleArn (the association already hands out this role), or point it at the role in the target account');
      }
    }
    const association = new EksPodIdentityAssociation(this, `Association${this.associations.length}`, {
      clusterName: options.clusterName,
      namespace: options.serviceAccount.namespace,
      serviceAccount: options.serviceAccount.name,
      roleArn: this.roleArn,
      targetRoleArn: options.targetRoleArn,
      disableSessionTags: options.disableSessionTags,
      tags: options.tags,
    });
    this.associations.push(association);
    this.accounts.push({ namespace: options.serviceAccount.namespace, name: options.serviceAccount.name });
    return association;
  }

  /** Pod Identity needs no annotation. */
  public get serviceAccountAnnotations(): Readonly<Record<string, string>> {
    return {};
  }

  /** The associated service accounts. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    return [...this.accounts];
  }

  protected trustStatements(): PolicyStatementJson[] {
    return [{
      Effect: PolicyEffect.ALLOW,
      Principal: { Service: POD_IDENTITY_SERVICE_PRINCIPAL },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    }];
  }
}
