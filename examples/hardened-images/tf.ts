/**
 * Cloud side of the hardened-images example (cdktf), one stack `hardened-images` for an existing EKS
 * cluster: the registry credentials secret (write-only initial value), the ESO controller's IRSA role,
 * and the ESO and Reloader releases running Iron Bank images pinned by digest, with image pull secrets.
 *
 * Security contexts are NOT set: both charts keep their defaults (ESO: non-root UID 1000, read-only
 * root file system, no privilege escalation, all capabilities dropped, RuntimeDefault seccomp;
 * Reloader: non-root UID 65534 with RuntimeDefault seccomp at pod level).
 *
 * Reloader is installed after ESO: its pull secret is synced by ESO (Argo CD applies the
 * ExternalSecret once the CRDs exist), and the release waits (up to its 10-minute timeout) while the
 * kubelet retries the pull until the Secret appears.
 */
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { ContainerImage, HelmConnection, ReloadStrategy } from '../../lib/helm';
import { EsoClusterAddons, SecretsPlatformInfrastructure } from '../../lib/platform';
import { BOOTSTRAP_PULL_SECRET_NAME, cluster, declaration, PULL_SECRET_NAME, REGISTRY } from './declaration';
import { ESO_DIGEST, ESO_REPOSITORY, ESO_TAG, RELOADER_DIGEST, RELOADER_REPOSITORY, RELOADER_TAG } from './images';

/** Adds the example's stack to a cdktf app. */
export function addHardenedImagesStack(app: App): TerraformStack {
  const aws = declaration.aws!;
  const stack = new TerraformStack(app, 'hardened-images');
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
        // The ESO-synced secret serves every pull after the first install; the bootstrap one the first install.
        imagePullSecrets: [PULL_SECRET_NAME, BOOTSTRAP_PULL_SECRET_NAME],
      },
    },
    reloader: {
      values: {
        image: ContainerImage.fromRegistry({ registry: REGISTRY, repository: RELOADER_REPOSITORY, tag: RELOADER_TAG, digest: RELOADER_DIGEST }),
        imagePullSecrets: [PULL_SECRET_NAME],
        reloadStrategy: ReloadStrategy.ANNOTATIONS,
        reloadOnCreate: true,
      },
    },
  });
  addons.eso.addDependent(addons.reloader!);
  return stack;
}
