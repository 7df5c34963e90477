import { Dialog } from '../../../components/Dialog';
import { SHORTCUTS } from '../utils/shortcuts';
import './shortcuts.css';

/** The `?` dialog: every shortcut the inbox has, as a description list. Escape or "Close" closes it. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      title="Keyboard shortcuts"
      onClose={onClose}
      testId="shortcuts-dialog"
      className="shortcuts-dialog"
      footer={
        <button type="button" className="btn btn--secondary" onClick={onClose}>
          Close
        </button>
      }
    >
      <p>In the inbox, when you are not typing in a field:</p>
      <dl className="shortcuts">
        {SHORTCUTS.filter((shortcut) => shortcut.available).map(({ action, keys, description }) => (
          <div key={action} className="shortcuts__row">
            <dt className="shortcuts__keys">
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && <span className="shortcuts__or"> or </span>}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd className="shortcuts__description">{description}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
