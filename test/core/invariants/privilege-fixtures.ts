/** Declarations shared by the least-privilege rule tests (CES-LP-n). */
import { SecretBackend, SecretsDeclaration } from '../../../lib/core';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** A Vault lab: one cluster with Kubernetes auth, one server with the default `secret` mount. */
export function vaultLab(name = 'lab') {
  const d = new SecretsDeclaration({ name });
  const cluster = d.addCluster('rke2', { clusterName: 'rke2' });
  const server = d.addVaultServer('vault', { address: 'https://vault.example.com:8200' });
  d.addVaultAuth('rke2', { server, cluster, kubernetesHost: 'https://rke2.example.internal:6443', kubernetesCaCert: CA });
  return { d, cluster, server };
}

/** An AWS declaration with one EKS cluster. */
export function awsLab() {
  const d = new SecretsDeclaration({ name: 'shop', aws: { accountId: '111122223333', region: 'eu-west-1' } });
  d.addEksCluster('prod', { clusterName: 'prod', oidcIssuerUrl: 'https://oidc.eks.eu-west-1.amazonaws.com/id/PROD' });
  return { d, sm: SecretBackend.AWS_SECRETS_MANAGER as const, ssm: SecretBackend.AWS_PARAMETER_STORE as const };
}
