import { ChevronDown } from 'lucide-react';
import { useCategories } from '../api/getCategories';

interface CategorySelectProps {
  value: string | undefined;
  onChange: (category: string | undefined) => void;
}

/** The "Category" filter; lists the categories present in the user's inbox, by label. */
export function CategorySelect({ value, onChange }: CategorySelectProps) {
  const { data: categories = [] } = useCategories();
  // Keep a category from the URL selectable even before (or without) the API listing it.
  const options = value && !categories.some((option) => option.key === value) ? [{ key: value, label: value }, ...categories] : categories;
  return (
    <div className="select-field">
      <label htmlFor="inbox-category" className="select-field__label">
        Category
      </label>
      <div className="select-field__control">
        <select
          id="inbox-category"
          value={value ?? ''}
          onChange={(event) => onChange(event.target.value || undefined)}
        >
          <option value="">All categories</option>
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
