/**
 * Playbook: remove a WAF web ACL from a load balancer (MITRE T1562.007; Panther
 * AWS.WAF.Disassociation).
 *
 * The attacker lists the web ACLs and disassociates the one protecting the public ALB.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-waf-web-acl-disassociated`
 * (detections/defense-evasion.ts).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-waf-disassociation',
  title: 'WAF web ACL removed from the public load balancer',
  description: 'A leaked key disassociates the WAF web ACL from the internet-facing load balancer, exposing the app to the attacks it blocked.',
  attack: { techniques: ['T1562.007'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/007/',
    'https://docs.aws.amazon.com/waf/latest/APIReference/API_DisassociateWebACL.html',
  ],
  seed: 5030,
  start: '2026-06-02T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('edge-automation');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-02T10:30:00Z');
    const alb = `arn:aws:elasticloadbalancing:us-east-1:${acct.id}:loadbalancer/app/storefront-public/5f2b7c9e1a3d4b60`;
    act('wafv2:ListWebACLs', { Scope: 'REGIONAL' }, { exactParams: true, response: null });
    sim.advance('15s');
    act('wafv2:GetWebACLForResource', { ResourceArn: alb }, { exactParams: true, response: null });
    sim.advance('25s');
    act('wafv2:DisassociateWebACL', { ResourceArn: alb }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-02T15:00:00Z');
    answer('Which resources lost WAF protection?', trace(sim, ip));
  },
});
