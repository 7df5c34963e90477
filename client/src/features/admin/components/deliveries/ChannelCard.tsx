import clsx from 'clsx';
import { FormattedMessage, useIntl } from 'react-intl';
import { DELIVERY_STATUSES, type ChannelStatusDto, type DeliveryStatus, type ExternalChannelName } from '@shared/schemas/delivery';
import type { DeliveryFilters } from '../../api/deliveries/keys';
import { CHANNEL_ICONS, CHANNEL_NAMES } from '../../../preferences';
import { BreakerBadge } from './BreakerBadge';
import { ChannelSwitch } from './ChannelSwitch';
import { DELIVERY_STATUS_LABELS } from './deliveryLabels';
import './channels.css';

/** Statuses always shown; `cancelled` only when there are some. */
const SHOWN: readonly DeliveryStatus[] = DELIVERY_STATUSES.filter((status) => status !== 'cancelled');

interface ChannelCardProps {
  status: ChannelStatusDto;
  /** The table's current filters: the matching count shows as pressed. */
  filters: DeliveryFilters;
  /** Filters the table below to this channel and status. */
  onPick: (channel: ExternalChannelName, status: DeliveryStatus) => void;
}

/** One channel's summary: provider(s), runtime switch, breaker(s), and how many deliveries are in each status. */
export function ChannelCard({ status, filters, onPick }: ChannelCardProps) {
  const intl = useIntl();
  const Icon = CHANNEL_ICONS[status.channel];
  const label = intl.formatMessage({ id: CHANNEL_NAMES[status.channel] });
  const titleId = `channel-card-${status.channel}`;
  const statuses = status.counts.cancelled > 0 ? DELIVERY_STATUSES : SHOWN;
  return (
    <article
      className={clsx('card channel-card', !status.enabled && 'channel-card--off')}
      aria-labelledby={titleId}
      data-testid="channel-card"
      data-channel={status.channel}
    >
      <header className="channel-card__head">
        <span className="icon-tile channel-card__icon">
          <Icon size={17} aria-hidden />
        </span>
        <div className="channel-card__name">
          <h2 id={titleId} className="channel-card__title">
            {label}
          </h2>
          <p className="channel-card__provider">
            <FormattedMessage id="admin.channel.via" values={{ provider: <code className="mono">{status.provider}</code> }} />
          </p>
        </div>
        <ChannelSwitch status={status} />
      </header>
      {status.providers.length > 1 ? (
        // Several providers: each with its own breaker, in the order they are tried.
        <ol className="channel-card__providers" aria-label={intl.formatMessage({ id: 'admin.channel.providers' }, { channel: label })}>
          {status.providers.map((p) => (
            <li key={p.provider} data-testid="channel-provider" data-provider={p.provider}>
              <code className="mono">{p.provider}</code> <BreakerBadge breaker={p.breaker} />
            </li>
          ))}
        </ol>
      ) : (
        <BreakerBadge breaker={status.breaker} />
      )}
      <ul className="channel-counts" aria-label={intl.formatMessage({ id: 'admin.channel.counts' }, { channel: label })}>
        {statuses.map((value) => (
          <li key={value}>
            <button
              type="button"
              className={clsx('channel-counts__item', status.counts[value] > 0 && `channel-counts__item--${value}`)}
              onClick={() => onPick(status.channel, value)}
              aria-pressed={filters.channel === status.channel && filters.status === value}
              aria-label={intl.formatMessage(
                { id: 'admin.channel.countLabel' },
                { count: intl.formatNumber(status.counts[value]), status: intl.formatMessage({ id: DELIVERY_STATUS_LABELS[value] }).toLocaleLowerCase(intl.locale), channel: label },
              )}
            >
              <span className="channel-counts__value">{intl.formatNumber(status.counts[value])}</span>
              <span className="channel-counts__label">
                <FormattedMessage id={DELIVERY_STATUS_LABELS[value]} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </article>
  );
}
