/**
 * Admission control for socket handshakes: at most `limit` authenticated handshakes are in progress at
 * once (from the auth step until the socket's replay has been sent: milliseconds, never waiting on the
 * client); any more are refused at once, before anything is joined or replayed, with a time to come back.
 *
 * Why: after a restart every client reconnects within seconds. Taken all at once, each of them waits
 * behind all the others at every step (session read, room join, replay), so every one finishes late;
 * clients whose handshake outlived their connect timeout (20 s) retried with a longer backoff, and the
 * storm took twice as long as the work in it. Refused early with a spread-out `retryAfterMs`, the clients
 * come back when there is room, and those admitted finish in a few milliseconds.
 *
 * The hint is the time the node needs for the handshakes refused lately, at the rate it has been finishing
 * them, times a uniform jitter in [0.5, 1.5) so the refused do not come back together (bounded to
 * [MIN_RETRY_MS, MAX_RETRY_MS]).
 */
export class HandshakeAdmission {
  private inFlight = 0;
  /** Finished handshakes and refusals of the current and the previous window (rates over 1–2 windows). */
  private finished = [0, 0];
  private refused = [0, 0];
  private windowStart = 0;

  constructor(
    /** Handshakes in progress at once; the next one is refused. */
    private readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  /** Handshakes in progress now. */
  get active(): number {
    return this.inFlight;
  }

  /**
   * Takes a place, or refuses: returns the ticket to `release` when the handshake ends (any way it ends;
   * releasing twice is harmless), or `{ retryAfterMs }`.
   */
  tryEnter(): { release: () => void } | { retryAfterMs: number } {
    this.roll();
    if (this.inFlight >= this.limit) {
      this.refused[1]! += 1;
      return { retryAfterMs: this.retryAfterMs() };
    }
    this.inFlight += 1;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.roll();
        this.finished[1]! += 1;
      },
    };
  }

  private retryAfterMs(): number {
    const elapsedS = Math.max(0.25, (this.now() - this.windowStart) / 1000 + WINDOW_MS / 1000);
    const ratePerS = Math.max(MIN_RATE_PER_S, (this.finished[0]! + this.finished[1]!) / elapsedS);
    const waitingMs = ((this.refused[0]! + this.refused[1]!) / ratePerS) * 1000;
    const jittered = waitingMs * (0.5 + this.random());
    return Math.round(Math.min(MAX_RETRY_MS, Math.max(MIN_RETRY_MS, jittered)));
  }

  /** Starts a new window once the current one is over (the previous one is kept for the rates). */
  private roll(): void {
    const now = this.now();
    if (now - this.windowStart < WINDOW_MS) return;
    const skipped = now - this.windowStart >= 2 * WINDOW_MS;
    this.finished = skipped ? [0, 0] : [this.finished[1]!, 0];
    this.refused = skipped ? [0, 0] : [this.refused[1]!, 0];
    this.windowStart = now;
  }
}

/** Length of a rate window, in ms. */
const WINDOW_MS = 1000;
/** A floor for the measured rate, so a node that has finished nothing yet does not send clients away for long. */
const MIN_RATE_PER_S = 100;
const MIN_RETRY_MS = 250;
const MAX_RETRY_MS = 15_000;
