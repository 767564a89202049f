/**
 * CES-HARD-6: an air-gapped package (Zarf, UDS) carries every image pinned. A floating tag (`latest`,
 * `main`, `stable`, …) or no tag at all makes `zarf package create` pull whatever the registry holds that
 * day: two packages of one version carry different code, and a compromised registry push reaches the
 * air gap unreviewed.
 */
import { RuleCategory } from '../rule';
import { OutputFinding, OutputRule } from './output-rule';

export const mutableImageTag: OutputRule = {
  id: 'CES-HARD-6',
  category: RuleCategory.HARDENING,
  title: 'Every image of an air-gapped package is pinned: a version tag or a digest, never latest or no tag',
  acknowledgeable: true,
};

const FLOATING = new Set(['latest', 'main', 'master', 'stable', 'edge', 'nightly', 'dev', 'develop', 'head', 'canary', 'snapshot']);

/** Why an image reference is mutable, or undefined when it is pinned (`repo:v1.2.3`, `repo@sha256:…`). */
export function mutableImageReason(image: string): string | undefined {
  if (/@sha256:[a-f0-9]{64}$/.test(image)) {
    return undefined;
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  const tag = colon < 0 ? '' : lastSegment.slice(colon + 1);
  if (tag === '') {
    return 'it has no tag (the registry serves latest)';
  }
  if (FLOATING.has(tag.toLowerCase())) {
    return `its tag "${tag}" moves with every push`;
  }
  return undefined;
}

/**
 * The images of a package that are not pinned (CES-HARD-6).
 * @param path construct path, for messages
 * @param images image references (`registry/repo:tag`, `repo@sha256:…`)
 * @param prop the prop listing them
 */
export function checkImagePinning(path: string, images: readonly string[], prop = 'images'): OutputFinding[] {
  const findings: OutputFinding[] = [];
  for (const image of images) {
    const why = mutableImageReason(image);
    if (why !== undefined) {
      findings.push({
        rule: mutableImageTag,
        violation: {
          path, prop, value: image, subject: image,
          allowed: `an image pinned by a version tag or a digest: ${why}, so the package is not reproducible and carries unreviewed code into the air gap`,
          fix: 'set the image tag to a release version, or pin it by digest (repository@sha256:…)',
        },
      });
    }
  }
  return findings;
}
