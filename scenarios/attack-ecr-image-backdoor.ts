/**
 * Playbook: implant an internal image (MITRE T1525).
 *
 * With a developer key, the attacker gets an ECR token, uploads layers and re-points the
 * `latest` tag of a production repository at their image (PutImage by an IAM user; releases
 * are pushed by the CI role).
 *
 * Detection: no SigmaHQ rule; the example detection `aws-ecr-image-pushed-by-user`
 * (detections/persistence.ts; Panther AWS.ECR.CRUD).
 */
import { defineScenario } from 'trailsim';
import { actor, trace, victim } from './_kit.js';

export default defineScenario({
  name: 'attack-ecr-image-backdoor',
  title: 'Backdoored container image pushed over a production tag',
  description: 'A leaked developer key pushes a backdoored image to ECR under the production tag that services pull.',
  attack: { techniques: ['T1525'], tactics: ['persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1525/',
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push.html',
    'https://docs.aws.amazon.com/AmazonECR/latest/userguide/logging-using-cloudtrail.html',
  ],
  seed: 5031,
  start: '2026-06-03T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const acct = victim(sim);
    const user = acct.iamUser('alex.dev');
    const act = actor(sim, user, ip);
    log(`account ${acct.id}; key of ${user.arn} used from ${ip}`);

    sim.advanceTo('2026-06-03T13:40:00Z');
    act('ecr:GetAuthorizationToken', {}, { exactParams: true, response: null });
    sim.advance('20s');
    act('ecr:InitiateLayerUpload', { repositoryName: 'payments/api' }, { exactParams: true, response: null });
    sim.advance('40s');
    act('ecr:CompleteLayerUpload', { repositoryName: 'payments/api', uploadId: '3f0c5d2e-7a1b-4c8d-9e6f-1a2b3c4d5e6f', layerDigests: ['sha256:9d4b7e1a2c3f5e6d7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f'] }, { exactParams: true, response: null });
    sim.advance('5s');
    act('ecr:PutImage', { repositoryName: 'payments/api', imageTag: 'latest', imageManifest: '{"schemaVersion":2}', imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json' }, { exactParams: true, response: null });

    sim.advanceTo('2026-06-03T15:00:00Z');
    answer('Who pushed images outside the pipeline?', trace(sim, ip));
  },
});
