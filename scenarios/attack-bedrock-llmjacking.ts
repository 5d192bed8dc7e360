/**
 * Playbook: LLMjacking (MITRE T1496.004; Sysdig TRT, May 2024; Permiso "Exploiting hosted
 * models").
 *
 * The key is tested for model access (ListFoundationModels, an InvokeModel with an invalid
 * max_tokens that fails with ValidationException, the cheap check Sysdig saw), invocation
 * logging is read and deleted, then models are invoked for the reverse proxy.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-bedrock-invocation-logging-tampering`
 * (detections/defense-evasion.ts; Panther AWS.Bedrock.DeleteModelInvocationLoggingConfiguration).
 */
import { defineScenario } from 'trailsim';
import { BOTO, actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-bedrock-llmjacking',
  title: 'LLMjacking: Bedrock model access checked, logging checked and deleted, models invoked',
  description: 'A leaked key checks which Bedrock models it can use and whether invocations are logged, deletes the logging configuration and invokes models.',
  attack: { techniques: ['T1496.004', 'T1562.008'], tactics: ['impact', 'defense-evasion'] },
  references: [
    'https://attack.mitre.org/techniques/T1496/004/',
    'https://sysdig.com/blog/llmjacking-stolen-cloud-credentials-used-in-new-ai-attack/',
    'https://permiso.io/blog/exploiting-hosted-models',
  ],
  seed: 5027,
  start: '2026-05-30T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('chatbot-backend');
    const act = actor(sim, user, ip, BOTO);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-05-30T08:10:00Z');
    act('bedrock:ListFoundationModels');
    sim.advance('2s');
    act('bedrock:InvokeModel', { modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' }, { error: { code: 'ValidationException', message: 'max_tokens_to_sample: range: 1..1,000,000' } });
    sim.advance('3s');
    act('bedrock:GetModelInvocationLoggingConfiguration');
    sim.advance('5s');
    act('bedrock:DeleteModelInvocationLoggingConfiguration');
    for (let i = 0; i < 10; i++) {
      sim.advance('7s');
      act('bedrock:InvokeModel', { modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' });
    }

    sim.advanceTo('2026-05-30T15:00:00Z');
    answer('Who used Bedrock, and was logging changed?', trace(sim, ip));
  },
});
