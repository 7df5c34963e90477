/**
 * Admin forms' errors (client/src/features/admin/utils/fieldErrors.ts): the browser's own checks and the
 * server's answer, one message per field.
 */
import { describe, expect, it } from 'vitest';
import { mergeFieldErrors, toFieldErrors } from '../../../client/src/features/admin/utils/fieldErrors.js';
import { ApiError } from '../../../client/src/lib/api.js';

describe('mergeFieldErrors', () => {
  it('keeps the server’s message on a field the browser’s check passed (a 409 for a well-formed value)', () => {
    const server = toFieldErrors(new ApiError(409, 'email_taken', 'Taken', [{ path: 'email', message: 'Already used by another user' }]), (p) =>
      p === 'email' ? 'email' : undefined,
    ).fields;
    expect(mergeFieldErrors(server, { email: undefined })).toEqual({ email: 'Already used by another user' });
  });

  it('shows the browser’s own complaint over the server’s, and both on different fields', () => {
    expect(mergeFieldErrors({ name: 'From the server' }, { name: 'Give it a name.' })).toEqual({ name: 'Give it a name.' });
    expect(mergeFieldErrors<'name' | 'key'>({ key: 'Taken' }, { name: 'Give it a name.', key: undefined })).toEqual({
      key: 'Taken',
      name: 'Give it a name.',
    });
  });
});
