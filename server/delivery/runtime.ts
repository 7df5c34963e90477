import type { DeliveryChannel, ExternalChannel } from '../channels/types.js';
import type { ChannelSwitches } from './channelSwitches.js';
import type { ProviderBreaker } from './providerBreaker.js';

/** The delivery side of the app context: channels' providers, their switches and breakers, and the worker's doorbell. */
export interface DeliveryRuntime {
  /**
   * Each channel's providers in failover order (at least one; most channels have exactly one). Each is a
   * DeliveryChannel named by its `provider` (`smtp:relay1.example.com:587`, `twilio`, `web-push`, `dev-outbox`).
   */
  providers: Record<ExternalChannel, readonly [DeliveryChannel, ...DeliveryChannel[]]>;
  switches: ChannelSwitches;
  /** One breaker per provider name, shared by the nodes through Redis in scale-out mode. */
  breakerFor(provider: string): ProviderBreaker;
  /** Tells the worker new deliveries are due (after a send commits, or an admin retry). */
  wake(): void;
}
