/**
 * Bad inputs of the Helm cluster connections through the PUBLIC API (the package root), written the
 * way a JavaScript caller or a careless copy would. Expected messages: `expected-helm.ts`.
 */
import { TerraformStack, Testing } from 'cdktf';
import { HelmConnection, type GkeHelmConnectionOptions } from '../../lib';
import type { BadInput } from './cases';

function gke(options: unknown): () => unknown {
  return () => HelmConnection.fromGke(new TerraformStack(Testing.app(), 's'), 'Gke', options as GkeHelmConnectionOptions);
}

export const HELM_CASES: readonly BadInput[] = [
  ['helm: GKE connection without options', gke(undefined)],
  ['helm: GKE connection without cluster name', gke({ location: 'europe-west1' })],
  ['helm: GKE connection with an empty location', gke({ clusterName: 'gke-prod', location: '' })],
];
