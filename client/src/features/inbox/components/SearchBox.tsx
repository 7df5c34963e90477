import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl } from 'react-intl';
import { Search, X } from 'lucide-react';
import { SEARCH_MAX_LENGTH, searchOf } from '../utils/filters';

/** How long typing pauses before the list is searched (ms): one request per word, not per key. */
const SEARCH_DEBOUNCE_MS = 300;

interface SearchBoxProps {
  /** The search applied (the URL's `q`), undefined when none. */
  value: string | undefined;
  /** Applies a search; `''` ends it. */
  onChange: (query: string) => void;
  /** Whether `/` focuses this box (the app's page: `data-shortcut="search"`, see useInboxShortcuts). */
  shortcut?: boolean;
}

/**
 * The inbox's search box: what is typed is applied once typing pauses (Enter applies it at once), so the list
 * is not fetched for every key. Escape clears it, and when already empty gives the focus back to the page.
 * A search changed elsewhere (the empty state's "Clear search", the browser's Back) shows here.
 */
export function SearchBox({ value, onChange, shortcut = false }: SearchBoxProps) {
  const intl = useIntl();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  // Adjusting state while rendering when the applied search changes: unless it is what the box already
  // says (the box's own debounced text, trimmed: its trailing space must survive), the box follows it.
  if (value !== shown) {
    setShown(value);
    if (searchOf('all', text) !== value) setText(value ?? '');
  }

  useEffect(() => {
    if (searchOf('all', text) === value) return;
    const timer = setTimeout(() => onChange(text), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  const clear = () => {
    setText('');
    onChange('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onChange(text);
    } else if (event.key === 'Escape') {
      // The browser's own Escape on a search field clears it too, but not the applied search at once.
      event.preventDefault();
      if (text) clear();
      else event.currentTarget.blur();
    }
  };

  const onClearClick = () => {
    clear();
    inputRef.current?.focus(); // the button goes away with the text: the focus stays in the box
  };

  const label = intl.formatMessage({ id: 'inbox.search.label' });
  const clearLabel = intl.formatMessage({ id: 'inbox.search.clear' });
  return (
    <div className="search-box inbox__search" role="search" aria-label={label}>
      <Search size={15} className="search-box__icon" aria-hidden />
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={text}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder={intl.formatMessage({ id: 'inbox.search.placeholder' })}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-keyshortcuts={shortcut ? '/' : undefined}
        data-shortcut={shortcut ? 'search' : undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {text && (
        <button type="button" className="icon-btn inbox__search-clear" aria-label={clearLabel} title={clearLabel} onClick={onClearClick}>
          <X size={14} aria-hidden />
        </button>
      )}
    </div>
  );
}
