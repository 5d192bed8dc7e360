import type { JsonObject, ResourceRef } from '../../record/types.js';
import type { CallContext } from '../types.js';
import { defineService, type OpDef } from '../define.js';
import { HIDDEN, err, pick, pstr, ref, rstr, uuid, hex } from '../util.js';

/**
 * Amazon SQS. Message operations are data events (`AWS::SQS::Queue`, advanced selectors);
 * bodies and receipt handles are not written in clear.
 */

const QUEUE: 'AWS::SQS::Queue' = 'AWS::SQS::Queue';

function queueUrl(ctx: CallContext): string {
  const given = pstr(ctx, 'queueUrl');
  if (given) return given;
  const q = pick(ctx, QUEUE);
  return `https://sqs.${ctx.region}.amazonaws.com/${q.accountId}/${q.name}`;
}

function queueRes(ctx: CallContext, r: JsonObject | null): ResourceRef[] | undefined {
  const url = rstr(r, 'queueUrl');
  if (!url) return undefined;
  const parts = url.split('/');
  const name = parts.pop() ?? '';
  const account = parts.pop() ?? ctx.accountId;
  return [ref(`arn:${ctx.partition}:sqs:${ctx.region}:${account}:${name}`, account, QUEUE)];
}

const NO_QUEUE = err('AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.', 0.5);

const defs: OpDef[] = [
  { name: 'SendMessage', readOnly: false, dataResourceType: QUEUE, request: (ctx) => ({ queueUrl: queueUrl(ctx), messageBody: HIDDEN }), response: (ctx) => ({ messageId: uuid(ctx.rng), mD5OfMessageBody: hex(ctx.rng, 32) }), resources: queueRes, errors: [NO_QUEUE] },
  { name: 'ReceiveMessage', readOnly: true, dataResourceType: QUEUE, request: (ctx) => ({ queueUrl: queueUrl(ctx), maxNumberOfMessages: 10, waitTimeSeconds: 20 }), resources: queueRes, errors: [NO_QUEUE] },
  { name: 'DeleteMessage', readOnly: false, dataResourceType: QUEUE, request: (ctx) => ({ queueUrl: queueUrl(ctx), receiptHandle: HIDDEN }), resources: queueRes, errors: [NO_QUEUE, err('ReceiptHandleIsInvalid', 'The input receipt handle is invalid.', 0.2)] },
  { name: 'CreateQueue', request: (ctx) => ({ queueName: pstr(ctx, 'queueName') ?? `${ctx.rng.pick(['orders', 'events', 'jobs'])}-${hex(ctx.rng, 4)}`, attributes: { VisibilityTimeout: '30', MessageRetentionPeriod: '345600' } }), response: (ctx, r) => ({ queueUrl: `https://sqs.${ctx.region}.amazonaws.com/${ctx.accountId}/${rstr(r, 'queueName') ?? 'queue'}` }), errors: [err('QueueAlreadyExists', 'A queue already exists with the same name and a different value for attribute VisibilityTimeout')] },
  { name: 'ListQueues', request: () => null },
  { name: 'GetQueueAttributes', request: (ctx) => ({ queueUrl: queueUrl(ctx), attributeNames: ['All'] }), deniedResource: queueRes, errors: [NO_QUEUE] },
  { name: 'SetQueueAttributes', request: (ctx) => ({ queueUrl: queueUrl(ctx), attributes: { VisibilityTimeout: '60' } }), deniedResource: queueRes, errors: [NO_QUEUE] },
  { name: 'DeleteQueue', request: (ctx) => ({ queueUrl: queueUrl(ctx) }), deniedResource: queueRes, errors: [NO_QUEUE] },
  { name: 'PurgeQueue', request: (ctx) => ({ queueUrl: queueUrl(ctx) }), deniedResource: queueRes, errors: [NO_QUEUE, err('AWS.SimpleQueueService.PurgeQueueInProgress', 'Only one PurgeQueue operation on the queue is allowed every 60 seconds.')] },
];

export const SQS_OPERATIONS = defineService({ service: 'sqs', eventSource: 'sqs.amazonaws.com' }, defs);
