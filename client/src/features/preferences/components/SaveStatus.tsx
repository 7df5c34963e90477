import { Check, CircleAlert, LoaderCircle } from 'lucide-react';
import { useSaveState } from '../hooks/useSaveState';

const TEXT = {
  idle: 'Changes save automatically',
  saving: 'Saving…',
  saved: 'Saved',
  error: 'Not saved: change undone',
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
      {TEXT[state]}
    </p>
  );
}
