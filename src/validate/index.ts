/**
 * The CloudTrail record validator: `validateRecord` for one record, `validateFile` /
 * `validateStream` for JSONL and CloudTrail log files (gzip or not) of any size, `RULES`
 * for the catalogue of rule ids; `readRecords` streams the records of such a file without
 * validating them (what `trailsim detect`, `report` and `export` read).
 */
export { validateRecord, EVENT_TYPES, EVENT_CATEGORIES } from './validate-record.js';
export {
  validateFile,
  validateStream,
  ValidationRun,
  RecordSourceError,
  RecordStructureError,
  EXPECTED_INPUT,
  type RecordResult,
  type ValidationSummary,
  type StreamValidateOptions,
  type InputFormat,
  type ByteSource,
  readRecords,
  RecordsFileError,
  type ReadRecord,
} from './stream.js';
export { RULES, ruleInfo, type RuleId, type RuleInfo } from './rules.js';
export type { Violation, Severity, Delivery, ValidateOptions } from './types.js';
