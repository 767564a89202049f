import { ESO_CHART, PinnedChart, RELOADER_CHART } from '../helm/charts';
import { externalSecretsImages, reloaderImages } from './chart-images';
import { assertType, TypeRule } from '../core/validation';

/**
 * A Helm release as the Zarf builder reads it. `ExternalSecretsOperatorRelease` and
 * `ReloaderHelmRelease` (cdktf) satisfy it, so the builder itself needs no cdktf.
 */
export interface RenderedHelmRelease {
  /** Helm release name. */
  readonly releaseName: string;
  /** Namespace. */
  readonly namespace: string;
  /** The Helm values (typed values rendered, extra values merged). */
  readonly renderedValues: { readonly [key: string]: unknown };
}

/** Options of a chart built from values. */
export interface ZarfHelmChartOptions {
  /**
   * Helm release name.
   * @default - the chart name ("external-secrets" or "reloader")
   */
  readonly releaseName?: string;
  /**
   * Namespace to install into.
   * @default - "external-secrets" for ESO, "reloader" for Reloader
   */
  readonly namespace?: string;
  /**
   * Rendered Helm values (for example a release's `renderedValues`).
   * @default {} (the chart's defaults)
   */
  readonly values?: { readonly [key: string]: unknown };
}

/** One pinned Helm chart of a Zarf package, with its values and the images it pulls. */
/** What a rendered release must provide (ExternalSecretsOperatorRelease, ReloaderHelmRelease). */
const RELEASE: TypeRule = {
  shape: { releaseName: 'string', namespace: 'string', renderedValues: 'object' },
  name: 'a rendered Helm release (ExternalSecretsOperatorRelease or ReloaderHelmRelease)',
};

export class ZarfHelmChart {
  /** The External Secrets Operator chart (2.9.0, pinned). */
  public static externalSecrets(options: ZarfHelmChartOptions = {}): ZarfHelmChart {
    const values = options.values ?? {};
    return new ZarfHelmChart(ESO_CHART, options.releaseName ?? ESO_CHART.name, options.namespace ?? 'external-secrets', values,
      (path) => externalSecretsImages(path, values as { [key: string]: unknown }));
  }

  /** The Stakater Reloader chart (2.2.16, pinned). */
  public static reloader(options: ZarfHelmChartOptions = {}): ZarfHelmChart {
    const values = options.values ?? {};
    return new ZarfHelmChart(RELOADER_CHART, options.releaseName ?? RELOADER_CHART.name, options.namespace ?? 'reloader', values,
      (path) => reloaderImages(path, values as { [key: string]: unknown }));
  }

  /** The ESO chart as an `ExternalSecretsOperatorRelease` installs it. */
  public static fromExternalSecretsRelease(release: RenderedHelmRelease): ZarfHelmChart {
    assertType('ZarfHelmChart.fromExternalSecretsRelease', 'release', release, RELEASE);
    return ZarfHelmChart.externalSecrets({ releaseName: release.releaseName, namespace: release.namespace, values: release.renderedValues });
  }

  /** The Reloader chart as a `ReloaderHelmRelease` installs it. */
  public static fromReloaderRelease(release: RenderedHelmRelease): ZarfHelmChart {
    assertType('ZarfHelmChart.fromReloaderRelease', 'release', release, RELEASE);
    return ZarfHelmChart.reloader({ releaseName: release.releaseName, namespace: release.namespace, values: release.renderedValues });
  }

  private constructor(
    /** The pinned chart. */
    public readonly chart: PinnedChart,
    /** Helm release name. */
    public readonly releaseName: string,
    /** Namespace. */
    public readonly namespace: string,
    /** Helm values. */
    public readonly values: { readonly [key: string]: unknown },
    private readonly imageResolver: (path: string) => string[],
  ) {}

  /** The images the chart pulls with its values, sorted. @internal */
  public _images(path: string): string[] {
    return this.imageResolver(path);
  }
}
