/**
 * Playbook: expose a function to the internet (MITRE T1190 set-up, T1098).
 *
 * With a developer's leaked key, the attacker gives an internal function a function URL with
 * `authType: NONE` and a resource policy statement that lets anyone invoke it, then calls
 * it from outside.
 *
 * Rule gap, expected no alert: Sigma ec541962 (New Lambda Function URL Configuration Created)
 * matches the eventName `CreateFunctionUrlConfig` exactly, but Lambda logs the versioned name
 * `CreateFunctionUrlConfig20211031` (Lambda event names carry the API version of the
 * operation's URI, like `UpdateFunctionConfiguration20150331v2` in the Stratus records).
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';
import { first } from './_kit.js';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;

export const gaps = [
  { rule: 'ec541962-c05a-4420-b9ea-84de072d18f4', reason: 'matches eventName CreateFunctionUrlConfig exactly; Lambda logs the versioned name CreateFunctionUrlConfig20211031' },
];

export default defineScenario({
  name: 'attack-lambda-public-function-url',
  description: 'A leaked developer key gives an internal function a public, unauthenticated function URL; the Sigma function-URL rule cannot see it (rule gap).',
  title: 'Internal Lambda function given a public function URL',
  attack: { techniques: ['T1190', 'T1098'], tactics: ['initial-access', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1190/',
    'https://stratus-red-team.cloud/attack-techniques/AWS/aws.persistence.lambda-backdoor-function/',
  ],
  seed: 4123,
  start: '2026-03-31T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const dev = acct.iamUser('api-dev');
    const act = (op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(dev, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const fn = first(acct, 'AWS::Lambda::Function', 'internal-admin-api', 'us-east-1');
    log(`account ${acct.id}; target function ${fn}; attacker at ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-31T10:10:00Z');
    act('lambda:ListFunctions', 'lambda.list-functions');
    sim.advance('1m');
    act('lambda:GetFunctionUrlConfig', 'lambda.get-function-url-config', { functionName: fn }, { error: 'ResourceNotFoundException' });
    sim.advance('30s');
    act('lambda:CreateFunctionUrlConfig', 'lambda.create-function-url-config', { functionName: fn, authType: 'NONE' });
    sim.advance('20s');
    act('lambda:AddPermission', 'lambda.add-permission', { functionName: fn, statementId: 'FunctionURLAllowPublicAccess', action: 'lambda:InvokeFunctionUrl', principal: '*', functionUrlAuthType: 'NONE' });

    sim.advanceTo('2026-03-31T14:00:00Z');
    answer(
      'How was the function exposed?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
