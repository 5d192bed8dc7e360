/**
 * Playbook: exfiltrate a server by sharing its image (MITRE T1537; Stratus Red Team
 * `aws.exfiltration.ec2-share-ami`).
 *
 * A leaked key creates an AMI of a production instance without rebooting it and adds the
 * attacker's account to the image's launch permissions.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ec2-ami-shared`
 * (detections/exfiltration.ts; Panther AWS.CloudTrail.AMIModifiedForPublicAccess).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-ami-sharing',
  title: 'AMI shared with an outside account (ModifyImageAttribute)',
  description: 'A leaked key builds an image of a production server and shares it with the attacker\'s account.',
  attack: { techniques: ['T1537', 'T1578.001'], tactics: ['exfiltration', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.exfiltration.ec2-share-ami/',
  ],
  seed: 5021,
  start: '2026-05-24T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('golden-image-builder');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-24T14:05:00Z');
    const instance = first(acct, 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f60718', 'us-east-1');
    act('ec2:DescribeInstances');
    sim.advance('30s');
    const image = act('ec2:CreateImage', { instanceId: instance, name: 'web-baseline-2026-05', noReboot: true }, { exactParams: true, response: { requestId: '00000000-0000-4000-8000-000000000000', imageId: 'ami-0f3c9a2b7d1e4a658' } });
    const imageId = String(image.responseElements?.imageId ?? 'ami-0f3c9a2b7d1e4a658');
    sim.advance('9m');
    act('ec2:ModifyImageAttribute', { imageId, launchPermission: { add: { items: [{ userId: ATTACKER_ACCOUNT }] } }, attributeType: 'launchPermission' });

    sim.advanceTo('2026-05-24T17:00:00Z');
    answer('Which images were shared?', trace(sim, ip));
  },
});
