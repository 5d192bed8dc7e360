/**
 * Helpers for the Lake tests: hand-built records, a principal with a fixed access key, the
 * query corpus reader, and Lake's time format.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Principal, type AccountRef } from '../../src/world/principal.js';
import type { CloudTrailRecord, UserIdentity } from '../../src/record/types.js';

let counter = 0;
/** A fresh deterministic UUID. */
export function nextUuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

/** `2023-01-22T10:00:00Z` as Lake prints a timestamp. */
export function lakeTime(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '.000');
}

export function iamUserIdentity(accountId: string, name: string, accessKeyId = 'AKIAEXAMPLE' + name.toUpperCase()): UserIdentity {
  return { type: 'IAMUser', principalId: 'AIDAEXAMPLE' + name.toUpperCase(), arn: `arn:aws:iam::${accountId}:user/${name}`, accountId, accessKeyId, userName: name };
}

export function roleSessionIdentity(accountId: string, role: string, session: string): UserIdentity {
  return {
    type: 'AssumedRole',
    principalId: `AROAEXAMPLE${role.toUpperCase()}:${session}`,
    arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
    accountId,
    accessKeyId: 'ASIAEXAMPLE' + role.toUpperCase(),
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: `AROAEXAMPLE${role.toUpperCase()}`, arn: `arn:aws:iam::${accountId}:role/${role}`, accountId, userName: role },
      webIdFederationData: {},
      attributes: { creationDate: '2022-01-01T00:00:00Z', mfaAuthenticated: 'false' },
    },
  };
}

/** A management-event record in CloudTrail's key order; `fields` override or add. */
export function makeRecord(accountId: string, at: string, identity: UserIdentity | undefined, fields: Partial<CloudTrailRecord> & { eventSource: string; eventName: string }): CloudTrailRecord {
  const base: Record<string, unknown> = {
    eventVersion: '1.11',
    userIdentity: identity,
    eventTime: at,
    eventSource: fields.eventSource,
    eventName: fields.eventName,
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.10',
    userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/5.10 exe/x86_64',
    errorCode: undefined,
    errorMessage: undefined,
    requestParameters: null,
    responseElements: null,
    additionalEventData: undefined,
    requestID: nextUuid(),
    eventID: nextUuid(),
    readOnly: false,
    resources: undefined,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: 'Management',
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...base, ...fields })) if (v !== undefined) out[k] = v;
  return out as unknown as CloudTrailRecord;
}

/** An IAM user whose access key is fixed (the corpus looks one up by key). */
export class KeyedUser extends Principal {
  readonly type = 'IAMUser' as const;
  readonly identity: UserIdentity;

  constructor(account: AccountRef, readonly name: string, accessKeyId: string) {
    super(account, { sourceIPs: ['198.51.100.7'], userAgents: ['aws-cli/2.15.0 Python/3.11.6 Linux/5.10 exe/x86_64'] });
    this.identity = Object.freeze({ ...iamUserIdentity(account.id, name, accessKeyId), principalId: 'AIDAEXAMPLEKEYED' });
  }
}

/** The corpus: query id (`Q01`) to SQL text (header comments kept, as in the file). */
export function corpus(): Map<string, string> {
  const text = readFileSync(fileURLToPath(new URL('../fixtures/lake-queries/queries.sql', import.meta.url)), 'utf8');
  const out = new Map<string, string>();
  let id: string | undefined;
  let buf: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^-- \[(Q\d\d)\]/.exec(line);
    if (m) {
      if (id) out.set(id, buf.join('\n'));
      id = m[1];
      buf = [];
    } else if (id) buf.push(line);
  }
  if (id) out.set(id, buf.join('\n'));
  return out;
}

const PLACEHOLDERS = /\$EDS_ID|<EDS ID>|<EDS_ID>|<event_data_store_id>|<event-data-store-ID>|\bconfig_event_data_store_ID\b|\bevent_data_store_ID\b/g;

/** Puts store ids where the corpus has placeholders; EDS1..EDS3 take `multi[0..2]`, `${date_filter}` takes `dates` in turn. */
export function substitute(sql: string, id: string, opts: { multi?: string[]; dates?: string[] } = {}): string {
  let out = sql.replace(PLACEHOLDERS, id);
  if (opts.multi) out = out.replace(/\bEDS([123])\b/g, (_, n: string) => opts.multi![Number(n) - 1]);
  if (opts.dates) {
    let i = 0;
    out = out.replace(/\$\{date_filter\}/g, () => opts.dates![i++]);
  }
  return out;
}
