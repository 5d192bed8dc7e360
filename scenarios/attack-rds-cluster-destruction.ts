/**
 * Playbook: destroy an Aurora cluster (MITRE T1485).
 *
 * With a platform engineer's leaked key, the attacker lists the clusters, turns off deletion
 * protection on the production cluster, and deletes it without a final snapshot. The first
 * delete attempt fails because the change has not been applied yet.
 *
 * Detection: Sigma 457cc9ac (Modification or Deletion of an AWS RDS Cluster) fires on
 * ModifyDBCluster and on both DeleteDBCluster calls: it keys on the event names only.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-rds-cluster-destruction',
  description: 'A leaked platform key disables deletion protection on an Aurora cluster and deletes it without a final snapshot.',
  title: 'Aurora cluster deletion protection removed and cluster deleted',
  attack: { techniques: ['T1485', 'T1490'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1485/',
  ],
  seed: 4134,
  start: '2026-04-11T06:00:00Z',
  targets: ['457cc9ac-d8e6-4d1d-8c0e-251d0f11a74c'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('platform-engineer');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const cluster = first(acct, 'AWS::RDS::DBCluster', 'orders-aurora', 'us-east-1');
    log(`account ${acct.id}; cluster ${cluster}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-11T09:58:00Z');
    act('rds:DescribeDBClusters', 'rds.describe-db-clusters');
    sim.advance('1m');
    act('rds:DeleteDBCluster', 'rds.delete-db-cluster', { dBClusterIdentifier: cluster, skipFinalSnapshot: true }, { error: 'InvalidDBClusterStateFault' });
    sim.advance('40s');
    act('rds:ModifyDBCluster', 'rds.modify-db-cluster', { dBClusterIdentifier: cluster, deletionProtection: false, applyImmediately: true });
    sim.advance('2m');
    act('rds:DeleteDBCluster', 'rds.delete-db-cluster', { dBClusterIdentifier: cluster, skipFinalSnapshot: true });

    sim.advanceTo('2026-04-11T14:00:00Z');
    answer(
      'What happened to the cluster?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
