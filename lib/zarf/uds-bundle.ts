import { stringify } from 'yaml';
import { emptyCollection, invalidString, invalidUdsBundlePackage, invalidZarfName, duplicateZarfName, missingZarfVersion, wrongType } from '../core/errors';
import { assertShape } from '../core/validation';
import { ZarfPackage } from './zarf-package';

/** A package a UDS bundle deploys: a Zarf package built next to the bundle, or one from an OCI registry. */
export class UdsBundlePackage {
  /**
   * A Zarf package of this library, built with `zarf package create` into `path` (relative to
   * `uds-bundle.yaml`); deployed by its version.
   */
  public static local(zarfPackage: ZarfPackage, path: string): UdsBundlePackage {
    if (!(zarfPackage instanceof ZarfPackage)) {
      throw wrongType('UdsBundlePackage', 'zarfPackage', zarfPackage, 'a ZarfPackage (new ZarfPackage({ name, version, … }))');
    }
    if (typeof path !== 'string' || path.trim() === '') {
      throw invalidString(`UdsBundlePackage ${zarfPackage.name}`, 'path', String(path), 'the directory `zarf package create` writes the package archive to, relative to uds-bundle.yaml', 'pass a path such as "dist/zarf"');
    }
    return new UdsBundlePackage(zarfPackage.name, zarfPackage.version, { path });
  }

  /** A published Zarf package (UDS Core itself, for example `ghcr.io/defenseunicorns/packages/uds/core`). */
  public static remote(options: UdsRemotePackageOptions): UdsBundlePackage {
    const path = `UdsBundlePackage ${typeof options?.name === 'string' ? options.name : ''}`.trim();
    assertShape(path, '', options, { name: 'string', repository: 'string', ref: 'string' });
    if (options.repository.trim() === '') {
      throw invalidString(path, 'repository', options.repository, 'an OCI repository of the package', 'pass a repository such as "ghcr.io/defenseunicorns/packages/uds/core"');
    }
    return new UdsBundlePackage(options.name, options.ref, { repository: options.repository });
  }

  private constructor(
    /** Package name. */
    public readonly name: string,
    /** Version (tag) deployed. */
    public readonly ref: string,
    /** Where it comes from. */
    private readonly source: { readonly path?: string; readonly repository?: string },
  ) {}

  /** The bundle's entry for this package. */
  public toJson(): { [key: string]: unknown } {
    return { name: this.name, ...this.source, ref: this.ref };
  }
}

/** Options of {@link UdsBundlePackage.remote}. */
export interface UdsRemotePackageOptions {
  /** Package name (`metadata.name` of its zarf.yaml). */
  readonly name: string;
  /** OCI repository of the package. */
  readonly repository: string;
  /** Tag of the package (its version, e.g. `1.11.0-upstream`). */
  readonly ref: string;
}

/** Props of {@link UdsBundle}. */
export interface UdsBundleProps {
  /** Bundle name (`metadata.name`, `^[a-z0-9][a-z0-9-]*$`). */
  readonly name: string;
  /** Bundle version (`metadata.version`). */
  readonly version: string;
  /** Packages in deploy order (UDS Core first, then the secrets platform). */
  readonly packages: UdsBundlePackage[];
  /**
   * Description (`metadata.description`).
   * @default - none
   */
  readonly description?: string;
  /**
   * Target architecture (`metadata.architecture`).
   * @default - chosen by `uds create`
   */
  readonly architecture?: string;
}

/**
 * A `uds-bundle.yaml` (kind `UDSBundle`, UDS CLI 0.35 schema) grouping Zarf packages for one
 * deployment: for example UDS Core from its registry, then this library's Zarf package with ESO,
 * its UDS `Package` CR and the cluster-side manifests. Engine-free.
 *
 * @see https://uds.defenseunicorns.com/reference/bundles/overview/
 */
export class UdsBundle {
  /** Bundle name. */
  public readonly name: string;
  private readonly props: UdsBundleProps;

  constructor(props: UdsBundleProps) {
    const path = `UdsBundle ${typeof props?.name === 'string' ? props.name : ''}`.trim();
    if (typeof props?.name !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(props.name)) {
      throw invalidZarfName(path, 'name', props?.name);
    }
    if (typeof props.version !== 'string' || props.version.trim() === '') {
      throw missingZarfVersion(path, props.version);
    }
    assertShape(path, '', props, { 'description?': 'string', 'architecture?': 'string', 'packages': 'array' });
    if (props.packages.length === 0) {
      throw emptyCollection(path, 'packages', [], 'at least one package (a bundle without packages deploys nothing)', 'pass UdsBundlePackage.local(zarfPackage, path) or remote(…)');
    }
    const names = new Set<string>();
    props.packages.forEach((p, i) => {
      if (!(p instanceof UdsBundlePackage)) throw invalidUdsBundlePackage(path, `packages[${i}]`, p);
      if (names.has(p.name)) throw duplicateZarfName(path, `packages[${i}].name`, p.name);
      names.add(p.name);
    });
    this.name = props.name;
    this.props = props;
  }

  /** The `uds-bundle.yaml` document. */
  public toJson(): { [key: string]: unknown } {
    const p = this.props;
    return {
      kind: 'UDSBundle',
      metadata: {
        name: p.name,
        version: p.version,
        ...(p.description !== undefined ? { description: p.description } : {}),
        ...(p.architecture !== undefined ? { architecture: p.architecture } : {}),
      },
      packages: p.packages.map((pkg) => pkg.toJson()),
    };
  }

  /** The `uds-bundle.yaml` text. */
  public toYaml(): string {
    return stringify(this.toJson(), { lineWidth: 0 });
  }
}
