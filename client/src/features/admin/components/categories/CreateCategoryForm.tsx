import { useState, type FormEvent } from 'react';
import { iconSchema } from '@shared/schemas/actions';
import { categoryKeySchema } from '@shared/schemas/notification';
import type { Channel } from '@shared/types';
import { useCreateCategory } from '../../api/createCategory';
import { useSubmitGuard } from '../../../../hooks/useSubmitGuard';
import { useFormErrors } from '../../hooks/useFormErrors';
import { parseLadder, type EscalationDraftStep } from '../../utils/escalation';
import { CreateButton } from '../common/CreateButton';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { ChannelCheckboxes } from './ChannelCheckboxes';
import { EscalationEditor } from './EscalationEditor';

const FIELDS = ['key', 'label', 'description', 'defaultChannels', 'escalation', 'icon'] as const;
type Field = (typeof FIELDS)[number];

/** "New category": key, label, description, critical, default channels and escalation ladder. */
export function CreateCategoryForm() {
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
  const form = useFormErrors(create, FIELDS);
  const { errors, clear } = form;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!categoryKeySchema.safeParse(key.trim()).success) next.key = 'Use a lower-case slug: a-z, 0-9, “.”, “_”, “-”.';
    if (!label.trim()) next.label = 'Give the category a label people understand.';
    if (channels.length === 0) next.defaultChannels = 'Pick at least one channel.';
    const iconCheck = icon.trim() ? iconSchema.safeParse(icon.trim()) : null;
    if (iconCheck && !iconCheck.success) next.icon = iconCheck.error.issues[0]?.message ?? 'Not a usable image URL.';
    const ladder = parseLadder(escalation);
    if ('error' in ladder) next.escalation = ladder.error;
    if (!form.check(next) || 'error' in ladder) return;
    if (!guard.begin()) return;
    create.mutate(
      { key: key.trim(), label: label.trim(), description: description.trim(), critical, defaultChannels: channels, escalation: ladder.steps, icon: icon.trim() || null },
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
        },
      },
    );
  };

  return (
    <form className="card split__side" onSubmit={submit} noValidate aria-labelledby="create-category-title">
      <h2 id="create-category-title" className="card__title">
        New category
      </h2>
      <FormField
        id="category-key"
        label="Key"
        error={errors.key}
        hint={
          <>
            What services send as <code>category</code>. It can’t change later.
          </>
        }
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
      <FormField id="category-label" label="Label" error={errors.label}>
        {(control) => (
          <input
            {...control}
            type="text"
            placeholder="Billing"
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
        label={
          <>
            Description <span className="field__optional">optional</span>
          </>
        }
        error={errors.description}
      >
        {(control) => <textarea {...control} rows={2} value={description} onChange={(event) => setDescription(event.target.value)} />}
      </FormField>
      <FormField
        id="category-icon"
        label={
          <>
            Icon URL <span className="field__optional">optional</span>
          </>
        }
        error={errors.icon}
        hint="An https: image or a path on this site, shown beside notifications that have no icon of their own."
      >
        {(control) => (
          <input
            {...control}
            type="url"
            placeholder="https://cdn.example.com/billing.png"
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
        <span>Critical</span>
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
      <FormError error={create.error} placed={form.placed} />
      <CreateButton label="Create category" pending={create.isPending} />
    </form>
  );
}
