import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidOidcIssuer, invalidOidcProviderArn, noTrustedServiceAccount, validationMessage } from '../core/errors';
import { AWS_STS_AUDIENCE, IdentityAnnotations, IdentityKind, ServiceAccountRef, serviceAccountSubject } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain } from '../core/validation';
import { issuerHostPath } from '../core/declaration/names';
import { EsoWorkloadRole, EsoWorkloadRoleProps } from './eso-workload-role';
import { PolicyEffect, PolicyStatementJson } from './policy/policy-document';

/** A cluster whose service accounts may assume the role through its OIDC provider. */
export interface IrsaTrustedCluster {
  /** ARN of the cluster's IAM OIDC provider (`aws_iam_openid_connect_provider.arn`). */
  readonly oidcProviderArn: string;
  /** The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<ID>`). */
  readonly issuerUrl: string;
  /** The service accounts allowed (the `:sub` condition). */
  readonly serviceAccounts: ServiceAccountRef[];
}

/** Props of {@link IrsaRole}. */
export interface IrsaRoleProps extends EsoWorkloadRoleProps {
  /**
   * Clusters and service accounts trusted. Add more with {@link IrsaRole.addTrustedCluster}.
   * @default - none yet; at least one is required by synth
   */
  readonly trustedClusters?: IrsaTrustedCluster[];
}

interface TrustEntry {
  readonly oidcProviderArn: string;
  readonly conditionPrefix: string;
  readonly subjects: Set<string>;
  readonly accounts: ServiceAccountRef[];
}

/**
 * An IAM role for service accounts (IRSA): one trust statement per cluster OIDC provider, with
 * `StringEquals` on `<issuer>:aud = sts.amazonaws.com` and `<issuer>:sub = system:serviceaccount:<ns>:<sa>`.
 *
 * Controller-wide model: trust ESO's own service account (`external-secrets/external-secrets`) and
 * annotate it. Per-namespace model: one role per tenant namespace, trusting that namespace's store
 * service account (referenced by `serviceAccountRef` in the store).
 */
export class IrsaRole extends EsoWorkloadRole {
  public readonly kind = IdentityKind.AWS_IRSA;
  private readonly trust = new Map<string, TrustEntry>();

  constructor(scope: Construct, id: string, props: IrsaRoleProps = {}) {
    super(scope, id, props);
    (props.trustedClusters ?? []).forEach((cluster, i) => this.addTrustedClusterAt(cluster, `trustedClusters[${i}]`));
    this.node.addValidation({
      validate: () => this.trust.size === 0
        ? [validationMessage(this.node.path, noTrustedServiceAccount(this.node.path, 'trustedClusters',
          'pass trustedClusters or call addTrustedCluster({ oidcProviderArn, issuerUrl, serviceAccounts })'))]
        : [],
    });
  }

  /** Trusts more service accounts of a cluster (merged with earlier ones of the same OIDC provider). */
  public addTrustedCluster(cluster: IrsaTrustedCluster): this {
    return this.addTrustedClusterAt(cluster, `trustedClusters[${this.trust.size}]`);
  }

  /** `eks.amazonaws.com/role-arn`: the literal ARN when known, else the token. */
  public get serviceAccountAnnotations(): Readonly<Record<string, string>> {
    return { [IdentityAnnotations.AWS_ROLE_ARN]: this.roleArnForYaml };
  }

  /** Every trusted service account, in the order added. */
  public get trustedServiceAccounts(): readonly ServiceAccountRef[] {
    const out: ServiceAccountRef[] = [];
    this.trust.forEach((entry) => out.push(...entry.accounts));
    return out;
  }

  protected trustStatements(): PolicyStatementJson[] {
    return [...this.trust.values()].map((entry) => {
      const subjects = [...entry.subjects].sort();
      return {
        Effect: PolicyEffect.ALLOW,
        Principal: { Federated: entry.oidcProviderArn },
        Action: ['sts:AssumeRoleWithWebIdentity'],
        Condition: {
          StringEquals: {
            [`${entry.conditionPrefix}:aud`]: AWS_STS_AUDIENCE,
            [`${entry.conditionPrefix}:sub`]: subjects.length === 1 ? subjects[0] : subjects,
          },
        },
      };
    });
  }

  private addTrustedClusterAt(cluster: IrsaTrustedCluster, prop: string): this {
    const path = this.node.path;
    if (!Token.isUnresolved(cluster.issuerUrl) && !/^https:\/\/[^\s/:]+(:\d+)?(\/\S*)?$/.test(cluster.issuerUrl)) {
      throw invalidOidcIssuer(path, `${prop}.issuerUrl`, cluster.issuerUrl);
    }
    if (!Token.isUnresolved(cluster.oidcProviderArn) && !/^arn:[a-z-]+:iam::\d{12}:oidc-provider\/\S+$/.test(cluster.oidcProviderArn)) {
      throw invalidOidcProviderArn(path, `${prop}.oidcProviderArn`, cluster.oidcProviderArn);
    }
    cluster.serviceAccounts.forEach((sa, j) => {
      assertDnsLabel(path, `${prop}.serviceAccounts[${j}].namespace`, sa.namespace);
      assertDnsSubdomain(path, `${prop}.serviceAccounts[${j}].name`, sa.name);
    });
    const conditionPrefix = Token.isUnresolved(cluster.issuerUrl)
      ? Fn.replace(cluster.issuerUrl, 'https://', '')
      : issuerHostPath(cluster.issuerUrl);
    let entry = this.trust.get(cluster.oidcProviderArn);
    if (entry === undefined) {
      entry = { oidcProviderArn: cluster.oidcProviderArn, conditionPrefix, subjects: new Set(), accounts: [] };
      this.trust.set(cluster.oidcProviderArn, entry);
    }
    for (const sa of cluster.serviceAccounts) {
      const subject = serviceAccountSubject(sa);
      if (!entry.subjects.has(subject)) {
        entry.subjects.add(subject);
        entry.accounts.push({ namespace: sa.namespace, name: sa.name });
      }
    }
    return this;
  }
}
