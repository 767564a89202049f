/** A collection of Kubernetes manifests deployed by Zarf as one generated Helm chart. */
export class ZarfManifests {
  /**
   * Objects (for example a cdk8s chart's `toJson()`), written by the package to `manifests/<name>.yaml`.
   */
  public static fromObjects(name: string, objects: readonly unknown[], options: ZarfManifestsOptions = {}): ZarfManifests {
    return new ZarfManifests(name, options.namespace, undefined, [...objects]);
  }

  /** YAML files that already exist (for example `cdk8s synth` output), as paths relative to zarf.yaml. */
  public static fromFiles(name: string, files: readonly string[], options: ZarfManifestsOptions = {}): ZarfManifests {
    return new ZarfManifests(name, options.namespace, [...files], undefined);
  }

  private constructor(
    /** Name of the collection (becomes the generated chart's name). */
    public readonly name: string,
    /** Namespace for objects without one. */
    public readonly namespace: string | undefined,
    /** Existing files. */
    public readonly files: string[] | undefined,
    /** Objects to write. */
    public readonly objects: unknown[] | undefined,
  ) {}
}

/** Options of {@link ZarfManifests}. */
export interface ZarfManifestsOptions {
  /**
   * Namespace Zarf deploys objects without a namespace to.
   * @default - the objects' own namespaces (cluster-scoped objects need none)
   */
  readonly namespace?: string;
}
