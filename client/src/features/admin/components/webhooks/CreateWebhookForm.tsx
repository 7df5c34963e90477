import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointWithSecret, type WebhookEventType } from '@shared/schemas/webhooks';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useCreateWebhook } from '../../api/webhooks/createWebhook';
import { useFormErrors } from '../../hooks/useFormErrors';
import { CreateButton } from '../common/CreateButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { EventTypeCheckboxes } from './EventTypeCheckboxes';
import { webhookFieldProblems } from './webhookFieldProblems';

const FIELDS = ['url', 'description', 'eventTypes'] as const;

/** "Add endpoint": its URL, a description and the events it receives; the parent shows the secret. */
export function CreateWebhookForm({ onCreated }: { onCreated: (created: WebhookEndpointWithSecret) => void }) {
  const intl = useIntl();
  const create = useCreateWebhook();
  // One request per click: a double click must not register the endpoint twice.
  const guard = useSubmitGuard();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const form = useFormErrors(create, FIELDS);
  const { errors } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!form.check(webhookFieldProblems(intl, { url, eventTypes }))) return;
    if (!guard.begin()) return;
    create.mutate(
      { url: url.trim(), description: description.trim(), eventTypes },
      {
        onSettled: guard.end,
        onSuccess: (created) => {
          setUrl('');
          setDescription('');
          setEventTypes([...WEBHOOK_EVENT_TYPES]);
          onCreated(created);
        },
      },
    );
  };

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="create-webhook-title">
      <h2 id="create-webhook-title" className="card__title">
        <FormattedMessage id="admin.webhooks.create.title" />
      </h2>
      <div className="create-inline">
        <FormField id="webhook-url" label={intl.formatMessage({ id: 'admin.webhooks.col.url' })} error={errors.url} className="create-inline__name">
          {(control) => (
            <input
              {...control}
              type="url"
              maxLength={2048}
              placeholder="https://example.com/webhooks/flashnotify"
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                form.resetServer();
              }}
            />
          )}
        </FormField>
        <FormField id="webhook-description" label={intl.formatMessage({ id: 'admin.webhooks.col.description' })} error={errors.description}>
          {(control) => <input {...control} type="text" maxLength={200} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </FormField>
        <EventTypeCheckboxes id="webhook-events" value={eventTypes} onChange={setEventTypes} error={errors.eventTypes} />
        <CreateButton label={intl.formatMessage({ id: 'admin.webhooks.create.title' })} pending={create.isPending} large />
      </div>
      <FormError error={create.error} placed={form.placed} />
    </form>
  );
}
