import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { PushDeviceDto } from '@shared/schemas/delivery';
import { apiFetch } from '../../../lib/api';
import { preferenceKeys } from '../../preferences';
import { PushSetupError, subscribeError } from '../utils/pushSetupError';
import { base64UrlToBytes, isSameKey, pushUnsupportedReason, rememberThisDevice } from '../utils/pushSupport';
import { pushDevicesOptions } from './getPushDevices';
import { vapidPublicKeyOptions } from './getVapidPublicKey';

const WORKER_TIMEOUT_MS = 10_000;

/** Stores this browser's subscription for the signed-in user; the server records consent now. */
export function savePushSubscription(subscription: PushSubscriptionJSON): Promise<PushDeviceDto> {
  return apiFetch<PushDeviceDto>('/api/push/subscriptions', { method: 'POST', body: subscription });
}

/**
 * The whole "Enable push on this device" flow, run only from that button: ask permission, subscribe
 * with the server's VAPID key, store the subscription. Each step fails with a PushSetupError.
 *
 * @example
 * const device = await enablePush(queryClient);
 */
export async function enablePush(queryClient: QueryClient): Promise<PushDeviceDto> {
  const unsupported = pushUnsupportedReason();
  if (unsupported) throw new PushSetupError('unsupported', unsupported);
  // Asked here, after a click, never on page load: unprompted requests get blocked for good.
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new PushSetupError('denied', 'devices.push.blocked');
  if (permission !== 'granted') throw new PushSetupError('dismissed', 'devices.push.dismissed');

  const registration = await workerReady();
  const publicKey = await queryClient.fetchQuery(vapidPublicKeyOptions());
  const subscription = await subscribe(registration, base64UrlToBytes(publicKey));
  const device = await savePushSubscription(subscription.toJSON());
  rememberThisDevice(device.id);
  return device;
}

/** The active service worker registration (registered at startup by lib/serviceWorker.ts). */
async function workerReady(): Promise<ServiceWorkerRegistration> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new PushSetupError('service-worker', 'devices.push.workerTimeout')),
      WORKER_TIMEOUT_MS,
    ),
  );
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/** Reuses this browser's subscription when it was made with the same key; otherwise subscribes anew. */
async function subscribe(registration: ServiceWorkerRegistration, key: Uint8Array<ArrayBuffer>): Promise<PushSubscription> {
  const existing = await registration.pushManager.getSubscription();
  if (existing && isSameKey(existing.options.applicationServerKey, key)) return existing;
  // Made for another server key (e.g. the server's keys changed): push services would refuse our pushes.
  await existing?.unsubscribe();
  try {
    return await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch (error) {
    throw subscribeError(error);
  }
}

/** "Enable push on this device"; the new device joins the list at once. */
export function useEnablePush() {
  const queryClient = useQueryClient();
  const { queryKey } = pushDevicesOptions();
  return useMutation({
    mutationFn: () => enablePush(queryClient),
    onSuccess: (device) => {
      queryClient.setQueryData<PushDeviceDto[]>(queryKey, (items = []) => [device, ...items.filter((d) => d.id !== device.id)]);
    },
    // The preferences page counts devices, and push becomes (un)available with them.
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey }), queryClient.invalidateQueries({ queryKey: preferenceKeys.all })]),
  });
}
