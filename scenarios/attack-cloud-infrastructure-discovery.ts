/**
 * Playbook: enumerate the account after stealing a key (MITRE T1580, T1087.004, T1069.003,
 * T1619; Pacu `iam__enum_*` and `ec2__enum`).
 *
 * In under two minutes the script lists the Regions, dumps IAM with
 * GetAccountAuthorizationDetails, lists buckets, and describes instances, snapshots and
 * volumes Region by Region (many calls fail in Regions the account does not use).
 *
 * Detection: Sigma f305fd62 (bucket enumeration by a non-role caller); the example detection
 * `aws-iam-authorization-details-dumped` (detections/discovery.ts).
 */
import { defineScenario } from 'trailsim';
import { BOTO, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-cloud-infrastructure-discovery',
  title: 'Account, identity and infrastructure enumeration across Regions (Pacu-style)',
  description: 'A leaked key enumerates IAM (GetAccountAuthorizationDetails), buckets, and instances, snapshots and volumes in every Region.',
  attack: { techniques: ['T1580', 'T1087.004', 'T1069.003', 'T1619'], tactics: ['discovery'] },
  references: [
    'https://attack.mitre.org/techniques/T1580/',
    'https://github.com/RhinoSecurityLabs/pacu',
  ],
  seed: 5024,
  start: '2026-05-27T06:00:00Z',
  targets: ['f305fd62-beca-47da-ad95-7690a0620084'],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('monitoring-readonly');
    const act = actor(sim, user, ip, BOTO);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-27T08:12:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('2s');
    act('ec2:DescribeRegions');
    sim.advance('2s');
    act('iam:GetAccountAuthorizationDetails', { filter: ['User', 'Role', 'Group', 'LocalManagedPolicy'] });
    sim.advance('3s');
    act('s3:ListBuckets');
    for (const region of ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1']) {
      sim.advance('1s');
      act('ec2:DescribeInstances', undefined, { region });
      sim.advance('1s');
      act('ec2:DescribeSnapshots', { ownersSet: { items: [{ owner: 'self' }] } }, { region });
      sim.advance('1s');
      act('ec2:DescribeVolumes', undefined, { region });
    }

    sim.advanceTo('2026-05-27T15:00:00Z');
    answer('What was enumerated?', trace(sim, ip));
  },
});
