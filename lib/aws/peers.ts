// The first import of `cdk-external-secrets/aws`: its peers are checked before any of them loads, so a
// project without them gets the library's error naming the install line, not Node's "Cannot find module".
import { checkEntryPeers } from '../core/optional-peer';

checkEntryPeers('cdk-external-secrets/aws', ['constructs', 'cdktf', '@cdktf/provider-aws']);
