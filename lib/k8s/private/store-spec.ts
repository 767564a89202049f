import { ClusterSecretStoreSpec, ClusterSecretStoreSpecRefreshInterval } from '../imports/external-secrets.io';
import { invalidMaxRetries } from '../../core/errors';
import { StoreContext } from './context';
import { SecretStoreCommonProps } from '../secret-store';

/** Renders the spec fields SecretStore and ClusterSecretStore share. @internal */
export function renderStoreSpec(ctx: StoreContext, props: SecretStoreCommonProps): ClusterSecretStoreSpec {
  const retry = props.retrySettings;
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
