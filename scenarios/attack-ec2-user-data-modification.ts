/**
 * Playbook: replace an instance's boot script (MITRE T1059.009; Stratus Red Team
 * `aws.execution.ec2-user-data`).
 *
 * With a leaked key, the attacker stops an instance, replaces its user data with a script
 * that adds their SSH key and a reverse shell, and starts it again. The ModifyInstanceAttribute
 * record has the shape of the Stratus detonation: `requestParameters.userData:
 * "<sensitiveDataRemoved>"`, no `attribute` key.
 *
 * The attacker then backdoors a second instance the other documented way, with the generic
 * attribute form (`aws ec2 modify-instance-attribute --attribute userData --value ...`, API
 * parameters Attribute=userData and Value): that record carries `requestParameters.attribute:
 * "userData"` (and the value redacted). The EC2 API reference lists userData among the
 * attributes `Attribute`/`Value` accept; the exact record of this form was not captured, so its
 * shape follows the EC2 parameter naming CloudTrail uses.
 *
 * Detection: Sigma 1ab3c5ed (EC2 Startup Shell Script Change) fires on the attribute form only:
 * it requires `requestParameters.attribute: userData`, which the UserData-parameter record of
 * the first instance (the Stratus detonation's shape) does not carry. The example detection
 * `aws-ec2-user-data-modified` catches both shapes.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-ec2-user-data-modification',
  description: 'A leaked key stops instances, replaces their user data with a backdoor script (with the UserData parameter, then the generic attribute form) and restarts them.',
  title: 'Instance user data replaced with a backdoor boot script',
  attack: { techniques: ['T1059.009', 'T1578.005'], tactics: ['execution', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1059/009/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.execution.ec2-user-data/',
  ],
  seed: 4143,
  start: '2026-04-20T06:00:00Z',
  targets: ['1ab3c5ed-5baf-417b-bb6b-78ca33f6c3df'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const user = acct.iamUser('ec2-maintenance');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(user, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const instance = first(acct, 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f60718', 'us-east-1');
    log(`account ${acct.id}; instance ${instance}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-20T12:00:00Z');
    act('ec2:DescribeInstances', 'ec2.describe-instances', { instancesSet: { items: [{ instanceId: instance }] } });
    sim.advance('20s');
    act('ec2:DescribeInstanceAttribute', 'ec2.describe-instance-attribute', { instanceId: instance, attribute: 'userData' });
    sim.advance('30s');
    act('ec2:StopInstances', 'ec2.stop-instances', { instancesSet: { items: [{ instanceId: instance }] }, force: false });
    sim.advance('1m');
    act('ec2:ModifyInstanceAttribute', 'ec2.modify-instance-attribute', { instanceId: instance, userData: 'IyEvYmluL2Jhc2gKZWNobyAic3NoLWVkMjU1MTkgQUFBQS4uLiIgPj4gL3Jvb3QvLnNzaC9hdXRob3JpemVkX2tleXMK' });
    sim.advance('20s');
    act('ec2:StartInstances', 'ec2.start-instances', { instancesSet: { items: [{ instanceId: instance }] } });

    const second = acct.resources('AWS::EC2::Instance', 'us-east-1')[1]?.name ?? 'i-06e4c07b5fba8ad21';
    sim.advance('3m');
    act('ec2:StopInstances', 'ec2.stop-instances', { instancesSet: { items: [{ instanceId: second }] }, force: false });
    sim.advance('1m');
    act('ec2:ModifyInstanceAttribute', 'ec2.modify-instance-attribute', { instanceId: second, attribute: 'userData', value: '<sensitiveDataRemoved>' }, { exactParams: true });
    sim.advance('20s');
    act('ec2:StartInstances', 'ec2.start-instances', { instancesSet: { items: [{ instanceId: second }] } });

    sim.advanceTo('2026-04-20T15:00:00Z');
    answer(
      'What was changed on the instance?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName} ${JSON.stringify(r.requestParameters)}`),
    );
  },
});
