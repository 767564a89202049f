// Re-exports only: rules over emitted output (Helm values, package files), run at synth by the release and package constructs.
import { mutableImageTag } from './image-tags';
import type { OutputRule } from './output-rule';
import { credentialInValues, plainSecretManifest } from './secret-material';
import { privateKeyInOutput } from './private-keys';
import { vaultDevMode, vaultRaftQuorum, vaultTlsDisabled } from './vault-release';
import { workloadHostNamespace, workloadPrivilege } from './workload-hardening';

export * from './output-rule';
export * from './workload-hardening';
export * from './vault-release';
export * from './image-tags';
export * from './secret-material';
export * from './private-keys';

/** Every output rule, by id order. */
export const OUTPUT_RULES: readonly OutputRule[] = [
  credentialInValues, plainSecretManifest, privateKeyInOutput,
  workloadPrivilege, workloadHostNamespace, vaultDevMode, vaultTlsDisabled, vaultRaftQuorum, mutableImageTag,
];
