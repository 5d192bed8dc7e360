/**
 * Playbook: exfiltration through a VPC endpoint, stopped by its policy (MITRE T1537, T1567;
 * Wiz "VPC endpoint network activity events" research, Dec 2024).
 *
 * From a compromised instance in the victim's VPC, the attacker lists buckets with the
 * instance role (allowed through the S3 gateway endpoint), then tries to upload data to a
 * bucket in their own account with their own credentials through the same endpoint. The
 * endpoint policy allows only the organization's buckets, so the uploads are denied
 * (`VpceAccessDenied`). Only the endpoint owner sees those attempts, as network-activity
 * events (eventType AwsVpceEvent), when a trail logs NetworkActivity for s3.amazonaws.com.
 *
 * Detection: no SigmaHQ rule reads network-activity events; the example detections
 * `aws-vpce-access-denied` and `aws-vpce-external-principal` (detections/exfiltration.ts;
 * Panther AWS.CloudTrail.VPCE.AccessDenied and VPCE.ExternalPrincipal).
 */
import { defineScenario, recordNetworkActivity } from 'trailsim';
import { ATTACKER_ACCOUNT, trace, victim, first } from './_kit.js';

export default defineScenario({
  name: 'attack-vpce-exfiltration-attempt',
  title: 'Upload to an outside bucket through a VPC endpoint denied (VpceAccessDenied)',
  description: 'From a compromised instance, the attacker\'s own credentials try to upload to their bucket through the victim\'s S3 endpoint and are denied by its policy.',
  attack: { techniques: ['T1537', 'T1567'], tactics: ['exfiltration'] },
  references: [
    'https://attack.mitre.org/techniques/T1537/',
    'https://www.wiz.io/blog/aws-vpc-endpoint-cloudtrail',
    'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-network-events-with-cloudtrail.html',
  ],
  seed: 5016,
  start: '2026-05-19T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const acct = victim(sim);
    const outside = sim.addAccount({ id: ATTACKER_ACCOUNT, name: 'attacker', regions: ['us-east-1'] });
    const instance = first(acct, 'AWS::EC2::Instance', 'i-0a1b2c3d4e5f60718', 'us-east-1');
    const privateIp = '10.0.141.54';
    const endpoint = { vpcEndpointId: 'vpce-0c4f1a9e27b3d5e81', endpointOwnerId: acct.id, sourceIPAddress: privateIp };
    const role = acct.role('app-server-instance-role');
    const stolen = role.session({ sessionName: instance, createdAt: sim.now - 20 * 60_000, ec2RoleDelivery: '2.0' });
    const theirs = outside.iamUser('uploader');
    log(`endpoint ${endpoint.vpcEndpointId} of ${acct.id}; instance ${instance}; attacker account ${outside.id}`);

    sim.advanceTo('2026-05-19T10:30:00Z');
    sim.call(stolen, 's3:ListBuckets', undefined, { sourceIPAddress: privateIp, vpcEndpointId: endpoint.vpcEndpointId });
    recordNetworkActivity(sim, { ...endpoint, principal: stolen, eventSource: 's3.amazonaws.com', eventName: 'ListBuckets' });
    for (let i = 0; i < 4; i++) {
      sim.advance('15s');
      recordNetworkActivity(sim, { ...endpoint, principal: theirs, eventSource: 's3.amazonaws.com', eventName: 'PutObject', denied: true });
    }

    sim.advanceTo('2026-05-19T14:00:00Z');
    answer(
      'Who tried to use the VPC endpoint, and was denied?',
      [...trace(sim, privateIp)],
    );
  },
});
