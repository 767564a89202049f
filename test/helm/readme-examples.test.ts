// The lib/helm/README.md snippets, compiled and synthesized (keep the two in sync: DOCS_BLOCK markers).
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { TerraformStack, Testing } from 'cdktf';
import { WorkloadIdentity } from '../../lib/core/identity';
import {
  ContainerImage, ExternalSecretsOperatorRelease, HelmConnection, ReloaderHelmRelease,
} from '../../lib/helm';
import { expectValidEsoValues, expectValidReloaderValues } from '../helpers/chart-schema';
import { releaseValues, synth } from './synth';

describe('README examples', () => {
  test('quick start: EKS with IRSA, Reloader, hardened images, ordering', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    const esoRole = new IamRole(stack, 'EsoRole', { name: 'eso', assumeRolePolicy: '{}' });

    // DOCS_BLOCK_START:quick-start
    const provider = HelmConnection.fromEks(stack, 'Cluster', { clusterName: 'prod', region: 'eu-west-1' });

    const eso = new ExternalSecretsOperatorRelease(stack, 'Eso', {
      provider,
      identity: WorkloadIdentity.awsIrsa(esoRole.arn, {
        trustedServiceAccounts: [{ namespace: 'external-secrets', name: 'external-secrets' }],
      }),
      values: {
        replicaCount: 2,
        resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '256Mi' } },
        webhook: { replicaCount: 2 },
      },
    });

    new ReloaderHelmRelease(stack, 'Reloader', { provider });
    // DOCS_BLOCK_END:quick-start

    // DOCS_BLOCK_START:ordering
    const storeConfig = new SsmParameter(stack, 'NeedsCrds', { name: '/platform/eso-ready', type: 'String', value: 'true' });
    eso.addDependent(storeConfig); // or: new SomeResource(stack, 'X', { dependsOn: [eso] })
    // DOCS_BLOCK_END:ordering

    const doc = synth(stack);
    expectValidEsoValues(releaseValues(doc, 'external-secrets'));
    expectValidReloaderValues(releaseValues(doc, 'reloader'));
  });

  test('Azure workload identity and hardened images', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    new AzurermProvider(stack, 'azurerm', { features: [{}] });

    // DOCS_BLOCK_START:azure
    const aks = HelmConnection.fromAks(stack, 'Aks', { clusterName: 'aks-prod', resourceGroupName: 'rg-prod' });
    new ExternalSecretsOperatorRelease(stack, 'Eso', {
      provider: aks,
      identity: WorkloadIdentity.azure({
        clientId: '00000000-0000-0000-0000-000000000001',
        tenantId: '00000000-0000-0000-0000-000000000002',
      }),
    });
    // DOCS_BLOCK_END:azure

    // DOCS_BLOCK_START:hardened
    const esoImage = ContainerImage.fromRegistry({
      registry: 'registry1.dso.mil',
      repository: 'ironbank/opensource/external-secrets/external-secrets',
      tag: 'v2.9.0',
      digest: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
    });
    new ExternalSecretsOperatorRelease(stack, 'HardenedEso', {
      provider: aks,
      releaseName: 'eso-hardened',
      namespace: 'eso-hardened',
      serviceAccountName: 'eso-hardened',
      values: {
        image: esoImage, // also used by the webhook and the cert controller
        imagePullSecrets: ['ironbank-pull'],
        securityContext: { runAsUser: 65532 },
      },
    });
    new ReloaderHelmRelease(stack, 'HardenedReloader', {
      provider: aks,
      values: {
        image: ContainerImage.fromRegistry({ registry: 'cgr.dev', repository: 'chainguard/stakater-reloader', tag: 'latest' }),
        imagePullSecrets: ['chainguard-pull'],
        containerSecurityContext: { allowPrivilegeEscalation: false, capabilitiesDrop: ['ALL'], readOnlyRootFilesystem: true },
        readOnlyRootFileSystem: true,
      },
    });
    // DOCS_BLOCK_END:hardened

    const doc = synth(stack);
    expectValidEsoValues(releaseValues(doc, 'external-secrets'));
    expectValidEsoValues(releaseValues(doc, 'eso-hardened'));
    expectValidReloaderValues(releaseValues(doc, 'reloader'));
  });
});
