import { useRef, type KeyboardEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import clsx from 'clsx';
import { INBOX_TABS, type InboxTabStatus } from '../utils/filters';

interface InboxTabsProps {
  value: InboxTabStatus;
  onChange: (status: InboxTabStatus) => void;
  /** id of the tab panel the tabs control. */
  panelId: string;
  unread?: number;
}

/** id of a tab's element, for the panel's aria-labelledby. */
export const tabId = (status: InboxTabStatus) => `inbox-tab-${status}`;

/** WAI-ARIA tabs with roving focus: arrows, Home and End move between tabs and select them. */
export function InboxTabs({ value, onChange, panelId, unread = 0 }: InboxTabsProps) {
  const intl = useIntl();
  const refs = useRef(new Map<InboxTabStatus, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Move from the focused tab (usually the selected one, but not after a click elsewhere).
    const focused = INBOX_TABS.findIndex((tab) => refs.current.get(tab.status) === document.activeElement);
    const index = focused === -1 ? INBOX_TABS.findIndex((tab) => tab.status === value) : focused;
    const last = INBOX_TABS.length - 1;
    const nextIndex = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (nextIndex === undefined) return;
    event.preventDefault();
    const next = INBOX_TABS[(nextIndex + INBOX_TABS.length) % INBOX_TABS.length]!.status;
    onChange(next);
    refs.current.get(next)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={intl.formatMessage({ id: 'inbox.tabs.label' })} onKeyDown={onKeyDown}>
      {INBOX_TABS.map(({ status, labelId }) => {
        const selected = status === value;
        return (
          <button
            key={status}
            ref={(element) => {
              if (element) refs.current.set(status, element);
            }}
            id={tabId(status)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={clsx('tabs__tab', selected && 'tabs__tab--selected')}
            onClick={() => onChange(status)}
          >
            <FormattedMessage id={labelId} />
            {status === 'unread' && unread > 0 && (
              <span className="tabs__count" aria-hidden>
                {unread > 99 ? '99+' : unread}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
