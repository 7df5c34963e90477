import { ChevronDown } from 'lucide-react';
import type { CategoryDto } from '@shared/schemas/directory';
import { LIMITS } from '@shared/schemas/notification';
import { PRIORITIES, type Priority } from '@shared/types';
import type { ComposerField, ComposerState } from '../../utils/composerInput';
import { errorProps, type FieldErrors } from '../../utils/fieldErrors';
import { TEMPLATE_VARIABLES } from '../../utils/templatePreview';
import { FieldError } from '../common/FieldError';

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
        <div className="field">
          <label htmlFor="compose-category">Category</label>
          <div className="select-control">
            <select
              {...errorProps('compose-category', errors.category)}
              value={category}
              onChange={(event) => set('category', event.target.value)}
              disabled={categoriesLoading}
            >
              {categoriesLoading && <option value="">Loading…</option>}
              {categories.map((item) => (
                <option key={item.key} value={item.key}>
                  {item.label}
                </option>
              ))}
              {!categoriesLoading && !chosen && category && <option value={category}>{category}</option>}
            </select>
            <ChevronDown size={14} className="select-control__chevron" aria-hidden />
          </div>
          <FieldError id="compose-category" message={errors.category} />
        </div>
        <div className="field">
          <label htmlFor="compose-priority">Priority</label>
          <div className="select-control">
            <select
              {...errorProps('compose-priority', errors.priority)}
              value={state.priority}
              onChange={(event) => set('priority', event.target.value as Priority)}
            >
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_LABELS[priority]}
                </option>
              ))}
            </select>
            <ChevronDown size={14} className="select-control__chevron" aria-hidden />
          </div>
          <FieldError id="compose-priority" message={errors.priority} />
        </div>
      </div>

      <div className="field">
        <div className="field__label-row">
          <label htmlFor="compose-title">Title</label>
          <span className="field__counter" aria-hidden>
            {state.title.length}/{LIMITS.titleMax}
          </span>
        </div>
        <input
          {...errorProps('compose-title', errors.title)}
          type="text"
          maxLength={LIMITS.titleMax}
          placeholder="Your order {{data.orderId}} has shipped"
          value={state.title}
          onChange={(event) => set('title', event.target.value)}
        />
        <FieldError id="compose-title" message={errors.title} />
      </div>

      <div className="field">
        <div className="field__label-row">
          <label htmlFor="compose-body">Body</label>
          <span className="field__counter" aria-hidden>
            {state.body.length}/{LIMITS.bodyMax}
          </span>
        </div>
        <textarea
          {...errorProps('compose-body', errors.body, 'compose-variables')}
          rows={4}
          maxLength={LIMITS.bodyMax}
          placeholder="Hi {{recipient.name}}, …"
          value={state.body}
          onChange={(event) => set('body', event.target.value)}
        />
        <FieldError id="compose-body" message={errors.body} />
        <p id="compose-variables" className="field__hint">
          Title and body are templates. Variables:{' '}
          {TEMPLATE_VARIABLES.map((variable, index) => (
            <span key={variable}>
              {index > 0 && ' '}
              <code>{variable}</code>
            </span>
          ))}
          . Values are HTML-escaped.
        </p>
      </div>

      <div className="field">
        <label htmlFor="compose-action-url">
          Action link <span className="field__optional">optional</span>
        </label>
        <input
          {...errorProps('compose-action-url', errors.actionUrl, 'compose-action-url-hint')}
          type="text"
          inputMode="url"
          placeholder="https://example.com/orders/42 or /orders/42"
          value={state.actionUrl}
          onChange={(event) => set('actionUrl', event.target.value)}
        />
        <FieldError id="compose-action-url" message={errors.actionUrl} />
        <p id="compose-action-url-hint" className="field__hint">
          Where a click on the notification leads: an http(s) link or a path in this app.
        </p>
      </div>
    </>
  );
}
