/**
 * The catalog of API operations: hand-tuned operations (src/catalog/services/), the long
 * tail generated from AWS's API models, the registry, access-denied errors and CloudTrail's
 * size limits. Re-exported from src/index.ts.
 */
export type { CallContext, WorldView, WorldResource, ResourceType, ErrorMode, OperationSpec } from './types.js';
export { Catalog, defaultCatalog, validateOperationSpec, type CatalogFilter } from './catalog.js';
export { accessDeniedError, iamActionOf, ACCESS_DENIED_REASONS, type AccessDeniedReason, type AccessDeniedError } from './access-denied.js';
export { resolveCallError, type ResolvedCallError } from './call-error.js';
export { requestFor } from './request.js';
export { finalizeRecord } from './finalize.js';
export { applySizeLimits, truncateString, OBJECT_FIELD_LIMITS, STRING_FIELD_LIMIT } from './size-limits.js';
export { isReadOnlyName } from './read-only.js';
export { handOperations } from './services/index.js';
export { modelOperationSpecs } from './model-ops.js';
export { MODEL_SOURCE } from './model-data.js';
export { mergeParams } from './util.js';
