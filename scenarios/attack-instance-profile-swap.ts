/**
 * Playbook: escalate by swapping an instance profile (MITRE T1098; Rhino Security Labs
 * method `ec2:ReplaceIamInstanceProfileAssociation` + `iam:PassRole`).
 *
 * The attacker, who already controls an instance, replaces its profile with the one of the
 * admin role, so code on the instance gets admin credentials from IMDS.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-instance-profile-changed`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-instance-profile-swap',
  title: 'Instance profile replaced with an administrative one',
  description: 'A leaked key swaps an instance\'s profile for an administrative one, then uses the instance to act with it.',
  attack: { techniques: ['T1098', 'T1078.004'], tactics: ['privilege-escalation', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  ],
  seed: 5048,
  start: '2026-06-20T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('ec2-maintenance');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-20T12:25:00Z');
    const instance = first(acct, 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f60718', 'us-east-1');
    act('ec2:DescribeIamInstanceProfileAssociations', { associationIds: [] }, { exactParams: true, response: null });
    sim.advance('30s');
    act('ec2:ReplaceIamInstanceProfileAssociation', { iamInstanceProfile: { arn: `arn:aws:iam::${acct.id}:instance-profile/ops-admin-profile` }, associationId: 'iip-assoc-0f1e2d3c4b5a69788' }, { exactParams: true, response: { requestId: '00000000-0000-4000-8000-000000000000', iamInstanceProfileAssociation: { associationId: 'iip-assoc-0a9b8c7d6e5f40312', instanceId: instance, iamInstanceProfile: { arn: `arn:aws:iam::${acct.id}:instance-profile/ops-admin-profile`, id: 'AIPAQ4ZT3KMD2RXN7YPAB' }, state: 'associating' } } });

    sim.advanceTo('2026-06-20T15:00:00Z');
    answer('Which instance profiles were swapped?', trace(sim, ip));
  },
});
