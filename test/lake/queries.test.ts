/**
 * Lake SQL through the API: AWS's errors for statements that are not SELECT, unknown stores
 * and malformed SQL; the query lifecycle on the virtual clock; statistics, paging,
 * ListQueries and CancelQuery; the Trino compatibility layer; determinism.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../src/simulation.js';
import { Lake } from '../../src/cloudtrail/lake/lake.js';
import { MS_PER_DAY } from '../../src/core/time.js';
import type { Account } from '../../src/world/account.js';
import type { IamUserPrincipal } from '../../src/world/principal.js';
import type { CloudTrailRecord } from '../../src/record/types.js';

interface World {
  sim: Simulation;
  lake: Lake;
  prod: Account;
  admin: IamUserPrincipal;
  arn: string;
  id: string;
  made: CloudTrailRecord[];
}

const lakes: Lake[] = [];
afterAll(async () => {
  for (const l of lakes) await l.close();
});

function world(opts: { queryRunTime?: string } = {}): World {
  const sim = createSimulation({ seed: 5, start: '2026-03-01T00:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', id: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  const admin = prod.iamUser('admin');
  const lake = new Lake(sim, { queryRunTime: opts.queryRunTime });
  lakes.push(lake);
  const arn = lake.createEventDataStore(admin, { Name: 'audit' }).EventDataStoreArn;
  const alice = prod.iamUser('alice');
  const made: CloudTrailRecord[] = [];
  for (let i = 0; i < 5; i++) {
    sim.advance('1h');
    made.push(sim.call(alice, 'iam:CreateUser', { userName: `user${i}` }));
  }
  sim.advance('1h');
  return { sim, lake, prod, admin, arn, id: arn.split('/')[1], made };
}

let w: World;
beforeAll(() => {
  w = world();
});

describe('statements Lake refuses', () => {
  it.each([
    ['DELETE FROM x', "the statement starts with 'DELETE'"],
    ['INSERT INTO x VALUES (1)', "starts with 'INSERT'"],
    ['UPDATE x SET a = 1', "starts with 'UPDATE'"],
    ['CREATE TABLE t AS SELECT 1', "starts with 'CREATE'"],
    ['DROP TABLE x', "starts with 'DROP'"],
    ["COPY (SELECT 1) TO '/tmp/x.csv'", "starts with 'COPY'"],
    ["ATTACH '/tmp/x.db'", "starts with 'ATTACH'"],
    ['PRAGMA show_tables', "starts with 'PRAGMA'"],
    ["SET threads = 4", "starts with 'SET'"],
    ['EXPLAIN SELECT 1', "starts with 'EXPLAIN'"],
    ['', 'The query statement is empty.'],
  ])('%s → InvalidQueryStatementException', async (sql, message) => {
    const stmt = sql.replace(/\bx\b/g, w.id);
    if (stmt === '') {
      await expect(w.lake.startQuery(w.admin, { QueryStatement: stmt })).rejects.toMatchObject({ name: 'InvalidParameterException' });
      await expect(w.lake.startQuery(w.admin, { QueryStatement: '  ;' })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: `line 1:1: ${message}` });
      return;
    }
    await expect(w.lake.startQuery(w.admin, { QueryStatement: stmt })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: expect.stringContaining(message) });
  });

  it('one statement only (a trailing semicolon is fine)', async () => {
    await expect(w.lake.startQuery(w.admin, { QueryStatement: `SELECT 1 FROM ${w.id}; DROP TABLE ${w.id}` })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: expect.stringMatching(/^line 1:\d+: Only one SQL statement is allowed\.$/) });
    expect((await w.lake.query(w.admin, `SELECT count(*) AS n FROM ${w.id} WHERE eventName = 'CreateUser';  `)).rows).toEqual([{ n: '5' }]);
  });

  it('records the refused call as a failed StartQuery event', async () => {
    await expect(w.lake.startQuery(w.admin, { QueryStatement: `DELETE FROM ${w.id}` })).rejects.toThrow();
    expect(w.sim.records().at(-1)).toMatchObject({ eventName: 'StartQuery', errorCode: 'InvalidQueryStatementException', requestParameters: { queryStatement: `DELETE FROM ${w.id}` } });
  });

  it('table functions are refused (no file access from SQL)', async () => {
    await expect(w.lake.startQuery(w.admin, { QueryStatement: `SELECT * FROM read_csv('/etc/passwd')` })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: "line 1:15: Table function 'read_csv' is not supported; FROM takes an event data store ID." });
  });
});

describe('unknown and inactive stores', () => {
  it('an id that names no store → EventDataStoreNotFoundException, in FROM, JOIN or a subquery', async () => {
    const ghost = '0000aaaa-1111-4222-8333-444455556666';
    for (const sql of [`SELECT * FROM ${ghost}`, `SELECT a.eventid FROM ${w.id} a JOIN ${ghost} b ON a.eventid = b.eventid`, `SELECT * FROM ${w.id} WHERE eventid IN (SELECT eventid FROM ${ghost})`, `SELECT * FROM ${w.id}, ${ghost}`]) {
      await expect(w.lake.startQuery(w.admin, { QueryStatement: sql })).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException', message: `The specified event data store ${ghost} was not found.` });
    }
    await expect(w.lake.startQuery(w.admin, { QueryStatement: 'SELECT 1' })).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException' });
    await expect(w.lake.startQuery(w.admin, { QueryStatement: 'SELECT * FROM information_schema.tables' })).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException', message: 'The specified event data store information_schema.tables was not found.' });
  });

  it("another account's store, or this store from another Region, is not found", async () => {
    const other = w.sim.addAccount({ name: 'other' }).iamUser('eve');
    await expect(w.lake.startQuery(other, { QueryStatement: `SELECT * FROM ${w.id}` })).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException' });
    await expect(w.lake.startQuery(w.admin, { QueryStatement: `SELECT * FROM ${w.id}` }, { region: 'eu-west-1' })).rejects.toMatchObject({ name: 'EventDataStoreNotFoundException' });
  });

  it('FROM also takes the ARN or a quoted id; WITH names are not stores', async () => {
    const n = (sql: string) => w.lake.query(w.admin, sql).then((r) => r.rows[0]);
    expect(await n(`SELECT count(*) AS n FROM ${w.arn} WHERE eventName = 'CreateUser'`)).toEqual({ n: '5' });
    expect(await n(`SELECT count(*) AS n FROM "${w.id}" WHERE eventName = 'CreateUser'`)).toEqual({ n: '5' });
    expect(await n(`WITH c AS (SELECT eventname FROM ${w.id} WHERE eventName = 'CreateUser') SELECT count(*) AS n FROM c`)).toEqual({ n: '5' });
    expect(await n(`SELECT count(*) AS n FROM ${w.id} AS e WHERE e.eventname = 'CreateUser' AND EXTRACT(year FROM e.eventtime) = 2026 AND e.errorcode IS NOT DISTINCT FROM NULL`)).toEqual({ n: '5' });
  });
});

describe('malformed SQL', () => {
  it.each([
    ['SELECT eventname FROM x WHERE', "line 1:30: mismatched input '<EOF>'"],
    ['SELECT FROM x WHERE eventname = 1', "line 1:8: mismatched input 'FROM'"],
    ['SELECT eventname,, eventid FROM x', "line 1:18: mismatched input ','"],
    ["SELECT eventname FROM x WHERE eventname = 'unterminated", 'line 1:43: unterminated string literal'],
    ['SELECT nosuchcolumn\nFROM x', "line 1:8: Column 'nosuchcolumn' cannot be resolved"],
    ['SELECT eventname\nFROM x\nWHERE nofn(eventname) = 1', "line 3:7: Function 'nofn' not registered"],
  ])('%s', async (sql, message) => {
    // The store id is 36 characters where the statement has 'x' (1): positions are in the statement as written.
    const stmt = sql.replace(/\bx\b/g, w.id);
    const shift = (m: string) => m.replace(/^line (\d+):(\d+)/, (_, l: string, c: string) => `line ${l}:${Number(c) + (l === '1' && stmt.split('\n')[0].indexOf(w.id) >= 0 && stmt.split('\n')[0].indexOf(w.id) < Number(c) ? w.id.length - 1 : 0)}`);
    await expect(w.lake.startQuery(w.admin, { QueryStatement: stmt })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: expect.stringContaining(shift(message)) });
  });

  it('an error found while running makes the query FAILED, with a message', async () => {
    const { QueryId } = await w.lake.startQuery(w.admin, { QueryStatement: `SELECT CAST(eventname AS INTEGER) FROM ${w.id}` });
    const d = w.lake.describeQuery(w.admin, { QueryId });
    expect(d).toMatchObject({ QueryStatus: 'FAILED', ErrorMessage: expect.stringContaining("Could not convert string 'CreateEventDataStore' to INT32") });
    expect(w.lake.getQueryResults(w.admin, { QueryId })).toMatchObject({ QueryStatus: 'FAILED', QueryResultRows: [], ErrorMessage: d.ErrorMessage });
  });
});

describe('query lifecycle', () => {
  it('FINISHED at once by default, with statistics', async () => {
    const w = world();
    const held = w.lake.events(w.arn);
    const { QueryId } = await w.lake.startQuery(w.admin, { QueryStatement: `SELECT eventname, count(*) AS n FROM ${w.id} GROUP BY eventname ORDER BY n DESC` });
    expect(QueryId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const d = w.lake.describeQuery(w.admin, { QueryId });
    expect(d).toMatchObject({
      QueryId, QueryStatus: 'FINISHED',
      QueryStatistics: { EventsMatched: 2, EventsScanned: held.length, BytesScanned: held.reduce((a, r) => a + JSON.stringify(r).length, 0), ExecutionTimeInMillis: 0, CreationTime: new Date(w.sim.now) },
    });
    const res = w.lake.getQueryResults(w.admin, { QueryId });
    expect(res).toMatchObject({ QueryStatus: 'FINISHED', QueryStatistics: { ResultsCount: 2, TotalResultsCount: 2 } });
    expect(res.QueryResultRows).toEqual([[{ eventname: 'CreateUser' }, { n: '5' }], [{ eventname: 'CreateEventDataStore' }, { n: '1' }]]);
  });

  it('pages results with MaxQueryResults and NextToken', async () => {
    const { QueryId } = await w.lake.startQuery(w.admin, { QueryStatement: `SELECT element_at(requestParameters, 'userName') AS u FROM ${w.id} WHERE eventName = 'CreateUser' ORDER BY u` });
    const p1 = w.lake.getQueryResults(w.admin, { QueryId, MaxQueryResults: 2 });
    expect(p1.QueryResultRows).toEqual([[{ u: 'user0' }], [{ u: 'user1' }]]);
    expect(p1.QueryStatistics).toMatchObject({ ResultsCount: 2, TotalResultsCount: 5 });
    const p2 = w.lake.getQueryResults(w.admin, { QueryId, MaxQueryResults: 2, NextToken: p1.NextToken });
    const p3 = w.lake.getQueryResults(w.admin, { QueryId, MaxQueryResults: 2, NextToken: p2.NextToken });
    expect([...p2.QueryResultRows, ...p3.QueryResultRows]).toEqual([[{ u: 'user2' }], [{ u: 'user3' }], [{ u: 'user4' }]]);
    expect(p3.NextToken).toBeUndefined();
    const other = await w.lake.startQuery(w.admin, { QueryStatement: `SELECT 1 AS x FROM ${w.id}` });
    expect(() => w.lake.getQueryResults(w.admin, { QueryId: other.QueryId, NextToken: p1.NextToken })).toThrow(expect.objectContaining({ name: 'InvalidNextTokenException' }));
    for (const MaxQueryResults of [0, 1001, 1.5]) expect(() => w.lake.getQueryResults(w.admin, { QueryId, MaxQueryResults })).toThrow(expect.objectContaining({ name: 'InvalidMaxResultsException' }));
  });

  it('with a run time: RUNNING, cancellable, then FINISHED; over an hour TIMED_OUT', async () => {
    const v = world({ queryRunTime: '2m' });
    const { QueryId } = await v.lake.startQuery(v.admin, { QueryStatement: `SELECT count(*) AS n FROM ${v.id}` });
    expect(v.lake.describeQuery(v.admin, { QueryId }).QueryStatus).toBe('RUNNING');
    expect(v.lake.getQueryResults(v.admin, { QueryId })).toMatchObject({ QueryStatus: 'RUNNING', QueryResultRows: [] });
    v.sim.advance('2m');
    expect(v.lake.getQueryResults(v.admin, { QueryId })).toMatchObject({ QueryStatus: 'FINISHED', QueryResultRows: [[{ n: '6' }]] });
    expect(v.lake.describeQuery(v.admin, { QueryId }).QueryStatistics.ExecutionTimeInMillis).toBe(120_000);
    expect(() => v.lake.cancelQuery(v.admin, { QueryId })).toThrow(expect.objectContaining({ name: 'InactiveQueryException', message: expect.stringContaining('FINISHED') }));
    const second = await v.lake.startQuery(v.admin, { QueryStatement: `SELECT count(*) AS n FROM ${v.id}` });
    expect(v.lake.cancelQuery(v.admin, { QueryId: second.QueryId })).toEqual({ QueryId: second.QueryId, QueryStatus: 'CANCELLED' });
    v.sim.advance('5m');
    expect(v.lake.getQueryResults(v.admin, { QueryId: second.QueryId })).toMatchObject({ QueryStatus: 'CANCELLED', QueryResultRows: [] });
    const slow = world({ queryRunTime: '2h' });
    const s = await slow.lake.startQuery(slow.admin, { QueryStatement: `SELECT 1 AS x FROM ${slow.id}` });
    slow.sim.advance('59m');
    expect(slow.lake.describeQuery(slow.admin, { QueryId: s.QueryId }).QueryStatus).toBe('RUNNING');
    slow.sim.advance('1m');
    expect(slow.lake.describeQuery(slow.admin, { QueryId: s.QueryId }).QueryStatus).toBe('TIMED_OUT');
  });

  it('unknown query ids; results kept seven days', async () => {
    const v = world();
    expect(() => v.lake.describeQuery(v.admin, { QueryId: '00000000-0000-4000-8000-000000000000' })).toThrow(expect.objectContaining({ name: 'QueryIdNotFoundException', message: 'The query ID does not exist or does not map to a query.' }));
    expect(() => v.lake.describeQuery(v.admin, { QueryId: 'nope' })).toThrow(expect.objectContaining({ name: 'InvalidParameterException' }));
    const { QueryId } = await v.lake.startQuery(v.admin, { QueryStatement: `SELECT 1 AS x FROM ${v.id}` });
    expect(() => v.lake.getQueryResults(v.sim.addAccount({ name: 'o' }).iamUser('eve'), { QueryId })).toThrow(expect.objectContaining({ name: 'QueryIdNotFoundException' }));
    v.sim.advance(7 * MS_PER_DAY);
    expect(v.lake.getQueryResults(v.admin, { QueryId }).QueryStatus).toBe('FINISHED');
    v.sim.advance(1);
    expect(() => v.lake.getQueryResults(v.admin, { QueryId })).toThrow(expect.objectContaining({ name: 'QueryIdNotFoundException' }));
  });

  it('ListQueries: a store\u2019s queries of the past seven days, newest first, filtered', async () => {
    const v = world({ queryRunTime: '10m' });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await v.lake.startQuery(v.admin, { QueryStatement: `SELECT ${i} AS x FROM ${v.id}` })).QueryId);
      v.sim.advance('1d');
    }
    const t1 = v.sim.now;
    ids.push((await v.lake.startQuery(v.admin, { QueryStatement: `SELECT 3 AS x FROM ${v.id}` })).QueryId);
    const all = v.lake.listQueries(v.admin, { EventDataStore: v.arn });
    expect(all.Queries.map((q) => q.QueryId)).toEqual([...ids].reverse());
    expect(all.Queries[0]).toEqual({ QueryId: ids[3], QueryStatus: 'RUNNING', CreationTime: new Date(t1) });
    expect(v.lake.listQueries(v.admin, { EventDataStore: v.id, QueryStatus: 'FINISHED' }).Queries.map((q) => q.QueryId)).toEqual(ids.slice(0, 3).reverse());
    const p1 = v.lake.listQueries(v.admin, { EventDataStore: v.arn, MaxResults: 3 });
    expect(v.lake.listQueries(v.admin, { EventDataStore: v.arn, MaxResults: 3, NextToken: p1.NextToken }).Queries.map((q) => q.QueryId)).toEqual([ids[0]]);
    expect(v.lake.listQueries(v.admin, { EventDataStore: v.arn, StartTime: t1 - MS_PER_DAY, EndTime: t1 }).Queries.map((q) => q.QueryId)).toEqual([ids[3], ids[2]]);
    expect(() => v.lake.listQueries(v.admin, { EventDataStore: v.arn, StartTime: t1, EndTime: t1 - 1 })).toThrow(expect.objectContaining({ name: 'InvalidDateRangeException' }));
    expect(() => v.lake.listQueries(v.admin, { EventDataStore: v.arn, QueryStatus: 'DONE' as never })).toThrow(expect.objectContaining({ name: 'InvalidQueryStatusException' }));
    v.sim.advance(5 * MS_PER_DAY);
    // Now is 8 days after the first query: the second (7 days old) is the oldest listed.
    expect(v.lake.listQueries(v.admin, { EventDataStore: v.arn }).Queries.map((q) => q.QueryId)).toEqual([ids[3], ids[2], ids[1]]);
  });
});

describe('Insights stores', () => {
  it("have the Insights columns: insightstate, insighteventname, insighttype, insightcontext (JSON)", async () => {
    const v = world();
    const arn = v.lake.createEventDataStore(v.admin, { Name: 'insights', AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }] }).EventDataStoreArn;
    const shared = '11111111-2222-4333-8444-666666666666';
    for (const [state, at, avg] of [['Start', '2026-03-01T05:10:00Z', 5], ['End', '2026-03-01T05:40:00Z', 2.5]] as const) {
      v.sim.ingest({
        eventVersion: '1.11', eventTime: at, awsRegion: 'us-east-1', eventID: state === 'Start' ? '11111111-2222-4333-8444-555555555555' : '11111111-2222-4333-8444-777777777777', eventType: 'AwsCloudTrailInsight',
        recipientAccountId: v.prod.id, sharedEventID: shared, eventCategory: 'Insight',
        insightDetails: { state, eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', insightType: 'ApiCallRateInsight', insightContext: { statistics: { baseline: { average: 0.01 }, insight: { average: avg }, baselineDuration: 10080 } } },
      });
    }
    const r = await v.lake.query(v.admin, `SELECT insightstate, insighteventsource, insighteventname, insighttype, insighterrorcode, CAST(json_extract_scalar(insightcontext, '$.statistics.insight.average') AS DOUBLE) AS avg, sharedeventid, eventcategory FROM ${arn.split('/')[1]} ORDER BY eventtime`);
    expect(r.rows).toEqual([
      { insightstate: 'Start', insighteventsource: 'iam.amazonaws.com', insighteventname: 'CreateUser', insighttype: 'ApiCallRateInsight', insighterrorcode: '', avg: '5.0', sharedeventid: shared, eventcategory: 'Insight' },
      { insightstate: 'End', insighteventsource: 'iam.amazonaws.com', insighteventname: 'CreateUser', insighttype: 'ApiCallRateInsight', insighterrorcode: '', avg: '2.5', sharedeventid: shared, eventcategory: 'Insight' },
    ]);
    await expect(v.lake.startQuery(v.admin, { QueryStatement: `SELECT eventname FROM ${arn.split('/')[1]}` })).rejects.toMatchObject({ name: 'InvalidQueryStatementException', message: "line 1:8: Column 'eventname' cannot be resolved" });
  });
});

describe('Trino compatibility and determinism', () => {
  it('now() and current_timestamp are the virtual clock', async () => {
    const r = await w.lake.query(w.admin, `SELECT now() AS n, current_timestamp AS c, current_date AS d, date_add('day', -1, now()) AS y, count(*) FILTER (WHERE eventtime > date_add('hour', -3, now())) AS recent FROM ${w.id} WHERE eventName = 'CreateUser'`);
    expect(r.rows).toEqual([{ n: '2026-03-01 06:00:00.000 UTC', c: '2026-03-01 06:00:00.000 UTC', d: '2026-03-01', y: '2026-02-28 06:00:00.000 UTC', recent: '2' }]);
  });

  it('element_at on maps and arrays, json functions, cardinality, regexp_like, from_iso8601_timestamp', async () => {
    const r = await w.lake.query(
      w.admin,
      `SELECT element_at(requestParameters, 'userName') AS u, element_at(requestParameters, 'missing') AS m, cardinality(requestParameters) AS k,
              json_extract_scalar(eventjson, '$.userIdentity.userName') AS who, json_extract(eventjson, '$.requestParameters') AS rp,
              regexp_like(eventName, '^Create') AS rx, eventtime > from_iso8601_timestamp('2026-03-01T04:30:00Z') AS late,
              day_of_week(eventtime) AS dow, element_at(resources, 1).arn AS res
       FROM ${w.id} WHERE eventName = 'CreateUser' ORDER BY eventTime LIMIT 1`,
    );
    const first = w.made[0];
    expect(r.rows).toEqual([{ u: 'user0', m: '', k: String(Object.keys(first.requestParameters!).length), who: 'alice', rp: JSON.stringify(first.requestParameters), rx: 'true', late: 'false', dow: '7', res: first.resources?.[0]?.ARN ?? '' }]);
  });

  it('unaliased expressions are _colN, column references keep their name as written', async () => {
    const r = await w.lake.query(w.admin, `SELECT eventName, userIdentity.userName, count(*), max(eventTime) FROM ${w.id} WHERE eventName = 'CreateUser' GROUP BY 1, 2`);
    expect(r.columns).toEqual(['eventName', 'userName', '_col2', '_col3']);
    expect(r.rows).toEqual([{ eventName: 'CreateUser', userName: 'alice', _col2: '5', _col3: '2026-03-01 05:00:00.000' }]);
  });

  it('the same statement run again after new events sees them whole (no plan kept across data changes)', async () => {
    const v = world();
    const sql = `SELECT element_at(requestParameters, 'userName') AS u FROM ${v.id} WHERE eventName = 'CreateUser' ORDER BY eventTime`;
    expect((await v.lake.query(v.admin, sql)).rows.map((r) => r.u)).toEqual(['user0', 'user1', 'user2', 'user3', 'user4']);
    v.sim.call(v.prod.iamUser('alice'), 'iam:CreateUser', { userName: 'a-much-longer-user-name' });
    expect((await v.lake.query(v.admin, sql)).rows.map((r) => r.u)).toEqual(['user0', 'user1', 'user2', 'user3', 'user4', 'a-much-longer-user-name']);
  });

  it('columns holding one value (or none) so far are right after other values arrive', async () => {
    const sim = createSimulation({ seed: 8, start: '2026-03-01T00:00:00Z' });
    const prod = sim.addAccount({ name: 'prod', id: '111122223333' });
    const admin = prod.iamUser('admin');
    const lake = new Lake(sim, { recordApiCalls: false });
    lakes.push(lake);
    const id = lake.createEventDataStore(admin, { Name: 'audit' }).EventDataStoreArn.split('/')[1];
    const alice = prod.iamUser('alice');
    sim.call(alice, 'iam:CreateUser', { userName: 'a' });
    sim.call(alice, 'iam:CreateUser', { userName: 'b' });
    const sql = `SELECT eventname, errorcode, count(*) AS n FROM ${id} GROUP BY ALL ORDER BY ALL`;
    expect((await lake.query(admin, sql)).rows).toEqual([{ eventname: 'CreateUser', errorcode: '', n: '2' }]);
    sim.call(alice, 'iam:ListUsers', undefined, { error: 'AccessDenied' });
    expect((await lake.query(admin, sql)).rows).toEqual([
      { eventname: 'CreateUser', errorcode: '', n: '2' },
      { eventname: 'ListUsers', errorcode: 'AccessDenied', n: '1' },
    ]);
  });

  it('same seed, same statements: same query ids and rows', async () => {
    const run = async () => {
      const v = world();
      const a = await v.lake.query(v.admin, `SELECT eventid, eventname, random() AS r FROM ${v.id} ORDER BY eventtime, eventid`);
      const b = await v.lake.query(v.admin, `SELECT * FROM ${v.id} LIMIT 3`);
      return JSON.stringify([a, b]);
    };
    expect(await run()).toBe(await run());
  });
});
