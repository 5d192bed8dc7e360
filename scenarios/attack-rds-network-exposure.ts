/**
 * Playbook: open a database to the internet (MITRE T1562.007, T1133).
 *
 * An attacker's script, run with a leaked key, first tries the EC2-Classic-era DB security
 * group API (in this VPC-only account the `default` DB security group does not exist, so
 * `AuthorizeDBSecurityGroupIngress` fails with `DBSecurityGroupNotFound`), then does it the
 * VPC way: it opens the database's VPC security group to the internet on port 3306. A
 * legacy reporting database that still runs on EC2-Classic is opened through its DB
 * security group (the authorisation succeeds). DB security groups work only for EC2-Classic,
 * which AWS retired on 15 August 2022, so the playbook is set in June 2022.
 *
 * Detection: Sigma 14f3f1c8 (RDS Database Security Group Modification) keys on the event name
 * only and fires on the failed legacy call; Sigma 6fb77778 (Ingress/Egress Security Group
 * Modification) fires on AuthorizeSecurityGroupIngress.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';

export default defineScenario({
  name: 'attack-rds-network-exposure',
  description: 'A script with a leaked key opens a legacy EC2-Classic database\'s DB security group (after a failed first try) and the database\'s VPC security group on 3306 to the internet.',
  title: 'Database opened to the internet through security groups',
  attack: { techniques: ['T1562.007', 'T1133'], tactics: ['defense-evasion', 'initial-access', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/007/',
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html',
  ],
  seed: 4135,
  start: '2022-06-14T06:00:00Z',
  targets: ['14f3f1c8-02d5-43a2-a191-91ffb52d3015', '6fb77778-040f-4015-9440-572aa9b6b580'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('db-migration');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    const sg = first(acct, 'AWS::EC2::SecurityGroup', 'sg-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; database security group ${sg}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2022-06-14T10:30:00Z');
    act('rds:DescribeDBInstances');
    sim.advance('3s');
    act('rds:DescribeDBSecurityGroups');
    sim.advance('2s');
    act('rds:AuthorizeDBSecurityGroupIngress', { dBSecurityGroupName: 'default', cIDRIP: '0.0.0.0/0' }, { error: 'DBSecurityGroupNotFound' });
    sim.advance('4s');
    // The legacy reporting database still runs on EC2-Classic behind a DB security group:
    // this authorisation succeeds (response status `authorizing`), which is what opens it.
    act('rds:AuthorizeDBSecurityGroupIngress', { dBSecurityGroupName: 'reporting-mysql-classic', cIDRIP: '0.0.0.0/0' });
    sim.advance('5s');
    act('ec2:DescribeSecurityGroups', { securityGroupIdSet: { items: [{ groupId: sg }] } });
    sim.advance('3s');
    act('ec2:AuthorizeSecurityGroupIngress', { groupId: sg, ipPermissions: { items: [{ ipProtocol: 'tcp', fromPort: 3306, toPort: 3306, groups: {}, ipRanges: { items: [{ cidrIp: '0.0.0.0/0' }] }, ipv6Ranges: {}, prefixListIds: {} }] } });

    sim.advanceTo('2022-06-14T14:00:00Z');
    answer(
      'What did the script change?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
