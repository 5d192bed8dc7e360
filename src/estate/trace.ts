import type { CloudTrailRecord, JsonObject } from '../record/types.js';
import type { SessionInfo } from './sessions.js';

/**
 * Traces temporary credentials in a set of records to the records that issued them, the
 * way an investigator does: by key (`responseElements.credentials.accessKeyId` of
 * AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity, GetSessionToken,
 * GetFederationToken) and, where AWS logs a different key or none (Identity Center, AWS
 * Config, console sessions), by (role or user, session name, creationDate) against the
 * issuing record or the ConsoleLogin (estate-reference.md §1.12).
 */
export interface TraceReport {
  /** Records made with temporary credentials (ASIA keys, AssumedRole or FederatedUser identities). */
  temporary: number;
  /** Traced by key. */
  byKey: number;
  /** Traced by (principal, session name, creationDate) only. */
  byTuple: number;
  untraced: number;
  /** Calls made at or after their credentials' expiration. */
  usedAfterExpiry: number;
  /** Calls whose sessionContext disagrees with the issuing record (creationDate, issuer, session name, MFA, source identity). */
  contextMismatches: number;
  /** AssumeRole calls made by an assumed-role session (role chaining) that issued more than one hour. */
  chainedOverOneHour: number;
  /** Up to 20 examples of problems, for messages. */
  examples: string[];
}

const ISSUERS = new Set(['AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'GetSessionToken', 'GetFederationToken']);
const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/** Parses the STS `expiration` ("Jan 1, 2026, 1:00:00 AM", also without the comma after the year) as UTC. */
export function parseSdkDate(s: string): number | undefined {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(s);
  if (!m) {
    const t = Date.parse(s);
    return Number.isFinite(t) ? t : undefined;
  }
  let h = Number(m[4]) % 12;
  if (m[7] === 'PM') h += 12;
  return Date.UTC(Number(m[3]), MONTHS[m[1]], Number(m[2]), h, Number(m[5]), Number(m[6]));
}

/** `acct|name` of a role, assumed-role or federated-user ARN (role paths dropped). */
export function principalKey(arn: string): string {
  const m = /^arn:[^:]+:(?:iam|sts)::(\d{12}):(?:role|federated-user|assumed-role)\/(.+)$/.exec(arn);
  if (!m) return arn;
  const parts = m[2].split('/');
  // assumed-role/<role>/<session>: the role is the second-last part; role/<path>/<name>: the last.
  return `${m[1]}|${arn.includes(':assumed-role/') ? parts[parts.length - 2] : parts[parts.length - 1]}`;
}

interface Issue {
  time: string;
  expires?: number;
  tuple: string;
  sessionIssuerKey?: string;
  sessionName?: string;
  sourceIdentity?: string;
  mfa?: string;
  chained: boolean;
}

/** Traces every temporary-credential record in `records` (optionally with sessions issued before them, as a dataset manifest lists). */
export function traceSessions(records: Iterable<CloudTrailRecord>, preissued: readonly SessionInfo[] = []): TraceReport {
  const list = Array.isArray(records) ? (records as CloudTrailRecord[]) : [...records];
  const byKey = new Map<string, Issue>();
  const byTuple = new Map<string, Issue>();
  const consoles = new Set<string>();
  const rep: TraceReport = { temporary: 0, byKey: 0, byTuple: 0, untraced: 0, usedAfterExpiry: 0, contextMismatches: 0, chainedOverOneHour: 0, examples: [] };
  const note = (s: string) => {
    if (rep.examples.length < 20) rep.examples.push(s);
  };
  for (const s of preissued) {
    const issue: Issue = { time: s.creationDate, expires: Date.parse(s.expiration), tuple: `${principalKey(s.arn)}|${s.sessionName}|${s.creationDate}`, chained: false };
    byKey.set(s.issuedAccessKeyId ?? s.accessKeyId, issue);
    byKey.set(s.accessKeyId, issue);
    byTuple.set(issue.tuple, issue);
    consoles.add(`${s.arn}|${s.creationDate}`);
  }
  for (const r of list) {
    if (r.errorCode !== undefined) continue;
    if (r.eventSource === 'signin.amazonaws.com' && r.eventName === 'ConsoleLogin') {
      if ((r.responseElements as JsonObject | null)?.ConsoleLogin === 'Success' && r.userIdentity?.arn) consoles.add(`${r.userIdentity.arn}|${r.eventTime}`);
      continue;
    }
    const eventName = r.eventName ?? '';
    if (r.eventSource !== 'sts.amazonaws.com' || !ISSUERS.has(eventName)) continue;
    if (r.userIdentity?.type === 'AWSAccount') continue; // the role owner's copy of a cross-account call
    const re = r.responseElements as JsonObject | null;
    const creds = re?.credentials as JsonObject | undefined;
    const key = creds?.accessKeyId;
    if (typeof key !== 'string') continue;
    const req = (r.requestParameters ?? {}) as JsonObject;
    const exp = typeof creds?.expiration === 'string' ? parseSdkDate(creds.expiration) : undefined;
    let target = '';
    let name: string | undefined;
    if (r.eventName === 'GetFederationToken') {
      target = String((re?.federatedUser as JsonObject | undefined)?.arn ?? '');
      name = req.name as string | undefined;
    } else if (r.eventName === 'GetSessionToken') {
      target = r.userIdentity?.arn ?? '';
    } else {
      target = String(req.roleArn ?? '');
      name = req.roleSessionName as string | undefined;
    }
    const chained = r.eventName === 'AssumeRole' && r.userIdentity?.type === 'AssumedRole';
    const issue: Issue = {
      time: r.eventTime,
      tuple: `${principalKey(target)}|${name ?? ''}|${r.eventTime}`,
      chained,
      ...(exp !== undefined ? { expires: exp } : {}),
      ...(eventName.startsWith('AssumeRole') ? { sessionIssuerKey: principalKey(target), sessionName: name } : {}),
      ...(typeof re?.sourceIdentity === 'string' ? { sourceIdentity: re.sourceIdentity } : {}),
    };
    if (chained && exp !== undefined && exp - Date.parse(r.eventTime) > 3_600_000) {
      rep.chainedOverOneHour++;
      note(`chained AssumeRole at ${r.eventTime} issued ${(exp - Date.parse(r.eventTime)) / 1000}s`);
    }
    byKey.set(key, issue);
    byTuple.set(issue.tuple, issue);
  }
  for (const r of list) {
    const u = r.userIdentity;
    if (!u || u.type === 'AWSAccount') continue;
    const key = u.accessKeyId;
    const temp = (typeof key === 'string' && key.startsWith('ASIA')) || u.type === 'AssumedRole' || u.type === 'FederatedUser';
    if (!temp) continue;
    rep.temporary++;
    const ctx = u.sessionContext;
    const created = ctx?.attributes?.creationDate;
    let issue = key ? byKey.get(key) : undefined;
    if (issue) rep.byKey++;
    else {
      let tuple: string | undefined;
      if (u.type === 'AssumedRole' && ctx?.sessionIssuer?.arn && u.arn) tuple = `${principalKey(ctx.sessionIssuer.arn)}|${u.arn.slice(u.arn.lastIndexOf('/') + 1)}|${created}`;
      else if (u.type === 'FederatedUser' && u.arn) tuple = `${principalKey(u.arn)}|${u.arn.slice(u.arn.lastIndexOf('/') + 1)}|${created}`;
      issue = tuple ? byTuple.get(tuple) : undefined;
      if (issue) rep.byTuple++;
      else if ((u.type === 'IAMUser' || u.type === 'Root') && u.arn && consoles.has(`${u.arn}|${created}`)) {
        rep.byTuple++;
        continue;
      } else {
        rep.untraced++;
        note(`untraced ${r.eventTime} ${r.eventName} ${u.type} ${u.arn ?? ''} ${key ?? ''}`);
        continue;
      }
    }
    const t = Date.parse(r.eventTime);
    if (issue.expires !== undefined && t >= issue.expires) {
      rep.usedAfterExpiry++;
      note(`used after expiry ${r.eventTime} ${u.arn ?? ''}`);
    }
    let bad = created !== undefined && created !== issue.time;
    if (u.type === 'AssumedRole' && issue.sessionIssuerKey !== undefined) {
      if (!ctx?.sessionIssuer?.arn || principalKey(ctx.sessionIssuer.arn) !== issue.sessionIssuerKey) bad = true;
      if (issue.sessionName !== undefined && !u.arn?.endsWith(`/${issue.sessionName}`)) bad = true;
      if (issue.sourceIdentity !== undefined && ctx?.sourceIdentity !== issue.sourceIdentity) bad = true;
    }
    if (bad) {
      rep.contextMismatches++;
      note(`context mismatch ${r.eventTime} ${r.eventName} ${u.arn ?? ''} created ${created} issued ${issue.time}`);
    }
  }
  return rep;
}
