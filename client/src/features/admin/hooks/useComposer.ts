import { useMemo, useState } from 'react';
import type { CreateNotificationResult } from '@shared/schemas/notification';
import { isApiError } from '../../../lib/api';
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

/**
 * State of the composer: the form, its field errors (from the browser's checks or the server's
 * `details[].path`), and the send itself.
 *
 * @example
 * const composer = useComposer();
 * <input value={composer.state.title} onChange={(e) => composer.set('title', e.target.value)} />
 */
export function useComposer() {
  const [state, setState] = useState<ComposerState>(EMPTY_COMPOSER);
  const [errors, setErrors] = useState<FieldErrors<ComposerField>>({});
  const [failure, setFailure] = useState<ComposerFailure | null>(null);
  const [result, setResult] = useState<CreateNotificationResult | null>(null);
  const send = useCreateSend();
  const { mode, people, topic } = state;
  const to = useMemo(() => recipientsOf({ mode, people, topic }), [mode, people, topic]);

  const set = <K extends keyof ComposerState>(key: K, value: ComposerState[K]) => {
    setState((previous) => ({ ...previous, [key]: value }));
    // Editing a field takes its complaint away; the recipient fields all map to "to".
    const field: ComposerField =
      key === 'mode' || key === 'people' || key === 'topic' ? 'to' : key === 'sendLater' || key === 'sendAt' ? 'scheduledAt' : (key as ComposerField);
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  };

  const submit = (category: string) => {
    const built = buildComposerInput({ ...state, category });
    setResult(null);
    if (built.errors) {
      setErrors(built.errors);
      setFailure({ message: 'Please fix the highlighted fields.', other: [], fromServer: false });
      return;
    }
    setErrors({});
    setFailure(null);
    send.mutate(built.input, {
      onSuccess: setResult,
      onError: (error) => {
        const { fields, unplaced } = toFieldErrors(error, composerFieldOf);
        setErrors(fields);
        const placed = Object.keys(fields).length > 0;
        setFailure({
          message: isApiError(error)
            ? `${sentence(error.message)}${placed ? ' See the highlighted fields.' : ''}`
            : 'Could not reach the server. Please try again.',
          other: unplaced.map((detail) => (detail.path ? `${detail.path}: ${detail.message}` : detail.message)),
          fromServer: true,
        });
      },
    });
  };

  const reset = () => {
    setState(EMPTY_COMPOSER);
    setErrors({});
    setFailure(null);
    setResult(null);
    send.reset();
  };

  const hasFieldErrors = Object.values(errors).some(Boolean);
  const shownFailure = failure && (failure.fromServer || hasFieldErrors) ? failure : null;
  return { state, set, to, errors, failure: shownFailure, result, submit, reset, isSending: send.isPending };
}
