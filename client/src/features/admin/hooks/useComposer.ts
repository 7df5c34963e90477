import { useMemo, useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { useSubmitGuard } from '../../../hooks/useSubmitGuard';
import type { CreateNotificationResult } from '@shared/schemas/notification';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { isApiError, type ApiError } from '../../../lib/api';
import { newIdempotencyKey } from '../../../lib/idempotencyKey';
import { useCreateSend } from '../api/createSend';
import {
  buildComposerInput,
  composerFieldOf,
  EMPTY_COMPOSER,
  recipientsOf,
  type ComposerField,
  type ComposerState,
} from '../utils/composerInput';
import { toFieldErrors, type FieldErrors } from '../utils/fieldErrors';
import { sentence } from '../utils/format';

/** A failed send, summarised for the alert above the button. */
export interface ComposerFailure {
  message: string;
  /** Server messages that belong to no field of the form. */
  other: string[];
  /** False for the browser's own checks: those alerts go away once the fields are fixed. */
  fromServer: boolean;
}

/** What the server's idempotency refusals mean for the person at the form. */
function idempotencyMessage(intl: IntlShape, error: ApiError): string | undefined {
  if (error.code === 'idempotency_key_in_progress') return intl.formatMessage({ id: 'admin.compose.inProgress' });
  if (error.code === 'idempotency_key_reused') return intl.formatMessage({ id: 'admin.compose.reused' });
  return undefined;
}

/**
 * State of the composer: the form, its field errors (from the browser's checks or the server's
 * `details[].path`), and the send itself. Each composed message is sent once: the form holds one
 * idempotency key from when it is opened (or reset) until it is sent, a second submit while one is in
 * flight is ignored, and a successful send empties the form (and takes a new key) for the next message.
 *
 * @example
 * const composer = useComposer();
 * <input value={composer.state.title} onChange={(e) => composer.set('title', e.target.value)} />
 */
export function useComposer() {
  const intl = useIntl();
  const [state, setState] = useState<ComposerState>(EMPTY_COMPOSER);
  const [errors, setErrors] = useState<FieldErrors<ComposerField>>({});
  const [failure, setFailure] = useState<ComposerFailure | null>(null);
  const [result, setResult] = useState<CreateNotificationResult | null>(null);
  // One key per composed message: repeated submits of the same message are answered, not re-sent.
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const guard = useSubmitGuard();
  const send = useCreateSend();
  const { mode, people, topic } = state;
  const to = useMemo(() => recipientsOf({ mode, people, topic }), [mode, people, topic]);

  const set = <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => {
    setState((previous) => ({ ...previous, [key]: value }));
    // Editing a field takes its complaint away; the recipient fields all map to "to".
    const field: ComposerField =
      key === 'mode' || key === 'people' || key === 'topic' ? 'to' : key === 'sendLater' || key === 'sendAt' ? 'scheduledAt' : key;
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  };

  const submit = (category: string) => {
    const built = buildComposerInput(intl, { ...state, category });
    if (built.errors) {
      // The last send's confirmation stays: these complaints are about the next message.
      setErrors(built.errors);
      setFailure({ message: intl.formatMessage({ id: 'admin.compose.fixFields' }), other: [], fromServer: false });
      return;
    }
    // Not `send.isPending`: a double click submits twice before React re-renders.
    if (!guard.begin()) return;
    setResult(null);
    setErrors({});
    setFailure(null);
    send.mutate(
      { input: built.input, idempotencyKey },
      {
        onSettled: guard.end,
        onSuccess: (sent) => {
          // Sent: the form starts over for the next message, and the result stays until dismissed.
          clearForm();
          setResult(sent);
        },
        onError: (error) => {
          const apiError = isApiError(error) ? error : undefined;
          const reused = apiError && idempotencyMessage(intl, apiError);
          if (reused) {
            // The key is spent on the earlier attempt; whatever is sent next is a new message.
            if (apiError.code === 'idempotency_key_reused') setIdempotencyKey(newIdempotencyKey());
            setFailure({ message: reused, other: [], fromServer: true });
            return;
          }
          const { fields, unplaced } = toFieldErrors(error, composerFieldOf);
          setErrors(fields);
          const placed = Object.keys(fields).length > 0;
          const headline = sentence(apiErrorMessage(intl, error, 'admin.form.unreachable'));
          setFailure({
            message: placed ? `${headline} ${intl.formatMessage({ id: 'admin.form.seeFields' })}` : headline,
            other: unplaced.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message)),
            fromServer: true,
          });
        },
      },
    );
  };

  /** An empty form with a new idempotency key: what follows is a new message. */
  const clearForm = () => {
    setState(EMPTY_COMPOSER);
    setErrors({});
    setFailure(null);
    setIdempotencyKey(newIdempotencyKey());
  };

  /** Hides the result of the last send. */
  const dismissResult = () => setResult(null);

  const hasFieldErrors = Object.values(errors).some(Boolean);
  const shownFailure = failure && (failure.fromServer || hasFieldErrors) ? failure : null;
  return { state, set, to, errors, failure: shownFailure, result, submit, dismissResult, isSending: send.isPending };
}
