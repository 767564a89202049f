// `npx cdktf synth`: every example's cloud side, one stack folder each under cdktf.out/stacks/.
import { App } from 'cdktf';
import { addAwsOnlyStacks } from './aws-only/tf';
import { addAzureOnlyStacks } from './azure-only/tf';
import { addBootstrapCredentialsStack } from './bootstrap-credentials/tf';
import { addEsoReloaderStack } from './eso-reloader/tf';
import { addPodIdentityStacks } from './pod-identity/tf';
import { addSharedClustersStacks } from './shared-clusters/tf';
import { addHardenedImagesStack } from './hardened-images/tf';

const app = new App();
addAwsOnlyStacks(app);
addAzureOnlyStacks(app);
addBootstrapCredentialsStack(app);
addEsoReloaderStack(app);
addPodIdentityStacks(app);
addSharedClustersStacks(app);
addHardenedImagesStack(app);
app.synth();
