// `npx cdk8s synth`: every example's cluster side, one YAML file per chart under dist/.
import { App } from 'cdk8s';
import { addAwsOnlyChart } from './aws-only/k8s';
import { addEsoReloaderChart } from './eso-reloader/k8s';

const app = new App();
addAwsOnlyChart(app);
addEsoReloaderChart(app);
app.synth();
