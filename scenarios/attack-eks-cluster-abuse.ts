/**
 * Playbook: a rogue EKS cluster for mining, then removal (MITRE T1496, T1485).
 *
 * With a leaked DevOps key, the attacker creates an EKS cluster with a public endpoint in
 * an existing subnet to run miners, and days later, when their access is about to be cut,
 * deletes the company's staging cluster.
 *
 * Detection: Sigma 33d50d03 (EKS Cluster Created or Deleted) fires on CreateCluster and
 * DeleteCluster: routine cluster lifecycle fires it too.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-eks-cluster-abuse',
  description: 'A leaked DevOps key creates a public EKS cluster for mining and deletes the staging cluster.',
  title: 'Public EKS cluster created for mining, staging cluster deleted',
  attack: { techniques: ['T1496.001', 'T1485'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1496/001/',
    'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
  ],
  seed: 4140,
  start: '2026-04-17T06:00:00Z',
  targets: ['33d50d03-20ec-4b74-a74e-1e65a38af1c0'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('devops-bot');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const subnets = acct.resources('AWS::EC2::Subnet', 'us-east-1').map((s) => s.name).slice(0, 2);
    log(`account ${acct.id}; attacker uses ${user.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-17T09:10:00Z');
    act('eks:ListClusters', 'eks.list-clusters');
    sim.advance('20s');
    act('eks:DescribeCluster', 'eks.describe-cluster', { name: 'staging-eks' });
    sim.advance('2m');
    act('eks:CreateCluster', 'eks.create-cluster', { name: 'batch-processing', version: '1.30', roleArn: `arn:aws:iam::${acct.id}:role/eks-cluster-role`, resourcesVpcConfig: { subnetIds: subnets, endpointPublicAccess: true, endpointPrivateAccess: false } });
    sim.advanceTo('2026-04-17T13:45:00Z');
    act('eks:DeleteCluster', 'eks.delete-cluster', { name: 'staging-eks' });

    sim.advanceTo('2026-04-17T16:00:00Z');
    answer(
      'Which clusters were created or deleted?',
      sim.records().filter((r) => r.eventSource === 'eks.amazonaws.com' && !r.readOnly).map((r) => `${r.eventTime} ${r.eventName} ${r.requestParameters?.name} by ${r.userIdentity?.arn} from ${r.sourceIPAddress}`),
    );
  },
});
