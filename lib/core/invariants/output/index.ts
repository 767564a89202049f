// Re-exports only: rules over emitted output (Helm values, package files), run at synth by the release and package constructs.
import { mutableImageTag } from './image-tags';
import type { OutputRule } from './output-rule';
import { credentialInValues, plainSecretManifest } from './secret-material';
import { vaultDevMode, vaultRaftQuorum, vaultTlsDisabled } from './vault-release';
import { workloadHostNamespace, workloadPrivilege } from './workload-hardening';

export * from './output-rule';
export * from './workload-hardening';
export * from './vault-release';
export * from './image-tags';
export * from './secret-material';

/** Every output rule, by id order. */
export const OUTPUT_RULES: readonly OutputRule[] = [
  credentialInValues, plainSecretManifest,
  workloadPrivilege, workloadHostNamespace, vaultDevMode, vaultTlsDisabled, vaultRaftQuorum, mutableImageTag,
];
