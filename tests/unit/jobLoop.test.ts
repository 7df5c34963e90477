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
    expect(runState.beats()).toEqual([{ loop: 'snoozes', intervalMs: 60_000, lastBeatAt: 1 }]);
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
});
