/**
 * Playbook: hijack a registered domain (MITRE T1584.001).
 *
 * With a leaked administrator key, the attacker lists the account's registered domains,
 * disables the transfer lock of the main one, and transfers it to an AWS account they
 * control (Route 53 Domains' TransferDomainToAnotherAwsAccount).
 *
 * Rule gap, expected no alert: Sigma 3940b5f1 (Route 53 Domain Transfer Lock Disabled) and
 * Sigma b056de1a (Route 53 Domain Transferred to Another Account) expect eventSource
 * `route53.amazonaws.com`, but Route 53 Domains API calls are logged by
 * `route53domains.amazonaws.com`, the value real CloudTrail writes and this scenario emits.
 * Neither rule fires on this attack.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export const gaps = [
  { rule: '3940b5f1-3f46-44aa-b746-ebe615b879e0', reason: 'expects eventSource route53.amazonaws.com; Route 53 Domains calls (DisableDomainTransferLock) are logged as route53domains.amazonaws.com' },
  { rule: 'b056de1a-6e6e-4e40-a67e-97c9808cf41b', reason: 'expects eventSource route53.amazonaws.com; Route 53 Domains calls (TransferDomainToAnotherAwsAccount) are logged as route53domains.amazonaws.com' },
];

export default defineScenario({
  name: 'attack-route53-domain-hijack',
  description: 'A leaked admin key disables a domain\'s transfer lock and transfers it to another AWS account; the Route 53 domain rules cannot see it (rule gap).',
  title: 'Domain transfer lock disabled and domain moved to another account',
  attack: { techniques: ['T1584.001'], tactics: ['resource-development'] },
  references: [
    'https://attack.mitre.org/techniques/T1584/001/',
    'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/domain-transfer-between-aws-accounts.html',
  ],
  seed: 4121,
  start: '2026-03-29T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'shared-services', alias: 'acme-shared', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const admin = acct.iamUser('dns-admin');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(admin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; attacker uses ${admin.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-29T09:05:00Z');
    act('route53domains:ListDomains', 'route53domains.list-domains');
    sim.advance('20s');
    act('route53domains:GetDomainDetail', 'route53domains.get-domain-detail', { domainName: 'acme-shop.com' });
    sim.advance('2m');
    act('route53domains:DisableDomainTransferLock', 'route53domains.disable-domain-transfer-lock', { domainName: 'acme-shop.com' });
    sim.advance('3m');
    act('route53domains:TransferDomainToAnotherAwsAccount', 'route53domains.transfer-domain-to-another-aws-account', { domainName: 'acme-shop.com', accountId: '731942086655' });

    sim.advanceTo('2026-03-29T13:00:00Z');
    answer(
      'What happened to the domain, and which eventSource logged it?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventSource} ${r.eventName}`),
    );
  },
});
