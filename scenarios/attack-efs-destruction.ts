/**
 * Playbook: destroy shared file systems (MITRE T1485).
 *
 * With a leaked administrator key, the attacker lists the EFS file systems and their mount
 * targets, deletes the mount targets (EFS refuses to delete a file system that still has
 * them: the first attempt fails with `FileSystemInUse`), then deletes the file system.
 *
 * Detection: Sigma 6a7ba45c (EFS Fileshare Mount Modified or Deleted) fires on
 * DeleteMountTarget and Sigma 25cb1ba1 (EFS Fileshare Modified or Deleted) on
 * DeleteFileSystem, failed attempt included.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-efs-destruction',
  description: 'A leaked admin key deletes an EFS file system\'s mount targets and then the file system.',
  title: 'EFS mount targets and file system deleted',
  attack: { techniques: ['T1485'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1485/',
  ],
  seed: 4139,
  start: '2026-04-16T06:00:00Z',
  targets: ['6a7ba45c-63d8-473e-9736-2eaabff79964', '25cb1ba1-8a19-4a23-a198-d252664c8cef'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const admin = acct.iamUser('storage-ops');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(admin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const fs = 'fs-0c8d2e4f6a1b3c5d7';
    log(`account ${acct.id}; file system ${fs}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-16T13:30:00Z');
    act('elasticfilesystem:DescribeFileSystems', 'efs.describe-file-systems');
    sim.advance('20s');
    act('elasticfilesystem:DescribeMountTargets', 'efs.describe-mount-targets', { fileSystemId: fs });
    sim.advance('30s');
    act('elasticfilesystem:DeleteFileSystem', 'efs.delete-file-system', { fileSystemId: fs }, { error: 'FileSystemInUse' });
    for (const mt of ['fsmt-0a1b2c3d4e5f60718', 'fsmt-0b2c3d4e5f6071829']) {
      sim.advance('10s');
      act('elasticfilesystem:DeleteMountTarget', 'efs.delete-mount-target', { mountTargetId: mt });
    }
    sim.advance('2m');
    act('elasticfilesystem:DeleteFileSystem', 'efs.delete-file-system', { fileSystemId: fs });

    sim.advanceTo('2026-04-16T16:00:00Z');
    answer(
      'What was deleted?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
