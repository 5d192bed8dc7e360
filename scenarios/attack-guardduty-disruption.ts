/**
 * Playbook: blind GuardDuty (MITRE T1562.001; Pacu `guardduty__whitelist_ip` and
 * `detection__disruption`).
 *
 * The long-term key of a security-tooling user leaks. From a VPS the attacker lists the
 * detectors, adds a trusted-IP list holding their own address (GuardDuty stops producing
 * findings for traffic from it), then turns the detector off. In the second region the
 * same attempt to delete the detector is denied by a service control policy.
 *
 * Detection: Sigma 6e61ee20 (GuardDuty Important Change) fires on CreateIPSet; Sigma d2656e78
 * (GuardDuty Detector Deleted Or Updated) fires on the successful UpdateDetector with
 * `enable: false` (a JSON boolean the rule compares as text) and not on the denied
 * DeleteDetector, which carries an errorCode.
 */
import { defineScenario, type CallOptions, type JsonObject, type Principal } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';

export default defineScenario({
  name: 'attack-guardduty-disruption',
  description: 'A leaked security-tooling key adds the attacker to a GuardDuty trusted-IP list, then disables the detector; deleting the other region\'s detector is denied by an SCP.',
  title: 'GuardDuty trusted-IP list added and detector disabled',
  attack: { techniques: ['T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/001/',
    'https://github.com/RhinoSecurityLabs/pacu/wiki/Module-Details#guardduty__whitelist_ip',
  ],
  seed: 4102,
  start: '2026-03-10T06:00:00Z',
  targets: ['6e61ee20-ce00-4f8d-8aee-bedd8216f7e3', 'd2656e78-c069-4571-8220-9e0ab5913f19'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'security', alias: 'acme-security', regions: ['us-east-1', 'eu-west-1'] });
    sim.addTraffic({ rate: '80/h' });
    const tooling = acct.iamUser('secops-automation');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(tooling as Principal, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    log(`account ${acct.id}; background traffic 80 calls/h per region; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-10T12:07:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('30s');
    act('guardduty:ListDetectors');
    sim.advance('5s');
    act('guardduty:GetDetector');
    sim.advance('5s');
    act('guardduty:ListIPSets');
    sim.advance('2m');
    act('guardduty:CreateIPSet', {
      name: 'corp-egress-nat',
      format: 'TXT',
      location: 'https://s3.amazonaws.com/ops-lists-4471/trusted.txt',
      activate: true,
    });
    sim.advance('6m');
    act('guardduty:UpdateDetector', { enable: false });
    sim.advance('1m');
    act('guardduty:ListDetectors', undefined, { region: 'eu-west-1' });
    sim.advance('10s');
    act('guardduty:DeleteDetector', undefined, { region: 'eu-west-1', error: 'SCP' });

    sim.advanceTo('2026-03-10T15:00:00Z');
    answer(
      'What did the attacker change in GuardDuty?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.awsRegion} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
