// Test helpers for lib/helm: synthesize a stack with validations on and find releases semantically.
import { HelmProvider } from '@cdktf/provider-helm/lib/provider';
import { Testing, TerraformStack } from 'cdktf';

/** A parsed Terraform JSON document. */
export type TfJson = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A fresh stack with a default Helm provider (cdktf validation requires one). */
export function newStack(withProvider = true): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  if (withProvider) {
    new HelmProvider(stack, 'helm', {});
  }
  return stack;
}

/** `Testing.synth(stack, true)` parsed. */
export function synth(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack, true)) as TfJson;
}

/** The `helm_release` whose `name` is `releaseName`. */
export function findRelease(doc: TfJson, releaseName: string): TfJson {
  const releases = Object.values((doc.resource?.helm_release ?? {}) as Record<string, TfJson>);
  const found = releases.filter((r) => r.name === releaseName);
  if (found.length !== 1) {
    throw new Error(`expected one helm_release named ${releaseName}, found ${found.length}`);
  }
  return found[0];
}

/** The parsed values document of the `helm_release` named `releaseName`. */
export function releaseValues(doc: TfJson, releaseName: string): TfJson {
  const release = findRelease(doc, releaseName);
  expect(release.values).toHaveLength(1);
  return JSON.parse(release.values[0]) as TfJson;
}
