import { Plus } from 'lucide-react';
import { useIntl } from 'react-intl';

/** A create form's submit button: "Creating…" and disabled while the request runs. */
export function CreateButton({ label, pending, large = false }: { label: string; pending: boolean; large?: boolean }) {
  const intl = useIntl();
  return (
    <button type="submit" className={large ? 'btn btn--primary btn--lg' : 'btn btn--primary'} disabled={pending}>
      <Plus size={15} aria-hidden />
      {pending ? intl.formatMessage({ id: 'admin.create.pending' }) : label}
    </button>
  );
}
