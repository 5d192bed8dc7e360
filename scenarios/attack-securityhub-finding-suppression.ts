/**
 * Playbook: hide the evidence in Security Hub (MITRE T1562.001).
 *
 * An attacker signed in to the console through a compromised Identity Center user (an
 * `AWSReservedSSO_` role session) reviews the active findings about their own activity,
 * suppresses them, archives the low-severity rest, and edits and deletes the custom insight
 * the security team watches.
 *
 * Detection: Sigma a607e1fe (SecurityHub Findings Evasion) fires on BatchUpdateFindings,
 * UpdateFindings, UpdateInsight and DeleteInsight.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export default defineScenario({
  name: 'attack-securityhub-finding-suppression',
  description: 'A compromised Identity Center console session suppresses and archives Security Hub findings and rewrites the team\'s insight.',
  title: 'Security Hub findings archived and insights rewritten',
  attack: { techniques: ['T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/001/',
  ],
  seed: 4104,
  start: '2026-03-12T06:00:00Z',
  targets: ['a607e1fe-74bf-4440-a3ec-b059b9103157'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'security', alias: 'acme-security', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    sim.advanceTo('2026-03-12T13:20:00Z');
    const session = acct.role('AWSReservedSSO_SecurityAdmin_7c1e9a42b3d5f680', { path: '/aws-reserved/sso.amazonaws.com/' }).session({ sessionName: 'j.doe@acme.example', createdAt: sim.now - 3 * 60_000 });
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(session, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BROWSER, ...opts });
    const insight = `arn:aws:securityhub:us-east-1:${acct.id}:insight/${acct.id}/custom/5b2c9e1d-7f3a-4c8e-9d6b-2a1f0e3c4d5b`;
    const finding = (n: string) => ({ Id: `arn:aws:guardduty:us-east-1:${acct.id}:detector/4cb2a1f07d9e3c5b8a6f1e2d3c4b5a69/finding/${n}`, ProductArn: 'arn:aws:securityhub:us-east-1::product/aws/guardduty' });
    log(`account ${acct.id}; attacker console session ${session.arn} from ${ATTACKER_IP}`);

    act('securityhub:DescribeHub');
    sim.advance('20s');
    act('securityhub:GetFindings', { Filters: { RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }], SeverityLabel: [{ Value: 'HIGH', Comparison: 'EQUALS' }] }, MaxResults: 100 });
    sim.advance('2m');
    act('securityhub:BatchUpdateFindings', {
      FindingIdentifiers: [finding('a6c7e9b1f2d34a5b8c9d0e1f2a3b4c5d'), finding('b2d4f6a8c0e24b6d8f0a2c4e6b8d0f2a')],
      Workflow: { Status: 'SUPPRESSED' },
      Note: { Text: 'Known pentest activity - approved', UpdatedBy: 'j.doe' },
    });
    sim.advance('1m');
    act('securityhub:UpdateFindings', { Filters: { RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }], SeverityLabel: [{ Value: 'LOW', Comparison: 'EQUALS' }] }, RecordState: 'ARCHIVED', Note: { Text: 'Bulk archive', UpdatedBy: 'j.doe' } });
    sim.advance('3m');
    act('securityhub:UpdateInsight', { InsightArn: insight, Name: 'Critical findings by resource', Filters: { SeverityLabel: [{ Value: 'CRITICAL', Comparison: 'EQUALS' }], ResourceType: [{ Value: 'AwsEc2Instance', Comparison: 'EQUALS' }] } });
    sim.advance('1m');
    act('securityhub:DeleteInsight', { InsightArn: insight });

    sim.advanceTo('2026-03-12T15:00:00Z');
    answer(
      'What did the attacker change in Security Hub?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
