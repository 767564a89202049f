/**
 * Hardening checks per chart (output rules `CES-HARD-n`, `CES-SM-2`), run by the release constructs at
 * synth and exported so teams can run them over values they install by other means. Each returns the
 * findings; `enforceOutputRules(findings, acknowledgements)` throws the first one not acknowledged.
 */
import {
  checkSecretMaterial, checkVaultValuesHardening as checkVaultValues, checkWorkloadHardening, OutputFinding,
} from '../core/invariants/output';

/** Findings over values of the `external-secrets` chart: root, privilege escalation, capabilities, host namespaces, credentials. */
export function checkEsoReleaseHardening(values: { readonly [key: string]: unknown }, path = 'external-secrets'): OutputFinding[] {
  return [...checkWorkloadHardening(path, values), ...checkSecretMaterial(path, values)];
}

/** Findings over values of the `reloader` chart: root, privilege escalation, capabilities, host namespaces, credentials. */
export function checkReloaderReleaseHardening(values: { readonly [key: string]: unknown }, path = 'reloader'): OutputFinding[] {
  return [...checkWorkloadHardening(path, values), ...checkSecretMaterial(path, values)];
}

/** Findings over values of the `vault` chart: the workload checks plus dev mode, TLS off, raft quorum, credentials. */
export function checkVaultReleaseHardening(values: { readonly [key: string]: unknown }, path = 'vault'): OutputFinding[] {
  return [...checkVaultValues(path, values), ...checkSecretMaterial(path, values)];
}
