import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, hex } from '../util.js';

/** AWS Config (json protocol). Stopping the recorder or deleting the channel blinds Config (Sigma 07330162). */

const recorder = (ctx: CallContext) => pstr(ctx, 'configurationRecorderName') ?? 'default';
const channel = (ctx: CallContext) => pstr(ctx, 'deliveryChannelName') ?? 'default';

const NO_RECORDER = err('NoSuchConfigurationRecorderException', (_c, r) => `Cannot find configuration recorder with the specified name '${(r?.configurationRecorderName as string | undefined) ?? 'default'}'.`, 0.5);
const NO_CHANNEL = err('NoSuchDeliveryChannelException', (_c, r) => `Cannot find delivery channel with specified name '${(r?.deliveryChannelName as string | undefined) ?? 'default'}'.`, 0.5);

const defs: OpDef[] = [
  { name: 'StopConfigurationRecorder', request: (ctx) => ({ configurationRecorderName: recorder(ctx) }), errors: [NO_RECORDER] },
  { name: 'StartConfigurationRecorder', request: (ctx) => ({ configurationRecorderName: recorder(ctx) }), errors: [NO_RECORDER, err('NoAvailableDeliveryChannelException', 'Delivery channel is not available to start configuration recorder.')] },
  { name: 'DeleteConfigurationRecorder', request: (ctx) => ({ configurationRecorderName: recorder(ctx) }), errors: [NO_RECORDER] },
  { name: 'PutConfigurationRecorder', request: (ctx) => ({ configurationRecorder: { name: recorder(ctx), roleARN: `arn:${ctx.partition}:iam::${ctx.accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } } }), errors: [err('MaxNumberOfConfigurationRecordersExceededException', 'Failed to put configuration recorder because you have reached the limit for the maximum number of customer managed configuration records: (1)', 0.3)] },
  { name: 'DeleteDeliveryChannel', request: (ctx) => ({ deliveryChannelName: channel(ctx) }), errors: [NO_CHANNEL, err('LastDeliveryChannelDeleteFailedException', (_c, r) => `Failed to delete last specified delivery channel with name '${(r?.deliveryChannelName as string | undefined) ?? 'default'}', because there is a running configuration recorder.`)] },
  { name: 'PutDeliveryChannel', request: (ctx) => ({ deliveryChannel: { name: channel(ctx), s3BucketName: pick(ctx, 'AWS::S3::Bucket').name, configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' } } }), errors: [err('InsufficientDeliveryPolicyException', 'Insufficient delivery policy to s3 bucket, unable to write to bucket.')] },
  { name: 'DescribeConfigurationRecorders', request: () => null },
  { name: 'DescribeConfigurationRecorderStatus', request: () => null },
  { name: 'DescribeDeliveryChannels', request: () => null },
  { name: 'DescribeConfigRules', request: () => null },
  { name: 'DeleteConfigRule', request: (ctx) => ({ configRuleName: pstr(ctx, 'configRuleName') ?? 'cloudtrail-enabled' }), errors: [err('NoSuchConfigRuleException', 'The ConfigRule provided in the request is invalid. Please check the configRule name')] },
  { name: 'PutEvaluations', request: (ctx) => ({ evaluations: [{ complianceResourceType: 'AWS::EC2::SecurityGroup', complianceResourceId: pick(ctx, 'AWS::EC2::SecurityGroup').name, complianceType: ctx.rng.pick(['COMPLIANT', 'NON_COMPLIANT']), orderingTimestamp: new Date(ctx.time).toISOString() }], resultToken: hex(ctx.rng, 40), testMode: false }) },
];

export const CONFIG_OPERATIONS = defineService({ service: 'config', eventSource: 'config.amazonaws.com' }, defs);
