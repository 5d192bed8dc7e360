/**
 * Request and response shapes of the EventBridge actions trailsim models, spelled as
 * `@aws-sdk/client-eventbridge` spells them (PascalCase members, optional members absent), so
 * code written against the SDK can be pointed at trailsim. `$metadata` is not modelled.
 */

/** A rule's state (EventBridge API reference, PutRule `State`). */
export type RuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';

export const RULE_STATES: readonly RuleState[] = ['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS'];

export interface Tag {
  Key: string;
  Value: string;
}

// ---- event buses -----------------------------------------------------------------------

export interface CreateEventBusInput {
  Name: string;
  EventSourceName?: string;
  Description?: string;
  Tags?: Tag[];
}
export interface CreateEventBusOutput {
  EventBusArn: string;
  Description?: string;
}
export interface DeleteEventBusInput {
  Name: string;
}
export interface DescribeEventBusInput {
  /** Name or ARN; the default bus when absent. */
  Name?: string;
}
export interface DescribeEventBusOutput {
  Name: string;
  Arn: string;
  Description?: string;
  CreationTime: Date;
  LastModifiedTime: Date;
}
export interface ListEventBusesInput {
  NamePrefix?: string;
  NextToken?: string;
  /** 1–100. */
  Limit?: number;
}
export interface EventBusSummary {
  Name: string;
  Arn: string;
  Description?: string;
  CreationTime: Date;
  LastModifiedTime: Date;
}
export interface ListEventBusesOutput {
  EventBuses: EventBusSummary[];
  NextToken?: string;
}

// ---- rules -----------------------------------------------------------------------------

export interface PutRuleInput {
  Name: string;
  /** The pattern's JSON text (an object is accepted too and stored as its JSON). */
  EventPattern?: string | object;
  ScheduleExpression?: string;
  /** @defaultValue 'ENABLED' */
  State?: RuleState;
  Description?: string;
  RoleArn?: string;
  Tags?: Tag[];
  /** Name or ARN of the bus; the default bus when absent. */
  EventBusName?: string;
}
export interface PutRuleOutput {
  RuleArn: string;
}
export interface RuleRef {
  Name: string;
  EventBusName?: string;
}
export interface DeleteRuleInput extends RuleRef {
  Force?: boolean;
}
export interface DescribeRuleOutput {
  Name: string;
  Arn: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State: RuleState;
  Description?: string;
  RoleArn?: string;
  EventBusName: string;
  /** The account that created the rule. */
  CreatedBy: string;
}
export interface ListRulesInput {
  NamePrefix?: string;
  EventBusName?: string;
  NextToken?: string;
  /** 1–100. */
  Limit?: number;
}
export interface RuleSummary {
  Name: string;
  Arn: string;
  EventPattern?: string;
  State: RuleState;
  Description?: string;
  ScheduleExpression?: string;
  RoleArn?: string;
  EventBusName: string;
}
export interface ListRulesOutput {
  Rules: RuleSummary[];
  NextToken?: string;
}

// ---- targets ---------------------------------------------------------------------------

export interface InputTransformer {
  /** Variable name → JSON path into the event (at most 100). */
  InputPathsMap?: Record<string, string>;
  /** Text with `<variable>` placeholders. */
  InputTemplate: string;
}
export interface RetryPolicy {
  /** 0–185. @defaultValue 185 */
  MaximumRetryAttempts?: number;
  /** 60–86400. @defaultValue 86400 (24 hours) */
  MaximumEventAgeInSeconds?: number;
}
export interface DeadLetterConfig {
  /** ARN of a (standard) SQS queue; in trailsim, a queue made with `createQueue`. */
  Arn?: string;
}
export interface Target {
  Id: string;
  Arn: string;
  RoleArn?: string;
  /** Constant JSON text sent instead of the event. */
  Input?: string;
  /** JSON path selecting the part of the event sent. */
  InputPath?: string;
  InputTransformer?: InputTransformer;
  RetryPolicy?: RetryPolicy;
  DeadLetterConfig?: DeadLetterConfig;
}
export interface PutTargetsInput {
  Rule: string;
  EventBusName?: string;
  /** 1–10 targets. */
  Targets: Target[];
}
export interface FailedTargetEntry {
  TargetId: string;
  ErrorCode: string;
  ErrorMessage: string;
}
export interface PutTargetsOutput {
  FailedEntryCount: number;
  FailedEntries: FailedTargetEntry[];
}
export interface RemoveTargetsInput {
  Rule: string;
  EventBusName?: string;
  Ids: string[];
  Force?: boolean;
}
export type RemoveTargetsOutput = PutTargetsOutput;
export interface ListTargetsByRuleInput {
  Rule: string;
  EventBusName?: string;
  NextToken?: string;
  /** 1–100. */
  Limit?: number;
}
export interface ListTargetsByRuleOutput {
  Targets: Target[];
  NextToken?: string;
}

// ---- events ----------------------------------------------------------------------------

export interface PutEventsRequestEntry {
  /** @defaultValue the time of the PutEvents call (virtual clock) */
  Time?: Date | string | number;
  Source?: string;
  Resources?: string[];
  DetailType?: string;
  /** A JSON object, as text. */
  Detail?: string;
  /** Name or ARN of the bus; the default bus when absent. */
  EventBusName?: string;
  TraceHeader?: string;
}
export interface PutEventsInput {
  /** 1–10 entries. */
  Entries: PutEventsRequestEntry[];
  EndpointId?: string;
}
export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}
export interface PutEventsOutput {
  FailedEntryCount: number;
  /** One per request entry, in request order. */
  Entries: PutEventsResultEntry[];
}
export interface TestEventPatternInput {
  EventPattern: string | object;
  /** The event as JSON text (an object is accepted too). */
  Event: string | object;
}
export interface TestEventPatternOutput {
  Result: boolean;
}
