import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { err, pick, pstr, ref, rstr, uuid, hex } from '../util.js';

/**
 * Amazon SNS (query protocol). Reads (ListTopics, GetTopicAttributes, ListTagsForResource)
 * follow the opensearch samples. Publish is a data event (`AWS::SNS::Topic`, advanced
 * selectors) that never logs the message body.
 */

const TOPIC: 'AWS::SNS::Topic' = 'AWS::SNS::Topic';
const topicArn = (ctx: CallContext) => pstr(ctx, 'topicArn') ?? pick(ctx, TOPIC).arn;
const topicRes = (ctx: CallContext, r: JsonObject | null): ResourceRef[] | undefined => { const a = rstr(r, 'topicArn'); return a ? [ref(a, ctx.accountId, TOPIC)] : undefined; };
const NOT_FOUND = err('NotFound', 'Topic does not exist', 0.5);

const defs: OpDef[] = [
  { name: 'ListTopics', request: () => null },
  { name: 'GetTopicAttributes', request: (ctx) => ({ topicArn: topicArn(ctx) }), errors: [NOT_FOUND] },
  { name: 'ListTagsForResource', request: (ctx) => ({ resourceArn: topicArn(ctx) }) },
  { name: 'ListSubscriptionsByTopic', request: (ctx) => ({ topicArn: topicArn(ctx) }), errors: [NOT_FOUND] },
  { name: 'CreateTopic', request: (ctx) => ({ name: pstr(ctx, 'name') ?? `${ctx.rng.pick(['alerts', 'deploys', 'billing'])}-${hex(ctx.rng, 4)}` }), response: (ctx, r) => ({ topicArn: `arn:${ctx.partition}:sns:${ctx.region}:${ctx.accountId}:${rstr(r, 'name') ?? 'topic'}` }) },
  { name: 'DeleteTopic', request: (ctx) => ({ topicArn: topicArn(ctx) }), deniedResource: topicRes, errors: [NOT_FOUND] },
  { name: 'Subscribe', request: (ctx) => ({ topicArn: topicArn(ctx), protocol: 'email', endpoint: 'HIDDEN_DUE_TO_SECURITY_REASONS', returnSubscriptionArn: false }), response: () => ({ subscriptionArn: 'pending confirmation' }), deniedResource: topicRes, errors: [NOT_FOUND] },
  { name: 'SetTopicAttributes', request: (ctx) => ({ topicArn: topicArn(ctx), attributeName: 'DisplayName', attributeValue: 'Alerts' }), deniedResource: topicRes, errors: [NOT_FOUND] },
  { name: 'Publish', readOnly: false, dataResourceType: TOPIC, request: (ctx) => ({ topicArn: topicArn(ctx) }), response: (ctx) => ({ messageId: uuid(ctx.rng) }), resources: topicRes, errors: [NOT_FOUND, err('ThrottledException', 'Rate exceeded', 0.2)] },
];

export const SNS_OPERATIONS = defineService({ service: 'sns', eventSource: 'sns.amazonaws.com' }, defs);
