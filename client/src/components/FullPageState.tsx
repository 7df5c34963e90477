import { LoaderCircle } from 'lucide-react';

interface FullPageStateProps {
  message: string;
  /** Shows a button instead of the spinner, e.g. to retry after an error. */
  action?: { label: string; onClick: () => void };
}

/** A centered whole-page message: a spinner while loading, or an error with a way forward. */
export function FullPageState({ message, action }: FullPageStateProps) {
  return (
    <div className="full-page-state" role={action ? 'alert' : 'status'}>
      {!action && <LoaderCircle className="spin" size={22} aria-hidden />}
      <p>{message}</p>
      {action && (
        <button type="button" className="btn btn--secondary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
