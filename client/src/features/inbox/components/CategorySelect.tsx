import { ChevronDown } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useCategories } from '../api/getCategories';

interface CategorySelectProps {
  value: string | undefined;
  onChange: (category: string | undefined) => void;
}

/** The "Category" filter; lists the categories present in the user's inbox, by label. */
export function CategorySelect({ value, onChange }: CategorySelectProps) {
  const intl = useIntl();
  const { data: categories = [] } = useCategories();
  // Keep a category from the URL selectable even before (or without) the API listing it.
  const options = value && !categories.some((option) => option.key === value) ? [{ key: value, label: value }, ...categories] : categories;
  return (
    <div className="select-field">
      <label htmlFor="inbox-category" className="select-field__label">
        <FormattedMessage id="inbox.category.label" />
      </label>
      <div className="select-field__control">
        <select
          id="inbox-category"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        >
          <option value="">{intl.formatMessage({ id: 'inbox.category.all' })}</option>
          {options.map((option) => (
            <option key={option.key} value={option.key}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDown size={14} className="select-field__chevron" aria-hidden />
      </div>
    </div>
  );
}
