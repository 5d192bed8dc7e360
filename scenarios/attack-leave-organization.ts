/**
 * Playbook: take a member account out of its organization (MITRE T1666, T1562.001; Stratus
 * Red Team `aws.defense-evasion.organizations-leave`).
 *
 * With admin credentials in a member account, the attacker checks the organization and calls
 * LeaveOrganization: the organization's service control policies, delegated security tooling
 * and organization trail stop applying to the account. A first call fails because the account
 * lacks standalone billing information, as real attempts often do.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-organizations-leave`
 * (detections/defense-evasion.ts; Panther AWS.CloudTrail.AttemptToLeaveOrg).
 */
import { defineScenario } from 'trailsim';
import { actor, trace } from './_kit.js';

export default defineScenario({
  name: 'attack-leave-organization',
  title: 'Member account removed from its organization (LeaveOrganization)',
  description: 'An attacker with admin rights in a member account calls LeaveOrganization to escape SCPs and the organization trail.',
  attack: { techniques: ['T1666', 'T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1666/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.organizations-leave/',
  ],
  seed: 5007,
  start: '2026-05-10T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const mgmt = sim.addAccount({ name: 'management', alias: 'acme-root', regions: ['us-east-1'] });
    const member = sim.addAccount({ name: 'workloads', alias: 'acme-workloads', regions: ['us-east-1'] });
    sim.createOrganization(mgmt);
    sim.addTraffic({ rate: '120/h' });
    const admin = member.iamUser('workloads-admin');
    const act = actor(sim, admin, ip);
    log(`member ${member.id} of the organization of ${mgmt.id}; attacker at ${ip}`);

    sim.advanceTo('2026-05-10T11:00:00Z');
    act('organizations:DescribeOrganization');
    sim.advance('30s');
    act('organizations:LeaveOrganization', {}, { error: 'ConstraintViolationException' });
    sim.advance('12m');
    act('organizations:LeaveOrganization');

    sim.advanceTo('2026-05-10T15:00:00Z');
    answer('Which account tried to leave the organization?', trace(sim, ip));
  },
});
