// Run with DuckDB unresolvable: the store API must work, queries must fail clearly.
import { createSimulation } from '../../../src/simulation.js';
import { Lake } from '../../../src/cloudtrail/lake/lake.js';

const sim = createSimulation({ seed: 1, start: '2026-03-01T00:00:00Z' });
const admin = sim.addAccount({ name: 'prod' }).iamUser('admin');
const lake = new Lake(sim);
const { EventDataStoreArn } = lake.createEventDataStore(admin, { Name: 'audit' });
sim.call(admin, 'iam:ListUsers');
const out: Record<string, unknown> = { events: lake.events(EventDataStoreArn).map((r) => r.eventName), listed: lake.listEventDataStores(admin).EventDataStores.length };
try {
  await lake.startQuery(admin, { QueryStatement: `SELECT * FROM ${EventDataStoreArn.split('/')[1]}` });
  out.query = 'ran';
} catch (e) {
  out.query = { name: (e as Error).name, message: (e as Error).message };
}
process.stdout.write(JSON.stringify(out));
