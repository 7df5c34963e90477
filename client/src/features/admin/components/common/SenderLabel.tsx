import { KeyRound, UserRound } from 'lucide-react';
import type { SendSender } from '@shared/schemas/sends';
import { senderLabel } from '../../utils/format';

/** Who made a send: an admin or an API key, with its name. */
export function SenderLabel({ sender }: { sender: SendSender }) {
  const { kind, name } = senderLabel(sender);
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
