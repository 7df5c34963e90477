import type { Channel } from '@shared/types';

const numberFormat = new Intl.NumberFormat();

/** "1 person" / "1,204 people". */
export function formatPeople(count: number): string {
  return `${numberFormat.format(count)} ${count === 1 ? 'person' : 'people'}`;
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return numberFormat.format(count);
}

/** Read rate as a whole percentage, or null while nobody was reached. */
export function readRate(readCount: number, recipientCount: number): number | null {
  if (recipientCount <= 0) return null;
  return Math.round((readCount / recipientCount) * 100);
}

/** Display names of the delivery channels. */
export const CHANNEL_LABELS: Record<Channel, string> = {
  in_app: 'In-app',
  email: 'Email',
  sms: 'SMS',
  push: 'Push',
};

/** A server message as a sentence (some lack the full stop), so another can follow it. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
