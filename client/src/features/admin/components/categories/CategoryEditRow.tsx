import { useState, type FormEvent } from 'react';
import { iconSchema } from '@shared/schemas/actions';
import type { CategoryDto } from '@shared/schemas/directory';
import type { Channel } from '@shared/types';
import { useUpdateCategory } from '../../api/updateCategory';
import { useFormErrors } from '../../hooks/useFormErrors';
import { parseLadder, toDraft, type EscalationDraftStep } from '../../utils/escalation';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { CATEGORY_COLUMNS } from './categoryColumns';
import { ChannelCheckboxes } from './ChannelCheckboxes';
import { EscalationEditor } from './EscalationEditor';

const FIELDS = ['label', 'description', 'defaultChannels', 'escalation', 'icon'] as const;
type Field = (typeof FIELDS)[number];

/** A category row turned into a form: label, description, critical, channels and escalation (the key is fixed). */
export function CategoryEditRow({ category, onDone }: { category: CategoryDto; onDone: () => void }) {
  const update = useUpdateCategory();
  const [label, setLabel] = useState(category.label);
  const [description, setDescription] = useState(category.description);
  const [critical, setCritical] = useState(category.critical);
  const [channels, setChannels] = useState<Channel[]>(category.defaultChannels);
  const [escalation, setEscalation] = useState<EscalationDraftStep[]>(() => toDraft(category.escalation));
  const [icon, setIcon] = useState(category.icon ?? '');
  const form = useFormErrors(update, FIELDS);
  const { errors } = form;
  const id = `category-edit-${category.key}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!label.trim()) next.label = 'The label can’t be empty.';
    if (channels.length === 0) next.defaultChannels = 'Pick at least one channel.';
    const ladder = parseLadder(escalation);
    if ('error' in ladder) next.escalation = ladder.error;
    const iconCheck = icon.trim() ? iconSchema.safeParse(icon.trim()) : null;
    if (iconCheck && !iconCheck.success) next.icon = iconCheck.error.issues[0]?.message ?? 'Not a usable image URL.';
    if (!form.check(next) || 'error' in ladder) return;
    update.mutate(
      {
        key: category.key,
        patch: { label: label.trim(), description: description.trim(), critical, defaultChannels: channels, escalation: ladder.steps, icon: icon.trim() || null },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <tr className="data-table__edit-row">
      <td colSpan={CATEGORY_COLUMNS}>
        <form
          className="inline-edit"
          onSubmit={submit}
          noValidate
          aria-label={`Edit category ${category.key}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDone();
          }}
        >
          <p className="inline-edit__key">
            Editing <code>{category.key}</code>
          </p>
          <div className="form-row">
            <FormField id={`${id}-label`} label="Label" error={errors.label}>
              {(control) => <input {...control} type="text" value={label} autoFocus onChange={(event) => setLabel(event.target.value)} />}
            </FormField>
            <FormField id={`${id}-description`} label="Description" error={errors.description}>
              {(control) => (
                <input {...control} type="text" value={description} onChange={(event) => setDescription(event.target.value)} />
              )}
            </FormField>
          </div>
          <FormField id={`${id}-icon`} label="Icon URL" error={errors.icon} hint="An https: image or a path on this site; empty: none.">
            {(control) => <input {...control} type="url" value={icon} onChange={(event) => setIcon(event.target.value)} />}
          </FormField>
          <label className="checkbox">
            <input type="checkbox" checked={critical} onChange={(event) => setCritical(event.target.checked)} />
            <span>Critical</span>
          </label>
          <ChannelCheckboxes idPrefix={id} value={channels} onChange={setChannels} error={errors.defaultChannels} />
          <EscalationEditor idPrefix={id} value={escalation} onChange={setEscalation} critical={critical} error={errors.escalation} />
          <FormError error={update.error} placed={form.placed} />
          <div className="inline-edit__actions">
            <button type="button" className="btn btn--secondary btn--sm" onClick={onDone}>
              Cancel
            </button>
            <button type="submit" className="btn btn--primary btn--sm" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save changes'}
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
