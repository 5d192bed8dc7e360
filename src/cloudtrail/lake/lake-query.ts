/**
 * A Lake query's lifecycle on the virtual clock.
 *
 * trailsim runs the SQL when StartQuery is called, against the stores as they are at that
 * instant, and then shows the query as it would progress: RUNNING until `creation + runTime`
 * (`LakeOptions.queryRunTime`, default 0, so FINISHED at once), then FINISHED (or FAILED when
 * the SQL failed at run time). A run time over one hour ends TIMED_OUT at one hour ("queries
 * that run for longer than one hour might time out", https://docs.aws.amazon.com/awscloudtrail/latest/userguide/query-results.html).
 * CancelQuery on a RUNNING query makes it CANCELLED. Results are kept "for seven days after the
 * query finishes"; after that GetQueryResults answers QueryIdNotFoundException (trailsim's
 * choice of error). ListQueries lists the queries of the past seven days.
 */
import { MS_PER_DAY } from '../../core/time.js';
import type { QueryRows } from './lake-engine.js';

export type QueryStatus = 'QUEUED' | 'RUNNING' | 'FINISHED' | 'FAILED' | 'CANCELLED' | 'TIMED_OUT';
export const QUERY_STATUSES: readonly QueryStatus[] = ['QUEUED', 'RUNNING', 'FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT'];

export const QUERY_TIMEOUT_MS = 3_600_000;
export const RESULTS_KEPT_MS = 7 * MS_PER_DAY;

export interface LakeQueryRecord {
  id: string;
  statement: string;
  accountId: string;
  region: string;
  /** ARNs of the stores the statement reads. */
  storeArns: string[];
  createdAt: number;
  runTime: number;
  result?: QueryRows;
  error?: string;
  cancelledAt?: number;
  deliveryS3Uri?: string;
  eventsScanned: number;
  bytesScanned: number;
}

export function queryStatus(q: LakeQueryRecord, now: number): QueryStatus {
  if (q.cancelledAt !== undefined) return 'CANCELLED';
  if (q.runTime > QUERY_TIMEOUT_MS && now >= q.createdAt + QUERY_TIMEOUT_MS) return 'TIMED_OUT';
  if (now < q.createdAt + q.runTime) return 'RUNNING';
  return q.error !== undefined ? 'FAILED' : 'FINISHED';
}

/** When the query reached a final status, or undefined while it runs. */
export function finishedAt(q: LakeQueryRecord, now: number): number | undefined {
  const s = queryStatus(q, now);
  if (s === 'RUNNING' || s === 'QUEUED') return undefined;
  if (s === 'CANCELLED') return q.cancelledAt;
  if (s === 'TIMED_OUT') return q.createdAt + QUERY_TIMEOUT_MS;
  return q.createdAt + q.runTime;
}
