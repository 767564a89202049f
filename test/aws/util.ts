// Shared helpers of the lib/aws tests (not a test file).
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { AwsEnvironment } from '../../lib/aws/environment';

/** Account and region used by every literal-environment test. */
export const ACCOUNT = '111122223333';
export const REGION = 'eu-west-1';

/** A literal environment. */
export function literalEnv(): AwsEnvironment {
  return AwsEnvironment.of({ account: ACCOUNT, region: REGION });
}

/** A fresh stack with an AWS provider, named "stack". */
export function makeStack(): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  new AwsProvider(stack, 'aws', { region: REGION });
  return stack;
}

/** A synthesized stack (validations on), parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
export function synth(stack: TerraformStack): Json {
  return JSON.parse(Testing.synth(stack, true));
}

/** Every resource of a type, as a list of its config objects. */
export function resourcesOf(json: Json, type: string): Json[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** The single resource of a type matching a predicate. */
export function findResource(json: Json, type: string, predicate: (r: Json) => boolean = () => true): Json {
  const matches = resourcesOf(json, type).filter(predicate);
  if (matches.length !== 1) {
    throw new Error(`expected exactly one ${type}, found ${matches.length}`);
  }
  return matches[0];
}
