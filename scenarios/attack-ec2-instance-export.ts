/**
 * Playbook: export a server as a VM image (MITRE T1537).
 *
 * With an infrastructure engineer's leaked key, the attacker tries to export a production
 * instance to a bucket as an OVA image. EC2 refuses (`NotExportable`: only instances that
 * were imported with VM Import can be exported); the attacker finds an imported legacy
 * instance and exports that one, then polls the export task.
 *
 * Detection: Sigma 54b9a76a ("EC2 VM Export Failure") fires on the successful export: as
 * written it requires no errorCode, no errorMessage and no "Failure" in the response, so it
 * stays silent on the refused attempt despite its title.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ec2-instance-export',
  description: 'A leaked infra key fails to export a native instance, then exports an imported legacy VM to S3 as an OVA image.',
  title: 'EC2 instance exported to S3 as a VM image',
  attack: { techniques: ['T1537'], tactics: ['exfiltration'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://docs.aws.amazon.com/vm-import/latest/userguide/vmexport.html',
  ],
  seed: 4130,
  start: '2026-04-07T06:00:00Z',
  targets: ['54b9a76a-3c71-4673-b4b3-2edb4566ea7b'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('infra-engineer');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const [native, imported] = acct.resources('AWS::EC2::Instance', 'us-east-1').map((i) => i.name);
    const bucket = acct.resources('AWS::S3::Bucket')[0].name;
    log(`account ${acct.id}; attacker uses ${user.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-07T11:05:00Z');
    act('ec2:DescribeInstances', 'ec2.describe-instances');
    sim.advance('2m');
    const exportToS3 = { diskImageFormat: 'VMDK', containerFormat: 'ova', s3Bucket: bucket, s3Prefix: 'vm-exports/' };
    act('ec2:CreateInstanceExportTask', 'ec2.create-instance-export-task', { instanceId: native, targetEnvironment: 'vmware', exportToS3 }, { error: 'NotExportable' });
    sim.advance('3m');
    act('ec2:CreateInstanceExportTask', 'ec2.create-instance-export-task', { instanceId: imported ?? native, targetEnvironment: 'vmware', exportToS3 });
    for (let i = 0; i < 3; i++) {
      sim.advance('10m');
      act('ec2:DescribeExportTasks', 'ec2.describe-export-tasks');
    }

    sim.advanceTo('2026-04-07T14:00:00Z');
    answer(
      'What did the attacker export?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.requestParameters?.instanceId ? ` ${r.requestParameters.instanceId}` : ''}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
