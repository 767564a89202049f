// `npx cdktf synth`: every example's cloud side, one stack folder each under cdktf.out/stacks/.
import { App } from 'cdktf';
import { addAwsOnlyStacks } from './aws-only/tf';
import { addEsoReloaderStack } from './eso-reloader/tf';

const app = new App();
addAwsOnlyStacks(app);
addEsoReloaderStack(app);
app.synth();
