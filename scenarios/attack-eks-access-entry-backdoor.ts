/**
 * Playbook: Kubernetes cluster-admin through EKS access entries (MITRE T1098.006).
 *
 * The attacker adds an access entry for an IAM role in their own account and associates
 * `AmazonEKSClusterAdminPolicy` with cluster scope: they can now administer the cluster from
 * outside without touching the aws-auth ConfigMap.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-eks-cluster-admin-granted`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { ATTACKER_ACCOUNT, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-eks-access-entry-backdoor',
  title: 'EKS cluster-admin access granted to an outside principal (access entries)',
  description: 'A leaked key creates an EKS access entry for a role of the attacker\'s account and associates the cluster-admin access policy.',
  attack: { techniques: ['T1098.006'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/006/',
    'https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html',
  ],
  seed: 5032,
  start: '2026-06-04T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('k8s-platform');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-04T11:25:00Z');
    const principalArn = `arn:aws:iam::${ATTACKER_ACCOUNT}:role/eks-ops`;
    act('eks:ListClusters', {}, { exactParams: true, response: null });
    sim.advance('20s');
    act('eks:CreateAccessEntry', { clusterName: 'prod-apps', principalArn, type: 'STANDARD' }, { exactParams: true, response: null });
    sim.advance('10s');
    act('eks:AssociateAccessPolicy', { clusterName: 'prod-apps', principalArn, policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy', accessScope: { type: 'cluster' } }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-04T15:00:00Z');
    answer('Who was given cluster access?', trace(sim, ip));
  },
});
