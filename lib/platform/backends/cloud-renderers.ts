/** The cdktf cloud renderers: one line per backend. */
import { awsCloudRenderer } from './aws-cloud';
import { azureCloudRenderer } from './azure-cloud';
import { CloudRendererFactory } from './cloud-renderer';
import { googleCloudRenderer } from './google-cloud';
import { vaultCloudRenderer } from './vault-cloud';

/** Every backend's cloud renderer, in rendering order. */
export const CLOUD_RENDERERS: readonly CloudRendererFactory[] = [
  awsCloudRenderer,
  azureCloudRenderer,
  googleCloudRenderer,
  vaultCloudRenderer,
];
