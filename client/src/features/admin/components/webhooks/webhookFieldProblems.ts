import type { IntlShape } from 'react-intl';
import type { WebhookEventType } from '@shared/schemas/webhooks';

/** The browser's own check of an endpoint's fields (the server checks the URL's host): a message per bad field. */
export function webhookFieldProblems(intl: IntlShape, { url, eventTypes }: { url: string; eventTypes: WebhookEventType[] }) {
  return {
    url: url.trim().startsWith('https://') ? undefined : intl.formatMessage({ id: 'admin.webhooks.create.urlInvalid' }),
    eventTypes: eventTypes.length > 0 ? undefined : intl.formatMessage({ id: 'admin.webhooks.create.eventsMissing' }),
  };
}
