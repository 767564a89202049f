import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { TerraformOutput, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AwsSecretDeclaration, AzureStoreDeclaration, ClusterDeclaration, EksClusterDeclaration,
  ClusterCloud, IdentityPlan, InitialValue, InitialValueKind, KeyVaultDeclaration, KeyVaultSecretDeclaration,
  KmsKeyDeclaration, SecretBackend, SecretDeclaration, SecretsDeclaration, clusterIssuerUrl, oidcProviderArn, parameterArn,
} from '../core/declaration';
import { unsupportedInitialValue } from '../core/errors';
import { AWS_STS_AUDIENCE, IdentityKind, IWorkloadIdentity } from '../core/identity';
import { AwsEnvironment } from '../aws/environment';
import { EsoWorkloadRole } from '../aws/eso-workload-role';
import { IrsaRole } from '../aws/irsa-role';
import { IKmsKey, KmsKey } from '../aws/kms-key';
import { PodIdentityRole } from '../aws/pod-identity-role';
import { SecretFindKind } from '../aws/policy/access-policy-compiler';
import { PolicyEffect } from '../aws/policy/policy-document';
import { RotationSchedule } from '../aws/rotation-schedule';
import { SecretValueSource } from '../aws/secret-value-source';
import { ISecretsManagerSecret, SecretsManagerSecret } from '../aws/secrets-manager-secret';
import { ISsmSecureParameter, SsmSecureParameter } from '../aws/ssm-secure-parameter';
import { AzureKeyVault, IAzureKeyVault } from '../azure/key-vault';
import { AzureKeyVaultSecret, IAzureKeyVaultSecret, KeyVaultSecretValue } from '../azure/key-vault-secret';
import { KeyVaultWorkloadIdentity } from '../azure/workload-identity';
import { clientIdOutputName, roleArnOutputName } from './outputs';

/** Props of {@link SecretsPlatformInfrastructure}. */
export interface SecretsPlatformInfrastructureProps {
  /** The declaration to render (the same module the cdk8s app renders). */
  readonly declaration: SecretsDeclaration;
}

/** A cloud identity the renderer created for an identity plan. */
export type PlatformIdentity = EsoWorkloadRole | KeyVaultWorkloadIdentity;

/**
 * Renders a {@link SecretsDeclaration} as cloud resources (cdktf), in a stack whose AWS and/or azurerm
 * providers the caller configures:
 *
 * - rotating KMS keys, Secrets Manager secrets and SecureString parameters (values only through
 *   sensitive variables or generated passwords, via write-only attributes);
 * - the IAM OIDC providers of clusters in other accounts (cross-account IRSA);
 * - per identity plan: an IRSA or Pod Identity role (name derived, trust pinned on `:sub` and `:aud`,
 *   policy compiled from the exact secrets, keys and actions its ExternalSecrets need), or an Azure
 *   user-assigned identity with one federated credential per cluster and Key Vault Secrets User on
 *   each secret it reads;
 * - Key Vaults (RBAC, purge protection, default-deny firewall) and Key Vault secrets;
 * - outputs `eso_role_arn_<identity>` / `eso_client_id_<identity>`.
 *
 * The Kubernetes side (`SecretsPlatformManifests`) renders the same declaration with literal names
 * that match these resources.
 */
export class SecretsPlatformInfrastructure extends Construct {
  private readonly declaration: SecretsDeclaration;
  private readonly keys = new Map<string, IKmsKey>();
  private readonly awsSecrets = new Map<string, ISecretsManagerSecret | ISsmSecureParameter>();
  private readonly vaults = new Map<string, IAzureKeyVault>();
  private readonly vaultSecrets = new Map<string, IAzureKeyVaultSecret>();
  private readonly identities = new Map<string, PlatformIdentity>();
  private readonly oidcProviderArns = new Map<string, string>();
  private readonly oidcProviderResources = new Map<string, IamOpenidConnectProvider>();
  private readonly variables = new Map<string, TerraformVariable>();
  private readonly environments = new Map<string, AwsEnvironment>();

  constructor(scope: Construct, id: string, props: SecretsPlatformInfrastructureProps) {
    super(scope, id);
    this.declaration = props.declaration;
    const plan = props.declaration.plan();
    props.declaration.kmsKeys.forEach((key) => this.keys.set(key.id, this.renderKmsKey(key)));
    props.declaration.keyVaults.forEach((vault) => this.vaults.set(vault.id, this.renderVault(vault)));
    for (const secret of props.declaration.secrets) {
      if (secret.backend === SecretBackend.AZURE_KEY_VAULT) {
        this.vaultSecrets.set(secret.id, this.renderVaultSecret(secret as KeyVaultSecretDeclaration));
      } else {
        this.awsSecrets.set(secret.id, this.renderAwsSecret(secret as AwsSecretDeclaration));
      }
    }
    plan.identities.forEach((identity) => this.identities.set(identity.id, this.renderIdentity(identity)));
  }

  /** The cloud identity created for an identity plan (`declaration.plan().identities`). */
  public identity(plan: IdentityPlan): PlatformIdentity {
    return this.identities.get(plan.id)!;
  }

  /**
   * The identity the ESO controller itself uses on a cluster (stores with `EsoAuthModel.CONTROLLER`),
   * to pass to `EsoClusterAddons` / `ExternalSecretsOperatorRelease`.
   * @returns undefined when no store on the cluster uses the controller identity
   */
  public controllerIdentity(cluster: ClusterDeclaration): IWorkloadIdentity | undefined {
    return this.identities.get(`controller-${cluster.id}`);
  }

  /**
   * The IAM OIDC provider registered for a cluster's issuer (AKS clusters that AWS identities trust,
   * EKS clusters with `registerOidcProvider`).
   * @returns undefined when no provider was registered for the cluster
   */
  public oidcProvider(cluster: ClusterDeclaration): IamOpenidConnectProvider | undefined {
    return this.oidcProviderResources.get(cluster.id);
  }

  /** The KMS key rendered for a declared key. */
  public kmsKey(key: KmsKeyDeclaration): IKmsKey {
    return this.keys.get(key.id)!;
  }

  /** The Secrets Manager secret or SSM parameter rendered for a declared AWS secret. */
  public awsSecret(secret: AwsSecretDeclaration): ISecretsManagerSecret | ISsmSecureParameter {
    return this.awsSecrets.get(secret.id)!;
  }

  /** The Key Vault rendered (or imported) for a declared vault. */
  public keyVault(vault: KeyVaultDeclaration): IAzureKeyVault {
    return this.vaults.get(vault.id)!;
  }

  /** The sensitive variable declared for `InitialValue.sensitiveVariable(name)`. */
  public variable(name: string): TerraformVariable | undefined {
    return this.variables.get(name);
  }

  /** One AwsEnvironment per account, region and partition (shared by every construct there). */
  private environment(account: string, region: string, partition?: string): AwsEnvironment {
    const key = `${account}/${region}/${partition ?? ''}`;
    let environment = this.environments.get(key);
    if (!environment) {
      environment = AwsEnvironment.of({ account, region, partition });
      this.environments.set(key, environment);
    }
    return environment;
  }

  private renderKmsKey(key: KmsKeyDeclaration): IKmsKey {
    if (key.existingKeyArn !== undefined) {
      return KmsKey.fromKeyArn(this, `KmsKey-${key.id}`, key.existingKeyArn);
    }
    return new KmsKey(this, `KmsKey-${key.id}`, {
      alias: `alias/${key.alias}`,
      description: key.description,
      tags: { ...this.declaration.tags },
      environment: this.environment(key.accountId, key.region),
    });
  }

  private renderAwsSecret(secret: AwsSecretDeclaration): ISecretsManagerSecret | ISsmSecureParameter {
    const id = `Secret-${secret.id}`;
    const key = secret.kmsKey ? this.keys.get(secret.kmsKey.id) : undefined;
    const environment = this.environment(secret.accountId, secret.region, secret.partition);
    if (secret.backend === SecretBackend.AWS_SECRETS_MANAGER) {
      if (secret.managedElsewhere) {
        return SecretsManagerSecret.fromSecretName(this, id, { secretName: secret.name, region: secret.region, account: secret.accountId, partition: secret.partition, kmsKey: key });
      }
      return new SecretsManagerSecret(this, id, {
        secretName: secret.name, description: secret.description, encryptionKey: key, tags: { ...secret.tags },
        value: secret.initialValue ? this.awsValue(secret.initialValue) : undefined, environment,
        rotation: secret.rotation ? {
          rotationLambdaArn: secret.rotation.rotationLambdaArn,
          rotateImmediately: secret.rotation.rotateImmediately,
          schedule: secret.rotation.scheduleExpression !== undefined
            ? RotationSchedule.expression(secret.rotation.scheduleExpression)
            : RotationSchedule.everyDays(secret.rotation.afterDays ?? 30),
        } : undefined,
      });
    }
    if (secret.managedElsewhere) {
      return SsmSecureParameter.fromParameterName(this, id, { parameterName: secret.name, region: secret.region, account: secret.accountId, partition: secret.partition, kmsKey: key });
    }
    // Parameter Store has no empty SecureString: without an initial value, a sensitive variable named after the parameter.
    const value = this.awsValue(secret.initialValue ?? InitialValue.sensitiveVariable(`parameter_${secret.id.replace(/-/g, '_')}`));
    return new SsmSecureParameter(this, id, {
      parameterName: secret.name, description: secret.description, encryptionKey: key, tags: { ...secret.tags }, value, environment,
    });
  }

  private awsValue(value: InitialValue): SecretValueSource {
    if (value.kind === InitialValueKind.GENERATED_PASSWORD) {
      return SecretValueSource.generatedPassword({ length: value.passwordOptions.length, excludeCharacters: value.passwordOptions.excludeCharacters });
    }
    return SecretValueSource.fromSensitiveVariable(this.sensitiveVariable(value.variableName!));
  }

  private sensitiveVariable(name: string): TerraformVariable {
    let variable = this.variables.get(name);
    if (!variable) {
      variable = new TerraformVariable(this, `Variable-${name}`, {
        type: 'string', sensitive: true, nullable: false,
        description: `Initial value of a secret declared in ${this.declaration.name}; write-only, kept out of the state`,
      });
      variable.overrideLogicalId(name);
      this.variables.set(name, variable);
    }
    return variable;
  }

  private renderVault(vault: KeyVaultDeclaration): IAzureKeyVault {
    if (vault.existingVaultId !== undefined) {
      return AzureKeyVault.fromVaultAttributes(this, `KeyVault-${vault.id}`, { vaultId: vault.existingVaultId, vaultName: vault.name });
    }
    return new AzureKeyVault(this, `KeyVault-${vault.id}`, {
      vaultName: vault.name, resourceGroupName: vault.resourceGroupName, location: vault.location, tenantId: vault.tenantId,
      networkAcls: { allowedSubnetIds: [...vault.allowedSubnetIds], allowedIpRules: [...vault.allowedIpRules] },
      tags: { ...this.declaration.tags },
    });
  }

  private renderVaultSecret(secret: KeyVaultSecretDeclaration): IAzureKeyVaultSecret {
    const vault = this.vaults.get(secret.vault.id)!;
    const id = `Secret-${secret.id}`;
    if (secret.managedElsewhere) {
      return AzureKeyVaultSecret.fromSecretName(this, id, vault, secret.name);
    }
    if (secret.initialValue?.kind === InitialValueKind.GENERATED_PASSWORD) {
      throw unsupportedInitialValue(this.declaration.pathOf('secrets', secret.id), 'initialValue', secret.initialValue.kind, 'Azure Key Vault');
    }
    return new AzureKeyVaultSecret(this, id, {
      vault, secretName: secret.name, contentType: secret.contentType, tags: { ...this.declaration.tags },
      value: secret.initialValue
        ? KeyVaultSecretValue.fromSensitiveVariable(this.sensitiveVariable(secret.initialValue.variableName!))
        : KeyVaultSecretValue.placeholder(),
    });
  }

  private renderIdentity(plan: IdentityPlan): PlatformIdentity {
    return plan.aws ? this.renderAwsIdentity(plan) : this.renderAzureIdentity(plan);
  }

  private renderAwsIdentity(plan: IdentityPlan): EsoWorkloadRole {
    const aws = plan.aws!;
    const environment = this.environment(aws.accountId, this.declaration.aws!.region, aws.partition);
    const common = {
      roleName: aws.roleName,
      description: `External Secrets Operator: ${plan.id} of ${this.declaration.name} (${plan.serviceAccount.namespace}:${plan.serviceAccount.name})`,
      tags: { ...this.declaration.tags },
      environment,
    };
    const role: EsoWorkloadRole = plan.kind === IdentityKind.AWS_POD_IDENTITY
      ? new PodIdentityRole(this, `Identity-${plan.id}`, {
        ...common,
        associations: plan.clusters.map((c) => ({ clusterName: c.clusterName, serviceAccount: plan.serviceAccount })),
      })
      : new IrsaRole(this, `Identity-${plan.id}`, {
        ...common,
        trustedClusters: plan.clusters.map((c) => ({
          oidcProviderArn: this.oidcProviderArnOf(c, aws.partition), issuerUrl: clusterIssuerUrl(c)!, serviceAccounts: [plan.serviceAccount],
        })),
      });
    this.grantAws(role, plan);
    const output = new TerraformOutput(this, `RoleArn-${plan.id}`, { value: role.roleArn, description: `IAM role of ESO identity ${plan.id}` });
    output.overrideLogicalId(roleArnOutputName(plan.id));
    return role;
  }

  private grantAws(role: EsoWorkloadRole, plan: IdentityPlan): void {
    const compiler = role.grantPolicy;
    if (plan.chainedRoles.length > 0) {
      // Stores with assumeRoleArn: the identity only assumes those roles; their own policies grant the reads.
      compiler.addStatement({
        Sid: 'AssumeStoreRoles', Effect: PolicyEffect.ALLOW, Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: [...plan.chainedRoles],
      });
    }
    const keyArn = (secret: SecretDeclaration) => {
      const kms = (secret as AwsSecretDeclaration).kmsKey;
      return kms ? this.keys.get(kms.id)!.keyArn : undefined;
    };
    for (const secret of plan.reads as AwsSecretDeclaration[]) {
      if (secret.backend === SecretBackend.AWS_SECRETS_MANAGER) {
        compiler.readSecret({ arnForPolicies: secret.arnForPolicies, kmsKeyArn: keyArn(secret), region: secret.region });
      } else {
        compiler.readParameter({ parameterArn: secret.arnForPolicies, kmsKeyArn: keyArn(secret), region: secret.region });
      }
    }
    for (const use of plan.finds) {
      const matched = use.matched as AwsSecretDeclaration[];
      const region = (use.store as { region?: string }).region ?? this.declaration.aws!.region;
      const kmsKeyArns = [...new Set(matched.map(keyArn).filter((k): k is string => k !== undefined))];
      const readableArns = matched.map((s) => s.arnForPolicies);
      if (use.store.backend === SecretBackend.AWS_SECRETS_MANAGER) {
        if (readableArns.length > 0) {
          compiler.findSecrets({ kind: use.find.tags ? SecretFindKind.BY_TAGS : SecretFindKind.BY_NAME, readableArns, kmsKeyArns, region });
        }
      } else if (use.find.path !== undefined) {
        const aws = this.declaration.aws!;
        compiler.findParametersByPath({ pathArn: parameterArn(plan.aws!.partition, region, aws.accountId, use.find.path), kmsKeyArns, region });
      } else if (readableArns.length > 0) {
        compiler.findParametersByTags({ readableArns, kmsKeyArns, region });
      }
    }
    for (const push of plan.pushes) {
      const destination = push.destination as AwsSecretDeclaration;
      if (destination.backend === SecretBackend.AWS_SECRETS_MANAGER) {
        compiler.pushSecret({ namePrefixArn: destination.arnForPolicies, kmsKeyArn: keyArn(destination), region: destination.region });
      } else {
        compiler.pushParameter({ parameterArn: destination.arnForPolicies, kmsKeyArn: keyArn(destination), region: destination.region });
      }
    }
  }

  /**
   * The IAM OIDC provider an AWS identity trusts for a cluster's issuer. EKS clusters in the
   * declaration's account use their own provider (literal ARN) unless `registerOidcProvider`; AKS
   * clusters always get one registered in the declaration's account (AWS stores on AKS federate the
   * AKS issuer, audience `sts.amazonaws.com`). One provider per cluster, shared by every role.
   */
  private oidcProviderArnOf(cluster: ClusterDeclaration, partition: string): string {
    const issuerUrl = clusterIssuerUrl(cluster)!;
    const eks = cluster.cloud === ClusterCloud.AWS ? cluster as EksClusterDeclaration : undefined;
    if (eks !== undefined && !eks.registerOidcProvider) {
      return oidcProviderArn(partition, eks.accountId, issuerUrl);
    }
    let arn = this.oidcProviderArns.get(cluster.id);
    if (arn === undefined) {
      const tags = eks !== undefined
        ? { ...this.declaration.tags, 'cluster': cluster.clusterName, 'cluster-account': eks.accountId }
        : { ...this.declaration.tags, 'cluster': cluster.clusterName, 'cluster-cloud': cluster.cloud };
      const provider = new IamOpenidConnectProvider(this, `OidcProvider-${cluster.id}`, {
        url: issuerUrl,
        clientIdList: [AWS_STS_AUDIENCE],
        tags,
      });
      arn = provider.arn;
      this.oidcProviderArns.set(cluster.id, arn);
      this.oidcProviderResources.set(cluster.id, provider);
    }
    return arn;
  }

  private renderAzureIdentity(plan: IdentityPlan): KeyVaultWorkloadIdentity {
    const vault = (plan.stores[0] as AzureStoreDeclaration).vault;
    const identity = new KeyVaultWorkloadIdentity(this, `Identity-${plan.id}`, {
      identityName: plan.azure!.identityName,
      resourceGroupName: vault.resourceGroupName,
      location: vault.location,
      tenantId: plan.azure!.tenantId,
      tags: { ...this.declaration.tags },
    });
    for (const cluster of plan.clusters) {
      identity.addFederatedCredential({ serviceAccount: plan.serviceAccount, issuerUrl: clusterIssuerUrl(cluster)!, name: `${cluster.id}-${plan.serviceAccount.namespace}-${plan.serviceAccount.name}` });
    }
    for (const secret of plan.reads) {
      identity.grantReadSecret(this.vaultSecrets.get(secret.id)!);
    }
    const findVaults = new Set(plan.finds.map((f) => (f.store as AzureStoreDeclaration).vault.id));
    [...findVaults].sort().forEach((vaultId) => identity.grantReadSecrets(this.vaults.get(vaultId)!));
    for (const push of plan.pushes) {
      identity.grantWriteSecret(this.vaultSecrets.get(push.destination.id)!);
    }
    const output = new TerraformOutput(this, `ClientId-${plan.id}`, { value: identity.clientId, description: `Client ID of ESO identity ${plan.id}` });
    output.overrideLogicalId(clientIdOutputName(plan.id));
    return identity;
  }
}
