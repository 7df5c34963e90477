import type { DeliveryChannel, ExternalChannel } from '../channels/types.js';
import type { ChannelSwitches } from './channelSwitches.js';
import type { CircuitBreaker } from './circuitBreaker.js';

/** The delivery side of the app context: channels, their switches and breakers, and the worker's doorbell. */
export interface DeliveryRuntime {
  channels: Record<ExternalChannel, DeliveryChannel>;
  switches: ChannelSwitches;
  /** One breaker per provider name (`smtp`, `twilio`, `web-push`, `dev-outbox`). */
  breakerFor(provider: string): CircuitBreaker;
  /** Tells the worker new deliveries are due (after a send commits, or an admin retry). */
  wake(): void;
}
