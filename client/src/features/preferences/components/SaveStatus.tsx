import { Check, CircleAlert, LoaderCircle } from 'lucide-react';
import { FormattedMessage } from 'react-intl';
import { useSaveState } from '../hooks/useSaveState';

const TEXT = {
  idle: 'preferences.save.idle',
  saving: 'preferences.save.saving',
  saved: 'preferences.save.saved',
  error: 'preferences.save.error',
} as const;

/** "Saving…" / "Saved" beside the page title, announced politely to screen readers. */
export function SaveStatus() {
  const state = useSaveState();
  return (
    <p className="pref-save-status" role="status" data-testid="preferences-save-status" data-state={state}>
      {state === 'saving' ? (
        <LoaderCircle size={14} className="spin" aria-hidden />
      ) : state === 'saved' ? (
        <Check size={14} aria-hidden />
      ) : state === 'error' ? (
        <CircleAlert size={14} aria-hidden />
      ) : null}
      <FormattedMessage id={TEXT[state]} />
    </p>
  );
}
