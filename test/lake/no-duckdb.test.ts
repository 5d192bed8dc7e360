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
