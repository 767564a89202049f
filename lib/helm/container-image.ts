import { Token } from 'cdktf';
import {
  invalidImageDigest, invalidImageRegistry, invalidImageRepository, invalidImageTag, missingProp,
} from '../core/errors';

/** When the kubelet pulls an image. */
export enum ImagePullPolicy {
  /** Pull only when the image is not on the node (the charts' default). */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Always resolve the reference against the registry (needed for mutable tags). */
  ALWAYS = 'Always',
  /** Never pull; the image must already be on the node (air-gapped nodes with preloaded images). */
  NEVER = 'Never',
}

/** Options for {@link ContainerImage.fromRegistry}. */
export interface ContainerImageOptions {
  /**
   * Registry host, with an optional port, without scheme or path.
   *
   * Examples: `registry1.dso.mil` (Iron Bank), `cgr.dev` (Chainguard), `registry.internal:5000`.
   */
  readonly registry: string;
  /**
   * Repository path inside the registry, without tag or digest.
   *
   * Examples: `ironbank/opensource/external-secrets/external-secrets`, `chainguard/external-secrets`.
   */
  readonly repository: string;
  /**
   * Image tag.
   * @default - the chart's application version (`v2.9.0` for ESO, `v1.4.21` for Reloader), so a
   * mirror that keeps upstream tags works without setting it
   */
  readonly tag?: string;
  /**
   * Immutable image digest (`sha256:<64 hex>`). Recommended for hardened deployments: a digest pins
   * the exact image content, a tag can be moved.
   *
   * With a digest, the ESO chart renders `<repository>:<tag>@<digest>` (the runtime pulls by digest,
   * the tag is informative) and the Reloader chart renders `<repository>@<digest>`.
   * @default - no digest: the image is pulled by tag
   */
  readonly digest?: string;
  /**
   * Pull policy.
   * @default - the chart's default, `IfNotPresent`
   */
  readonly pullPolicy?: ImagePullPolicy;
}

/** The validated parts of an image reference, as the Helm renderers need them. */
export interface ResolvedContainerImage {
  /** `<registry>/<repository>`. */
  readonly repository: string;
  /** Tag, if any. */
  readonly tag?: string;
  /** Digest, if any. */
  readonly digest?: string;
  /** Pull policy, if any. */
  readonly pullPolicy?: ImagePullPolicy;
}

const REGISTRY = /^(?=.{1,253}(:|$))[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*(:[0-9]{1,5})?$/;
const REPOSITORY_COMPONENT = '[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${REPOSITORY_COMPONENT}(/${REPOSITORY_COMPONENT})*$`);
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * A container image from a registry of your choice, for hardened-image overrides.
 *
 * Use it to run ESO and Reloader from an accredited registry (for example Iron Bank,
 * `registry1.dso.mil/ironbank/...`) or a distroless vendor (for example Chainguard,
 * `cgr.dev/chainguard/...`). The parts are validated when a release uses the image, so errors name
 * the release and the prop that holds the image.
 *
 * @example
 * const image = ContainerImage.fromRegistry({
 *   registry: 'registry1.dso.mil',
 *   repository: 'ironbank/opensource/external-secrets/external-secrets',
 *   tag: 'v2.9.0',
 * });
 */
export class ContainerImage {
  /** An image from `registry`/`repository`, pinned by tag and/or digest. */
  public static fromRegistry(options: ContainerImageOptions): ContainerImage {
    return new ContainerImage(options);
  }

  private constructor(private readonly options: ContainerImageOptions) {}

  /** The full reference this image resolves to (`registry/repository[:tag][@digest]`), for display. */
  public toString(): string {
    const { registry, repository, tag, digest } = this.options;
    return `${registry}/${repository}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
  }

  /**
   * Validates the parts and returns them for rendering. Called by the releases with their construct
   * path and the prop holding the image; unresolved tokens are not checked.
   * @internal
   */
  public _resolve(path: string, prop: string): ResolvedContainerImage {
    const { registry, repository, tag, digest, pullPolicy } = this.options;
    if (registry === '') {
      throw missingProp(path, `${prop}.registry`, 'pass the registry host, for example "registry1.dso.mil"');
    }
    if (!Token.isUnresolved(registry) && !REGISTRY.test(registry)) {
      throw invalidImageRegistry(path, `${prop}.registry`, registry);
    }
    if (!Token.isUnresolved(repository) && !REPOSITORY.test(repository)) {
      throw invalidImageRepository(path, `${prop}.repository`, repository);
    }
    if (tag !== undefined && !Token.isUnresolved(tag) && !TAG.test(tag)) {
      throw invalidImageTag(path, `${prop}.tag`, tag);
    }
    if (digest !== undefined && !Token.isUnresolved(digest) && !DIGEST.test(digest)) {
      throw invalidImageDigest(path, `${prop}.digest`, digest);
    }
    return { repository: `${registry}/${repository}`, tag, digest, pullPolicy };
  }
}
