/**
 * AWS workloads outside Kubernetes (Lambda functions, ECS tasks, EC2 instances) that read declared
 * secrets at runtime: the role they run as (an existing one, or one created with the compute
 * service's trust) gets exactly the grant the ESO identities get for the same secrets (same compiler:
 * reads on the exact ARNs, kms:Decrypt only via the secrets service), with the same tenant rules
 * (CES-LP-11, CES-TR-3) and rows in the access matrix.
 */
import { isIamRoleName } from '../../cloud-names';
import {
  consumerRoleOutsideAccount, consumerSecretNotAws, consumerSecretOtherAccount, duplicateValue, emptyCollection, invalidArn,
  invalidDerivedName, notAFactoryValue, notOneOf, wrongType,
} from '../../errors';
import { requireDefaults } from '../checks';
import type { DeclarationMembers } from '../members';
import { awsPartition, roleArn } from '../names';
import { AwsSecretDeclaration, SecretBackend } from '../secrets';
import type { DeclarationView, TenantDeclaration } from '../view';

/** The AWS compute service a created consumer role trusts. */
export enum AwsComputeService {
  /** Lambda functions: the role trusts `lambda.amazonaws.com` (the function's execution role). */
  LAMBDA = 'lambda.amazonaws.com',
  /** ECS tasks: the role trusts `ecs-tasks.amazonaws.com` in the declaration's account (the task role). */
  ECS_TASKS = 'ecs-tasks.amazonaws.com',
  /** EC2 instances: the role trusts `ec2.amazonaws.com`, with an instance profile of the same name. */
  EC2 = 'ec2.amazonaws.com',
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[\x21-\x7e]+\/)?([\w+=,.@-]{1,64})$/;
const FACTORY = 'AwsConsumerRole.existing("arn:aws:iam::<account>:role/<name>") or AwsConsumerRole.create(AwsComputeService.LAMBDA | ECS_TASKS | EC2)';

/** The role an AWS consumer runs as: one that exists (its grant is added to it) or one the declaration creates. */
export class AwsConsumerRole {
  /** An existing role (a Lambda execution role, an ECS task role, an instance role) of the declaration's account: it gets an inline policy. */
  public static existing(roleArn: string): AwsConsumerRole {
    return new AwsConsumerRole(roleArn, undefined);
  }

  /** A role the declaration creates, trusted by exactly that compute service (EC2: with an instance profile). */
  public static create(service: AwsComputeService): AwsConsumerRole {
    return new AwsConsumerRole(undefined, service);
  }

  private constructor(
    /** ARN of the existing role. */
    public readonly existingRoleArn: string | undefined,
    /** The service a created role trusts. */
    public readonly service: AwsComputeService | undefined,
  ) {}
}

/** Props of {@link SecretsDeclaration.addAwsConsumer}. */
export interface AwsConsumerOptions {
  /** The role the workload runs as. */
  readonly role: AwsConsumerRole;
  /** The declared Secrets Manager secrets and parameters it reads (in the declaration's account). */
  readonly secrets: AwsSecretDeclaration[];
  /**
   * The tenant the workload belongs to: it may read only that tenant's secrets and secrets of no tenant.
   * @default - no tenant (a platform workload): it may read only secrets of no tenant
   */
  readonly tenant?: TenantDeclaration;
}

/** An AWS workload outside Kubernetes in a declaration, and exactly what its role may read. */
export interface AwsConsumerDeclaration {
  /** Declaration-unique id. */
  readonly id: string;
  /** Name of the role (existing, or derived `<declaration>-<id>`). */
  readonly roleName: string;
  /** Literal ARN of the role. */
  readonly roleArn: string;
  /**
   * The service a created role trusts.
   * @default - undefined: the role exists and is managed elsewhere
   */
  readonly createdFor?: AwsComputeService;
  /** Account of the role. */
  readonly accountId: string;
  /** Partition of the role. */
  readonly partition: string;
  /** Secrets it reads, in the order given. */
  readonly secrets: readonly AwsSecretDeclaration[];
  /**
   * Its tenant.
   * @default - undefined: a platform workload
   */
  readonly tenant?: TenantDeclaration;
}

/** Declares an AWS workload outside Kubernetes (see {@link SecretsDeclaration.addAwsConsumer}). */
export function declareAwsConsumer(members: DeclarationMembers, declaration: DeclarationView, id: string, options: AwsConsumerOptions): AwsConsumerDeclaration {
  const path = members.register('awsConsumers', id);
  const aws = requireDefaults(path, 'role', 'AWS', declaration.aws);
  const partition = awsPartition(aws.region);
  const role: unknown = options.role;
  if (!(role instanceof AwsConsumerRole)) {
    throw notAFactoryValue(path, 'role', role, FACTORY);
  }
  let roleName: string;
  if (role.existingRoleArn !== undefined) {
    const match = typeof role.existingRoleArn === 'string' ? ROLE_ARN.exec(role.existingRoleArn) : null;
    if (match === null) {
      throw invalidArn(path, 'role', String(role.existingRoleArn), 'an IAM role', 'arn:aws:iam::111122223333:role/billing-lambda');
    }
    if (match[1] !== partition || match[2] !== aws.accountId) {
      throw consumerRoleOutsideAccount(path, 'role', role.existingRoleArn, aws.accountId, partition);
    }
    roleName = match[3];
  } else {
    if (!Object.values(AwsComputeService).includes(role.service as AwsComputeService)) {
      throw notOneOf(path, 'role.service', String(role.service), `one of ${Object.keys(AwsComputeService).map((k) => `AwsComputeService.${k}`).join(', ')}`);
    }
    roleName = `${declaration.name}-${id}`;
    if (!isIamRoleName(roleName)) {
      throw invalidDerivedName({ path, prop: 'id', value: id }, 'IAM role name', roleName, '1 to 64 characters among letters, digits and +=,.@_-',
        'choose a shorter id (or declaration name)');
    }
  }
  if (!Array.isArray(options.secrets)) {
    throw wrongType(path, 'secrets', options.secrets, 'an array of declared AWS secrets');
  }
  if (options.secrets.length === 0) {
    throw emptyCollection(path, 'secrets', [], 'at least one declared secret (a workload reading nothing needs no grant)', 'list the secrets the workload reads, or remove the consumer');
  }
  const seen = new Map<unknown, number>();
  options.secrets.forEach((secret, i) => {
    const prop = `secrets[${i}]`;
    members.checkDeclared(path, prop, secret, 'secret', 'addSecretsManagerSecret');
    if (secret.backend !== SecretBackend.AWS_SECRETS_MANAGER && secret.backend !== SecretBackend.AWS_PARAMETER_STORE) {
      throw consumerSecretNotAws(path, prop, secret.name, secret.backend);
    }
    if (seen.has(secret)) {
      throw duplicateValue(path, prop, secret.name, `secrets[${seen.get(secret)}]`, 'list each secret once');
    }
    seen.set(secret, i);
    if (secret.accountId !== aws.accountId) {
      throw consumerSecretOtherAccount(path, prop, secret.name, secret.accountId, aws.accountId);
    }
  });
  if (options.tenant !== undefined && !declaration.tenants.includes(options.tenant)) {
    members.checkDeclared(path, 'tenant', options.tenant, 'tenant', 'addTenant');
  }
  return members.adopt<AwsConsumerDeclaration>('awsConsumers', {
    id, roleName, roleArn: roleArn(partition, aws.accountId, roleName), createdFor: role.service, accountId: aws.accountId, partition,
    secrets: [...options.secrets], tenant: options.tenant,
  });
}
