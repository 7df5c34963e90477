import { useEffect, useRef, useState } from 'react';
import { timeOfDaySchema } from '@shared/schemas/preferences';

/** Typing "07:30" passes through "00:00", "07:00", "07:03": wait this long for the user to stop. */
const SETTLE_MS = 900;

interface TimeInputProps {
  id: string;
  value: string;
  disabled?: boolean;
  describedBy?: string;
  /**
   * Called with a complete "HH:MM" once the user is done: paused typing, left the field or pressed
   * Enter. Answering `false` (refused) puts the saved value back.
   */
  onCommit: (value: string) => boolean | void;
}

/**
 * A 24-hour time field that saves once the user is done with it, not on every keystroke, which would
 * save every half-typed time on the way. A pending edit is saved on unmount too (navigating away).
 */
export function TimeInput({ id, value, disabled, describedBy, onCommit }: TimeInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  // The draft gives way as soon as the saved value moves: to the optimistic value, or back on rollback.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(null);
  }
  const pending = useRef<{ draft: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const latest = useRef({ value, onCommit });
  useEffect(() => {
    latest.current = { value, onCommit };
  });

  const flush = () => {
    const edit = pending.current;
    if (!edit) return;
    clearTimeout(edit.timer);
    pending.current = null;
    if (edit.draft === latest.current.value || !timeOfDaySchema.safeParse(edit.draft).success) return;
    if (latest.current.onCommit(edit.draft) === false) setDraft(null);
  };
  // Flushes a pending edit when the page goes away; flush only reads refs, so the first one will do.
  useEffect(() => flush, []);

  const change = (next: string) => {
    setDraft(next);
    if (pending.current) clearTimeout(pending.current.timer);
    pending.current = { draft: next, timer: setTimeout(flush, SETTLE_MS) };
  };
  const done = () => {
    flush();
    // Nothing was saved (unchanged, or a half-cleared field): show the saved value again.
    setDraft((current) => (current !== null && current !== value && timeOfDaySchema.safeParse(current).success ? current : null));
  };

  return (
    <input
      id={id}
      type="time"
      className="pref-input pref-input--time"
      value={draft ?? value}
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(event) => change(event.target.value)}
      onBlur={done}
      onKeyDown={(event) => {
        if (event.key === 'Enter') done();
      }}
    />
  );
}
