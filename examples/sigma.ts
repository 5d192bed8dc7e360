import { createSimulation } from 'trailsim';
import { bundledSigmaRulesDir, evaluateSigma, loadSigmaRules } from 'trailsim/sigma';

const sim = createSimulation({ seed: 13, start: '2026-03-01T09:00:00Z' });
const prod = sim.addAccount({ name: 'prod' });
const mallory = prod.iamUser('mallory');

// An attacker covers their tracks and disables GuardDuty; someone works as root.
sim.call(mallory, 'cloudtrail:StopLogging', { name: 'main' });
sim.call(mallory, 'cloudtrail:DeleteTrail', { name: 'main' });
sim.call(mallory, 'guardduty:DeleteDetector', { detectorId: '12abc34d567e8fa901bc2d34e56789f0' });
sim.call(prod.root(), 'iam:CreateAccessKey', {});

// The 57 SigmaHQ CloudTrail rules ship with the package (Detection Rule License 1.1).
const rules = loadSigmaRules(bundledSigmaRulesDir());
const fired = evaluateSigma(rules, sim.records()).filter((r) => r.hits > 0);
console.log(`${rules.length} rules, ${fired.length} fired:`);
for (const r of fired) console.log(`  ${r.hits} ${r.level} ${r.title} (${r.author})`);
