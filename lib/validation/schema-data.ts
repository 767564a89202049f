/** Shape of the generated `data/eso-crds.json` (see `generate-data.ts`). */
export interface EsoSchemaData {
  /** Where the schemas come from. */
  readonly source: string;
  /** Every version of every ESO kind, served or not, by `<group>/<kind>`. */
  readonly versions: Readonly<Record<string, readonly { readonly name: string; readonly served: boolean }[]>>;
  /** The strict `openAPIV3Schema` of each served version, by `<group>/<version>/<kind>`. */
  readonly schemas: Readonly<Record<string, unknown>>;
}

/** Shape of the generated `data/chart-values.json` (see `generate-data.ts`). */
export interface ChartSchemaData {
  /** Where the schemas come from. */
  readonly source: string;
  /** Each pinned chart's `values.schema.json` (descriptions dropped), by `<chart>@<version>`. */
  readonly schemas: Readonly<Record<string, unknown>>;
}
