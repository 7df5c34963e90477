import type { AppContext } from '../../context.js';

/** Where a send can be held for a crash test (`TEST_PAUSE_AT`, honoured only with NODE_ENV=test). */
export type TestPausePoint = 'send.beforeCommit' | 'send.afterCommit';

/**
 * TEST-ONLY. When `TEST_PAUSE_AT` names this point, prints `TEST_PAUSED <point>` on stderr and never
 * returns, so a crash test can SIGKILL the process exactly there (before or after the send's transaction
 * commits). Config refuses the variable outside NODE_ENV=test; otherwise this is one comparison.
 */
export async function testPausePoint(ctx: AppContext, point: TestPausePoint): Promise<void> {
  if (ctx.config.testPauseAt !== point) return;
  process.stderr.write(`TEST_PAUSED ${point}\n`);
  await new Promise<never>(() => {});
}
