import type { IntlShape } from 'react-intl';
import type { MessageId } from '../../../i18n/messageIds';
import { isApiError } from '../../../lib/api';

/** Where enabling push stopped. */
export type PushSetupStep = 'unsupported' | 'denied' | 'dismissed' | 'service-worker' | 'push-service' | 'server';

/**
 * A failure of "Enable push on this device", with a message written for the person who clicked (`id`, a
 * catalog message; `detail`, the browser's own words, kept for support, untranslated).
 */
export class PushSetupError extends Error {
  constructor(
    readonly step: PushSetupStep,
    readonly id: MessageId,
    readonly detail?: string,
  ) {
    super(detail ? `${id} (${detail})` : id);
    this.name = 'PushSetupError';
  }
}

/**
 * The message to show for any error of the enable flow.
 *
 * @example
 * <p role="alert">{describePushError(enable.error)}</p>
 */
export function describePushError(intl: IntlShape, error: unknown): string {
  if (error instanceof PushSetupError) {
    const message = intl.formatMessage({ id: error.id });
    return error.detail ? `${message} (${error.detail})` : message;
  }
  if (isApiError(error)) return intl.formatMessage({ id: 'devices.push.serverRefused' }, { reason: error.message });
  return error instanceof Error ? error.message : intl.formatMessage({ id: 'devices.push.failed' });
}

/** Turns what `pushManager.subscribe()` throws into a PushSetupError; the browser's own text is kept for support. */
export function subscribeError(error: unknown): PushSetupError {
  const name = error instanceof DOMException ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError') {
    return new PushSetupError('denied', 'devices.push.refusedBlocked', detail);
  }
  // Chrome says "Registration failed - permission denied" even with notifications allowed when the
  // window has no push service at all (incognito, guest and headless profiles).
  if (/permission denied/i.test(detail) && Notification.permission === 'granted') {
    return new PushSetupError('push-service', 'devices.push.noPushService', detail);
  }
  // "Registration failed - push service error" (AbortError): the browser could not reach its push service.
  return new PushSetupError('push-service', 'devices.push.unreachable', detail);
}
