import { useId, useState, type KeyboardEvent } from 'react';
import { LoaderCircle, Search, X } from 'lucide-react';
import { useIntl } from 'react-intl';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import type { UserDto } from '@shared/schemas/directory';
import { useUserSearch } from '../../api/searchUsers';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

interface UserPickerProps {
  /** id of the search input, for the caller's `<label htmlFor>`. */
  inputId: string;
  selected: UserDto[];
  onChange: (users: UserDto[]) => void;
  placeholder?: string;
  /** Users that must not be offered (e.g. already subscribed). */
  excludeIds?: ReadonlySet<string>;
  /** ids of hint/error elements describing the input. */
  describedBy?: string;
  invalid?: boolean;
}

/**
 * Picks several users: a search box (debounced, via the users endpoint) with a listbox of matches, and
 * the picks as removable chips. Arrow keys move, Enter picks, Escape closes, Backspace drops the last chip.
 *
 * @example
 * <label htmlFor="to-people">Search people</label>
 * <UserPicker inputId="to-people" selected={people} onChange={setPeople} />
 */
export function UserPicker({ inputId, selected, onChange, placeholder, excludeIds, describedBy, invalid }: UserPickerProps) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const term = useDebouncedValue(text.trim(), 250);
  const search = useUserSearch(term, open);
  const listId = useId();

  const pickedIds = new Set(selected.map((user) => user.id));
  const matches = (search.data ?? []).filter((user) => !pickedIds.has(user.id) && !excludeIds?.has(user.id));
  const activeIndex = Math.min(active, Math.max(matches.length - 1, 0));
  const activeUser = open ? matches[activeIndex] : undefined;
  const optionId = (user: UserDto) => `${listId}-${user.id}`;
  const note = search.isPending
    ? intl.formatMessage({ id: 'admin.userPicker.searching' })
    : search.isError
      ? apiErrorMessage(intl, search.error, 'errors.unreachable')
      : matches.length === 0
        ? term
          ? intl.formatMessage({ id: 'admin.userPicker.noMatch' }, { term })
          : intl.formatMessage({ id: 'admin.userPicker.allPicked' })
        : null;

  const pick = (user: UserDto) => {
    onChange([...selected, user]);
    setText('');
    setActive(0);
  };
  const remove = (user: UserDto) => onChange(selected.filter((other) => other.id !== user.id));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + matches.length) % Math.max(matches.length, 1));
    } else if (event.key === 'Enter') {
      // Enter picks from the list; it must never submit the surrounding form.
      event.preventDefault();
      if (activeUser) pick(activeUser);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && text === '' && selected.length > 0) {
      remove(selected.at(-1)!);
    }
  };

  return (
    <div className="user-picker">
      {selected.length > 0 && (
        <ul className="user-picker__chips" aria-label={intl.formatMessage({ id: 'admin.userPicker.picked' })}>
          {selected.map((user) => (
            <li key={user.id} className="picked-chip">
              <span className="picked-chip__name">{user.name || user.email}</span>
              <button
                type="button"
                className="picked-chip__remove"
                aria-label={intl.formatMessage({ id: 'admin.userPicker.remove' }, { name: user.name || user.email })}
                onClick={() => remove(user)}
              >
                <X size={12} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="user-picker__box">
        <Search size={15} className="user-picker__icon" aria-hidden />
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeUser ? optionId(activeUser) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          placeholder={placeholder ?? intl.formatMessage({ id: 'admin.userPicker.placeholder' })}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        {search.isFetching && open && <LoaderCircle size={15} className="spin user-picker__spinner" aria-hidden />}
      </div>
      {open && (
        <div className="user-picker__popup">
          {note && (
            <p className={search.isError ? 'user-picker__note user-picker__note--error' : 'user-picker__note'} role="status">
              {note}
            </p>
          )}
          {matches.length > 0 && (
            <ul id={listId} role="listbox" aria-label={intl.formatMessage({ id: 'admin.userPicker.matches' })} className="user-picker__list">
              {matches.map((user, index) => (
                <li
                  key={user.id}
                  id={optionId(user)}
                  role="option"
                  aria-selected={index === activeIndex}
                  className="user-picker__option"
                  // mousedown, not click: the input keeps focus, so the list stays open for the next pick.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    pick(user);
                  }}
                  onMouseMove={() => setActive(index)}
                >
                  <span className="user-picker__option-name">{user.name}</span>
                  <span className="user-picker__option-email">{user.email}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
