/**
 * Playbook: abuse SES, then remove the sending identity (MITRE T1070, T1485).
 *
 * A marketing application's key leaks. The attacker checks the SES sending quota and the
 * verified identities, verifies an address of their own to send from, and later deletes
 * it, together with the company's verified domain (which stops the company's own mail).
 *
 * Detection: Sigma 20f754db (SES Identity Has Been Deleted) fires on each DeleteIdentity.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BOTO = 'Boto3/1.28.57 md/Botocore#1.31.57 ua/2.0 os/linux#5.15.0-86-generic md/arch#x86_64 lang/python#3.10.12 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.31.57';

export default defineScenario({
  name: 'attack-ses-identity-deletion',
  description: 'A leaked marketing-app key probes SES, verifies an attacker sender, then deletes it and the company domain identity.',
  title: 'SES probed, attacker sender verified, identities deleted',
  attack: { techniques: ['T1070', 'T1485', 'T1496.004'], tactics: ['defense-evasion', 'impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1496/004/',
    'https://www.invictus-ir.com/news/ransomware-in-the-cloud',
    'https://permiso.io/blog/s/aws-ses-pionage-detecting-ses-abuse/',
  ],
  seed: 4109,
  start: '2026-03-17T06:00:00Z',
  targets: ['20f754db-d025-4a8f-9d74-e0037e999a9a'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'marketing', alias: 'acme-marketing', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const app = acct.iamUser('newsletter-sender');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(app, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    log(`account ${acct.id}; leaked key of ${app.arn} used from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-17T08:45:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('5s');
    act('ses:GetSendQuota');
    sim.advance('5s');
    act('ses:ListIdentities', { identityType: 'Domain', maxItems: 100 });
    sim.advance('5s');
    act('ses:ListIdentities', { identityType: 'EmailAddress', maxItems: 100 });
    sim.advance('2m');
    act('ses:VerifyEmailIdentity', { emailAddress: 'billing-notice@acme-invoices.example' });
    sim.advanceTo('2026-03-17T11:20:00Z');
    act('ses:DeleteIdentity', { identity: 'billing-notice@acme-invoices.example' });
    sim.advance('10s');
    act('ses:DeleteIdentity', { identity: 'acme.example' });

    sim.advanceTo('2026-03-17T14:00:00Z');
    answer(
      'What did the leaked key do in SES?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
