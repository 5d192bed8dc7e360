/**
 * Playbook: SSRF to the instance metadata service, credentials used outside AWS (MITRE
 * T1552.005, T1530; the 2019 Capital One pattern).
 *
 * An SSRF in a web application lets the attacker read two sets of credentials from IMDS:
 * the instance identity role (`/identity-credentials/ec2/security-credentials/ec2-instance`,
 * userIdentity `assumed-role/aws:ec2-instance/<instance-id>`, usable only with STS
 * GetCallerIdentity and a few integrated services) and the instance profile role. From their
 * own host they check the identity credentials, then list and download bucket data with the
 * instance-profile session.
 *
 * Detection: Sigma 352a918a (Malicious Usage Of IMDS Credentials Outside Of AWS
 * Infrastructure) fires on the `aws:ec2-instance` identity used from outside (not SSM, not
 * `AWS Internal`). The hunting rule 905d389b (AssumeRole Misuse) fires on the instance-profile
 * session's calls, as it does on all role-session traffic.
 */
import { defineScenario, type CallOptions, type JsonObject, type Principal } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.13.25 Python/3.11.5 Linux/5.15.0-105-generic exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-imds-credential-exfiltration',
  description: 'SSRF-stolen instance identity and instance-profile credentials are used from outside AWS to check identity and download bucket data.',
  title: 'Instance credentials stolen through IMDS (SSRF) and used outside AWS',
  attack: { techniques: ['T1552.005', 'T1078.004'], tactics: ['credential-access', 'initial-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1552/005/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.credential-access.ec2-steal-instance-credentials/',
    'https://www.capitalone.com/digital/facts2019/',
  ],
  seed: 4126,
  start: '2026-04-03T06:00:00Z',
  targets: ['352a918a-34d8-4882-8470-44830c507aa3', '905d389b-b853-46d0-9d3d-dea0d3a3cd49'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const instance = first(acct, 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f60718', 'us-east-1');
    const act = (who: Principal, op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    sim.advanceTo('2026-04-03T11:26:00Z');
    const identity = acct.role('aws:ec2-instance').session({ sessionName: instance, createdAt: sim.now - 22 * 60_000, ec2RoleDelivery: '1.0' });
    const profile = acct.role('waf-web-tier-role').session({ sessionName: instance, createdAt: sim.now - 35 * 60_000, ec2RoleDelivery: '1.0' });
    const bucket = acct.resources('AWS::S3::Bucket')[0].name;
    log(`account ${acct.id}; credentials of ${instance} used from ${ATTACKER_IP}`);

    act(identity, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('2m');
    act(profile, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('30s');
    act(profile, 's3:ListBuckets', 's3.ls');
    sim.advance('20s');
    act(profile, 's3:ListObjects', 's3.sync', { bucketName: bucket, prefix: '', delimiter: '' });
    for (let i = 0; i < 6; i++) {
      sim.advance('2s');
      act(profile, 's3:GetObject', 's3.sync', { bucketName: bucket, key: `customers/2026/part-${String(i).padStart(5, '0')}.csv.gz` });
    }

    sim.advanceTo('2026-04-03T15:00:00Z');
    answer(
      'Which credentials were used from outside AWS?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.arn} ${r.eventName}`),
    );
  },
});
