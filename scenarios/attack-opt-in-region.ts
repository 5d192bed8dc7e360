/**
 * Playbook: work where nobody looks (MITRE T1535, T1496).
 *
 * With a leaked administrator key, the attacker lists the account's regions, enables an
 * opt-in region nobody uses, and once it is enabled launches GPU instances there to mine.
 *
 * Detection: Sigma a5ffb6ea (EnableRegion Command Monitoring) fires on account:EnableRegion.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-opt-in-region',
  description: 'A leaked admin key enables an unused opt-in region and starts GPU instances there for mining.',
  title: 'Unused opt-in Region enabled to run GPU miners',
  attack: { techniques: ['T1535', 'T1496.001'], tactics: ['defense-evasion', 'impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1535/',
    'https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-regions.html',
  ],
  seed: 4118,
  start: '2026-03-26T06:00:00Z',
  targets: ['a5ffb6ea-c784-4e01-b30a-deb6e58ca2ab'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const admin = acct.iamUser('terraform-admin');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(admin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; attacker uses ${admin.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-26T09:30:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act('account:ListRegions', 'account.list-regions');
    sim.advance('20s');
    act('account:GetRegionOptStatus', 'account.get-region-opt-status', { regionName: 'ap-southeast-3' });
    sim.advance('40s');
    act('account:EnableRegion', 'account.enable-region', { regionName: 'ap-southeast-3' });
    sim.advance('25m');
    act('account:GetRegionOptStatus', 'account.get-region-opt-status', { regionName: 'ap-southeast-3' });
    sim.advance('1m');
    act('ec2:DescribeImages', 'ec2.describe-images', undefined, { region: 'ap-southeast-3' });
    sim.advance('30s');
    act('ec2:RunInstances', 'ec2.run-instances', { instancesSet: { items: [{ imageId: 'ami-0f1c2a3b4d5e6f708', minCount: 4, maxCount: 4 }] }, instanceType: 'g5.2xlarge' }, { region: 'ap-southeast-3' });

    sim.advanceTo('2026-03-26T14:00:00Z');
    answer(
      'Where did the attacker work?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.awsRegion} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
