/**
 * Cloud side of the UDS hardened example (cdktf), one stack `uds-hardened`: the database secret
 * (write-only initial value, KMS key), the ESO controller's IRSA role (GovCloud partition), and the ESO
 * release running the Iron Bank image pinned by digest. No Reloader release: UDS Core's pod reload
 * restarts the workloads (see k8s.ts).
 *
 * On the air-gapped cluster the same ESO chart, values and image come from the Zarf package
 * (zarf.ts); this stack is what a connected staging cluster applies, and the source of the values.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { ContainerImage, ExternalSecretsOperatorRelease, HelmConnection } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { ESO_DIGEST, ESO_REPOSITORY, ESO_TAG } from '../hardened-images/images';
import { cluster, declaration } from './declaration';

/** The Iron Bank registry. */
export const REGISTRY = 'registry1.dso.mil';

/** The example's stack and its ESO release. */
export interface UdsHardenedStack {
  /** The stack. */
  readonly stack: TerraformStack;
  /** The ESO release (its `renderedValues` go into the Zarf package). */
  readonly eso: ExternalSecretsOperatorRelease;
}

/** Adds the example's stack to a cdktf app. */
export function addUdsHardenedStack(app: App): UdsHardenedStack {
  const aws = declaration.aws!;
  const stack = new TerraformStack(app, 'uds-hardened');
  new AwsProvider(stack, 'aws', { region: aws.region, allowedAccountIds: [aws.accountId] });
  const infrastructure = new SecretsPlatformInfrastructure(stack, 'platform', { declaration });
  const helm = HelmConnection.fromEks(stack, 'helm', { clusterName: cluster.clusterName, region: cluster.region });
  const addons = new EsoClusterAddons(stack, 'addons', {
    declaration,
    cluster,
    provider: helm,
    identity: infrastructure.controllerIdentity(cluster),
    eso: {
      values: {
        // One image for the controller, the webhook and the cert controller.
        image: ContainerImage.fromRegistry({ registry: REGISTRY, repository: ESO_REPOSITORY, tag: ESO_TAG, digest: ESO_DIGEST }),
      },
    },
    reloader: false,
  });
  return { stack, eso: addons.eso };
}

/** The ESO release's Helm values, rendered from the typed values (for the Zarf package). */
export function udsEsoRelease(): ExternalSecretsOperatorRelease {
  return addUdsHardenedStack(new App()).eso;
}
