import { invalidZarfImage } from '../core/errors';
import { ESO_CHART, PinnedChart, RELOADER_CHART } from '../helm/charts';

/**
 * The default images of the pinned charts (`image.repository` in their values.yaml; the tag defaults
 * to the chart's appVersion). A test checks them against ../shared/upstream/<chart>/chart-values.yaml.
 */
export const CHART_DEFAULT_IMAGES = {
  /** ESO chart 2.9.0: controller, webhook and cert controller share one image. */
  externalSecrets: 'ghcr.io/external-secrets/external-secrets',
  /** Reloader chart 2.2.16. */
  reloader: 'ghcr.io/stakater/reloader',
} as const;

type Tree = { [key: string]: unknown };

function obj(v: unknown): Tree {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Tree : {};
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** `repository:tag[-flavour]` as the ESO chart renders `.Values.<component>.image`. */
function esoImage(path: string, prop: string, image: Tree, chart: PinnedChart): string {
  const repository = str(image.repository) ?? CHART_DEFAULT_IMAGES.externalSecrets;
  const tag = str(image.tag) ?? chart.appVersion;
  const flavour = str(image.flavour);
  // A digest rides on the tag ("v2.9.0@sha256:…"), the flavour suffixes the tag before it.
  const [bareTag, digest] = tag.split('@');
  const ref = `${repository}:${bareTag}${flavour !== undefined ? `-${flavour}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
  if (!/^[^\s:@]+(:[\w.-]+)?(@sha(256|512):[a-f0-9]+)?$/.test(ref.replace(/^([^/]+:\d+)\//, 'host/'))) {
    throw invalidZarfImage(path, prop, ref);
  }
  return ref;
}

/**
 * Every image the ESO chart pulls with these values: the controller, plus the webhook and the cert
 * controller unless disabled (`webhook.create`, `certController.create`). The bitwarden-sdk-server
 * subchart (off by default) is not supported here.
 */
export function externalSecretsImages(path: string, values: Tree, chart: PinnedChart = ESO_CHART): string[] {
  const images = [esoImage(path, 'values.image', obj(values.image), chart)];
  const webhook = obj(values.webhook);
  if (webhook.create !== false) images.push(esoImage(path, 'values.webhook.image', obj(webhook.image), chart));
  const cert = obj(values.certController);
  if (cert.create !== false) images.push(esoImage(path, 'values.certController.image', obj(cert.image), chart));
  return [...new Set(images)].sort();
}

/** The image the Reloader chart pulls with these values (`repository@digest`, else `repository:tag`). */
export function reloaderImages(path: string, values: Tree, chart: PinnedChart = RELOADER_CHART): string[] {
  const image = obj(values.image);
  const registry = str(obj(values.global).imageRegistry);
  const repository = registry !== undefined && str(image.name) !== undefined
    ? `${registry}/${str(image.name)}`
    : str(image.repository) ?? CHART_DEFAULT_IMAGES.reloader;
  const digest = str(image.digest);
  const tag = str(image.tag) ?? chart.appVersion;
  const ref = digest !== undefined ? `${repository}@${digest}` : `${repository}:${tag}`;
  if (/\s/.test(ref)) {
    throw invalidZarfImage(path, 'values.image', ref);
  }
  return [ref];
}
