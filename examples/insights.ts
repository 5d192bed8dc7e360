import { createSimulation, injectBurst, injectErrorStorm, type InsightRecord } from 'trailsim';

const sim = createSimulation({ seed: 7, start: '2026-03-01T00:00:00Z' });
const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1'] });

// Insights learns a baseline from the account's management write events, then flags
// unusual call rates and error rates (both types by default, every Region of the account).
sim.insights.enable({ accountId: prod.id });
sim.addTraffic({ rate: '60/h' });
sim.advance('8d');

// An unusual burst: 40 CreateUser calls in 3 minutes, then a storm of denied calls.
const mallory = prod.iamUser('mallory');
injectBurst(sim, { principal: mallory, operation: 'iam:CreateUser', count: 40, over: '3m' });
sim.advance('10m');
injectErrorStorm(sim, { principal: mallory, operation: 'iam:AttachUserPolicy', count: 30, over: '2m', error: 'AccessDenied' });
sim.advance('2h');

// Insights events are records too (eventCategory Insight): a Start and an End per insight.
for (const r of sim.records({ eventCategory: 'Insight' }) as InsightRecord[]) {
  const d = r.insightDetails;
  console.log(r.eventTime, d.state, d.insightType, d.eventName, d.errorCode ?? '');
}
// They are in event history when asked for: EventCategory 'insight'.
console.log('LookupEvents (insight):', sim.lookupEvents({ accountId: prod.id, region: 'us-east-1', EventCategory: 'insight' }).Events.length);
