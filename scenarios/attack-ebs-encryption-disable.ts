/**
 * Playbook: turn off EBS encryption by default (MITRE T1486 preparation, T1562).
 *
 * With a leaked administrator key, the attacker checks the region's EBS encryption-by-default
 * setting and turns it off, so new volumes and snapshot copies are unencrypted and can be
 * shared outside the account without the KMS key.
 *
 * Detection: Sigma 16124c2d (EC2 Disable EBS Encryption) fires on
 * DisableEbsEncryptionByDefault.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ebs-encryption-disable',
  description: 'A leaked admin key turns off EBS encryption by default in two regions.',
  title: 'EBS encryption by default turned off',
  attack: { techniques: ['T1486', 'T1562.001'], tactics: ['impact', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1486/',
    'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  ],
  seed: 4137,
  start: '2026-04-14T06:00:00Z',
  targets: ['16124c2d-e40b-4fcc-8f2c-5ab7870a2223'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1', 'eu-west-1'] });
    sim.addTraffic({ rate: '60/h' });
    const admin = acct.iamUser('cloud-ops');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(admin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; attacker uses ${admin.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-14T12:12:00Z');
    for (const region of ['us-east-1', 'eu-west-1']) {
      act('ec2:GetEbsEncryptionByDefault', 'ec2.get-ebs-encryption-by-default', undefined, { region });
      sim.advance('15s');
      act('ec2:DisableEbsEncryptionByDefault', 'ec2.disable-ebs-encryption-by-default', undefined, { region });
      sim.advance('40s');
    }

    sim.advanceTo('2026-04-14T16:00:00Z');
    answer(
      'Where was EBS default encryption turned off?',
      sim.records({ eventName: 'DisableEbsEncryptionByDefault' }).map((r) => `${r.eventTime} ${r.awsRegion} by ${r.userIdentity?.arn} from ${r.sourceIPAddress}`),
    );
  },
});
