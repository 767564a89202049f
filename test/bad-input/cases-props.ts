/**
 * JavaScript callers passing no props object, or a props object without the construct's required
 * references, to constructs that read them first: the library's error, never a TypeError.
 * Expected messages: `expected-props.ts`.
 */
import { Chart, Testing as K8sTesting } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import {
  AzureKeyVaultSecret, EsoClusterAddons, ExternalSecretsOperatorRelease, KeyVaultRoleAssignment, ReloaderWiring, SecretsPlatformInfrastructure, SecretsPlatformManifests,
  WorkloadServiceAccount,
} from '../../lib';
import type { BadInput } from './cases';

const stack = () => new TerraformStack(Testing.app(), 's');
const chart = () => new Chart(K8sTesting.app(), 'c', { namespace: 'shop' });

export const PROPS_CASES: BadInput[] = [
  ['props: SecretsPlatformInfrastructure without props', () => new SecretsPlatformInfrastructure(stack(), 'platform', undefined as never)],
  ['props: SecretsPlatformInfrastructure with a plain object as declaration', () => new SecretsPlatformInfrastructure(stack(), 'platform', { declaration: { name: 'shop' } } as never)],
  ['props: SecretsPlatformManifests without a declaration', () => new SecretsPlatformManifests(chart(), 'platform', {} as never)],
  ['props: EsoClusterAddons with null props', () => new EsoClusterAddons(stack(), 'addons', null as never)],
  ['props: ExternalSecretsOperatorRelease with null props', () => new ExternalSecretsOperatorRelease(stack(), 'eso', null as never)],
  ['props: ReloaderWiring with a string as props', () => new ReloaderWiring(chart(), 'reload', 'api' as never)],
  ['props: WorkloadServiceAccount without an identity', () => new WorkloadServiceAccount(chart(), 'sa', { name: 'api' } as never)],
  ['props: KeyVaultRoleAssignment without a scope', () => new KeyVaultRoleAssignment(stack(), 'ra', {} as never)],
  ['props: AzureKeyVaultSecret without a secret name', () => new AzureKeyVaultSecret(stack(), 'kvs', {} as never)],
];
