import { useEffect, useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { WebhookEndpointDto, WebhookEventType } from '@shared/schemas/webhooks';
import { Dialog } from '../../../../components/Dialog';
import { useUpdateWebhook } from '../../api/webhooks/updateWebhook';
import { useFormErrors } from '../../hooks/useFormErrors';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { EventTypeCheckboxes } from './EventTypeCheckboxes';
import { webhookFieldProblems } from './webhookFieldProblems';

const FIELDS = ['url', 'description', 'eventTypes'] as const;

/** "Edit": an endpoint's URL, description and events (its secret and state stay as they are). */
export function EditWebhookDialog({ endpoint, onClose }: { endpoint: WebhookEndpointDto | null; onClose: () => void }) {
  const intl = useIntl();
  const update = useUpdateWebhook();
  const form = useFormErrors(update, FIELDS);
  const { errors } = form;
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([]);

  // Each opening starts from the endpoint as it is.
  const { reset } = update;
  useEffect(() => {
    if (!endpoint) return;
    setUrl(endpoint.url);
    setDescription(endpoint.description);
    setEventTypes(endpoint.eventTypes);
    reset();
  }, [endpoint, reset]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!endpoint || !form.check(webhookFieldProblems(intl, { url, eventTypes }))) return;
    update.mutate({ id: endpoint.id, changes: { url: url.trim(), description: description.trim(), eventTypes } }, { onSuccess: onClose });
  };

  return (
    <Dialog
      open={endpoint !== null}
      title={intl.formatMessage({ id: 'admin.webhooks.edit.title' })}
      onClose={onClose}
      busy={update.isPending}
      testId="webhook-edit-dialog"
      className="dialog--wide"
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={onClose}>
            <FormattedMessage id="admin.webhooks.edit.cancel" />
          </button>
          <button type="submit" form="webhook-edit-form" className="btn btn--primary" disabled={update.isPending}>
            <FormattedMessage id="admin.webhooks.edit.save" />
          </button>
        </>
      }
    >
      <form id="webhook-edit-form" onSubmit={submit} noValidate className="stack">
        <FormField id="webhook-edit-url" label={intl.formatMessage({ id: 'admin.webhooks.col.url' })} error={errors.url}>
          {(control) => (
            <input
              {...control}
              type="url"
              maxLength={2048}
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                form.resetServer();
              }}
            />
          )}
        </FormField>
        <FormField id="webhook-edit-description" label={intl.formatMessage({ id: 'admin.webhooks.col.description' })} error={errors.description}>
          {(control) => <input {...control} type="text" maxLength={200} value={description} onChange={(event) => setDescription(event.target.value)} />}
        </FormField>
        <EventTypeCheckboxes id="webhook-edit-events" value={eventTypes} onChange={setEventTypes} error={errors.eventTypes} />
        <FormError error={update.error} placed={form.placed} />
      </form>
    </Dialog>
  );
}
