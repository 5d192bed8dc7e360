/**
 * Playbook: backdoor a function by replacing its code from a user's key (MITRE T1525, T1648;
 * Stratus Red Team `aws.persistence.lambda-overwrite-code`).
 *
 * Production functions are deployed by the CI role. The attacker, with a developer's leaked
 * access key, downloads a function's code (GetFunction), uploads a version that forwards each
 * invocation's environment to them (UpdateFunctionCode by an IAM user) and publishes it.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-lambda-code-updated-by-user`
 * (detections/persistence.ts; Panther AWS.Lambda.UpdateFunctionCode).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-lambda-code-update',
  title: 'Lambda function code replaced with an IAM user key (UpdateFunctionCode)',
  description: 'A developer\'s leaked key downloads a production function, uploads backdoored code with UpdateFunctionCode and publishes a version.',
  attack: { techniques: ['T1525', 'T1648'], tactics: ['persistence', 'execution'] },
  references: [
    'https://attack.mitre.org/techniques/T1648/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.lambda-overwrite-code/',
  ],
  seed: 5012,
  start: '2026-05-15T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const dev = acct.iamUser('maria.dev');
    const act = actor(sim, dev, ip);
    const fn = first(acct, 'AWS::Lambda::Function', 'orders-webhook', 'us-east-1');
    log(`account ${acct.id}; function ${fn}; attacker at ${ip}`);

    sim.advanceTo('2026-05-15T11:20:00Z');
    act('lambda:ListFunctions');
    sim.advance('10s');
    act('lambda:GetFunction', { functionName: fn });
    sim.advance('9m');
    act('lambda:UpdateFunctionCode', { functionName: fn, publish: false });
    sim.advance('20s');
    act('lambda:PublishVersion', { functionName: fn, description: 'hotfix' });

    sim.advanceTo('2026-05-15T15:00:00Z');
    answer('Who changed function code outside the pipeline?', trace(sim, ip));
  },
});
