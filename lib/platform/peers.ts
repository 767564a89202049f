// The first import of `cdk-external-secrets/platform`: cdktf and constructs are checked before they
// load (each backend's provider is loaded, and checked, only when the declaration uses that backend).
import { checkEntryPeers } from '../core/optional-peer';

checkEntryPeers('cdk-external-secrets/platform', ['constructs', 'cdktf']);
