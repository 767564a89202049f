import { EksPodIdentityAssociation } from '@cdktf/provider-aws/lib/eks-pod-identity-association';
import { Construct } from 'constructs';
import { wrongType } from '../core/errors';
import { Token } from 'cdktf';
import { isIamRoleArn } from '../core/cloud-names';
import {
  invalidArn, invalidString, noTrustedServiceAccount, podIdentitySessionTagsDisabled, selfAssumeRole, validationMessage,
} from '../core/errors';
import { awsTags } from './private/checks';
import { IdentityKind, ServiceAccountRef } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertShape } from '../core/validation';
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
  /** EKS hands Pod Identity credentials only to pods created after their association exists. */
  public readonly podPrerequisites: readonly EksPodIdentityAssociation[] = this.associations;
  private readonly accounts: ServiceAccountRef[] = [];
  private readonly pins: Array<{ clusterName: string; namespace: string; serviceAccount: string }> = [];

  constructor(scope: Construct, id: string, props: PodIdentityRoleProps = {}) {
    super(scope, id, props);
    if (props.associations !== undefined && !Array.isArray(props.associations)) {
      throw wrongType(this.node.path, 'associations', props.associations, 'an array of associations { clusterName, serviceAccount }');
    }
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
    assertShape(path, prop, options, {
      'clusterName': 'nonEmptyString',
      'serviceAccount': { shape: { namespace: 'nonEmptyString', name: 'nonEmptyString' } },
      'targetRoleArn?': 'nonEmptyString',
      'disableSessionTags?': 'boolean',
      'tags?': 'stringMap',
    });
    if (!Token.isUnresolved(options.clusterName) && !/^[0-9A-Za-z][A-Za-z0-9\-_]{0,99}$/.test(options.clusterName)) {
      throw invalidString(path, `${prop}.clusterName`, options.clusterName,
        'an EKS cluster name: 1 to 100 letters, digits, "-" and "_", starting with a letter or digit', 'pass the name of the cluster (aws_eks_cluster.name)');
    }
    if (options.disableSessionTags === true) {
      throw podIdentitySessionTagsDisabled(path, `${prop}.disableSessionTags`);
    }
    if (options.targetRoleArn !== undefined && !Token.isUnresolved(options.targetRoleArn) && !isIamRoleArn(options.targetRoleArn)) {
      throw invalidArn(path, `${prop}.targetRoleArn`, options.targetRoleArn, 'an IAM role', 'arn:aws:iam::444455556666:role/eso-reader');
    }
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
      tags: awsTags(path, `${prop}.tags`, options.tags),
    });
    this.associations.push(association);
    this.accounts.push({ namespace: options.serviceAccount.namespace, name: options.serviceAccount.name });
    this.pins.push({ clusterName: options.clusterName, namespace: options.serviceAccount.namespace, serviceAccount: options.serviceAccount.name });
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

  /**
   * One statement per association, pinned with the session tags EKS Pod Identity sets on the role
   * session (`aws:RequestTag/eks-cluster-name`, `kubernetes-namespace`, `kubernetes-service-account`;
   * Amazon EKS User Guide, "Create IAM role with trust policy required by EKS Pod Identity",
   * https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html), and to the account when it is
   * a literal (`aws:SourceAccount`): only the associations this construct creates can use the role,
   * not any association someone adds in the account.
   */
  protected trustStatements(): PolicyStatementJson[] {
    const seen = new Set<string>();
    const statements: PolicyStatementJson[] = [];
    for (const pin of this.pins) {
      const key = `${pin.clusterName}/${pin.namespace}/${pin.serviceAccount}`;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const conditions: Record<string, string> = {
        'aws:RequestTag/eks-cluster-name': pin.clusterName,
        'aws:RequestTag/kubernetes-namespace': pin.namespace,
        'aws:RequestTag/kubernetes-service-account': pin.serviceAccount,
      };
      if (this.environment.accountIsLiteral) {
        conditions['aws:SourceAccount'] = this.environment.account;
      }
      statements.push({
        Effect: PolicyEffect.ALLOW,
        Principal: { Service: POD_IDENTITY_SERVICE_PRINCIPAL },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
        Condition: { StringEquals: conditions },
      });
    }
    return statements;
  }
}
