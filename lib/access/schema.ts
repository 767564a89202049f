import schema from './access-model.schema.json';

/**
 * The JSON Schema (draft-07) of `AccessModel` documents, also shipped as the file
 * `cdk-external-secrets/access-model.schema.json`.
 */
export const ACCESS_MODEL_SCHEMA: Readonly<Record<string, unknown>> = schema;
