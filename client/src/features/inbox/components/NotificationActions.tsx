import clsx from 'clsx';
import type { NotificationAction } from '@shared/schemas/actions';
import type { NotificationDto } from '@shared/schemas/notification';
import { toActionTarget } from '../../../lib/actionUrl';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { useTakeAction } from '../api/takeAction';
import './rich.css';

interface NotificationActionsProps {
  item: NotificationDto;
}

/**
 * A notification's action buttons (0–2), outside its link so each is its own tab stop. `acknowledge`
 * is a button; `url` is a link styled as one (the browser navigates; its click also records the action).
 * Once one is taken the row says which ("Approve ✓") and the others are disabled.
 */
export function NotificationActions({ item }: NotificationActionsProps) {
  const take = useTakeAction();
  if (item.actions.length === 0) return null;
  const taken = item.actions.find((a) => a.id === item.actedActionId);
  const record = (action: NotificationAction) => {
    if (item.actedActionId === null) take.mutate({ id: item.id, actionId: action.id });
  };
  return (
    <div className="rich-actions" role="group" aria-label={`Actions for “${item.title}”`} data-testid="notification-actions">
      {item.actions.map((action) => (
        <ActionControl key={action.id} action={action} done={taken?.id === action.id} disabled={taken !== undefined && taken.id !== action.id} onTake={record} />
      ))}
      {taken && (
        <span className="rich-actions__done" data-testid="notification-acted" role="status">
          {taken.label} ✓
        </span>
      )}
    </div>
  );
}

interface ActionControlProps {
  action: NotificationAction;
  /** This is the action taken. */
  done: boolean;
  /** Another action was taken. */
  disabled: boolean;
  onTake: (action: NotificationAction) => void;
}

function ActionControl({ action, done, disabled, onTake }: ActionControlProps) {
  const { Link } = useInboxEnvironment();
  const className = clsx('rich-actions__btn', `rich-actions__btn--${action.style}`, done && 'rich-actions__btn--taken');
  const target = action.kind === 'url' ? toActionTarget(action.url ?? null) : null;
  // A link stays followable once taken (going there again changes nothing); another answer disables it.
  if (target && !disabled) {
    if (target.kind === 'external') {
      return (
        <a className={className} href={target.href} target="_blank" rel="noopener noreferrer" onClick={() => onTake(action)}>
          {action.label}
          <span className="sr-only"> (opens in a new tab)</span>
        </a>
      );
    }
    return (
      <Link className={className} to={target.path} onClick={() => onTake(action)}>
        {action.label}
      </Link>
    );
  }
  return (
    // Not a toggle (aria-pressed): an answer is given once; the status beside the buttons says which.
    <button type="button" className={className} disabled={done || disabled || action.kind === 'url'} onClick={() => onTake(action)}>
      {action.label}
    </button>
  );
}
