import { useState } from 'react';
import { isApiError } from '../../../lib/api';
import { mergeFieldErrors, rootPath, toFieldErrors } from '../utils/fieldErrors';

/** The parts of a mutation a form's errors come from. */
interface FormMutation {
  error: unknown;
  reset: () => void;
}

interface FormErrorsOptions<F extends string> {
  /** Where a 409 without a field path belongs (e.g. "that key exists"). */
  conflictField?: F;
}

/**
 * A create/edit form's errors: the browser's own checks (`check`) over the server's, sorted onto the
 * given fields by their `details[].path`.
 *
 * @example
 * const form = useFormErrors(create, ['key', 'name']);
 * if (!form.check({ name: name.trim() ? undefined : 'Give it a name.' })) return;
 * <FormField id="topic-name" label="Name" error={form.errors.name}>…</FormField>
 * <FormError error={create.error} placed={form.placed} />
 */
export function useFormErrors<F extends string>(mutation: FormMutation, fields: readonly F[], { conflictField }: FormErrorsOptions<F> = {}) {
  const [local, setLocal] = useState<Partial<Record<F, string>>>({});
  const server = toFieldErrors<F>(mutation.error, (path) => {
    const root = rootPath(path);
    return (fields as readonly string[]).includes(root) ? (root as F) : undefined;
  });
  if (conflictField && isApiError(mutation.error, 409) && !server.fields[conflictField]) server.fields[conflictField] = mutation.error.message;

  /** Forgets the server's complaint, e.g. once a field is edited. */
  const resetServer = () => {
    if (mutation.error) mutation.reset();
  };

  return {
    errors: mergeFieldErrors<F>(server.fields, local),
    /** True when fields show the server's details; FormError then only repeats its headline. */
    placed: Object.keys(server.fields).length > 0,
    /** Shows the browser's check results; true when there is nothing to complain about. */
    check: (next: Partial<Record<F, string>>) => {
      setLocal(next);
      return !Object.values(next).some(Boolean);
    },
    /** Clears one field's own complaint (or all of them) and the server's. */
    clear: (field?: F) => {
      setLocal((previous) => (field ? { ...previous, [field]: undefined } : {}));
      resetServer();
    },
    resetServer,
  };
}
