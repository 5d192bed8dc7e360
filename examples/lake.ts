import { createSimulation } from 'trailsim';

const sim = createSimulation({ seed: 9, start: '2026-03-01T00:00:00Z' });
const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1'] });
const admin = prod.iamUser('admin');

// An event data store collects from the moment it exists, and keeps RetentionPeriod days.
const store = sim.lake.createEventDataStore(admin, { Name: 'audit', RetentionPeriod: 90, TerminationProtectionEnabled: false }, { region: 'us-east-1' });
const storeId = store.EventDataStoreArn!.split('/').pop()!;

sim.addTraffic({ rate: '100/h' });
sim.advance('1d');
for (const name of ['bob', 'carol']) sim.call(admin, 'iam:CreateUser', { userName: name });

// Lake SQL (Trino's dialect, as CloudTrail Lake takes it), run by DuckDB (optional dependency).
try {
  const top = await sim.lake.query(admin, `SELECT eventSource, count(*) AS calls FROM ${storeId} GROUP BY eventSource ORDER BY calls DESC LIMIT 3`);
  for (const row of top.rows) console.log(row.eventSource, row.calls);
  const users = await sim.lake.query(admin, `SELECT element_at(requestParameters, 'userName') AS userName FROM ${storeId} WHERE eventName = 'CreateUser' AND userIdentity.userName = 'admin'`);
  console.log('created by admin:', users.rows.map((r) => r.userName));
} catch (e) {
  console.log(`Lake SQL skipped: ${(e as Error).message}`);
} finally {
  // DuckDB holds native resources: close when done.
  await sim.lake.close();
}
