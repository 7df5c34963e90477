import { KeyRound, UserRound } from 'lucide-react';
import { useIntl } from 'react-intl';
import type { SendSender } from '@shared/schemas/sends';

/** Who made a send: an admin or an API key, with its name. */
export function SenderLabel({ sender }: { sender: SendSender }) {
  const intl = useIntl();
  const admin = sender.type === 'admin';
  const kind = intl.formatMessage({ id: admin ? 'admin.sender.admin' : 'admin.sender.apiKey' });
  const name = sender.name ?? intl.formatMessage({ id: admin ? 'admin.sender.deletedUser' : 'admin.sender.deletedKey' });
  const Icon = sender.type === 'admin' ? UserRound : KeyRound;
  return (
    <span className="sender">
      <Icon size={14} className="sender__icon" aria-hidden />
      <span className="sender__text">
        <span className="sender__name">{name}</span>
        <span className="sender__kind">{kind}</span>
      </span>
    </span>
  );
}
