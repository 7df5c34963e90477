import { isApiError } from '../../../lib/api';

/** Where enabling push stopped. */
export type PushSetupStep = 'unsupported' | 'denied' | 'dismissed' | 'service-worker' | 'push-service' | 'server';

/** A failure of "Enable push on this device", with a message written for the person who clicked. */
export class PushSetupError extends Error {
  constructor(
    readonly step: PushSetupStep,
    message: string,
  ) {
    super(message);
    this.name = 'PushSetupError';
  }
}

/**
 * The message to show for any error of the enable flow.
 *
 * @example
 * <p role="alert">{describePushError(enable.error)}</p>
 */
export function describePushError(error: unknown): string {
  if (error instanceof PushSetupError) return error.message;
  if (isApiError(error)) return `The server did not accept this device: ${error.message}`;
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

/** Turns what `pushManager.subscribe()` throws into a PushSetupError; the browser's own text is kept for support. */
export function subscribeError(error: unknown): PushSetupError {
  const name = error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError') {
    return new PushSetupError('denied', `The browser refused the subscription because notifications are blocked for this site. (${detail})`);
  }
  // Chrome says "Registration failed - permission denied" even with notifications allowed when the
  // window has no push service at all (incognito, guest and headless profiles).
  if (/permission denied/i.test(detail) && Notification.permission === 'granted') {
    return new PushSetupError(
      'push-service',
      `Notifications are allowed, but this browser window cannot create push subscriptions (private, guest and automated windows can’t). Try a regular browser window. (${detail})`,
    );
  }
  // "Registration failed - push service error" (AbortError): the browser could not reach its push service.
  return new PushSetupError(
    'push-service',
    `Your browser could not reach its push service, so push can’t be enabled right now. Check your connection and try again. (${detail})`,
  );
}
