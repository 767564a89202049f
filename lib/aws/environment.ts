import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { Token, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { invalidAwsAccount, invalidAwsPartition, invalidAwsRegion } from '../core/errors';
import { assertShape } from '../core/validation';
import { ArnEnvironment, partitionOfRegion } from './arns';
import { isAwsAccountId, isAwsRegion } from '../core/cloud-names';

/** Literal parts of an AWS environment; any part left out is read from the provider at plan time. */
export interface AwsEnvironmentProps {
  /**
   * 12-digit account ID.
   * @default - read with `data.aws_caller_identity` (a token: role ARNs are then not known as literals)
   */
  readonly account?: string;
  /**
   * Region code. When given, the regional resources of this library are pinned to it (`region`
   * argument of provider 6.x), so the ARNs computed at synth match what Terraform creates.
   * @default - the provider's region, read with `data.aws_region`
   */
  readonly region?: string;
  /**
   * Partition.
   * @default - derived from `region` when it is a literal ("aws-cn" for cn-*, "aws-us-gov" for us-gov-*,
   * otherwise "aws"), else read with `data.aws_partition`
   */
  readonly partition?: string;
}

/** An AWS environment resolved in a stack: literals where known, data-source tokens elsewhere. */
export interface ResolvedAwsEnvironment extends ArnEnvironment {
  /** True when `account` is a literal. */
  readonly accountIsLiteral: boolean;
  /** True when `region` is a literal. */
  readonly regionIsLiteral: boolean;
  /** True when `partition` is a literal. */
  readonly partitionIsLiteral: boolean;
  /** The literal region to set on regional resources, when one was given explicitly. */
  readonly pinnedRegion?: string;
}

const DATA_SCOPE_ID = 'EsoAwsEnvironment';
const AWS_PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];

/**
 * Where AWS resources live: account, region, partition. Use literals ({@link AwsEnvironment.of}) when
 * the Kubernetes YAML needs literal ARNs (IRSA role annotations, secret ARNs); otherwise the parts come
 * from data sources, created once per stack.
 */
export class AwsEnvironment {
  /** An environment with literal parts (validated). */
  public static of(props: AwsEnvironmentProps): AwsEnvironment {
    return new AwsEnvironment(props ?? {}, true);
  }

  /** Everything read from the provider configuration at plan time (all parts are tokens). */
  public static fromProvider(): AwsEnvironment {
    return new AwsEnvironment({});
  }

  private constructor(private readonly props: AwsEnvironmentProps, private readonly literal = false) {}

  /**
   * Throws the library's error when a literal part is invalid, at the consumer's path and prop
   * (`[stack/Role] environment.account: ...`). Called by {@link resolve}.
   */
  public assertValid(path: string, prop = 'environment'): void {
    if (!this.literal) {
      return;
    }
    const p = this.props;
    const pre = prop ? `${prop}.` : '';
    assertShape(path, prop, p, { 'account?': 'string', 'region?': 'string', 'partition?': 'string' });
    if (p.account !== undefined && !Token.isUnresolved(p.account) && !isAwsAccountId(p.account)) {
      throw invalidAwsAccount(path, `${pre}account`, p.account);
    }
    if (p.region !== undefined && !Token.isUnresolved(p.region) && !isAwsRegion(p.region)) {
      throw invalidAwsRegion(path, `${pre}region`, p.region);
    }
    if (p.partition !== undefined && !Token.isUnresolved(p.partition)) {
      const expected = p.region !== undefined && !Token.isUnresolved(p.region) ? partitionOfRegion(p.region) : undefined;
      if (!AWS_PARTITIONS.includes(p.partition) || expected !== undefined && expected !== p.partition) {
        throw invalidAwsPartition(path, `${pre}partition`, p.partition, expected);
      }
    }
  }

  /** The literal account, if given. */
  public get account(): string | undefined {
    return this.props.account;
  }

  /** The literal region, if given. */
  public get region(): string | undefined {
    return this.props.region;
  }

  /** Resolves the missing parts with data sources of the stack that holds `scope`. */
  public resolve(scope: Construct, prop = 'environment'): ResolvedAwsEnvironment {
    this.assertValid(scope.node.path, prop);
    const literal = (v: string | undefined): v is string => v !== undefined && !Token.isUnresolved(v);
    const region = this.props.region ?? dataSources(scope).region();
    const partition = this.props.partition
      ?? (literal(this.props.region) ? partitionOfRegion(this.props.region) : dataSources(scope).partition());
    const account = this.props.account ?? dataSources(scope).account();
    return {
      account, region, partition,
      accountIsLiteral: literal(this.props.account),
      regionIsLiteral: literal(this.props.region),
      partitionIsLiteral: literal(this.props.partition) || literal(this.props.region),
      pinnedRegion: this.props.region,
    };
  }
}

/** Per-stack holder of the data sources, created on first use. */
class EnvironmentDataSources extends Construct {
  private callerIdentity?: DataAwsCallerIdentity;
  private currentRegion?: DataAwsRegion;
  private currentPartition?: DataAwsPartition;

  public account(): string {
    this.callerIdentity ??= new DataAwsCallerIdentity(this, 'CallerIdentity');
    return this.callerIdentity.accountId;
  }

  public region(): string {
    this.currentRegion ??= new DataAwsRegion(this, 'Region');
    return this.currentRegion.region;
  }

  public partition(): string {
    this.currentPartition ??= new DataAwsPartition(this, 'Partition');
    return this.currentPartition.partition;
  }
}

function dataSources(scope: Construct): EnvironmentDataSources {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(DATA_SCOPE_ID);
  return existing instanceof EnvironmentDataSources ? existing : new EnvironmentDataSources(stack, DATA_SCOPE_ID);
}
