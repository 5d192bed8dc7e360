/**
 * One event data store: its settings, its status and the events it holds.
 *
 * - Scope: events whose recipient account is the store's account (every account of the
 *   organization for an organization store), in the store's Region or, for a multi-Region
 *   store (the default), in every Region of the partition.
 * - Ingestion: live events only, while the status is ENABLED (CreateEventDataStore
 *   `StartIngestion`, default true), selected by the advanced event selectors.
 * - Retention: see `retention.ts`; enforced whenever the store is read or written, against
 *   the virtual clock, by dropping from the old end.
 * - Deletion: "the event data store is in the PENDING_DELETION state for seven days" and can be
 *   restored in that time (DeleteEventDataStore, RestoreEventDataStore, CloudTrail API
 *   reference); it ingests nothing and cannot be queried meanwhile, and is gone afterwards.
 */
import { partitionOf } from '../../core/ids.js';
import { MS_PER_DAY } from '../../core/time.js';
import type { CloudTrailRecord } from '../../record/types.js';
import { EventLog } from './event-log.js';
import { readEventTime } from './record-codec.js';
import { retentionCutoff, type BillingMode } from './retention.js';
import { categoryOf, compileSelectors, type AdvancedEventSelector, type StoreKind, type ValidatedSelectors } from './selectors.js';

export type EventDataStoreStatus = 'CREATED' | 'ENABLED' | 'PENDING_DELETION' | 'STARTING_INGESTION' | 'STOPPING_INGESTION' | 'STOPPED_INGESTION';

/** Days a deleted store waits in PENDING_DELETION before it is gone. */
export const PENDING_DELETION_DAYS = 7;

export interface Tag {
  Key: string;
  Value?: string;
}

export interface EventDataStoreSettings {
  name: string;
  selectors: ValidatedSelectors;
  multiRegion: boolean;
  organization: boolean;
  retentionDays: number;
  billingMode: BillingMode;
  terminationProtection: boolean;
  kmsKeyId?: string;
  tags: Tag[];
  ingesting: boolean;
}

export class EventDataStoreModel {
  readonly log = new EventLog();
  status: EventDataStoreStatus;
  updatedAt: number;
  /** When DeleteEventDataStore ran (PENDING_DELETION since). */
  deletedAt?: number;
  /** Status to return to on restore. */
  private statusBeforeDelete?: EventDataStoreStatus;
  private selectorMatch: (r: CloudTrailRecord) => boolean;
  private pins = 0;
  private pending: CloudTrailRecord[] = [];

  constructor(
    readonly id: string,
    readonly arn: string,
    readonly accountId: string,
    readonly region: string,
    readonly createdAt: number,
    public settings: EventDataStoreSettings,
    /** Whether an account belongs to the store owner's organization (for organization stores). */
    private readonly inOrganization: (accountId: string) => boolean,
  ) {
    this.status = settings.ingesting ? 'ENABLED' : 'STOPPED_INGESTION';
    this.updatedAt = createdAt;
    this.selectorMatch = compileSelectors(settings.selectors.selectors);
  }

  get kind(): StoreKind {
    return this.settings.selectors.kind;
  }

  get selectors(): AdvancedEventSelector[] {
    return this.settings.selectors.selectors;
  }

  /** Replaces settings (already validated) and re-reads the selectors. */
  update(settings: EventDataStoreSettings, now: number): void {
    this.settings = settings;
    this.selectorMatch = compileSelectors(settings.selectors.selectors);
    this.updatedAt = now;
  }

  /** True when the store takes `r` now. */
  accepts(r: CloudTrailRecord): boolean {
    if (this.status !== 'ENABLED') return false;
    const s = this.settings;
    const acct = r.recipientAccountId ?? r.userIdentity?.accountId;
    if (acct !== this.accountId && !(s.organization && acct !== undefined && this.inOrganization(acct))) return false;
    if (s.multiRegion ? partitionOf(r.awsRegion) !== partitionOf(this.region) : r.awsRegion !== this.region) return false;
    const cat = categoryOf(r);
    if ((cat === 'Insight') !== (this.kind === 'Insight')) return false;
    return this.selectorMatch(r);
  }

  /** Stores `r` if it is inside the retention period at `now`. */
  ingest(r: CloudTrailRecord, now: number): void {
    if (this.pins > 0) {
      this.pending.push(r);
      return;
    }
    this.expire(now);
    const { t, canonical } = readEventTime(r);
    if (!(t >= retentionCutoff(now, this.settings.retentionDays))) return;
    this.log.addAt(r, t, canonical);
  }

  /** Drops events older than the retention period. */
  expire(now: number): void {
    if (this.pins === 0) this.log.dropBefore(retentionCutoff(now, this.settings.retentionDays));
  }

  /**
   * Holds the store still while a query reads it: events that arrive meanwhile wait, and
   * nothing expires, so the query sees the store as it was when it started.
   */
  pin(): void {
    this.pins++;
  }

  /** Ends a `pin`: waiting events are stored (those still inside the retention period at `now`). */
  unpin(now: number): void {
    if (--this.pins > 0) return;
    const waiting = this.pending;
    this.pending = [];
    for (const r of waiting) this.ingest(r, now);
    this.expire(now);
  }

  markDeleted(now: number): void {
    this.statusBeforeDelete = this.status;
    this.status = 'PENDING_DELETION';
    this.deletedAt = now;
    this.updatedAt = now;
  }

  restore(now: number): void {
    this.status = this.statusBeforeDelete ?? 'ENABLED';
    this.deletedAt = undefined;
    this.updatedAt = now;
  }

  /** True once seven days of PENDING_DELETION have passed. */
  isGone(now: number): boolean {
    return this.status === 'PENDING_DELETION' && this.deletedAt !== undefined && now >= this.deletedAt + PENDING_DELETION_DAYS * MS_PER_DAY;
  }
}
