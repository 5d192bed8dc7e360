/**
 * Playbook: escalate through Lambda and iam:PassRole (MITRE T1648; Rhino Security Labs method
 * `iam:PassRole` + `lambda:CreateFunction` + `lambda:InvokeFunction`).
 *
 * The attacker finds a role Lambda may assume with broad rights, creates a function that
 * attaches AdministratorAccess to the attacker's user, invokes it, and deletes it.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-lambda-function-created-by-user`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-lambda-passrole-privesc',
  title: 'Lambda function created with an admin role and invoked (PassRole escalation)',
  description: 'A leaked key that may pass roles creates a function running as an administrative role and invokes it to act with that role.',
  attack: { techniques: ['T1648', 'T1098.003'], tactics: ['execution', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1648/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
    'https://hackingthe.cloud/aws/exploitation/iam_privilege_escalation/',
  ],
  seed: 5045,
  start: '2026-06-17T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('lambda-deployer');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-17T11:36:00Z');
    act('iam:ListRoles');
    sim.advance('40s');
    act('lambda:CreateFunction', { functionName: 'log-rotation-helper', runtime: 'python3.12', role: `arn:aws:iam::${acct.id}:role/lambda-admin-tasks`, handler: 'index.handler' });
    sim.advance('15s');
    act('lambda:Invoke', { functionName: 'log-rotation-helper' });
    sim.advance('30s');
    act('lambda:DeleteFunction', { functionName: 'log-rotation-helper' });

    sim.advanceTo('2026-06-17T15:00:00Z');
    answer('Which functions were created by people?', trace(sim, ip));
  },
});
