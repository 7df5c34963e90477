/** What a device's recent activity is read from (PushSubscription columns). */
export interface DeviceActivity {
  id: string;
  /** The last time the user (re-)subscribed on that browser. */
  consentAt: Date;
  /** The last push a push service accepted for it; null before the first. */
  lastUsedAt: Date | null;
}

/**
 * Orders devices most recently active first: by the later of `consentAt` and `lastUsedAt`, then the later
 * subscription, then id (a stable order for equal times). The cap keeps the head of this order
 * (listPushTargets) and evicts from its tail (savePushSubscription).
 *
 * @example
 * const newestFirst = [...devices].sort(byRecentActivity);
 */
export function byRecentActivity(a: DeviceActivity, b: DeviceActivity): number {
  const activeAt = (d: DeviceActivity) => Math.max(d.consentAt.getTime(), d.lastUsedAt?.getTime() ?? 0);
  return activeAt(b) - activeAt(a) || b.consentAt.getTime() - a.consentAt.getTime() || b.id.localeCompare(a.id);
}
