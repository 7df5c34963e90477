import { SelectControl } from './SelectControl';

interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  /** The first option, which clears the filter ("All statuses"). */
  allLabel: string;
  value: T | undefined;
  options: readonly T[];
  optionLabel: (value: T) => string;
  /** The chosen value, or '' for the "all" option. */
  onChange: (value: string) => void;
}

/**
 * A labelled filter select for a toolbar, starting with an "all" option.
 *
 * @example
 * <FilterSelect id="sends-status" label={intl.formatMessage({ id: 'admin.col.status' })}
 *   allLabel={intl.formatMessage({ id: 'admin.sends.allStatuses' })} value={status}
 *   options={SEND_STATUSES} optionLabel={(option) => sendStatusLabel(intl, option)} onChange={setStatus} />
 */
export function FilterSelect<T extends string>({ id, label, allLabel, value, options, optionLabel, onChange }: FilterSelectProps<T>) {
  return (
    <div className="select-field">
      <label htmlFor={id} className="select-field__label">
        {label}
      </label>
      <SelectControl id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </SelectControl>
    </div>
  );
}
