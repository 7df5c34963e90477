import clsx from 'clsx';
import { ExternalLink } from 'lucide-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { LIMITS } from '@shared/schemas/notification';
import type { Priority } from '@shared/types';
import { toActionTarget } from '../../../../lib/actionUrl';
import { NotificationIcon, PriorityBadge } from '../../../inbox';
import type { ActionDraft } from '../../utils/composerActions';
import { PREVIEW_RECIPIENT, renderPreview } from '../../utils/templatePreview';

interface NotificationPreviewProps {
  title: string;
  body: string;
  /** The category's label, as recipients see it on the chip. */
  categoryLabel: string;
  priority: Priority;
  actionUrl: string;
  data: Record<string, unknown> | null;
  icon: string;
  actions: ActionDraft[];
}

/** The composed notification as it will look in a recipient's inbox (same markup and styles). */
export function NotificationPreview({ title, body, categoryLabel, priority, actionUrl, data, icon, actions }: NotificationPreviewProps) {
  const renderedTitle = renderPreview(title.trim(), data, LIMITS.titleMax);
  const renderedBody = renderPreview(body, data, LIMITS.bodyMax);
  const intl = useIntl();
  const target = toActionTarget(actionUrl.trim() || null);
  return (
    <section className="preview card" aria-labelledby="compose-preview-title" data-testid="compose-preview">
      <header className="preview__header">
        <h2 id="compose-preview-title" className="card__title">
          <FormattedMessage id="admin.compose.preview.title" />
        </h2>
        <span className="preview__as">
          <FormattedMessage id="admin.compose.preview.as" values={{ name: PREVIEW_RECIPIENT.name }} />
        </span>
      </header>
      <ul className="notification-list preview__list">
        <li className={clsx('notification', `notification--${priority}`, 'notification--unread', target && 'notification--linked')}>
          <span className="notification__dot" aria-hidden />
          <div className="notification__content">
            <div className="notification__head">
              <NotificationIcon icon={icon.trim() || null} />
              <h3 className={clsx('notification__title', !renderedTitle && 'preview__placeholder')}>
                {renderedTitle || intl.formatMessage({ id: 'admin.compose.preview.titlePlaceholder' })}
              </h3>
              <span className="notification__time">
                <FormattedMessage id="time.justNow" />
              </span>
            </div>
            {renderedBody.trim() && <p className="notification__body">{renderedBody}</p>}
            {actions.length > 0 && (
              // What the buttons will look like; not buttons here (nothing to press in a preview).
              <div className="rich-actions">
                {actions.map((action, index) => (
                  <span key={index} className={clsx('rich-actions__btn', `rich-actions__btn--${action.style}`)}>
                    {action.label.trim() || intl.formatMessage({ id: 'admin.compose.preview.button' }, { n: index + 1 })}
                  </span>
                ))}
              </div>
            )}
            <div className="notification__meta">
              {categoryLabel && <span className="chip">{categoryLabel}</span>}
              <PriorityBadge priority={priority} />
            </div>
          </div>
        </li>
      </ul>
      {target && (
        <p className="preview__link">
          <ExternalLink size={13} aria-hidden />
          <FormattedMessage
            id={target.kind === 'external' ? 'admin.compose.preview.opensNewTab' : 'admin.compose.preview.opens'}
            values={{ target: target.kind === 'internal' ? target.path : target.href, code: (chunks) => <code>{chunks}</code> }}
          />
        </p>
      )}
    </section>
  );
}
