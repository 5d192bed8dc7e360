/**
 * Playbook: an exploitation script tries to open ElastiCache to the world (MITRE T1562.007).
 *
 * An attacker's script, run with a leaked key, calls the EC2-Classic-era ElastiCache
 * cache-security-group API: in this VPC-only account creating a cache security group is
 * refused (`InvalidParameterValue`) and the authorize / delete calls name a group that does
 * not exist. The script then falls back to the VPC way and swaps the replication group's
 * security groups.
 *
 * Detection: Sigma 4ae68615 (ElastiCache Security Group Created) and Sigma 7c797da2
 * (ElastiCache Security Group Modified or Deleted) key on the event names only and fire on
 * the failed calls too. The rule's `...Egress` names do not exist in the ElastiCache API.
 * ModifyReplicationGroup is not covered by any of the 57 rules.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';

export default defineScenario({
  name: 'attack-elasticache-security-group',
  description: 'A script with a leaked key tries the legacy ElastiCache security-group API (refused) before swapping the cluster\'s VPC security groups.',
  title: 'ElastiCache network access opened through security groups',
  attack: { techniques: ['T1562.007'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/007/',
  ],
  seed: 4120,
  start: '2026-03-28T06:00:00Z',
  targets: ['4ae68615-866f-4304-b24b-ba048dfa5ca7', '7c797da2-9cf2-4523-ba64-33b06339f0cc'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('cache-admin');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    const sg = first(acct, 'AWS::EC2::SecurityGroup', 'sg-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; script with ${user.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-28T10:50:00Z');
    act('elasticache:DescribeCacheClusters', { showCacheNodeInfo: true });
    sim.advance('5s');
    act('elasticache:DescribeCacheSecurityGroups');
    sim.advance('5s');
    act('elasticache:CreateCacheSecurityGroup', { cacheSecurityGroupName: 'open-cache-sg', description: 'open-cache-sg access' }, { error: 'InvalidParameterValue' });
    sim.advance('2s');
    act('elasticache:AuthorizeCacheSecurityGroupIngress', { cacheSecurityGroupName: 'default', eC2SecurityGroupName: 'default', eC2SecurityGroupOwnerId: acct.id }, { error: 'CacheSecurityGroupNotFound' });
    sim.advance('2s');
    act('elasticache:DeleteCacheSecurityGroup', { cacheSecurityGroupName: 'open-cache-sg' }, { error: 'CacheSecurityGroupNotFound' });
    sim.advance('1m');
    act('elasticache:ModifyReplicationGroup', { replicationGroupId: 'sessions-redis', securityGroupIds: [sg], applyImmediately: true });

    sim.advanceTo('2026-03-28T14:00:00Z');
    answer(
      'What did the script try in ElastiCache?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}: ${r.errorMessage}` : ''}`),
    );
  },
});
