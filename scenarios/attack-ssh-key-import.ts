/**
 * Playbook: an attacker's SSH key on a new instance (MITRE T1098.004, T1578.002).
 *
 * With a developer's leaked key, the attacker imports their own SSH public key and
 * launches an instance with it in an existing subnet to get a shell inside the VPC.
 *
 * Detection: Sigma 92f84194 (Key Pair Import Activity) fires on ImportKeyPair.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.16.2 Python/3.11.8 Linux/6.8.0-31-generic exe/x86_64.ubuntu.24 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ssh-key-import',
  description: 'A leaked developer key imports the attacker\'s SSH key and launches an instance with it.',
  title: 'Attacker\'s SSH key imported and used to launch an instance',
  attack: { techniques: ['T1098.004', 'T1578.002'], tactics: ['persistence', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/004/',
    'https://attack.mitre.org/techniques/T1578/002/',
  ],
  seed: 4117,
  start: '2026-03-25T06:00:00Z',
  targets: ['92f84194-8d9a-4ee0-8699-c30bfac59780'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'dev', alias: 'acme-dev', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const dev = acct.iamUser('p.novak');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(dev, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const subnet = first(acct, 'AWS::EC2::Subnet', 'subnet-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; attacker uses ${dev.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-25T10:12:00Z');
    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act('ec2:DescribeKeyPairs', 'ec2.describe-key-pairs');
    sim.advance('30s');
    act('ec2:DescribeSubnets', 'ec2.describe-subnets');
    sim.advance('1m');
    act('ec2:ImportKeyPair', 'ec2.import-key-pair', { keyName: 'ops-recovery', publicKeyMaterial: 'c3NoLWVkMjU1MTkgQUFBQUMzTnphQzFsWkRJMU5URTVBQUFBSUxvY2FsSG9zdEtleUZvclNpbXVsYXRpb25Pbmx5IHJvb3RAa2FsaQ==' });
    sim.advance('45s');
    act('ec2:RunInstances', 'ec2.run-instances', { instancesSet: { items: [{ imageId: 'ami-0e86e20dae9224db8', minCount: 1, maxCount: 1, keyName: 'ops-recovery' }] }, instanceType: 't3.micro', subnetId: subnet });

    sim.advanceTo('2026-03-25T14:00:00Z');
    answer(
      'What did the attacker launch, with which key?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
