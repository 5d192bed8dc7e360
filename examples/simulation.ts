import { createSimulation } from 'trailsim';

const sim = createSimulation({ seed: 42, start: '2026-03-02T08:00:00Z' });
const prod = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['eu-west-1', 'us-east-1'] });

// Principals are created on first use; their ids derive from the seed, account and name.
const root = prod.root();
const alice = prod.iamUser('alice');
const deployer = prod.role('deployer');

// The root user signs in to the console: a ConsoleLogin record (signin, us-east-1).
const login = sim.call(root, 'signin:ConsoleLogin');
console.log(login.userIdentity?.type, login.eventName, login.awsRegion, login.responseElements);

// Alice signs in without MFA: her console session says so, and so does the record.
const console1 = alice.consoleSession(prod.rng.fork('console', 'alice'), sim.now, false);
const noMfa = sim.call(console1, 'signin:ConsoleLogin');
console.log(noMfa.userIdentity?.userName, 'MFAUsed:', noMfa.additionalEventData?.MFAUsed);

// A role session: AssumeRole by alice, then calls with the session it issued.
sim.advance('1m');
const assumed = sim.call(alice, 'sts:AssumeRole', { roleArn: deployer.arn, roleSessionName: 'release-42' });
const session = deployer.session({ sessionName: 'release-42', createdAt: sim.now });
sim.advance('30s');
const put = sim.call(session, 'lambda:UpdateFunctionCode20150331v2', { functionName: 'api' });
console.log(assumed.eventName, '->', put.userIdentity?.arn, put.eventName, put.awsRegion);

// Background traffic: `rate` is a daily mean per account and region, shaped by time of day
// (a diurnal profile peaking at 14:00 UTC unless you pass another `profile`).
sim.addTraffic({ rate: '240/h' });
sim.advance('1d');
const perHour = new Map<number, number>();
for (const r of sim.records()) {
  if (r.eventTime >= '2026-03-02T08:02:00Z') {
    const h = Number(r.eventTime.slice(11, 13));
    perHour.set(h, (perHour.get(h) ?? 0) + 1);
  }
}
console.log(`calls 02:00-03:00 UTC: ${perHour.get(2)}, 14:00-15:00 UTC: ${perHour.get(14)}, mean: ${Math.round((sim.recordTotal - 5) / 24)}/h`);
