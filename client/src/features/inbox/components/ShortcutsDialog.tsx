import { Dialog } from '../../../components/Dialog';
import { FormattedMessage, useIntl } from 'react-intl';
import { keyName, SHORTCUTS } from '../utils/shortcuts';
import './shortcuts.css';

/** The `?` dialog: every shortcut the inbox has, as a description list. Escape or "Close" closes it. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const intl = useIntl();
  return (
    <Dialog
      open={open}
      title={intl.formatMessage({ id: 'inbox.shortcuts.button' })}
      onClose={onClose}
      testId="shortcuts-dialog"
      className="shortcuts-dialog"
      footer={
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          <FormattedMessage id="common.close" />
        </button>
      }
    >
      <p>
        <FormattedMessage id="inbox.shortcuts.intro" />
      </p>
      <dl className="shortcuts">
        {SHORTCUTS.filter((shortcut) => shortcut.available).map(({ action, keys, description }) => (
          <div key={action} className="shortcuts__row">
            <dt className="shortcuts__keys">
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && <span className="shortcuts__or">{intl.formatMessage({ id: 'inbox.shortcuts.or' })}</span>}
                  <kbd>{keyName(key, intl)}</kbd>
                </span>
              ))}
            </dt>
            <dd className="shortcuts__description">{intl.formatMessage({ id: description })}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
