import { createSimulation } from 'trailsim';

const sim = createSimulation({ seed: 1, start: '2026-03-01T00:00:00Z' });
const prod = sim.addAccount({ name: 'prod' });
const admin = prod.iamUser('admin');

// EventBridge receives CloudTrail events while a logging trail covers the account and region.
sim.cloudtrail.s3.createBucket('prod-audit-logs');
sim.cloudtrail.createTrail(admin, { Name: 'management-events', S3BucketName: 'prod-audit-logs', IsMultiRegionTrail: true });
sim.cloudtrail.startLogging(admin, { Name: 'management-events' });

const eb = sim.eventBridge.forAccount(prod.id, 'us-east-1');
const alerts = eb.createQueue('alerts');
eb.putRule({ Name: 'assume-role', EventPattern: JSON.stringify({ source: ['aws.sts'], detail: { eventName: ['AssumeRole'] } }) });
eb.putTargets({ Rule: 'assume-role', Targets: [{ Id: 'alerts', Arn: alerts.arn }] });

sim.call(admin, 'sts:AssumeRole', { roleArn: prod.role('deployer').arn, roleSessionName: 'admin' });

// alerts.messages: the delivered events, as JSON.
for (const event of alerts.json<{ 'detail-type': string; detail: { eventName: string } }>()) {
  console.log(event['detail-type'], event.detail.eventName);
}
// AWS API Call via CloudTrail AssumeRole
