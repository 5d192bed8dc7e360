/**
 * DuckDB is optional: importing trailsim and using event data stores must not load it, and
 * a query without it fails with a message naming the package to install.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/simulation.js';
import { Lake } from '../../src/cloudtrail/lake/lake.js';
import { LakeEngineUnavailableError } from '../../src/cloudtrail/lake/errors.js';
import { queryS3Tree } from '../../src/cloudtrail/lake/s3-tree-query.js';
import { exportParquet } from '../../src/export/parquet.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('without DuckDB', () => {
  it('in a process where @duckdb/node-api cannot be resolved, stores work and queries say what to install', () => {
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--import', './test/lake/no-duckdb/block-duckdb.mjs', './test/lake/no-duckdb/script.mts'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    const out = JSON.parse(stdout);
    expect(out.events).toEqual(['CreateEventDataStore', 'ListUsers']);
    expect(out.listed).toBe(1);
    expect(out.query).toEqual({ name: 'LakeEngineUnavailableError', message: expect.stringMatching(/needs the optional package @duckdb\/node-api.*Install it with: npm install @duckdb\/node-api/) });
  }, 60_000);

  it('with an injected loader that fails: the loader runs only when a query does', async () => {
    let calls = 0;
    const loadDuckDB = async () => {
      calls++;
      throw new Error("Cannot find package '@duckdb/node-api'");
    };
    const sim = createSimulation({ seed: 1, start: '2026-03-01T00:00:00Z' });
    const admin = sim.addAccount({ name: 'prod' }).iamUser('admin');
    const lake = new Lake(sim, { loadDuckDB });
    const { EventDataStoreArn } = lake.createEventDataStore(admin, { Name: 'audit' });
    sim.call(admin, 'iam:ListUsers');
    lake.getEventDataStore(admin, { EventDataStore: EventDataStoreArn });
    expect(lake.events(EventDataStoreArn).map((r) => r.eventName)).toEqual(['CreateEventDataStore', 'ListUsers', 'GetEventDataStore']);
    expect(calls).toBe(0);
    const id = EventDataStoreArn.split('/')[1];
    const err = await lake.startQuery(admin, { QueryStatement: `SELECT * FROM ${id}` }).catch((e) => e);
    expect(err).toBeInstanceOf(LakeEngineUnavailableError);
    expect(err.message).toContain('npm install @duckdb/node-api');
    expect(calls).toBe(1);
    // Statement checks that need no engine still answer first.
    await expect(lake.startQuery(admin, { QueryStatement: `DROP TABLE ${id}` })).rejects.toMatchObject({ name: 'InvalidQueryStatementException' });
    // A later query tries to load again (the package may have been installed since).
    await expect(lake.startQuery(admin, { QueryStatement: `SELECT * FROM ${id}` })).rejects.toBeInstanceOf(LakeEngineUnavailableError);
    expect(calls).toBe(2);
  });

  it('a loader that returns something else is reported the same way', async () => {
    const sim = createSimulation({ seed: 1 });
    const admin = sim.addAccount({ name: 'prod' }).iamUser('admin');
    const lake = new Lake(sim, { loadDuckDB: async () => ({ notDuckDB: true }) });
    const id = lake.createEventDataStore(admin, { Name: 'audit' }).EventDataStoreArn.split('/')[1];
    await expect(lake.startQuery(admin, { QueryStatement: `SELECT * FROM ${id}` })).rejects.toThrow(/does not export DuckDBInstance\. Install it with: npm install @duckdb\/node-api/);
  });

  it('trailsim query and Parquet export fail the same way', async () => {
    const loadDuckDB = async () => {
      throw new Error('no');
    };
    const dir = fileURLToPath(new URL('./no-duckdb/tree/', import.meta.url));
    await expect(queryS3Tree(dir, 'SELECT 1', { loadDuckDB })).rejects.toBeInstanceOf(LakeEngineUnavailableError);
    await expect(exportParquet([], '/tmp/never.parquet', { loadDuckDB })).rejects.toBeInstanceOf(LakeEngineUnavailableError);
  });
});

describe('records do not depend on whether DuckDB is installed', () => {
  // The same script with and without an engine: AWS accepts a valid StartQuery and runs it
  // later, so the StartQuery event is recorded either way; only the answer differs.
  async function run(loadDuckDB?: () => Promise<unknown>) {
    const sim = createSimulation({ seed: 3, start: '2026-03-01T00:00:00Z', ...(loadDuckDB ? { lake: { loadDuckDB } } : {}) });
    const admin = sim.addAccount({ name: 'prod' }).iamUser('admin');
    const { EventDataStoreArn } = sim.lake.createEventDataStore(admin, { Name: 'audit' });
    sim.call(admin, 'iam:ListUsers');
    sim.advance('1h');
    const id = EventDataStoreArn.split('/')[1];
    let answer: string;
    try {
      const r = await sim.lake.query(admin, `SELECT eventname, count(*) AS n FROM ${id} GROUP BY 1 ORDER BY 1`);
      answer = r.rows.map((x) => `${x.eventname}=${x.n}`).join(',');
    } catch (e) {
      answer = `skipped: ${(e as Error).name}`;
    }
    sim.advance('1m');
    sim.call(admin, 'iam:ListRoles');
    // A second query: its id comes from the same stream in both runs.
    const second = await sim.lake.startQuery(admin, { QueryStatement: `SELECT 1 FROM ${id}` }).then((o) => o.QueryId, (e: Error) => e.name);
    await sim.lake.close();
    return { records: sim.records().map((r) => JSON.stringify(r)).join('\n'), answer, second, sim, admin };
  }

  it('writes byte-identical records; only the answers say the query was skipped', async () => {
    const withEngine = await run();
    const without = await run(async () => {
      throw new Error("Cannot find package '@duckdb/node-api'");
    });
    expect(withEngine.answer).toBe('CreateEventDataStore=1,ListUsers=1');
    expect(without.answer).toBe('skipped: LakeEngineUnavailableError');
    expect(without.second).toBe('LakeEngineUnavailableError');
    expect(without.records).toBe(withEngine.records);
    expect(without.records.split('\n').map((l) => JSON.parse(l).eventName)).toEqual(['CreateEventDataStore', 'ListUsers', 'StartQuery', 'ListRoles', 'StartQuery']);
    // The query the engine could not run is listed as FAILED, saying why.
    const queryId = JSON.parse(without.records.split('\n')[2]).responseElements.queryId as string;
    const d = without.sim.lake.describeQuery(without.admin, { QueryId: queryId });
    expect(d.QueryStatus).toBe('FAILED');
    expect(d.ErrorMessage).toMatch(/could not run this query here: CloudTrail Lake SQL needs the optional package @duckdb\/node-api/);
  });
});
