/**
 * Playbook: a person edits a production function's code in the console (MITRE T1648, T1525).
 *
 * A phished engineer's console session (signed in with MFA through the attacker's
 * adversary-in-the-middle proxy) opens a Lambda function in the console editor, adds a few
 * lines that post the event and the environment to the attacker, and deploys: the console
 * calls UpdateFunctionCode as the IAM user, with the console's temporary key.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-lambda-code-updated-by-user` (a
 * person, not the CI role, changed code).
 */
import { defineScenario } from 'trailsim';
import { BROWSER, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-lambda-console-code-edit',
  title: 'Lambda function code changed by a person in the console',
  description: 'A phished engineer\'s console session edits a production function\'s code in the Lambda console editor and deploys it.',
  attack: { techniques: ['T1648', 'T1525', 'T1078.004'], tactics: ['execution', 'persistence', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1648/',
    'https://docs.aws.amazon.com/lambda/latest/dg/foundation-console.html',
  ],
  seed: 5013,
  start: '2026-05-16T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('sam.engineer', { console: true });
    const fn = first(acct, 'AWS::Lambda::Function', 'payments-notify', 'us-east-1');
    log(`account ${acct.id}; function ${fn}; attacker proxy at ${ip}`);

    sim.advanceTo('2026-05-16T13:02:00Z');
    const login = sim.call(user, 'signin:ConsoleLogin', undefined, { sourceIPAddress: ip, userAgent: BROWSER, additionalEventData: { MFAUsed: 'Yes' } });
    const session = user.consoleSession(acct.rng.fork('console', login.eventID), Date.parse(login.eventTime), true);
    const opts = { sourceIPAddress: ip, userAgent: BROWSER };
    sim.advance('1m');
    sim.call(session, 'lambda:ListFunctions', undefined, opts);
    sim.advance('25s');
    sim.call(session, 'lambda:GetFunction', { functionName: fn }, opts);
    sim.advance('4m');
    sim.call(session, 'lambda:UpdateFunctionCode', { functionName: fn }, opts);

    sim.advanceTo('2026-05-16T16:00:00Z');
    answer('Who edited function code in the console?', trace(sim, ip));
  },
});
