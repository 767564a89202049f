import { App as K8sApp, Chart } from 'cdk8s';
import { TerraformStack, Testing } from 'cdktf';
import { addAllCharts, addAllStacks } from '../../examples/all';
import { AwsCloudRenderer } from '../../lib/platform/backends/aws-cloud';
import { AzureCloudRenderer } from '../../lib/platform/backends/azure-cloud';
import { GoogleCloudRenderer } from '../../lib/platform/backends/google-cloud';
import { VaultCloudRenderer } from '../../lib/platform/backends/vault-cloud';
import { SecretsPlatformInfrastructure } from '../../lib/platform';
import { SecretsPlatformManifests } from '../../lib/platform/k8s';
import * as manifestVerification from '../../lib/platform/verification/verify-manifests';

describe('every example passes the output verification', () => {
  afterEach(() => jest.restoreAllMocks());

  test('cloud side: each backend renderer of each platform verifies its output at synth, with no finding (AWS 7, Azure 3, Google 1, Vault 3 platforms, and the sharded estate\'s shared stack and 6 tenant stacks, each verified for AWS and Azure)', () => {
    // GIVEN spies on every backend's verification
    const spies = [AwsCloudRenderer, AzureCloudRenderer, GoogleCloudRenderer, VaultCloudRenderer]
      .map((renderer) => jest.spyOn(renderer.prototype, 'verify'));
    const app = Testing.app();
    addAllStacks(app);
    const stacks = app.node.children.filter((c): c is TerraformStack => c instanceof TerraformStack);
    const platforms = stacks.flatMap((s) => s.node.findAll()).filter((c) => c instanceof SecretsPlatformInfrastructure).length;
    // WHEN synthesizing with validations
    stacks.forEach((stack) => Testing.synth(stack, true));
    // THEN every platform verified each backend it uses (only those are loaded) and found nothing
    expect(platforms).toBe(12);
    expect(spies.map((spy) => spy.mock.calls.length)).toEqual([7 + 7, 3 + 7, 1, 3]);
    expect(spies.flatMap((spy) => spy.mock.results.map((r) => r.value as unknown[]))).toEqual(new Array(28).fill([]));
  });

  test('cluster side: each chart\'s platform verifies its objects at synth, with no finding', () => {
    const spy = jest.spyOn(manifestVerification, 'verifyManifests');
    const app = new K8sApp();
    addAllCharts(app);
    const charts = app.node.children.filter((c): c is Chart => c instanceof Chart);
    const platforms = charts.flatMap((c) => c.node.findAll()).filter((c) => c instanceof SecretsPlatformManifests).length;
    charts.forEach((chart) => chart.node.findAll().forEach((c) => c.node.validate()));
    expect(platforms).toBe(19);
    expect(spy.mock.results.map((r) => r.value as unknown[])).toEqual(new Array(19).fill([]));
  });
});
