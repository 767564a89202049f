/** Checks of cloud identifiers shared by the declaration's cluster-kind and backend modules. */
import { isAwsAccountId, isAwsRegion, isGuid } from '../cloud-names';
import { invalidAwsAccount, invalidAwsRegion, invalidAzureTenantId, invalidOidcIssuer, missingCloudDefaults, wrongType } from '../errors';
import { redactUrl } from '../validation';

/** Throws unless `value` is a 12-digit AWS account ID. */
export function checkAwsAccount(path: string, prop: string, value: string): void {
  if (typeof value !== 'string') {
    throw wrongType(path, prop, value, 'a 12-digit AWS account ID as a string');
  }
  if (!isAwsAccountId(value)) {
    throw invalidAwsAccount(path, prop, value);
  }
}

/** Throws unless `value` is an AWS region name. */
export function checkAwsRegion(path: string, prop: string, value: string): void {
  if (typeof value !== 'string') {
    throw wrongType(path, prop, value, 'an AWS region code such as "eu-west-1"');
  }
  if (!isAwsRegion(value)) {
    throw invalidAwsRegion(path, prop, value);
  }
}

/** Throws unless `value` is an Entra tenant GUID. */
export function checkAzureTenant(path: string, prop: string, value: string): void {
  if (typeof value !== 'string') {
    throw wrongType(path, prop, value, 'a GUID');
  }
  if (!isGuid(value)) {
    throw invalidAzureTenantId(path, prop, value);
  }
}

/** Throws unless `value` is an https OIDC issuer URL without query or fragment. */
export function checkIssuer(path: string, prop: string, value: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (typeof value !== 'string') {
    throw wrongType(path, prop, value, 'an https URL');
  }
  if (!url || url.protocol !== 'https:' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '' || url.port !== '') {
    // Never echo credentials put in the URL by mistake.
    throw invalidOidcIssuer(path, prop, redactUrl(value));
  }
}

/** Returns the cloud defaults, or throws naming the cloud whose defaults the element needs. */
export function requireDefaults<T>(path: string, prop: string, cloud: string, defaults: T | undefined): T {
  if (defaults === undefined) {
    throw missingCloudDefaults(path, prop, cloud);
  }
  return defaults;
}
