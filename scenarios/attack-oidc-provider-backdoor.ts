/**
 * Playbook: federated persistence through GitHub OIDC (MITRE T1484.002, T1098.003).
 *
 * The attacker registers `token.actions.githubusercontent.com` as an identity provider and
 * creates a role whose trust allows their own repository's workflows: credentials without keys.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-iam-identity-provider-created`
 * (detections/persistence.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-oidc-provider-backdoor',
  title: 'GitHub OIDC provider and role trusting the attacker\'s repository',
  description: 'A leaked admin key adds the GitHub Actions OIDC provider and a role that trusts any workflow of the attacker\'s repository.',
  attack: { techniques: ['T1484.002', 'T1098.003'], tactics: ['persistence', 'privilege-escalation', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1484/002/',
    'https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services',
    'https://www.wiz.io/blog/avoiding-mistakes-with-aws-oidc-integration-conditions',
  ],
  seed: 5053,
  start: '2026-06-25T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('devops-admin');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-25T16:40:00Z');
    act('iam:ListOpenIDConnectProviders');
    sim.advance('20s');
    act('iam:CreateOpenIDConnectProvider', { url: 'https://token.actions.githubusercontent.com', clientIDList: ['sts.amazonaws.com'], thumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'] }, { exactParams: true, response: null });
    sim.advance('30s');
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${acct.id}:oidc-provider/token.actions.githubusercontent.com` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:gh-ops-tools/*' } } }] });
    act('iam:CreateRole', { roleName: 'github-actions-deploy', assumeRolePolicyDocument: trust });
    sim.advance('10s');
    act('iam:AttachRolePolicy', { roleName: 'github-actions-deploy', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });

    sim.advanceTo('2026-06-25T19:00:00Z');
    answer('Which identity providers and roles were created?', trace(sim, ip));
  },
});
