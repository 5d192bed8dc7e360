/**
 * Playbook: privilege escalation through a Glue development endpoint (MITRE T1098; the
 * Rhino Security Labs `iam:PassRole` + `glue:CreateDevEndpoint` path, Pacu
 * `iam__privesc_scan`).
 *
 * A data engineer's leaked key may pass roles to Glue. The attacker lists the roles, creates
 * a development endpoint with a privileged role and their SSH key, later adds a second key,
 * uses the endpoint, and deletes it.
 *
 * Detection: Sigma 4990c2e3 (Glue Development Endpoint Activity) fires on CreateDevEndpoint,
 * UpdateDevEndpoint and DeleteDevEndpoint.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';

export default defineScenario({
  name: 'attack-glue-dev-endpoint',
  description: 'A leaked data-engineer key passes a privileged role to a new Glue development endpoint, adds SSH keys, then deletes it.',
  title: 'Privileged role passed to a Glue development endpoint',
  attack: { techniques: ['T1098', 'T1648'], tactics: ['persistence', 'privilege-escalation', 'execution'] },
  references: [
    'https://attack.mitre.org/techniques/T1098/',
    'https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/',
  ],
  seed: 4124,
  start: '2026-04-01T06:00:00Z',
  targets: ['4990c2e3-f4b8-45e3-bc3c-30b14ff0ed26'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'analytics', alias: 'acme-analytics', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const eng = acct.iamUser('etl-engineer');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(eng, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    const roleArn = acct.role('GlueServiceRole-Admin').arn;
    log(`account ${acct.id}; attacker uses ${eng.arn} from ${ATTACKER_IP}; passes ${roleArn}`);

    sim.advanceTo('2026-04-01T09:40:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('10s');
    act('iam:ListRoles');
    sim.advance('10s');
    act('glue:GetDevEndpoints');
    sim.advance('1m');
    act('glue:CreateDevEndpoint', { endpointName: 'etl-debug', roleArn, publicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDm7sYkPq3GdX0vR2w9ZtLb8cJ4nA1eH6uK5fQ attacker@kali' });
    sim.advanceTo('2026-04-01T10:05:00Z');
    act('glue:UpdateDevEndpoint', { endpointName: 'etl-debug', addPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq2Vb9Xw4Lr8Tn1Kd0Ys3Pm6Jf5Ue7Ca2Rb attacker@vps'] });
    sim.advanceTo('2026-04-01T11:30:00Z');
    act('glue:DeleteDevEndpoint', { endpointName: 'etl-debug' });

    sim.advanceTo('2026-04-01T14:00:00Z');
    answer(
      'What did the attacker do with Glue?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.requestParameters?.roleArn ? ` role=${r.requestParameters.roleArn}` : ''}`),
    );
  },
});
