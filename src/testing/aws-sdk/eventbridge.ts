/**
 * The EventBridge operations an `EventBridgeClient` runs against the simulation's
 * EventBridge (`sim.eventBridge.forAccount(accountId, region)`), whose methods take and
 * return the SDK's shapes. Operations without a return value answer `{}`, as the SDK does.
 */
import type { EventBridgeClient as SimEventBridge } from '../../bus/eventbridge.js';

type Input = Readonly<Record<string, unknown>>;
type Handler = (eb: SimEventBridge, input: Input) => object;

type Method =
  | 'createEventBus'
  | 'deleteEventBus'
  | 'describeEventBus'
  | 'listEventBuses'
  | 'putRule'
  | 'describeRule'
  | 'enableRule'
  | 'disableRule'
  | 'deleteRule'
  | 'listRules'
  | 'putTargets'
  | 'removeTargets'
  | 'listTargetsByRule'
  | 'putEvents'
  | 'testEventPattern';

function op(method: Method): Handler {
  return (eb, input) => {
    const fn = eb[method] as (i: object) => object | void;
    return fn.call(eb, input as unknown as object) ?? {};
  };
}

const HANDLERS: Readonly<Record<string, Handler>> = {
  CreateEventBus: op('createEventBus'),
  DeleteEventBus: op('deleteEventBus'),
  DescribeEventBus: op('describeEventBus'),
  ListEventBuses: op('listEventBuses'),
  PutRule: op('putRule'),
  DescribeRule: op('describeRule'),
  EnableRule: op('enableRule'),
  DisableRule: op('disableRule'),
  DeleteRule: op('deleteRule'),
  ListRules: op('listRules'),
  PutTargets: op('putTargets'),
  RemoveTargets: op('removeTargets'),
  ListTargetsByRule: op('listTargetsByRule'),
  PutEvents: op('putEvents'),
  TestEventPattern: op('testEventPattern'),
};

/** EventBridge operations the simulation answers (the rest are recorded, given a principal). */
export const SIMULATED_EVENTBRIDGE_OPERATIONS: readonly string[] = Object.freeze(Object.keys(HANDLERS));

/** The simulation's handler for an EventBridge operation, if it has one. */
export function eventBridgeHandler(operation: string): Handler | undefined {
  return Object.prototype.hasOwnProperty.call(HANDLERS, operation) ? HANDLERS[operation] : undefined;
}
