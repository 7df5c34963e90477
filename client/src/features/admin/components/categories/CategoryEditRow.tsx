import { useState, type FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CategoryDto } from '@shared/schemas/directory';
import type { Channel } from '@shared/types';
import { useUpdateCategory } from '../../api/updateCategory';
import { useFormErrors } from '../../hooks/useFormErrors';
import { parseLadder, toDraft, type EscalationDraftStep } from '../../utils/escalation';
import { iconUrlProblem } from '../../utils/iconUrl';
import { parseRetention } from '../../utils/retention';
import { FormError } from '../common/FormError';
import { FormField } from '../common/FormField';
import { categoryTableColumns } from './categoryColumns';
import { ChannelCheckboxes } from './ChannelCheckboxes';
import { EscalationEditor } from './EscalationEditor';
import { RetentionField } from './RetentionField';

const FIELDS = ['label', 'description', 'defaultChannels', 'escalation', 'icon', 'retentionDays'] as const;
type Field = (typeof FIELDS)[number];

/** A category row turned into a form: label, description, critical, channels, escalation and retention (the key is fixed). */
export function CategoryEditRow({ category, onDone }: { category: CategoryDto; onDone: () => void }) {
  const intl = useIntl();
  const update = useUpdateCategory();
  const [label, setLabel] = useState(category.label);
  const [description, setDescription] = useState(category.description);
  const [critical, setCritical] = useState(category.critical);
  const [channels, setChannels] = useState<Channel[]>(category.defaultChannels);
  const [escalation, setEscalation] = useState<EscalationDraftStep[]>(() => toDraft(category.escalation));
  const [icon, setIcon] = useState(category.icon ?? '');
  const [retention, setRetention] = useState(category.retentionDays === null ? '' : String(category.retentionDays));
  const form = useFormErrors(update, FIELDS);
  const { errors } = form;
  const id = `category-edit-${category.key}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Partial<Record<Field, string>> = {};
    if (!label.trim()) next.label = intl.formatMessage({ id: 'admin.categories.labelEmpty' });
    if (channels.length === 0) next.defaultChannels = intl.formatMessage({ id: 'admin.categories.channelsMissing' });
    const ladder = parseLadder(intl, escalation);
    if ('error' in ladder) next.escalation = ladder.error;
    next.icon = iconUrlProblem(intl, icon);
    const kept = parseRetention(intl, retention);
    if ('error' in kept) next.retentionDays = kept.error;
    if (!form.check(next) || 'error' in ladder || 'error' in kept) return;
    update.mutate(
      {
        key: category.key,
        patch: { label: label.trim(), description: description.trim(), critical, defaultChannels: channels, escalation: ladder.steps, icon: icon.trim() || null, retentionDays: kept.days },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <tr className="data-table__edit-row">
      <td colSpan={categoryTableColumns(intl).length}>
        <form
          className="inline-edit"
          onSubmit={submit}
          noValidate
          aria-label={intl.formatMessage({ id: 'admin.categories.editFormLabel' }, { key: category.key })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDone();
          }}
        >
          <p className="inline-edit__key">
            <FormattedMessage id="admin.categories.editing" values={{ key: category.key, code: (chunks) => <code>{chunks}</code> }} />
          </p>
          <div className="form-row">
            <FormField id={`${id}-label`} label={intl.formatMessage({ id: 'admin.categories.col.label' })} error={errors.label}>
              {(control) => <input {...control} type="text" value={label} autoFocus onChange={(event) => setLabel(event.target.value)} />}
            </FormField>
            <FormField id={`${id}-description`} label={intl.formatMessage({ id: 'admin.categories.description' })} error={errors.description}>
              {(control) => (
                <input {...control} type="text" value={description} onChange={(event) => setDescription(event.target.value)} />
              )}
            </FormField>
          </div>
          <FormField
            id={`${id}-icon`}
            label={intl.formatMessage({ id: 'admin.compose.icon' })}
            error={errors.icon}
            hint={intl.formatMessage({ id: 'admin.categories.editIconHint' })}
          >
            {(control) => <input {...control} type="url" value={icon} onChange={(event) => setIcon(event.target.value)} />}
          </FormField>
          <label className="checkbox">
            <input type="checkbox" checked={critical} onChange={(event) => setCritical(event.target.checked)} />
            <span>
              <FormattedMessage id="admin.categories.col.critical" />
            </span>
          </label>
          <ChannelCheckboxes idPrefix={id} value={channels} onChange={setChannels} error={errors.defaultChannels} />
          <EscalationEditor idPrefix={id} value={escalation} onChange={setEscalation} critical={critical} error={errors.escalation} />
          <RetentionField id={`${id}-retention`} value={retention} onChange={setRetention} error={errors.retentionDays} />
          <FormError error={update.error} placed={form.placed} />
          <div className="inline-edit__actions">
            <button type="button" className="btn btn--secondary btn--sm" onClick={onDone}>
              <FormattedMessage id="common.cancel" />
            </button>
            <button type="submit" className="btn btn--primary btn--sm" disabled={update.isPending}>
              <FormattedMessage id={update.isPending ? 'preferences.save.saving' : 'admin.categories.save'} />
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
