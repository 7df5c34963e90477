import { FormattedMessage, useIntl } from 'react-intl';
import type { CategoryDto } from '@shared/schemas/directory';
import { LIMITS } from '@shared/schemas/notification';
import { PRIORITIES, type Priority } from '@shared/types';
import type { ComposerField, ComposerState } from '../../utils/composerInput';
import type { FieldErrors } from '../../utils/fieldErrors';
import { TEMPLATE_VARIABLES } from '../../utils/templatePreview';
import { FormField, OptionalLabel } from '../common/FormField';
import { SelectControl } from '../common/SelectControl';

const PRIORITY_LABELS = {
  low: 'admin.priority.low',
  normal: 'admin.priority.normal',
  high: 'inbox.priority.high',
  critical: 'inbox.priority.critical',
} as const satisfies Record<Priority, string>;

interface MessageFieldsProps {
  state: ComposerState;
  /** The category in effect (the form's, or the default one). */
  category: string;
  categories: CategoryDto[];
  categoriesLoading: boolean;
  errors: FieldErrors<ComposerField>;
  set: <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => void;
}

/** Category, priority, title, body and action link. */
export function MessageFields({ state, category, categories, categoriesLoading, errors, set }: MessageFieldsProps) {
  const intl = useIntl();
  const chosen = categories.find((item) => item.key === category);
  const counter = (count: number, max: number) => intl.formatMessage({ id: 'admin.compose.counter' }, { count, max });
  return (
    <>
      <div className="form-row">
        <FormField id="compose-category" label={intl.formatMessage({ id: 'admin.compose.category' })} error={errors.category}>
          {(control) => (
            <SelectControl {...control} value={category} onChange={(event) => set('category', event.target.value)} disabled={categoriesLoading}>
              {categoriesLoading && <option value="">{intl.formatMessage({ id: 'common.loading' })}</option>}
              {categories.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.label}
                </option>
              ))}
              {!categoriesLoading && !chosen && category && <option value={category}>{category}</option>}
            </SelectControl>
          )}
        </FormField>
        <FormField id="compose-priority" label={intl.formatMessage({ id: 'admin.compose.priority' })} error={errors.priority}>
          {(control) => (
            <SelectControl {...control} value={state.priority} onChange={(event) => set('priority', event.target.value as Priority)}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {intl.formatMessage({ id: PRIORITY_LABELS[priority] })}
                </option>
              ))}
            </SelectControl>
          )}
        </FormField>
      </div>

      <FormField
        id="compose-title"
        label={intl.formatMessage({ id: 'admin.compose.titleLabel' })}
        error={errors.title}
        counter={counter(state.title.length, LIMITS.titleMax)}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={LIMITS.titleMax}
            placeholder={intl.formatMessage({ id: 'admin.compose.titlePlaceholder' }, { variable: '{{data.orderId}}' })}
            value={state.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </FormField>

      <FormField
        id="compose-body"
        label={intl.formatMessage({ id: 'admin.compose.body' })}
        error={errors.body}
        counter={counter(state.body.length, LIMITS.bodyMax)}
        hintId="compose-variables"
        hint={
          <FormattedMessage
            id="admin.compose.bodyHint"
            values={{
              variables: TEMPLATE_VARIABLES.map((variable, index) => (
                <span key={variable}>
                  {index > 0 && ' '}
                  <code>{variable}</code>
                </span>
              )),
            }}
          />
        }
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={LIMITS.bodyMax}
            placeholder={intl.formatMessage({ id: 'admin.compose.bodyPlaceholder' }, { variable: '{{recipient.name}}' })}
            value={state.body}
            onChange={(event) => set('body', event.target.value)}
          />
        )}
      </FormField>

      <FormField
        id="compose-action-url"
        label={<OptionalLabel id="admin.compose.actionUrl" />}
        error={errors.actionUrl}
        hint={intl.formatMessage({ id: 'admin.compose.actionUrlHint' })}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="url"
            placeholder={intl.formatMessage({ id: 'admin.compose.actionUrlPlaceholder' })}
            value={state.actionUrl}
            onChange={(event) => set('actionUrl', event.target.value)}
          />
        )}
      </FormField>
    </>
  );
}
