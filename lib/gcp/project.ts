import { Construct, IConstruct } from 'constructs';
import { gkeWorkloadPool } from '../core/gcp-principals';
import { assertProjectId, assertProjectNumber } from './private/util';

/**
 * A Google Cloud project, known by its ID and its number.
 *
 * Both are needed: resources are addressed by ID (`projects/<id>/secrets/<secret>`), but workload
 * identity principals (`principal://iam.googleapis.com/projects/<number>/…`) and Google-managed
 * service agents (`service-<number>@…`) are named after the number.
 */
export interface IGcpProject extends IConstruct {
  /** Project ID, such as `shop-prod`. May be a token. */
  readonly projectId: string;
  /** Project number, such as `123456789012`. May be a token (the `number` of a `DataGoogleProject`). */
  readonly projectNumber: string;
  /** The project's GKE workload identity pool, `<projectId>.svc.id.goog`. */
  readonly workloadPool: string;
}

/** Attributes of {@link GcpProject.fromProjectAttributes}. */
export interface GcpProjectAttributes {
  /** Project ID: 6-30 lowercase letters, digits and "-", starting with a letter. May be a token. */
  readonly projectId: string;
  /**
   * Project number (digits, as a string). May be a token, such as the `number` attribute of a
   * `DataGoogleProject`; a literal keeps principal strings readable in the synthesized JSON.
   */
  readonly projectNumber: string;
}

/** An existing Google Cloud project (projects are not created by this library). */
export class GcpProject extends Construct implements IGcpProject {
  /** References a project by ID and number; both are validated when literal. */
  public static fromProjectAttributes(scope: Construct, id: string, attributes: GcpProjectAttributes): IGcpProject {
    return new GcpProject(scope, id, attributes);
  }

  public readonly projectId: string;
  public readonly projectNumber: string;

  private constructor(scope: Construct, id: string, attributes: GcpProjectAttributes) {
    super(scope, id);
    assertProjectId(this.node.path, 'projectId', attributes?.projectId);
    assertProjectNumber(this.node.path, 'projectNumber', attributes.projectNumber);
    this.projectId = attributes.projectId;
    this.projectNumber = attributes.projectNumber;
  }

  public get workloadPool(): string {
    return gkeWorkloadPool(this.projectId);
  }
}
