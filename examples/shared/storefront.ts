/** Shared by the examples (cdk8s): the storefront Deployment that consumes synced Secrets. */
import { Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { ExternalSecret } from '../../lib/k8s';

/** Props of {@link addStorefront}. */
export interface StorefrontProps {
  /** Namespace of the Deployment (the ExternalSecrets' namespace). */
  readonly namespace: string;
  /** Its keys become environment variables (`envFrom`). */
  readonly envFrom: ExternalSecret;
  /** Mounted read-only as files at `path`. */
  readonly mount: { readonly externalSecret: ExternalSecret; readonly path: string };
}

/** A non-root, read-only-root-filesystem Deployment reading one Secret as env and one as files. */
export function addStorefront(scope: Construct, props: StorefrontProps): kplus.Deployment {
  const storefront = new kplus.Deployment(scope, 'storefront', {
    metadata: { name: 'storefront', namespace: props.namespace },
    replicas: 2,
    securityContext: { ensureNonRoot: true },
  });
  const container = storefront.addContainer({
    name: 'storefront',
    image: 'ghcr.io/example/storefront:1.4.2',
    portNumber: 8080,
    securityContext: { ensureNonRoot: true, readOnlyRootFilesystem: true, user: 10001 },
    resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(128) } },
  });
  container.env.copyFrom(kplus.Env.fromSecret(props.envFrom.secret));
  const volume = kplus.Volume.fromSecret(scope, `${props.mount.externalSecret.targetSecretName}-volume`, props.mount.externalSecret.secret);
  container.mount(props.mount.path, volume, { readOnly: true });
  return storefront;
}
