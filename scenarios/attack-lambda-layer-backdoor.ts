/**
 * Playbook: backdoor a function with a malicious layer (MITRE T1525; Stratus Red Team
 * `aws.persistence.lambda-layer-extension`).
 *
 * With a developer's leaked key, the attacker lists the functions, publishes a layer that
 * holds a Lambda extension (it runs with every invocation and can read the event and the
 * execution role's credentials), and attaches it to a production function
 * (`UpdateFunctionConfiguration20150331v2` with `requestParameters.layers`, as in the
 * Stratus record).
 *
 * Detection: Sigma 97fbabf8 (New Lambda Layer Attached) fires on the update with layers.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export default defineScenario({
  name: 'attack-lambda-layer-backdoor',
  description: 'A leaked developer key publishes a layer with a malicious extension and attaches it to a production function.',
  title: 'Malicious Lambda layer attached to a production function',
  attack: { techniques: ['T1525', 'T1546'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1525/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.lambda-layer-extension/',
  ],
  seed: 4122,
  start: '2026-03-30T06:00:00Z',
  targets: ['97fbabf8-8e1b-47a2-b7d5-a418d2b95e3d'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const dev = acct.iamUser('serverless-dev');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(dev, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const fn = first(acct, 'AWS::Lambda::Function', 'payments-webhook', 'us-east-1');
    const fnArn = `arn:aws:lambda:us-east-1:${acct.id}:function:${fn}`;
    log(`account ${acct.id}; target function ${fn}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-30T12:30:00Z');
    act('lambda:ListFunctions', 'lambda.list-functions');
    sim.advance('30s');
    act('lambda:GetFunction', 'lambda.get-function', { functionName: fn });
    sim.advance('4m');
    const layer = act('lambda:PublishLayerVersion', 'lambda.publish-layer-version', { layerName: 'otel-collector-ext', compatibleRuntimes: ['python3.12', 'nodejs20.x'] });
    const layerVersionArn = String(layer.responseElements?.layerVersionArn);
    sim.advance('1m');
    act('lambda:UpdateFunctionConfiguration', 'lambda.update-function-configuration', { functionName: fnArn, layers: [layerVersionArn] });

    sim.advanceTo('2026-03-30T15:00:00Z');
    answer(
      'Which layer was attached to which function?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.requestParameters?.layers ? ` ${JSON.stringify(r.requestParameters.layers)}` : ''}`),
    );
  },
});
