export {
  createEventBus,
  type EventBusOptions,
  TollgateEventBus,
  type TollgateListener,
} from './event-bus.js';
export type { RequestEventBase, TollgateEventMap, TollgateEventName } from './event-map.js';
