import type { CategoryDto } from '@shared/schemas/directory';
import { LIMITS } from '@shared/schemas/notification';
import { PRIORITIES, type Priority } from '@shared/types';
import type { ComposerField, ComposerState } from '../../utils/composerInput';
import type { FieldErrors } from '../../utils/fieldErrors';
import { TEMPLATE_VARIABLES } from '../../utils/templatePreview';
import { FormField } from '../common/FormField';
import { SelectControl } from '../common/SelectControl';

const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', critical: 'Critical' };

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
  const chosen = categories.find((item) => item.key === category);
  return (
    <>
      <div className="form-row">
        <FormField id="compose-category" label="Category" error={errors.category}>
          {(control) => (
            <SelectControl {...control} value={category} onChange={(event) => set('category', event.target.value)} disabled={categoriesLoading}>
              {categoriesLoading && <option value="">Loading…</option>}
              {categories.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.label}
                </option>
              ))}
              {!categoriesLoading && !chosen && category && <option value={category}>{category}</option>}
            </SelectControl>
          )}
        </FormField>
        <FormField id="compose-priority" label="Priority" error={errors.priority}>
          {(control) => (
            <SelectControl {...control} value={state.priority} onChange={(event) => set('priority', event.target.value as Priority)}>
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </SelectControl>
          )}
        </FormField>
      </div>

      <FormField id="compose-title" label="Title" error={errors.title} counter={`${state.title.length}/${LIMITS.titleMax}`}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={LIMITS.titleMax}
            placeholder="Your order {{data.orderId}} has shipped"
            value={state.title}
            onChange={(event) => set('title', event.target.value)}
          />
        )}
      </FormField>

      <FormField
        id="compose-body"
        label="Body"
        error={errors.body}
        counter={`${state.body.length}/${LIMITS.bodyMax}`}
        hintId="compose-variables"
        hint={
          <>
            Title and body are templates. Variables:{' '}
            {TEMPLATE_VARIABLES.map((variable, index) => (
              <span key={variable}>
                {index > 0 && ' '}
                <code>{variable}</code>
              </span>
            ))}
            . Values go in as plain text (the email's HTML escapes them).
          </>
        }
      >
        {(control) => (
          <textarea
            {...control}
            rows={4}
            maxLength={LIMITS.bodyMax}
            placeholder="Hi {{recipient.name}}, …"
            value={state.body}
            onChange={(event) => set('body', event.target.value)}
          />
        )}
      </FormField>

      <FormField
        id="compose-action-url"
        label={
          <>
            Action link <span className="field__optional">optional</span>
          </>
        }
        error={errors.actionUrl}
        hint="Where a click on the notification leads: an http(s) link or a path in this app."
      >
        {(control) => (
          <input
            {...control}
            type="text"
            inputMode="url"
            placeholder="https://example.com/orders/42 or /orders/42"
            value={state.actionUrl}
            onChange={(event) => set('actionUrl', event.target.value)}
          />
        )}
      </FormField>
    </>
  );
}
