/**
 * CloudWatch Logs, as far as trails use it: log groups that exist in an account and
 * Region, and the log events CloudTrail puts into them (CloudTrail User Guide, "Sending
 * events to CloudWatch Logs"; cloudtrail-reference.md §5):
 *
 * - each event is one log event whose message is the record's JSON;
 * - the log stream is `<account>_CloudTrail_<region>` ("CloudWatch log group and log
 *   stream naming for CloudTrail"); for organization trails trailsim prefixes the
 *   organization id, `<o-id>_<account>_CloudTrail_<region>`, as organization trail log
 *   groups show it in practice (not on that page);
 * - events larger than 256 KB are not sent (WhatIsCloudTrail-Limits);
 * - the events of one PutLogEvents batch are in chronological order, as the
 *   CloudWatch Logs API requires.
 */
import { TrailsimInputError } from '../../core/errors.js';
import { partitionOf } from '../../core/ids.js';

/** Events larger than this many bytes (UTF-8 JSON) are not sent to CloudWatch Logs. */
export const CLOUDWATCH_LOGS_MAX_EVENT_BYTES = 256 * 1024;

export interface LogEvent {
  /** The record's eventTime, epoch ms. */
  timestamp: number;
  message: string;
  /** When CloudTrail delivered it (virtual time). */
  ingestionTime: number;
}

export interface ParsedLogGroupArn {
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

const LOG_GROUP_ARN = /^arn:(aws|aws-cn|aws-us-gov):logs:([a-z]{2}(?:-gov)?-[a-z]+-\d):(\d{12}):log-group:([A-Za-z0-9_\-/.#]{1,512})(?::\*)?$/;

/** Parses `arn:aws:logs:<region>:<account>:log-group:<name>[:*]`; undefined if it is not one. */
export function parseLogGroupArn(arn: string): ParsedLogGroupArn | undefined {
  const m = LOG_GROUP_ARN.exec(arn);
  return m ? { partition: m[1], region: m[2], accountId: m[3], name: m[4] } : undefined;
}

export function logGroupArn(accountId: string, region: string, name: string): string {
  return `arn:${partitionOf(region)}:logs:${region}:${accountId}:log-group:${name}:*`;
}

/** The log stream CloudTrail writes an account's events of one Region to. */
export function cloudTrailLogStreamName(accountId: string, region: string, organizationId?: string): string {
  return organizationId ? `${organizationId}_${accountId}_CloudTrail_${region}` : `${accountId}_CloudTrail_${region}`;
}

interface LogGroup {
  arn: string;
  streams: Map<string, LogEvent[]>;
}

/** In-memory CloudWatch Logs: log groups by account, Region and name. */
export class CloudWatchLogsStore {
  private readonly groups = new Map<string, LogGroup>();

  private static id(accountId: string, region: string, name: string): string {
    return `${accountId}|${region}|${name}`;
  }

  /** Creates a log group (idempotent); returns its ARN. */
  createLogGroup(accountId: string, region: string, name: string): string {
    const arn = logGroupArn(accountId, region, name);
    if (!parseLogGroupArn(arn)) throw new TrailsimInputError(`'${name}' is not a valid log group name (1-512 of a-z A-Z 0-9 _ - / . #).`);
    const id = CloudWatchLogsStore.id(accountId, region, name);
    if (!this.groups.has(id)) this.groups.set(id, { arn, streams: new Map() });
    return arn;
  }

  hasLogGroup(arn: string): boolean {
    return this.group(arn) !== undefined;
  }

  /** Appends events to a stream (created on first use). */
  putLogEvents(groupArn: string, streamName: string, events: readonly LogEvent[]): void {
    const g = this.group(groupArn);
    if (!g) throw new TrailsimInputError(`No log group ${groupArn}.`);
    let s = g.streams.get(streamName);
    if (!s) g.streams.set(streamName, (s = []));
    for (const e of events) s.push(e);
  }

  /** Events of one stream, in the order they were put. */
  getLogEvents(groupArn: string, streamName: string): readonly LogEvent[] {
    return this.group(groupArn)?.streams.get(streamName) ?? [];
  }

  /** Stream names of a group, sorted. */
  logStreams(groupArn: string): string[] {
    return [...(this.group(groupArn)?.streams.keys() ?? [])].sort();
  }

  private group(arn: string): LogGroup | undefined {
    const p = parseLogGroupArn(arn);
    return p ? this.groups.get(CloudWatchLogsStore.id(p.accountId, p.region, p.name)) : undefined;
  }
}
