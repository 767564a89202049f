import { ClusterSecretStoreSpec, ClusterSecretStoreSpecRefreshInterval } from '../imports/external-secrets.io';
import { assertDuration, Duration } from '../../core/duration';
import { invalidMaxRetries } from '../../core/errors';
import { assertProps, Shape } from '../../core/validation';
import { SecretStoreProvider } from '../secret-store-provider';
import { DURATION, METADATA_SHAPE } from './shapes';
import { StoreContext } from './context';
import { SecretStoreCommonProps } from '../secret-store';

/** Renders the spec fields SecretStore and ClusterSecretStore share. @internal */
export function renderStoreSpec(ctx: StoreContext, props: SecretStoreCommonProps): ClusterSecretStoreSpec {
  const retry = props.retrySettings;
  assertDuration(ctx.path, 'spec.refreshInterval', props.refreshInterval, { min: Duration.seconds(1), allowZero: false, wholeUnit: 's' });
  assertDuration(ctx.path, 'spec.retrySettings.retryInterval', retry?.retryInterval, { min: Duration.seconds(1), allowZero: false });
  if (retry?.maxRetries !== undefined && (!Number.isInteger(retry.maxRetries) || retry.maxRetries < 0 || retry.maxRetries > 2147483647)) {
    throw invalidMaxRetries(ctx.path, retry.maxRetries);
  }
  return {
    provider: props.provider._bind(ctx),
    controller: props.controller,
    refreshInterval: props.refreshInterval
      ? ClusterSecretStoreSpecRefreshInterval.fromString(props.refreshInterval.toGoString()) : undefined,
    retrySettings: retry ? { maxRetries: retry.maxRetries, retryInterval: retry.retryInterval?.toGoString() } : undefined,
  };
}

/** Type checks of the props SecretStore and ClusterSecretStore share, plus `extra`. @internal */
export function assertStoreProps(path: string, props: unknown, interfaceName: string, extra: Shape): void {
  assertProps(path, props, interfaceName, {
    ...METADATA_SHAPE,
    'provider': { instance: SecretStoreProvider, name: 'a SecretStoreProvider (SecretStoreProvider.awsSecretsManager(), azureKeyVault(), vault()...)' },
    'refreshInterval?': DURATION,
    'retrySettings?': { shape: { 'maxRetries?': 'any', 'retryInterval?': DURATION } },
    'controller?': 'string',
    ...extra,
  });
}
