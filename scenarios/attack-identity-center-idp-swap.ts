/**
 * Playbook: swap the organization's identity source (MITRE T1484.002, T1556.007).
 *
 * In the organization's management account, an attacker holding an Identity Center
 * administrator session (an `AWSReservedSSO_` role session) turns off the external
 * identity provider, moves Identity Center to a directory they control, and enables an
 * external IdP configuration of their own: every account in the organization now trusts
 * identities the attacker issues.
 *
 * Detection: Sigma d3adb3ef (Identity Center Identity Provider Change) fires on
 * DisableExternalIdPConfigurationForDirectory, DisassociateDirectory, AssociateDirectory and
 * EnableExternalIdPConfigurationForDirectory (logged by sso-directory.amazonaws.com and
 * sso.amazonaws.com).
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BROWSER = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

export default defineScenario({
  name: 'attack-identity-center-idp-swap',
  description: 'In the management account, an Identity Center admin session disables the external IdP and re-associates Identity Center with an attacker directory.',
  title: 'Identity Center external IdP disabled and directory re-associated',
  attack: { techniques: ['T1484.002', 'T1556.007'], tactics: ['defense-evasion', 'privilege-escalation', 'credential-access', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1484/002/',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/manage-your-identity-source-change.html',
  ],
  seed: 4116,
  start: '2026-03-24T06:00:00Z',
  targets: ['d3adb3ef-b7e7-4003-9092-1924c797db35'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const mgmt = sim.addAccount({ name: 'management', alias: 'acme-root', regions: ['us-east-1'] });
    const member = sim.addAccount({ name: 'workloads', alias: 'acme-workloads', regions: ['us-east-1'] });
    const org = sim.createOrganization(mgmt);
    sim.addTraffic({ rate: '60/h' });
    sim.advanceTo('2026-03-24T16:02:00Z');
    const session = mgmt.role('AWSReservedSSO_AdministratorAccess_0e6c5d3a9b2f1478', { path: '/aws-reserved/sso.amazonaws.com/' }).session({ sessionName: 'it-admin@acme.example', createdAt: sim.now - 6 * 60_000 });
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(session, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BROWSER, ...opts });
    log(`organization ${org.id}: management ${mgmt.id}, member ${member.id}; attacker session ${session.arn}`);

    act('sso:ListInstances');
    sim.advance('40s');
    act('sso-directory:ListExternalIdPConfigurationsForDirectory', { directoryId: 'd-9067a1b2c3' });
    sim.advance('2m');
    act('sso-directory:DisableExternalIdPConfigurationForDirectory', { directoryId: 'd-9067a1b2c3' });
    sim.advance('1m');
    act('sso:DisassociateDirectory', { directoryId: 'd-9067a1b2c3' });
    sim.advance('4m');
    act('sso:AssociateDirectory', { directoryId: 'd-90676f5e4d' });
    sim.advance('3m');
    act('sso-directory:EnableExternalIdPConfigurationForDirectory', { directoryId: 'd-90676f5e4d' });

    sim.advanceTo('2026-03-24T20:00:00Z');
    answer(
      'What changed in Identity Center?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventSource} ${r.eventName} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
