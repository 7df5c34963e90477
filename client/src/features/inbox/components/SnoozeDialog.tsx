import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import { SNOOZE_LIMITS, type NotificationDto } from '@shared/schemas/notification';
import { Dialog } from '../../../components/Dialog';
import { formatWakeTime } from '../../../i18n/dates';
import type { MessageId } from '../../../i18n/messageIds';
import { SNOOZE_PRESETS, snoozeUntil, type SnoozePreset } from '../../../lib/snoozePresets';
import { useUpdateNotification } from '../api/updateNotification';
import { applyPatch, matchesFilters, type InboxFilters } from '../utils/filters';
import { neighbourRow, ROW } from '../utils/rows';
import {
  browserTimeZone,
  checkSnoozeTime,
  isoWithOffset,
  parseLocalInput,
  toLocalInput,
  type SnoozeTimeProblem,
} from '../utils/snoozeTimes';

/** The snooze menu asked for: which notification, and what had the focus (a row's button, or the row). */
export interface SnoozeRequest {
  item: NotificationDto;
  opener: HTMLElement;
}

const PRESET_LABELS: Record<SnoozePreset, MessageId> = {
  later: 'inboxActions.snooze.later',
  tomorrow: 'inboxActions.snooze.tomorrow',
  nextWeek: 'inboxActions.snooze.nextWeek',
};

const PROBLEMS: Record<SnoozeTimeProblem, MessageId> = {
  missing: 'inboxActions.snooze.missing',
  tooSoon: 'inboxActions.snooze.tooSoon',
  tooFar: 'inboxActions.snooze.tooFar',
};

/**
 * The snooze menu (a modal dialog: the focus moves in, Escape closes it): the presets the embeddable inbox
 * offers too (lib/snoozePresets.ts), each with the time it stands for on the user's clock, and a custom date
 * and time checked against the server's limits. The choice is
 * sent as ISO 8601 with the user's offset; a toast confirms the wake time. It offers no Undo: the server
 * has no revert for a snooze, and waking it (`snoozedUntil: null`) would bring it back as new, not as it
 * was. The focus goes back to what opened the menu, or beside the row when the item leaves the view.
 */
export function SnoozeDialog({ request, filters, onDone }: { request: SnoozeRequest | null; filters: InboxFilters; onDone: () => void }) {
  const intl = useIntl();
  const update = useUpdateNotification();
  const formId = useId();
  const focusAfter = useRef<HTMLElement | null>(null);

  // Runs after the dialog closed (a child's effect runs first): the native close gives the focus back to
  // what had it, which may be a row about to leave the list, so it is placed here, last.
  useEffect(() => {
    if (request) return;
    focusAfter.current?.focus();
    focusAfter.current = null;
  }, [request]);

  const close = (leaves: boolean) => {
    if (request) {
      const row = request.opener.closest<HTMLElement>(ROW);
      focusAfter.current = leaves && row ? (neighbourRow(row) ?? document.querySelector('main')) : request.opener;
    }
    onDone();
  };

  const snoozeUntil = (at: Date) => {
    if (!request) return;
    const { item } = request;
    const patch = { snoozedUntil: isoWithOffset(at, browserTimeZone()) };
    const confirm = () => toast(intl.formatMessage({ id: 'inboxActions.snooze.done' }, { time: formatWakeTime(intl, at.toISOString()) }), { id: 'inbox-snooze' });
    update.mutate({ id: item.id, patch }, { onSuccess: confirm });
    close(!matchesFilters(applyPatch(item, patch), filters));
  };

  return (
    <Dialog
      open={request !== null}
      title={intl.formatMessage({ id: 'inboxActions.snooze.title' })}
      onClose={() => close(false)}
      testId="snooze-dialog"
      className="snooze-dialog"
      footer={
        <>
          <button type="button" className="btn btn--secondary" onClick={() => close(false)}>
            {intl.formatMessage({ id: 'common.cancel' })}
          </button>
          <button type="submit" form={formId} className="btn btn--primary">
            {intl.formatMessage({ id: 'inboxActions.snooze.submit' })}
          </button>
        </>
      }
    >
      {request && <SnoozeChoices key={request.item.id} item={request.item} formId={formId} onChoose={snoozeUntil} />}
    </Dialog>
  );
}

/** The presets and the custom field, for one opening of the menu (their "now" is when it opened). */
function SnoozeChoices({ item, formId, onChoose }: { item: NotificationDto; formId: string; onChoose: (at: Date) => void }) {
  const intl = useIntl();
  const [opened] = useState(() => new Date());
  const zone = browserTimeZone();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<SnoozeTimeProblem | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const at = parseLocalInput(value, zone);
    const found = checkSnoozeTime(at, new Date());
    setProblem(found);
    if (found || !at) inputRef.current?.focus();
    else onChoose(at);
  };

  return (
    <>
      <p className="snooze__subject">{item.title}</p>
      <ul className="snooze__presets">
        {SNOOZE_PRESETS.map((preset) => {
          const at = snoozeUntil(preset, opened);
          return (
            <li key={preset}>
              <button type="button" className="snooze__preset" onClick={() => onChoose(at)}>
                <span className="snooze__preset-label">{intl.formatMessage({ id: PRESET_LABELS[preset] })}</span>
                <span className="snooze__preset-time">{intl.formatDate(at, { weekday: 'short', hour: 'numeric', minute: '2-digit' })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <form id={formId} className="snooze__custom field" noValidate onSubmit={submit}>
        <label htmlFor={inputId}>{intl.formatMessage({ id: 'inboxActions.snooze.custom' })}</label>
        <input
          ref={inputRef}
          id={inputId}
          type="datetime-local"
          value={value}
          min={toLocalInput(new Date(opened.getTime() + SNOOZE_LIMITS.minAheadMs), zone)}
          max={toLocalInput(new Date(opened.getTime() + SNOOZE_LIMITS.maxAheadMs), zone)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(undefined);
          }}
        />
        {problem && (
          <p id={errorId} className="snooze__error" role="alert">
            {intl.formatMessage({ id: PROBLEMS[problem] })}
          </p>
        )}
      </form>
    </>
  );
}
