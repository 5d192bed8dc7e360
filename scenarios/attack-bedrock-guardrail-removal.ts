/**
 * Playbook: LLMjacking with the guardrails off (MITRE T1562.001, T1496).
 *
 * A generative-AI application's IAM user key leaks from a public repository. The attacker
 * enumerates the Bedrock guardrails the application uses, weakens one, deletes another,
 * and then invokes a model through the account for their own use.
 *
 * Detection: Sigma 1c722651 (Bedrock Guardrail Updated) fires on UpdateGuardrail and Sigma
 * 59b70e4d (Bedrock Guardrail Deleted) on DeleteGuardrail.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const SDK = 'aws-sdk-js/3.614.0 ua/2.1 os/linux#6.8.0-39-generic lang/js md/nodejs#20.15.1 api/bedrock#3.614.0';
const RUNTIME = 'aws-sdk-js/3.614.0 ua/2.1 os/linux#6.8.0-39-generic lang/js md/nodejs#20.15.1 api/bedrock-runtime#3.614.0';

export default defineScenario({
  name: 'attack-bedrock-guardrail-removal',
  description: 'A leaked generative-AI app key weakens and deletes Bedrock guardrails, then invokes models for the attacker.',
  title: 'Bedrock guardrails weakened and deleted, then models invoked',
  attack: { techniques: ['T1562.001', 'T1496.004'], tactics: ['defense-evasion', 'impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1496/004/',
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
  ],
  seed: 4105,
  start: '2026-03-13T06:00:00Z',
  targets: ['1c722651-254a-4b04-a9f4-99b62a2d0a1f', '59b70e4d-dd17-44a9-b740-acf07ae3eb6a'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'genai', alias: 'acme-genai', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const app = acct.iamUser('chat-assistant-app');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(app, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: SDK, ...opts });
    log(`account ${acct.id}; leaked key of ${app.arn} used from ${ATTACKER_IP}`);

    sim.advanceTo('2026-03-13T09:14:00Z');
    act('sts:GetCallerIdentity');
    sim.advance('1m');
    act('bedrock:ListGuardrails', { maxResults: 1000 });
    sim.advance('10s');
    act('bedrock:GetGuardrail', { guardrailIdentifier: 'q7m2x9k4t1ba', guardrailVersion: 'DRAFT' });
    sim.advance('10s');
    act('bedrock:GetGuardrail', { guardrailIdentifier: 'h3w8n5c2r6pz', guardrailVersion: 'DRAFT' });
    sim.advance('3m');
    act('bedrock:UpdateGuardrail', { guardrailIdentifier: 'q7m2x9k4t1ba' });
    sim.advance('1m');
    act('bedrock:DeleteGuardrail', { guardrailIdentifier: 'h3w8n5c2r6pz' });
    for (let i = 0; i < 4; i++) {
      sim.advance('45s');
      act('bedrock:InvokeModel', { modelId: 'anthropic.claude-3-5-sonnet-20240620-v1:0' }, { userAgent: RUNTIME });
    }

    sim.advanceTo('2026-03-13T14:00:00Z');
    answer(
      'What did the leaked key do in Bedrock?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
