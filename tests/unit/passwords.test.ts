import { describe, expect, it } from 'vitest';
import { HttpError } from '../../server/errors.js';
import { ARGON2_CONCURRENCY, ARGON2_MAX_WAITING, argon2Load, hashPassword, verifyPassword } from '../../server/services/auth/passwords.js';

describe('argon2 work is bounded (sign-in floods cannot take every core and libuv thread)', () => {
  it(`runs at most ARGON2_CONCURRENCY (${ARGON2_CONCURRENCY}) computations at once; the rest wait their turn`, async () => {
    const stored = await hashPassword('correct horse battery staple');
    const seen: number[] = [];
    const checks = Array.from({ length: ARGON2_CONCURRENCY + 4 }, () =>
      verifyPassword(stored, 'wrong').then((ok) => {
        seen.push(argon2Load().active);
        return ok;
      }),
    );
    expect(argon2Load()).toEqual({ active: ARGON2_CONCURRENCY, waiting: 4 });
    expect(await Promise.all(checks)).toEqual(checks.map(() => false));
    expect(Math.max(...seen)).toBeLessThanOrEqual(ARGON2_CONCURRENCY);
    expect(argon2Load()).toEqual({ active: 0, waiting: 0 });
  });

  it('answers 503 server_busy with Retry-After at once when ARGON2_MAX_WAITING already wait for the busy slots', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const results = await Promise.allSettled(Array.from({ length: ARGON2_CONCURRENCY + ARGON2_MAX_WAITING + 6 }, () => verifyPassword(stored, 'wrong')));
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(6);
    for (const { reason } of refused) {
      expect(reason).toBeInstanceOf(HttpError);
      expect(reason).toMatchObject({ status: 503, code: 'server_busy', headers: { 'Retry-After': '1' } });
    }
  });
});
