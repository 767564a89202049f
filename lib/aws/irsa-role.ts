import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { wrongType } from '../core/errors';
import {
  emptyCollection, invalidOidcIssuer, invalidOidcProviderArn, noTrustedServiceAccount, oidcProviderIssuerMismatch, validationMessage,
} from '../core/errors';
import { AWS_STS_AUDIENCE, IdentityAnnotations, IdentityKind, ServiceAccountRef, serviceAccountSubject } from '../core/identity';
import { assertDnsLabel, assertDnsSubdomain, assertShape, redactUrl } from '../core/validation';

import { EsoWorkloadRole, EsoWorkloadRoleProps } from './eso-workload-role';
import { PolicyEffect, PolicyStatementJson } from './policy/policy-document';

/**
 * The name IAM gives the OIDC provider of an issuer, which is also the prefix of its condition keys
 * (`<name>:sub`, `<name>:aud`): the issuer URL without `https://`, everything else kept, a trailing
 * slash included.
 *
 * AWS IAM User Guide, "Create an OpenID Connect (OIDC) identity provider in IAM"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html): the provider
 * URL "must begin with https://" and "should correspond to the iss claim in the provider's OpenID
 * Connect ID tokens"; query parameters are not allowed. The provider ARN is
 * `arn:<partition>:iam::<account>:oidc-provider/<URL without https://>` and the web-identity condition
 * keys are named after the same string (IAM User Guide, "Available keys for OIDC federation",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif),
 * e.g. `oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub`. AKS issuers end with "/" and their tokens' `iss`
 * keeps it, so the provider and the keys keep it too (`eastus.oic.prod-aks.azure.com/<tenant>/<id>/:sub`):
 * dropping it from the keys while registering the provider with it makes the role impossible to assume.
 */
export function oidcProviderName(issuerUrl: string): string {
  return issuerUrl.replace(/^https:\/\//, '');
}

/** An issuer URL IAM accepts: https, a host, optional path, no port, query, fragment or credentials. */
function isOidcIssuerUrl(value: string): boolean {
  return /^https:\/\/[a-zA-Z0-9.-]+(\/[^\s?#@]*)?$/.test(value);
}

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
    if (props.trustedClusters !== undefined && !Array.isArray(props.trustedClusters)) {
      throw wrongType(this.node.path, 'trustedClusters', props.trustedClusters, 'an array of trusted clusters { oidcProviderArn, issuerUrl, serviceAccounts }');
    }
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
    assertShape(path, prop, cluster, {
      oidcProviderArn: 'nonEmptyString',
      issuerUrl: 'nonEmptyString',
      serviceAccounts: { arrayOf: { shape: { namespace: 'nonEmptyString', name: 'nonEmptyString' } } },
    });
    if (!Token.isUnresolved(cluster.issuerUrl) && !isOidcIssuerUrl(cluster.issuerUrl)) {
      // The issuer may carry credentials by mistake: never echo them.
      throw invalidOidcIssuer(path, `${prop}.issuerUrl`, redactUrl(cluster.issuerUrl));
    }
    if (!Token.isUnresolved(cluster.oidcProviderArn) && !/^arn:[a-z-]+:iam::\d{12}:oidc-provider\/\S+$/.test(cluster.oidcProviderArn)) {
      throw invalidOidcProviderArn(path, `${prop}.oidcProviderArn`, cluster.oidcProviderArn);
    }
    if (cluster.serviceAccounts.length === 0) {
      throw emptyCollection(path, `${prop}.serviceAccounts`, [], 'at least one service account (the :sub condition pins the trust to them)',
        'list the service accounts that may assume the role');
    }
    cluster.serviceAccounts.forEach((sa, j) => {
      assertDnsLabel(path, `${prop}.serviceAccounts[${j}].namespace`, sa.namespace);
      assertDnsSubdomain(path, `${prop}.serviceAccounts[${j}].name`, sa.name);
    });
    const conditionPrefix = Token.isUnresolved(cluster.issuerUrl)
      ? Fn.replace(cluster.issuerUrl, 'https://', '')
      : oidcProviderName(cluster.issuerUrl);
    if (!Token.isUnresolved(cluster.issuerUrl) && !Token.isUnresolved(cluster.oidcProviderArn)
      && !cluster.oidcProviderArn.endsWith(`:oidc-provider/${conditionPrefix}`)) {
      throw oidcProviderIssuerMismatch(path, `${prop}.oidcProviderArn`, cluster.oidcProviderArn, conditionPrefix);
    }
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
