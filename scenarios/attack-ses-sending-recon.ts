/**
 * Playbook: check whether stolen keys can send email before abusing SES (MITRE T1526,
 * T1496.004; Permiso "SES-pionage", Invictus IR on SES abuse).
 *
 * Spam crews test every leaked key for SES: is sending enabled, what is the quota, which
 * identities are verified (GetAccountSendingEnabled, GetSendQuota, ListIdentities,
 * GetIdentityVerificationAttributes), in several Regions in a few seconds.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ses-sending-probe`
 * (detections/discovery.ts; Panther AWS.CloudTrail.SES.CheckSESSendingEnabled and
 * CheckIdentityVerifications).
 */
import { defineScenario } from 'trailsim';
import { BOTO, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ses-sending-recon',
  title: 'SES sending capability probed with a leaked key',
  description: 'A leaked key is checked for SES abuse: sending enabled, quota, verified identities and their status, across Regions.',
  attack: { techniques: ['T1526', 'T1496.004'], tactics: ['discovery', 'impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1526/',
    'https://permiso.io/blog/s/aws-ses-pionage-detecting-ses-abuse/',
    'https://www.invictus-ir.com/news/the-curious-case-of-dangerdev-protonmail-me',
  ],
  seed: 5014,
  start: '2026-05-17T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim, { regions: ['us-east-1', 'eu-west-1'] });
    const user = acct.iamUser('newsletter-sender');
    const act = actor(sim, user, ip, BOTO);
    log(`account ${acct.id}; leaked key of ${user.arn} probed from ${ip}`);

    sim.advanceTo('2026-05-17T12:40:00Z');
    act('sts:GetCallerIdentity');
    for (const region of ['us-east-1', 'eu-west-1', 'us-west-2']) {
      sim.advance('2s');
      act('ses:GetAccountSendingEnabled', undefined, { region });
      sim.advance('1s');
      act('ses:GetSendQuota', undefined, { region });
      sim.advance('1s');
      act('ses:ListIdentities', { identityType: 'EmailAddress', maxItems: 100 }, { region });
      sim.advance('1s');
      act('ses:GetIdentityVerificationAttributes', { identities: ['acme.example', 'noreply@acme.example'] }, { region });
    }

    sim.advanceTo('2026-05-17T16:00:00Z');
    answer('Who probed SES?', trace(sim, ip));
  },
});
