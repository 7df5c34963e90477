import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { categoryKeySchema } from '@shared/schemas/notification';
import type { Channel } from '@shared/types';
import { useCreateCategory } from '../../api/createCategory';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useFormErrors } from '../../hooks/useFormErrors';
import { parseLadder, type EscalationDraftStep } from '../../utils/escalation';
import { iconUrlProblem } from '../../utils/iconUrl';
import { parseRetention } from '../../utils/retention';
import { CreateButton } from '../common/CreateButton';
import { FormError } from '../common/FormError';
import { FormField, OptionalLabel } from '../common/FormField';
import { ChannelCheckboxes } from './ChannelCheckboxes';
import { EscalationEditor } from './EscalationEditor';
import { RetentionField } from './RetentionField';

const FIELDS = ['key', 'label', 'description', 'defaultChannels', 'escalation', 'icon', 'retentionDays'] as const;
type Field = (typeof FIELDS)[number];

/** "New category": key, label, description, critical, default channels, escalation ladder and retention. */
export function CreateCategoryForm() {
  const intl = useIntl();
  const create = useCreateCategory();
  // One request per click: a double click must not create two (or fail the second as a duplicate).
  const guard = useSubmitGuard();
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [critical, setCritical] = useState(false);
  const [channels, setChannels] = useState<Channel[]>(['in_app']);
  const [escalation, setEscalation] = useState<EscalationDraftStep[]>([]);
  const [icon, setIcon] = useState('');
  const [retention, setRetention] = useState('');
  const form = useFormErrors(create, FIELDS);
  const { errors, clear } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!categoryKeySchema.safeParse(key.trim()).success) next.key = intl.formatMessage({ id: 'admin.categories.keyInvalid' });
    if (!label.trim()) next.label = intl.formatMessage({ id: 'admin.categories.labelMissing' });
    if (channels.length === 0) next.defaultChannels = intl.formatMessage({ id: 'admin.categories.channelsMissing' });
    next.icon = iconUrlProblem(intl, icon);
    const ladder = parseLadder(intl, escalation);
    if ('error' in ladder) next.escalation = ladder.error;
    const kept = parseRetention(intl, retention);
    if ('error' in kept) next.retentionDays = kept.error;
    if (!form.check(next) || 'error' in ladder || 'error' in kept) return;
    if (!guard.begin()) return;
    create.mutate(
      { key: key.trim(), label: label.trim(), description: description.trim(), critical, defaultChannels: channels, escalation: ladder.steps, icon: icon.trim() || null, retentionDays: kept.days },
      {
        onSettled: guard.end,
        onSuccess: () => {
          setKey('');
          setLabel('');
          setDescription('');
          setCritical(false);
          setChannels(['in_app']);
          setEscalation([]);
          setIcon('');
          setRetention('');
        },
      },
    );
  };

  return (
    <form className="card split__side" onSubmit={submit} noValidate aria-labelledby="create-category-title">
      <h2 id="create-category-title" className="card__title">
        <FormattedMessage id="admin.categories.create.title" />
      </h2>
      <FormField
        id="category-key"
        label={intl.formatMessage({ id: 'admin.apiKeys.col.key' })}
        error={errors.key}
        hint={<FormattedMessage id="admin.categories.create.keyHint" values={{ code: (chunks) => <code>{chunks}</code> }} />}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="mono"
            placeholder="billing"
            value={key}
            onChange={(event) => {
              setKey(event.target.value.toLowerCase());
              clear('key');
            }}
          />
        )}
      </FormField>
      <FormField id="category-label" label={intl.formatMessage({ id: 'admin.categories.col.label' })} error={errors.label}>
        {(control) => (
          <input
            {...control}
            type="text"
            placeholder={intl.formatMessage({ id: 'admin.categories.create.labelPlaceholder' })}
            value={label}
            onChange={(event) => {
              setLabel(event.target.value);
              clear('label');
            }}
          />
        )}
      </FormField>
      <FormField
        id="category-description"
        label={<OptionalLabel id="admin.categories.description" />}
        error={errors.description}
      >
        {(control) => <textarea {...control} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </FormField>
      <FormField
        id="category-icon"
        label={<OptionalLabel id="admin.compose.icon" />}
        error={errors.icon}
        hint={intl.formatMessage({ id: 'admin.categories.create.iconHint' })}
      >
        {(control) => (
          <input
            {...control}
            type="url"
            placeholder="https://cdn.example/billing.png"
            value={icon}
            onChange={(event) => {
              setIcon(event.target.value);
              clear('icon');
            }}
          />
        )}
      </FormField>
      <label className="checkbox">
        <input type="checkbox" checked={critical} onChange={(event) => setCritical(event.target.checked)} />
        <span>
          <FormattedMessage id="admin.categories.col.critical" />
        </span>
      </label>
      <ChannelCheckboxes
        idPrefix="category-new"
        value={channels}
        onChange={(next) => {
          setChannels(next);
          clear('defaultChannels');
        }}
        error={errors.defaultChannels}
      />
      <EscalationEditor
        idPrefix="category-new"
        value={escalation}
        critical={critical}
        onChange={(next) => {
          setEscalation(next);
          clear('escalation');
        }}
        error={errors.escalation}
      />
      <RetentionField
        id="category-retention"
        value={retention}
        onChange={(next) => {
          setRetention(next);
          clear('retentionDays');
        }}
        error={errors.retentionDays}
      />
      <FormError error={create.error} placed={form.placed} />
      <CreateButton label={intl.formatMessage({ id: 'admin.categories.create.submit' })} pending={create.isPending} />
    </form>
  );
}
