/**
 * CloudTrail Lake: event data stores and Lake SQL (see `lake.ts`), and SQL over exported
 * trail log trees (`s3-tree-query.ts`). The public surface for `src/index.ts` to re-export.
 */
export {
  Lake,
  type LakeHost,
  type LakeOptions,
  type LakeCallOptions,
  type CreateEventDataStoreInput,
  type CreateEventDataStoreOutput,
  type EventDataStoreDescription,
  type GetEventDataStoreOutput,
  type UpdateEventDataStoreInput,
  type UpdateEventDataStoreOutput,
  type RestoreEventDataStoreOutput,
  type EventDataStoreInput,
  type ListEventDataStoresInput,
  type ListEventDataStoresOutput,
  type StartQueryInput,
  type StartQueryOutput,
  type QueryIdInput,
  type DescribeQueryOutput,
  type GetQueryResultsInput,
  type GetQueryResultsOutput,
  type ListQueriesInput,
  type ListQueriesOutput,
  type CancelQueryOutput,
  type AdvancedEventSelector as LakeAdvancedEventSelector,
  type AdvancedFieldSelector as LakeAdvancedFieldSelector,
  type BillingMode,
  type EventDataStoreStatus,
  type QueryStatus,
  type Tag as LakeTag,
} from './lake.js';
export * from './errors.js';
export { RETENTION_LIMITS, DEFAULT_BILLING_MODE, isRetained } from './retention.js';
export { defaultSelectors } from './selectors.js';
export { PENDING_DELETION_DAYS } from './event-data-store.js';
export { CLOUDTRAIL_COLUMNS, INSIGHT_COLUMNS, type LakeColumn } from './lake-schema.js';
export { TRINO_COMPAT_MACROS } from './trino-compat.js';
export { DUCKDB_PACKAGE, type DuckDBLoader } from './duckdb-loader.js';
export { queryS3Tree, checkS3TreeQuery, findTrailLogFiles, listTrailLogFiles, defaultCacheDir, cacheFileFor, type QueryS3TreeOptions, type S3TreeResult, type TrailLogFile } from './s3-tree-query.js';
export { ATHENA_COLUMNS } from './athena-table.js';
