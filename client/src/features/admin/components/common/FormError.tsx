import { CircleAlert } from 'lucide-react';
import { isApiError } from '../../../../lib/api';
import { sentence } from '../../utils/format';

interface FormErrorProps {
  error: unknown;
  /** True when the fields already show the details; then only the headline is repeated here. */
  placed?: boolean;
}

/** A failed form submission's summary alert. */
export function FormError({ error, placed = false }: FormErrorProps) {
  if (!error) return null;
  const message = isApiError(error) ? sentence(error.message) : 'Could not reach the server. Please try again.';
  return (
    <div className="alert alert--error" role="alert">
      <CircleAlert size={16} aria-hidden />
      <p className="alert__title">
        {message}
        {placed && ' See the highlighted fields.'}
      </p>
    </div>
  );
}
