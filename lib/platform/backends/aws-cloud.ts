/**
 * The cdktf part of the AWS backend: KMS keys, Secrets Manager secrets and SecureString parameters,
 * the IAM OIDC providers of clusters whose issuer IAM must trust, and per identity an IRSA / web
 * identity or Pod Identity role with a policy compiled from exactly what its consumers use.
 */
import { DataAwsIamOpenidConnectProvider } from '@cdktf/provider-aws/lib/data-aws-iam-openid-connect-provider';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { TerraformOutput } from 'cdktf';
import {
  AWS_BACKEND, AuditTrailDeclaration, AwsComputeService, AwsConsumerDeclaration, awsConsumerRoleArnOutputName, GRANT_SET_TAG_KEY, AwsSecretDeclaration,
  ClusterCloud, ClusterDeclaration, EksClusterDeclaration, IdentityPlan, grantsNothing, InitialValue,
  InitialValueKind, KmsKeyDeclaration, SecretBackend, SecretDeclaration, clusterIssuerUrl, parameterArn, parameterVariableName, roleArnOutputName,
} from '../../core/declaration';
import { AWS_STS_AUDIENCE, IdentityKind } from '../../core/identity';
import { KmsViaService, partitionOfRegion } from '../../aws/arns';
import { AwsEnvironment } from '../../aws/environment';
import { EsoWorkloadRole } from '../../aws/eso-workload-role';
import { IrsaRole } from '../../aws/irsa-role';
import { IKmsKey, KmsKey } from '../../aws/kms-key';
import { PodIdentityRole } from '../../aws/pod-identity-role';
import { AccessPolicyCompiler, SecretFindKind } from '../../aws/policy/access-policy-compiler';
import { EsoAccessPolicy, PolicyAttachmentKind } from '../../aws/eso-access-policy';
import { PolicyEffect } from '../../aws/policy/policy-document';
import { RotationSchedule } from '../../aws/rotation-schedule';
import { SecretValueSource } from '../../aws/secret-value-source';
import { ISecretsManagerSecret, SecretsManagerSecret } from '../../aws/secrets-manager-secret';
import { ISsmSecureParameter, SsmSecureParameter } from '../../aws/ssm-secure-parameter';
import { EmittedTerraform } from '../verification/emitted-terraform';
import { OutputFinding } from '../verification/output-rules';
import { verifyAws } from './aws-verify';
import { CloudRenderContext, CloudRenderer, CloudRendererFactory, secretsByOwner } from './cloud-renderer';
import { Construct } from 'constructs';

/** The AWS cloud renderer of one infrastructure construct (its rendered resources, for the accessors). */
export class AwsCloudRenderer implements CloudRenderer {
  public readonly kind = AWS_BACKEND;
  /** KMS keys by declared key id. */
  public readonly keys = new Map<string, IKmsKey>();
  /** Secrets and parameters by declared secret id. */
  public readonly secrets = new Map<string, ISecretsManagerSecret | ISsmSecureParameter>();
  /** IAM OIDC providers registered, by cluster id. */
  public readonly oidcProviders = new Map<string, IamOpenidConnectProvider>();
  /** IAM OIDC providers looked up (`OidcProviderMode.EXISTING`), by cluster id. */
  public readonly oidcProviderLookups = new Map<string, DataAwsIamOpenidConnectProvider>();
  /** Roles created for AWS consumers outside Kubernetes, by consumer id. */
  public readonly consumerRoles = new Map<string, IamRole>();
  /** The grant of each AWS consumer outside Kubernetes, by consumer id. */
  public readonly consumerPolicies = new Map<string, EsoAccessPolicy>();
  private readonly environments = new Map<string, AwsEnvironment>();
  private readonly rendered: Array<{ readonly plan: IdentityPlan; readonly role: EsoWorkloadRole }> = [];

  constructor(private readonly context: CloudRenderContext) {}

  public renderPrerequisites(): void {
    const secretsOf = secretsByOwner(this.context.declaration.secrets, (secret) => (secret.backend === SecretBackend.AWS_SECRETS_MANAGER
      || secret.backend === SecretBackend.AWS_PARAMETER_STORE ? (secret as AwsSecretDeclaration).kmsKey?.id : undefined));
    for (const key of this.context.declaration.kmsKeys) {
      // A key whose secrets are all in one shard lives in that shard's stack (SecretsPlatformStacks).
      const scope = this.context.scopeOfSecrets(secretsOf.get(key.id) ?? []);
      if (scope !== undefined) {
        this.keys.set(key.id, this.renderKmsKey(key, scope));
      }
    }
    this.context.declaration.awsConsumers.forEach((consumer) => this.renderConsumer(consumer));
  }

  public renderSecret(declared: SecretDeclaration): void {
    const secret = declared as AwsSecretDeclaration;
    const { scope } = this.context;
    const id = `Secret-${secret.id}`;
    const key = secret.kmsKey ? this.keys.get(secret.kmsKey.id) : undefined;
    const environment = this.environment(secret.accountId, secret.region, secret.partition);
    // The grant tag of the tag-and-prefix form (set only on secrets the declaration creates).
    const tags = { ...secret.tags, ...this.context.declaration.plan().grantTags(secret) };
    if (secret.backend === SecretBackend.AWS_SECRETS_MANAGER) {
      this.secrets.set(secret.id, secret.managedElsewhere
        ? SecretsManagerSecret.fromSecretName(scope, id, { secretName: secret.name, region: secret.region, account: secret.accountId, partition: secret.partition, kmsKey: key })
        : new SecretsManagerSecret(scope, id, {
          secretName: secret.name, description: secret.description, encryptionKey: key, tags,
          value: secret.initialValue ? this.value(secret.initialValue) : undefined, environment,
          rotation: secret.rotation ? {
            rotationLambdaArn: secret.rotation.rotationLambdaArn,
            rotateImmediately: secret.rotation.rotateImmediately,
            functionRoleName: secret.rotation.functionRoleName,
            grantInvoke: secret.rotation.grantInvoke,
            schedule: secret.rotation.scheduleExpression !== undefined
              ? RotationSchedule.expression(secret.rotation.scheduleExpression)
              : RotationSchedule.everyDays(secret.rotation.afterDays ?? 30),
          } : undefined,
        }));
      return;
    }
    if (secret.managedElsewhere) {
      this.secrets.set(secret.id, SsmSecureParameter.fromParameterName(scope, id, { parameterName: secret.name, region: secret.region, account: secret.accountId, partition: secret.partition, kmsKey: key }));
      return;
    }
    // Parameter Store has no empty SecureString: without an initial value, a sensitive variable named after the parameter.
    const value = this.value(secret.initialValue ?? InitialValue.sensitiveVariable(parameterVariableName(secret.id)));
    this.secrets.set(secret.id, new SsmSecureParameter(scope, id, {
      parameterName: secret.name, description: secret.description, encryptionKey: key, tags, value, environment,
    }));
  }

  public renderIdentity(plan: IdentityPlan): EsoWorkloadRole {
    const { scope, declaration } = this.context;
    const aws = plan.aws!;
    const environment = this.environment(aws.accountId, declaration.aws!.region, aws.partition);
    const common = {
      roleName: aws.roleName,
      description: `External Secrets Operator: ${plan.id} of ${declaration.name} (${plan.serviceAccount.namespace}:${plan.serviceAccount.name})`,
      tags: { ...declaration.tags },
      environment,
    };
    const role: EsoWorkloadRole = plan.kind === IdentityKind.AWS_POD_IDENTITY
      ? new PodIdentityRole(scope, `Identity-${plan.id}`, {
        ...common,
        associations: plan.clusters.map((c) => ({ clusterName: c.clusterName, serviceAccount: plan.serviceAccount })),
      })
      : new IrsaRole(scope, `Identity-${plan.id}`, {
        ...common,
        trustedClusters: plan.clusters.map((c) => ({
          oidcProviderArn: this.oidcProviderArnOf(c), issuerUrl: clusterIssuerUrl(c)!, serviceAccounts: [plan.serviceAccount],
        })),
      });
    this.grant(role, plan);
    this.rendered.push({ plan, role });
    const output = new TerraformOutput(scope, `RoleArn-${plan.id}`, { value: role.roleArn, description: `IAM role of ESO identity ${plan.id}` });
    output.overrideLogicalId(roleArnOutputName(plan.id));
    return role;
  }

  /**
   * With `aws.alarmTopicArn`: an EventBridge rule on the CloudTrail events of reads of the declared
   * secrets of the declaration's region by anyone but the declaration's ESO roles (other roles, IAM
   * users, root), notifying the topic. CloudTrail itself records every read without configuration.
   */
  public renderAudit(trail: AuditTrailDeclaration): void {
    const topic = trail.aws.alarmTopicArn;
    const { scope, declaration } = this.context;
    const region = declaration.aws?.region;
    const secrets = declaration.secrets.filter((s) => s.backend === SecretBackend.AWS_SECRETS_MANAGER || s.backend === SecretBackend.AWS_PARAMETER_STORE)
      .map((s) => s as AwsSecretDeclaration).filter((s) => s.region === region);
    if (topic === undefined || secrets.length === 0) {
      return;
    }
    const roles = declaration.plan().identities.filter((i) => i.aws !== undefined).map((i) => i.aws!.roleArn).sort();
    const names = secrets.flatMap((s) => s.backend === SecretBackend.AWS_SECRETS_MANAGER
      ? [s.name, { prefix: `arn:${s.partition}:secretsmanager:${s.region}:${s.accountId}:secret:${s.name}-` }]
      : [s.name, parameterArn(s.partition, s.region, s.accountId, s.name)]);
    const pattern = {
      'source': ['aws.secretsmanager', 'aws.ssm'],
      'detail-type': ['AWS API Call via CloudTrail'],
      'detail': {
        eventName: ['GetSecretValue', 'BatchGetSecretValue', 'GetParameter', 'GetParameters'],
        userIdentity: {
          $or: [
            { sessionContext: { sessionIssuer: { arn: [{ 'anything-but': roles.length > 0 ? roles : [''] }] } } },
            { type: ['IAMUser', 'Root'] },
          ],
        },
        requestParameters: { $or: [{ secretId: names }, { secretIdList: names }, { name: names }, { names }] },
      },
    };
    const rule = new CloudwatchEventRule(scope, 'AuditTrail-UnexpectedReads', {
      name: `${declaration.name}-eso-audit-unexpected-reads`,
      description: `Reads of secrets declared in ${declaration.name} by anyone but its ESO identities`,
      eventPattern: JSON.stringify(pattern),
    });
    new CloudwatchEventTarget(scope, 'AuditTrail-UnexpectedReads-Topic', { rule: rule.name, arn: topic, targetId: 'alarm-topic' });
  }

  public verify(emitted: EmittedTerraform): OutputFinding[] {
    const { declaration } = this.context;
    if (this.rendered.length === 0 && this.keys.size === 0 && this.secrets.size === 0) {
      return [];
    }
    return verifyAws({
      identities: this.rendered.filter(({ role }) => emitted.holds(role)).map(({ plan, role }) => ({ plan, role: { roleName: role.role.name, roleArn: role.roleArn } })),
      account: { accountId: declaration.aws!.accountId, region: declaration.aws!.region },
      keyArn: (secret) => {
        const kms = (secret as AwsSecretDeclaration).kmsKey;
        return kms ? this.keys.get(kms.id)!.keyArn : undefined;
      },
      oidcProviderArn: (cluster) => this.oidcProviderArnOf(cluster),
      plan: declaration.plan(),
      managedPoliciesAttachedElsewhere: declaration.aws!.managedPoliciesAttachedElsewhere ?? 0,
      secretArns: new Map([...this.secrets].flatMap(([id, secret]) => ('secretArn' in secret ? [[id, secret.secretArn] as const] : []))),
      keys: declaration.kmsKeys.filter((k) => k.existingKeyArn === undefined && this.keys.has(k.id) && emitted.holds(this.keys.get(k.id) as KmsKey))
        .map((k) => ({ scope: this.keys.get(k.id) as KmsKey, accountId: k.accountId, partition: partitionOfRegion(k.region), id: k.id })),
      consumers: declaration.awsConsumers.map((consumer) => {
        const role = this.consumerRoles.get(consumer.id);
        return { consumer, roleRefs: [consumer.roleName, ...(role !== undefined ? [role.name, role.arn] : [])] };
      }),
      rotations: (declaration.secrets as readonly AwsSecretDeclaration[])
        .filter((s) => s.backend === SecretBackend.AWS_SECRETS_MANAGER && !s.managedElsewhere && s.rotation?.functionRoleName !== undefined),
    }, emitted);
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

  private renderKmsKey(key: KmsKeyDeclaration, scope: Construct): IKmsKey {
    if (key.existingKeyArn !== undefined) {
      return KmsKey.fromKeyArn(scope, `KmsKey-${key.id}`, key.existingKeyArn);
    }
    return new KmsKey(scope, `KmsKey-${key.id}`, {
      alias: `alias/${key.alias}`,
      description: key.description,
      tags: { ...this.context.declaration.tags },
      environment: this.environment(key.accountId, key.region),
    });
  }

  private value(value: InitialValue): SecretValueSource {
    if (value.kind === InitialValueKind.GENERATED_PASSWORD) {
      return SecretValueSource.generatedPassword({ length: value.passwordOptions.length, excludeCharacters: value.passwordOptions.excludeCharacters });
    }
    return SecretValueSource.fromSensitiveVariable(this.context.sensitiveVariable(value.variableName!));
  }

  /**
   * Compiles the identity's grants in the form the plan chose: exact ARNs inline (`arn-list`), the
   * grant-tag statement bounded by the owned prefix and owned parameter directories plus the remaining
   * ARNs (`tag-and-prefix`, `path-hierarchy`), or the ARNs split over managed policies with everything
   * else inline (`managed-policies`).
   */
  private grant(role: EsoWorkloadRole, plan: IdentityPlan): void {
    if (grantsNothing(plan)) {
      // A store nothing reads through yet: the role and its trust exist, with no policy at all.
      return;
    }
    const compiler = new AccessPolicyCompiler({ path: role.node.path });
    const declaration = this.context.declaration;
    const layout = plan.aws!.grants;
    const compressed = new Set([...layout?.taggedSecrets ?? [], ...layout?.pathSecrets ?? []].map((s) => s.id));
    const managed = new Set((layout?.managedPolicies ?? []).flatMap((chunk) => chunk.map((s) => s.id)));
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
    const read = (target: AccessPolicyCompiler, secret: AwsSecretDeclaration, kmsKeyArn: string | undefined) => {
      if (secret.backend === SecretBackend.AWS_SECRETS_MANAGER) {
        target.readSecret({ arnForPolicies: secret.arnForPolicies, kmsKeyArn, region: secret.region });
      } else {
        target.readParameter({ parameterArn: secret.arnForPolicies, kmsKeyArn, region: secret.region });
      }
    };
    // Reads granted elsewhere (tag statement, managed policies) keep their key use inline.
    const decryptOnly = (secret: AwsSecretDeclaration) => {
      const key = keyArn(secret);
      if (key !== undefined) {
        compiler.decrypt({ keyArn: key, viaService: secret.backend === SecretBackend.AWS_SECRETS_MANAGER ? KmsViaService.SECRETS_MANAGER : KmsViaService.SSM, region: secret.region });
      }
    };
    const exact = (secret: AwsSecretDeclaration) => !compressed.has(secret.id) && !managed.has(secret.id);
    for (const secret of plan.reads as AwsSecretDeclaration[]) {
      if (exact(secret)) {
        read(compiler, secret, keyArn(secret));
      } else {
        decryptOnly(secret);
      }
    }
    for (const use of plan.finds) {
      const matched = use.matched as AwsSecretDeclaration[];
      const region = (use.store as { region?: string }).region ?? declaration.aws!.region;
      const kmsKeyArns = [...new Set(matched.map(keyArn).filter((k): k is string => k !== undefined))];
      const readableArns = matched.filter(exact).map((s) => s.arnForPolicies);
      if (use.store.backend === SecretBackend.AWS_SECRETS_MANAGER) {
        if (matched.length > 0) {
          compiler.findSecrets({ kind: use.find.tags ? SecretFindKind.BY_TAGS : SecretFindKind.BY_NAME, readableArns, kmsKeyArns, region });
        }
      } else if (use.find.path !== undefined) {
        compiler.findParametersByPath({ pathArn: parameterArn(plan.aws!.partition, region, declaration.aws!.accountId, use.find.path), kmsKeyArns, region });
      } else if (matched.length > 0) {
        compiler.findParametersByTags({ readableArns, kmsKeyArns, region });
      }
    }
    if (layout?.taggedResource !== undefined) {
      compiler.readSecretsByTag({ prefixArn: layout.taggedResource, tagKey: GRANT_SET_TAG_KEY, tagValues: layout.tagValues });
    }
    // Directories under the owned parameter path whose every declared parameter the identity reads.
    layout?.parameterPaths.forEach((pathArn) => compiler.readParameter({ parameterArn: pathArn, region: declaration.aws!.region }));
    for (const push of plan.pushes) {
      const destination = push.destination as AwsSecretDeclaration;
      if (destination.backend === SecretBackend.AWS_SECRETS_MANAGER) {
        compiler.pushSecret({ namePrefixArn: destination.arnForPolicies, kmsKeyArn: keyArn(destination), region: destination.region });
      } else {
        compiler.pushParameter({ parameterArn: destination.arnForPolicies, kmsKeyArn: keyArn(destination), region: destination.region });
      }
    }
    const chunks = layout?.managedPolicies ?? [];
    if (!compiler.isEmpty) {
      // With managed policies holding every read, the inline policy exists only for what remains.
      role.attachCompiledPolicy(compiler);
    }
    chunks.forEach((chunk, i) => {
      const part = new AccessPolicyCompiler({ path: `${role.node.path}/ReadPolicy${i + 1}` });
      (chunk as AwsSecretDeclaration[]).forEach((secret) => read(part, secret, undefined));
      new EsoAccessPolicy(role, `ReadPolicy${i + 1}`, { roleName: role.role.name, compiler: part, attachment: PolicyAttachmentKind.MANAGED });
    });
  }

  /** The key ARN of a secret's customer-managed key, if any. */
  private keyArnOf(secret: SecretDeclaration): string | undefined {
    const kms = (secret as AwsSecretDeclaration).kmsKey;
    return kms ? this.keys.get(kms.id)!.keyArn : undefined;
  }

  /** Reading one secret or parameter: the same grant for ESO identities and AWS consumers. */
  private grantRead(compiler: AccessPolicyCompiler, secret: AwsSecretDeclaration): void {
    if (secret.backend === SecretBackend.AWS_SECRETS_MANAGER) {
      compiler.readSecret({ arnForPolicies: secret.arnForPolicies, kmsKeyArn: this.keyArnOf(secret), region: secret.region });
    } else {
      compiler.readParameter({ parameterArn: secret.arnForPolicies, kmsKeyArn: this.keyArnOf(secret), region: secret.region });
    }
  }

  /**
   * An AWS workload outside Kubernetes: its role (created with exactly the compute service's trust,
   * EC2 with an instance profile; or the existing one) gets an inline policy compiled from the
   * secrets it reads, like an ESO identity's.
   */
  private renderConsumer(consumer: AwsConsumerDeclaration): void {
    const { scope, declaration } = this.context;
    const compiler = new AccessPolicyCompiler({ path: declaration.pathOf('awsConsumers', consumer.id) });
    consumer.secrets.forEach((secret) => this.grantRead(compiler, secret));
    let roleName = consumer.roleName;
    if (consumer.createdFor !== undefined) {
      const statement = {
        Effect: PolicyEffect.ALLOW, Principal: { Service: consumer.createdFor }, Action: 'sts:AssumeRole',
        // ECS sets the account of the task on the request: no other account's task can assume the role.
        ...(consumer.createdFor === AwsComputeService.ECS_TASKS ? { Condition: { StringEquals: { 'aws:SourceAccount': consumer.accountId } } } : {}),
      };
      const role = new IamRole(scope, `AwsConsumerRole-${consumer.id}`, {
        name: consumer.roleName,
        description: `Reads secrets of ${declaration.name} at runtime (AWS consumer ${consumer.id})`,
        assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
        tags: { ...declaration.tags },
      });
      this.consumerRoles.set(consumer.id, role);
      if (consumer.createdFor === AwsComputeService.EC2) {
        new IamInstanceProfile(scope, `AwsConsumerInstanceProfile-${consumer.id}`, { name: consumer.roleName, role: role.name, tags: { ...declaration.tags } });
      }
      roleName = role.name;
      const output = new TerraformOutput(scope, `AwsConsumerRoleArn-${consumer.id}`, { value: role.arn, description: `IAM role of AWS consumer ${consumer.id}` });
      output.overrideLogicalId(awsConsumerRoleArnOutputName(consumer.id));
    }
    this.consumerPolicies.set(consumer.id, new EsoAccessPolicy(scope, `AwsConsumerPolicy-${consumer.id}`, {
      roleName, compiler, policyName: `${declaration.name}-${consumer.id}-secrets`,
    }));
  }

  /**
   * The IAM OIDC provider an AWS identity trusts for a cluster's issuer, in the declaration's account:
   * created (`OidcProviderMode.CREATE`, the default, and always for AKS, GKE and generic clusters,
   * audience `sts.amazonaws.com`) or looked up by URL (`OidcProviderMode.EXISTING`), never assumed.
   * One per cluster, shared by every role.
   */
  private oidcProviderArnOf(cluster: ClusterDeclaration): string {
    const issuerUrl = clusterIssuerUrl(cluster)!;
    const eks = cluster.cloud === ClusterCloud.AWS ? cluster as EksClusterDeclaration : undefined;
    if (eks !== undefined && !eks.registerOidcProvider) {
      let lookup = this.oidcProviderLookups.get(cluster.id);
      if (lookup === undefined) {
        lookup = new DataAwsIamOpenidConnectProvider(this.context.sharedScope, `OidcProviderLookup-${cluster.id}`, { url: issuerUrl });
        this.oidcProviderLookups.set(cluster.id, lookup);
      }
      return lookup.arn;
    }
    let provider = this.oidcProviders.get(cluster.id);
    if (provider === undefined) {
      const tags = eks !== undefined
        ? { ...this.context.declaration.tags, 'cluster': cluster.clusterName, 'cluster-account': eks.accountId }
        : { ...this.context.declaration.tags, 'cluster': cluster.clusterName, 'cluster-cloud': cluster.cloud };
      provider = new IamOpenidConnectProvider(this.context.sharedScope, `OidcProvider-${cluster.id}`, {
        url: issuerUrl,
        clientIdList: [AWS_STS_AUDIENCE],
        tags,
      });
      this.oidcProviders.set(cluster.id, provider);
    }
    return provider.arn;
  }
}

/** Creates the AWS cloud renderer. */
export const awsCloudRenderer: CloudRendererFactory = {
  kind: AWS_BACKEND,
  create: (context) => new AwsCloudRenderer(context),
};
