// `npx cdk8s synth`: every example's cluster side, one YAML file per chart under dist/.
import { App } from 'cdk8s';
import { addAwsOnlyChart } from './aws-only/k8s';
import { addAzureOnlyChart } from './azure-only/k8s';
import { addBootstrapCredentialsChart } from './bootstrap-credentials/k8s';
import { addEsoReloaderChart } from './eso-reloader/k8s';
import { addPodIdentityChart } from './pod-identity/k8s';
import { addSharedClustersCharts } from './shared-clusters/k8s';
import { addHardenedImagesChart } from './hardened-images/k8s';

const app = new App();
addAwsOnlyChart(app);
addAzureOnlyChart(app);
addBootstrapCredentialsChart(app);
addEsoReloaderChart(app);
addPodIdentityChart(app);
addSharedClustersCharts(app);
addHardenedImagesChart(app);
app.synth();
