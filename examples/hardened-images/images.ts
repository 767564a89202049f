/**
 * The hardened images, pinned by digest. Engine-free constants shared by tf.ts and the tests.
 *
 * The digests below are PLACEHOLDERS of the right shape: replace them with the digests you verified
 * (for example `cosign verify` against the Iron Bank signing key, then `crane digest <image>:<tag>`).
 * Synth validates their format, not their existence.
 */

/** Iron Bank repository of External Secrets Operator (one binary: controller, webhook, cert controller). */
export const ESO_REPOSITORY = 'ironbank/opensource/external-secrets/external-secrets';
/** ESO version of chart 2.9.0. */
export const ESO_TAG = 'v2.9.0';
/** Digest of the ESO image (placeholder, see above). */
export const ESO_DIGEST = 'sha256:1111111111111111111111111111111111111111111111111111111111111111';

/** Iron Bank repository of Stakater Reloader. */
export const RELOADER_REPOSITORY = 'ironbank/opensource/stakater/reloader';
/** Reloader version of chart 2.2.16. */
export const RELOADER_TAG = 'v1.4.21';
/** Digest of the Reloader image (placeholder, see above). */
export const RELOADER_DIGEST = 'sha256:2222222222222222222222222222222222222222222222222222222222222222';
