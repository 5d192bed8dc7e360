/**
 * Playbook: share an EBS snapshot with an outside account (MITRE T1537; Stratus Red Team
 * `aws.exfiltration.ec2-share-ebs-snapshot`).
 *
 * With a backup operator's leaked key, the attacker finds the database server's volume,
 * snapshots it, and adds a create-volume permission for an account they control, in the
 * request shape of the Stratus record (`attributeType: CREATE_VOLUME_PERMISSION`,
 * `createVolumePermission.add.items[].userId`).
 *
 * Detection: Sigma abae8fec (Snapshot Backup Exfiltration) fires on ModifySnapshotAttribute.
 * It does not check that the change adds a permission, so removals fire too.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const OUTSIDE_ACCOUNT = '098797384747';
const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ebs-snapshot-exfiltration',
  description: 'A leaked backup-operator key snapshots a database volume and shares the snapshot with an outside account.',
  title: 'EBS snapshot shared with an outside account',
  attack: { techniques: ['T1537', 'T1578.001'], tactics: ['exfiltration', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.exfiltration.ec2-share-ebs-snapshot/',
  ],
  seed: 4131,
  start: '2026-04-08T06:00:00Z',
  targets: ['abae8fec-57bd-4f87-aff6-6e3db989843d'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('backup-operator');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const volume = first(acct, 'AWS::EC2::Volume', 'vol-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; attacker uses ${user.arn} from ${ATTACKER_IP}; shares with ${OUTSIDE_ACCOUNT}`);

    sim.advanceTo('2026-04-08T12:40:00Z');
    act('ec2:DescribeVolumes', 'ec2.describe-volumes');
    sim.advance('1m');
    const snap = act('ec2:CreateSnapshot', 'ec2.create-snapshot', { volumeId: volume, description: 'pre-upgrade snapshot' });
    const snapshotId = String(snap.responseElements?.snapshotId);
    for (let i = 0; i < 2; i++) {
      sim.advance('4m');
      act('ec2:DescribeSnapshots', 'ec2.describe-snapshots');
    }
    sim.advance('30s');
    act('ec2:ModifySnapshotAttribute', 'ec2.modify-snapshot-attribute', { snapshotId, attributeType: 'CREATE_VOLUME_PERMISSION', createVolumePermission: { add: { items: [{ userId: OUTSIDE_ACCOUNT }] } } });

    sim.advanceTo('2026-04-08T16:00:00Z');
    answer(
      'Which snapshot was shared, with whom?',
      sim.records({ eventName: 'ModifySnapshotAttribute' }).filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
