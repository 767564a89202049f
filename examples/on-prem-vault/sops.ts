/**
 * The SOPS side of the on-prem-vault example: what must not depend on Vault (Grafana's admin
 * password, needed to debug Vault itself) arrives SOPS-encrypted in Git instead. The repository's
 * `.sops.yaml` encrypts `clusters/rke2-prod/**.yaml` to the cluster's age key (its private key is a
 * Secret `sops-age` in `flux-system`, created by hand, never in Git) and to the platform team's
 * break-glass AWS KMS key; Flux decrypts into `sops-secrets`, ESO copies exactly `grafana-admin` to
 * `grafana`. Engine-free: `npm run synth` writes dist/sops/.sops.yaml and dist/sops/flux-kustomization.yaml.
 */
import { SopsConfig, SopsRecipient, sopsFluxKustomization } from '../../lib/core';
import { cluster } from './declaration';

/** The cluster's age public key (age-keygen's "Public key:" line). */
export const RKE2_AGE_RECIPIENT = SopsRecipient.age('age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p');

/** The platform team's break-glass key: they can decrypt every cluster's files from a workstation. */
export const BREAK_GLASS_KEY = SopsRecipient.awsKms('arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab');

/** The recipients of the RKE2 cluster's files. */
export const SOPS_RECIPIENTS = [RKE2_AGE_RECIPIENT, BREAK_GLASS_KEY];

/** Namespace Flux decrypts into: readable only through the per-tenant Roles. */
export const SOPS_NAMESPACE = 'sops-secrets';

/** Tenants and the SOPS-delivered Secrets each reads. */
export const SOPS_CONSUMERS = [{ namespace: 'grafana', secrets: ['grafana-admin'] }];

/** The repository's `.sops.yaml`. */
export function sopsConfig(): SopsConfig {
  return new SopsConfig({ sources: [{ cluster: cluster.clusterName, recipients: SOPS_RECIPIENTS }] });
}

/** The Flux Kustomization that decrypts the cluster's files (in Flux's repository). */
export function fluxKustomization(): { [key: string]: unknown } {
  return sopsFluxKustomization({
    path: `./clusters/${cluster.clusterName}/secrets`, gitRepository: 'platform', recipients: SOPS_RECIPIENTS, targetNamespace: SOPS_NAMESPACE,
  });
}
