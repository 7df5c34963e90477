import { CircleAlert } from 'lucide-react';

/** The error under a field; its id is what the input's `aria-describedby` points at. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="field__error">
      <CircleAlert size={13} aria-hidden />
      {message}
    </p>
  );
}
