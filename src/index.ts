/**
 * trailsim: a deterministic, in-memory simulator of AWS CloudTrail and its EventBridge delivery.
 * This file is the whole public API of the main entry point.
 */
export * from './core/errors.js';
export { VirtualClock, type TimerHandle } from './core/clock.js';
export { parseDuration, type Duration } from './core/duration.js';
export { Random, createRandom, type Seed } from './core/random.js';
export { formatEventTime, type Instant } from './core/time.js';
export type * from './record/types.js';
export { EVENT_VERSION, RECORD_KEY_ORDER } from './record/types.js';

// Simulation
export { Simulation, createSimulation, shardOf, type SimulationOptions, type RecordListener, type RecordFilter } from './simulation.js';
export { VERSION } from './version.js';
export type { CallOptions, CallError } from './record/builder.js';

// World
export { World, type PopulateConstraints } from './world/world.js';
export { Account, type AccountOptions } from './world/account.js';
export { Organization } from './world/organization.js';
export {
  Principal,
  RootPrincipal,
  IamUserPrincipal,
  IamUserConsoleSession,
  Role,
  AssumedRoleSession,
  FederatedUserPrincipal,
  AwsServicePrincipal,
  AwsAccountPrincipal,
  IdentityCenterUserPrincipal,
  SamlUserPrincipal,
  WebIdentityUserPrincipal,
  AwsInternalPrincipal,
  ViaServicePrincipal,
  type SessionIssuer,
  type CredentialLedger,
  type AccountRef,
  type CallerProfile,
  type IamUserOptions,
  type RoleOptions,
  type SessionOptions,
} from './world/principal.js';
export { DEFAULT_REGIONS, KNOWN_REGIONS, registerRegion, registeredRegions, isRegionName } from './world/regions.js';
export { recordNetworkActivity, VPCE_ACCESS_DENIED_MESSAGE, NETWORK_ACTIVITY_SOURCES, type NetworkActivityInput } from './record/network-activity.js';
export { recordCreateAccountResult, type CreateAccountResultInput } from './record/service-events.js';
export { ATTACKER_IP_POOL, attackerAddress, type AttackerAddressMode } from './world/attacker-ips.js';

// Activity
export { Traffic, shardName, daysBetween, type TrafficOptions, type ShardKey, type CallIntent } from './activity/traffic.js';
export { DEFAULT_PERSONAS, type Persona, type PersonaIdentity, type SessionSchedule, type SessionIssuerSpec } from './activity/persona.js';
export { Estate, RootConsoleSession, type SessionInfo, type PlannedCall } from './estate/sessions.js';
export { SessionLedger } from './estate/ledger.js';
export { traceSessions, parseSdkDate, type TraceReport } from './estate/trace.js';
export { poissonArrivals, parseRate, type RateProfile } from './activity/rate.js';

// Event history
export { EventHistory, EVENT_HISTORY_RETENTION_DAYS, type EventHistoryOptions } from './cloudtrail/history.js';
export type { LookupEventsInput, LookupEventsOutput, LookupAttribute, LookupAttributeKey, Event, EventResource } from './cloudtrail/lookup-events.js';

// Scenarios
export { defineScenario, type ScenarioDefinition, type ScenarioContext, type Scenario, type AttackMapping } from './scenario/define.js';
export { runScenario, type ScenarioRun } from './scenario/run.js';
export { generateDataset, type GenerateOptions, type GenerateProgress } from './cli/generate.js';
export type { GenerateFormat } from './cli/generate-producer.js';
export { hiveParquetAthenaDdl, hiveParquetTrinoDdl } from './export/hive-parquet.js';

// Record validator
export * from './validate/index.js';

// EventBridge: patterns, buses, rules, targets, CloudTrail delivery
export * from './bus/pattern/index.js';
export * from './bus/index.js';

// Catalog of operations
export { Catalog, defaultCatalog, validateOperationSpec, type CatalogFilter } from './catalog/catalog.js';
export { accessDeniedError, ACCESS_DENIED_REASONS, type AccessDeniedReason } from './catalog/access-denied.js';
export { applySizeLimits } from './catalog/size-limits.js';
export type { CallContext, WorldView, WorldResource, ResourceType, ErrorMode, OperationSpec } from './catalog/types.js';

// Insights
export * from './cloudtrail/insights/index.js';

// CloudTrail Lake
export * from './cloudtrail/lake/index.js';
export { exportParquet, exportParquetFromS3Tree, exportParquetFromJsonl, type ExportParquetOptions } from './export/parquet.js';

// Trails, S3 delivery, digests, export and replay
export * from './cloudtrail/trails/index.js';
export * from './s3/index.js';
export { exportS3Tree, METADATA_SIDECAR_SUFFIX, type ExportS3TreeOptions, type ExportSummary, type ObjectMetadataSidecar } from './export/s3-layout.js';
export { readS3Tree, readCloudTrailRecords, parseCloudTrailFile, cloudTrailFiles, type ReadRecordsOptions, type CloudTrailFileRecords } from './export/s3-layout-reader.js';
export { replayRecords, loadRecords, type ReplaySource, type ReplayOptions, type ReplaySummary, type ReplayHost } from './export/replay.js';
export { JsonlWriter } from './export/jsonl.js';

// The estate's resource registry (docs/resources.md)
export { EstateRegistry, CallView, ShardScope, type Lifecycle, type Binding, type ViewOptions } from './estate/registry.js';
export { effectOf, notFoundOf, lifecycleOps, LIFECYCLE_OPS, type ResourceEffect, type ResourceAction, type NotFound } from './catalog/resource-effects.js';
