import { describe, expect, it } from 'vitest';
import { startJobLoop } from '../../server/jobs/jobLoop.js';
import { RunState } from '../../server/runState.js';
import { waitFor } from '../helpers/socketClient.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startJobLoop', () => {
  it('runs a turn at start, never two at once, and one more for any number of wake-ups during a turn', async () => {
    let running = 0;
    let overlapped = false;
    let turns = 0;
    let release: () => void = () => {};
    const loop = startJobLoop({
      intervalMs: 60_000,
      run: async () => {
        turns += 1;
        overlapped ||= running > 0;
        running += 1;
        await new Promise<void>((resolve) => (release = resolve));
        running -= 1;
      },
      onError: () => {},
    });
    await waitFor(() => turns === 1, 2000, 'the first turn');
    loop.wake();
    loop.wake();
    loop.wake();
    release();
    await waitFor(() => turns === 2, 2000, 'the coalesced turn');
    release();
    await sleep(50);
    expect(turns).toBe(2);
    expect(overlapped).toBe(false);
    await loop.stop();
  });

  it('wakes at a time before the next poll, beats its heartbeat after each turn, and stop() aborts and waits', async () => {
    let clock = 0;
    const runState = new RunState(() => ++clock);
    let turns = 0;
    let sawAbort = false;
    const loop = startJobLoop({
      intervalMs: 60_000,
      heartbeat: { runState, loop: 'snoozes' },
      run: async (signal) => {
        turns += 1;
        if (turns < 3) return;
        while (!signal.aborted) await sleep(10);
        sawAbort = true;
      },
      onError: () => {},
    });
    expect(runState.beats()).toEqual([{ loop: 'snoozes', intervalMs: 60_000, lastBeatAt: 1, watchedByReadiness: true }]);
    await waitFor(() => turns === 1 && runState.beats()[0]!.lastBeatAt === 2, 2000, 'the first turn and its beat');
    loop.wake(new Date(Date.now() + 100));
    loop.wake(new Date(Date.now() + 120_000)); // after the next poll: left to it
    await waitFor(() => turns === 2, 2000, 'the timed wake-up');
    loop.wake();
    await waitFor(() => turns === 3, 2000, 'the third turn');
    await loop.stop();
    expect(sawAbort).toBe(true);
    loop.wake();
    await sleep(50);
    expect(turns).toBe(3);
  });

  it('tries a failed turn again within seconds, not a whole interval later, and backs off while it keeps failing', async () => {
    const turnsAt: number[] = [];
    const errors: unknown[] = [];
    const loop = startJobLoop({
      intervalMs: 60_000,
      run: async () => {
        turnsAt.push(Date.now());
        if (turnsAt.length <= 2) throw new Error('database is locked');
      },
      onError: (err) => errors.push(err),
    });
    // Turn 1 fails → retry after 0.5–1 s; turn 2 fails → after 1–2 s; turn 3 succeeds and the poll takes over.
    await waitFor(() => turnsAt.length === 3, 5000, 'two retries after failed turns');
    expect(errors).toHaveLength(2);
    expect(turnsAt[1]! - turnsAt[0]!).toBeGreaterThanOrEqual(450);
    expect(turnsAt[2]! - turnsAt[1]!).toBeGreaterThanOrEqual(950);
    await sleep(1200);
    expect(turnsAt).toHaveLength(3); // no retry after a success
    await loop.stop();
  });

  it('leaves a failed turn to the next poll when the interval is shorter than the retry', async () => {
    let turns = 0;
    const loop = startJobLoop({
      intervalMs: 300,
      run: async () => {
        turns += 1;
        throw new Error('down');
      },
      onError: () => {},
    });
    await sleep(1000);
    await loop.stop();
    // Polls every 300 ms (3 in 1 s after the first turn); a retry timer on top would add more.
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(turns).toBeLessThanOrEqual(5);
  });
});
