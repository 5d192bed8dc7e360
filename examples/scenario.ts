import { defineScenario } from 'trailsim';

// Run it: npx trailsim run examples/scenario.ts --out out/leaked-key
export default defineScenario({
  name: 'leaked-key',
  title: 'A leaked access key is used from an unknown address',
  description: 'A developer key leaks; someone lists buckets and creates a user with it.',
  seed: 21,
  start: '2026-03-01T08:00:00Z',
  run({ sim, log, answer }) {
    const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '40/h' });
    sim.advance('6h');

    const leaked = prod.iamUser('dev-carol').withProfile({ sourceIPs: ['198.51.100.23'] });
    sim.call(leaked, 's3:ListBuckets');
    sim.advance('2m');
    sim.call(leaked, 'iam:CreateUser', { userName: 'backup-admin' });
    sim.advance('1h');
    log(`recorded ${sim.recordTotal} records`);

    const fromThere = sim.records().filter((r) => r.sourceIPAddress === '198.51.100.23');
    answer('What did 198.51.100.23 do?', fromThere.map((r) => `${r.eventTime} ${r.userIdentity?.userName} ${r.eventName}`));
  },
});
