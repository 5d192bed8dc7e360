/**
 * Playbook: stop AWS Config recording (MITRE T1562.001).
 *
 * An attacker who stole a GitHub Actions OIDC session of the deploy role (an assumed-role
 * session named `GitHubActions`) uses it from their own host: they look at the Config
 * recorder and delivery channel, stop the recorder and delete the delivery channel so
 * configuration changes are no longer recorded.
 *
 * Detection: Sigma 07330162 (AWS Config Disabling Channel/Recorder) fires on
 * StopConfigurationRecorder and DeleteDeliveryChannel. The stolen session also matches the
 * hunting rule 905d389b, like all role-session traffic.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.13.25 Python/3.11.5 Linux/6.2.0-1015-aws exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-config-recorder-stop',
  description: 'A stolen CI role session stops the AWS Config recorder and deletes its delivery channel.',
  title: 'AWS Config recorder stopped and delivery channel deleted',
  attack: { techniques: ['T1562.001'], tactics: ['defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1562/001/',
    'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
  ],
  seed: 4103,
  start: '2026-03-11T06:00:00Z',
  targets: ['07330162-dba1-4746-8121-a9647d49d297'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    sim.advanceTo('2026-03-11T10:31:00Z');
    const session = acct.role('github-actions-deploy').session({ sessionName: 'GitHubActions', createdAt: sim.now - 4 * 60_000 });
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(session, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    log(`account ${acct.id}; stolen session ${session.arn} used from ${ATTACKER_IP}`);

    act('sts:GetCallerIdentity', 'sts.get-caller-identity');
    sim.advance('40s');
    act('config:DescribeConfigurationRecorders', 'configservice.describe-configuration-recorders');
    sim.advance('10s');
    act('config:DescribeConfigurationRecorderStatus', 'configservice.describe-configuration-recorder-status');
    sim.advance('15s');
    act('config:DescribeDeliveryChannels', 'configservice.describe-delivery-channels');
    sim.advance('1m');
    act('config:StopConfigurationRecorder', 'configservice.stop-configuration-recorder', { configurationRecorderName: 'default' });
    sim.advance('30s');
    act('config:DeleteDeliveryChannel', 'configservice.delete-delivery-channel', { deliveryChannelName: 'default' });

    sim.advanceTo('2026-03-11T14:00:00Z');
    answer(
      'What did the stolen session do to AWS Config?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
