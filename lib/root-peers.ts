// The package root's first import (lib/index.ts): the root re-exports every layer, so it loads cdk8s,
// cdktf and every provider. In a project built from one install line, this fails first with the
// library's error naming what is missing and the entry point to import from, instead of Node's
// "Cannot find module" for whichever peer happens to load first.
import { checkRootPeers } from './core/optional-peer';

checkRootPeers();
