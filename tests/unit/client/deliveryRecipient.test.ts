/** The admin deliveries table's recipient column: where each channel's message goes, in the reader's language. */
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { deliveryRecipient } from '../../../client/src/features/admin/components/deliveries/deliveryLabels';
import type { DeliveryDto } from '../../../shared/schemas/delivery';
import en from '../../../shared/i18n/messages/en.json';
import fr from '../../../shared/i18n/messages/fr.json';

const english = createIntl({ locale: 'en', messages: en });
const french = createIntl({ locale: 'fr-FR', messages: fr });
const delivery = (channel: DeliveryDto['channel'], address: string | null) => ({ channel, address, userName: 'Alice', userEmail: 'alice@example.com' }) as DeliveryDto;

describe('deliveryRecipient', () => {
  it('says "All devices" for push only: a Slack or Teams message goes to one conversation', () => {
    expect(deliveryRecipient(english, delivery('push', null)).address).toBe('All devices');
    expect(deliveryRecipient(english, delivery('slack', null))).toEqual({ address: 'Slack direct message', person: 'Alice', missing: false });
    expect(deliveryRecipient(english, delivery('teams', null))).toEqual({ address: 'Their Teams webhook', person: 'Alice', missing: false });
    expect(deliveryRecipient(french, delivery('teams', null)).address).toBe('Son webhook Teams');
  });

  it('shows the phone number of an SMS or WhatsApp message, the address of an email', () => {
    expect(deliveryRecipient(english, delivery('whatsapp', '+14155550123')).address).toBe('+14155550123');
    expect(deliveryRecipient(english, delivery('email', 'alice@example.com'))).toEqual({ address: 'alice@example.com', person: null, missing: false });
  });
});
