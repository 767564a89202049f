// Errors of SOPS sources (lib/core/sops.ts, lib/k8s/sops-distribution.ts).
import { configurationError, ConfigurationError, DescribedValue } from './format';

/** A recipient that is not a well-formed age X25519 public key. */
export function invalidAgeRecipient(path: string, prop: string, value: string, problem: string): ConfigurationError {
  return configurationError({
    path, prop, value,
    allowed: `an age X25519 public key: "age1" and 58 bech32 characters with a valid checksum (${problem})`,
    fix: 'pass the public key age-keygen printed ("Public key: age1…"), or age-keygen -y key.txt',
  });
}

/** A private key passed where a public recipient belongs: never echoed. */
export function privateKeyAsRecipient(path: string, prop: string, kind: string): ConfigurationError {
  return configurationError({
    path, prop, value: new DescribedValue(kind),
    allowed: 'a public recipient: the private key never goes into the declaration, .sops.yaml or any output',
    fix: 'pass its public key (age-keygen -y key.txt), and rotate the private key if it was committed anywhere',
  });
}

/** A cloud KMS key reference SOPS and an exact grant cannot use. */
export function invalidSopsKey(path: string, prop: string, value: string, allowed: string, fix: string): ConfigurationError {
  return configurationError({ path, prop, value, allowed, fix });
}
