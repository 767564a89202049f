/** Every example, for the two entry points (tf-app.ts, k8s-app.ts) and the tests. */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { stringify } from 'yaml';
import { App as K8sApp } from 'cdk8s';
import { App as TfApp, LocalBackend, TerraformBackend, TerraformStack } from 'cdktf';
import { SecretsDeclaration } from '../lib/core';
import { declaration as awsOnly } from './aws-only/declaration';
import { declaration as estate } from './estate/declaration';
import { addEstateCharts } from './estate/k8s';
import { addEstateStacks } from './estate/tf';
import { declaration as azureOnly } from './azure-only/declaration';
import { declaration as bootstrapCredentials } from './bootstrap-credentials/declaration';
import { declaration as esoReloader } from './eso-reloader/declaration';
import { declaration as hardenedImages } from './hardened-images/declaration';
import { declaration as multiCloudTenants } from './multi-cloud-tenants/declaration';
import { declaration as podIdentity } from './pod-identity/declaration';
import { declaration as sharedClusters } from './shared-clusters/declaration';
import { declaration as udsHardened } from './uds-hardened/declaration';
import { declaration as onPremVault } from './on-prem-vault/declaration';
import { production as twoPhaseProduction } from './two-phase-vault/declaration';
import { addOnPremVaultChart } from './on-prem-vault/k8s';
import { addOnPremVaultStack } from './on-prem-vault/tf';
import { addTwoPhaseVaultCharts } from './two-phase-vault/k8s';
import { addTwoPhaseVaultStacks } from './two-phase-vault/tf';
import { addAwsOnlyChart } from './aws-only/k8s';
import { addAwsOnlyStacks } from './aws-only/tf';
import { addAzureOnlyChart } from './azure-only/k8s';
import { addAzureOnlyStacks } from './azure-only/tf';
import { addBootstrapCredentialsChart } from './bootstrap-credentials/k8s';
import { addBootstrapCredentialsStack } from './bootstrap-credentials/tf';
import { addEsoReloaderChart } from './eso-reloader/k8s';
import { addEsoReloaderStack } from './eso-reloader/tf';
import { addHardenedImagesChart } from './hardened-images/k8s';
import { addHardenedImagesStack } from './hardened-images/tf';
import { addMultiCloudTenantsCharts } from './multi-cloud-tenants/k8s';
import { addMultiCloudTenantsStacks } from './multi-cloud-tenants/tf';
import { addPodIdentityChart } from './pod-identity/k8s';
import { addPodIdentityStacks } from './pod-identity/tf';
import { addSharedClustersCharts } from './shared-clusters/k8s';
import { addSharedClustersStacks } from './shared-clusters/tf';
import { addUdsHardenedChart } from './uds-hardened/k8s';
import { addUdsHardenedStack } from './uds-hardened/tf';
import { udsBundle, udsZarfPackage } from './uds-hardened/zarf';
import { fluxKustomization, sopsConfig } from './on-prem-vault/sops';

/** Adds every example's stacks to a cdktf app. */
export function addAllStacks(app: TfApp): void {
  addAwsOnlyStacks(app);
  addAzureOnlyStacks(app);
  addBootstrapCredentialsStack(app);
  addEsoReloaderStack(app);
  addPodIdentityStacks(app);
  addSharedClustersStacks(app);
  addHardenedImagesStack(app);
  addUdsHardenedStack(app);
  addMultiCloudTenantsStacks(app);
  addTwoPhaseVaultStacks(app);
  addOnPremVaultStack(app);
  addEstateStacks(app);
  // cdktf's default local backend records an absolute path (the synth machine's working directory):
  // give every stack a relative one so the output is the same on every machine. Real deployments
  // configure a remote backend (S3, azurerm...) instead, as the sharded estate example does.
  for (const stack of app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack && !c.node.children.some((b) => b instanceof TerraformBackend))) {
    new LocalBackend(stack, { path: 'terraform.tfstate' });
  }
}

/** Adds every example's charts to a cdk8s app. */
export function addAllCharts(app: K8sApp): void {
  addAwsOnlyChart(app);
  addAzureOnlyChart(app);
  addBootstrapCredentialsChart(app);
  addEsoReloaderChart(app);
  addPodIdentityChart(app);
  addSharedClustersCharts(app);
  addHardenedImagesChart(app);
  addUdsHardenedChart(app);
  addMultiCloudTenantsCharts(app);
  addTwoPhaseVaultCharts(app);
  addOnPremVaultChart(app);
  addEstateCharts(app);
}

/**
 * Writes every example's Zarf package under `<outdir>/zarf/` (zarf.yaml, values/, manifests/) and its
 * UDS bundle to `<outdir>/uds-bundle.yaml`.
 */
export function writeZarfPackages(outdir: string): void {
  udsZarfPackage().writeTo(join(outdir, 'zarf'));
  writeFileSync(join(outdir, 'uds-bundle.yaml'), udsBundle().toYaml());
}

/** Writes the on-prem-vault example's SOPS files under `<outdir>/sops/`: `.sops.yaml` and Flux's Kustomization. */
export function writeSopsFiles(outdir: string): void {
  const dir = join(outdir, 'sops');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, '.sops.yaml'), sopsConfig().toYaml());
  writeFileSync(join(dir, 'flux-kustomization.yaml'), stringify(fluxKustomization(), { lineWidth: 0 }));
}

/**
 * Every example's declaration, by example folder (declaration names are not unique across examples:
 * `multi-cloud-tenants` and `shared-clusters` are both `platform`). `two-phase-vault` is its
 * production phase; its bootstrap phase is the `bootstrap-credentials` declaration.
 */
export const allDeclarations: Readonly<Record<string, SecretsDeclaration>> = {
  'aws-only': awsOnly,
  'azure-only': azureOnly,
  'bootstrap-credentials': bootstrapCredentials,
  'eso-reloader': esoReloader,
  'estate': estate,
  'hardened-images': hardenedImages,
  'multi-cloud-tenants': multiCloudTenants,
  'on-prem-vault': onPremVault,
  'pod-identity': podIdentity,
  'shared-clusters': sharedClusters,
  'two-phase-vault': twoPhaseProduction,
  'uds-hardened': udsHardened,
};
