/**
 * A small seeded generator for the fuzz test: the same seed gives the same cases on every machine, so a
 * failure found once is found again. `FUZZ_SEED` (tests only) picks another seed to explore further.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
}

/**
 * mulberry32: 32-bit state, full period, good enough to spread test inputs (not for anything secret).
 *
 * @example
 * const rng = seededRng(1); rng.pick(['a', 'b']);
 */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** The seed of this run: `FUZZ_SEED` or a fixed default, so CI runs are reproducible. */
export const fuzzSeed = (): number => Number(process.env.FUZZ_SEED || 20261130);

/** Code points that break naive text handling: NUL and controls, lone surrogates, bidi and zero-width marks, astral emoji. */
const NASTY_CHARS = ['\u0000', '\u0001', '\u001f', '\u007f', '\ud800', '\udfff', '\u202e', '\u200b', '\ufeff', '\u2028', '\uffff', '😀', '👩‍👩‍👧', 'é', 'ß', '"', '\\', '%', '/', '.', ' '];

/** A random string of 0–40 characters, about half of them nasty. */
export function randomText(rng: Rng): string {
  let out = '';
  const length = rng.int(41);
  for (let i = 0; i < length; i++) out += rng.next() < 0.5 ? rng.pick(NASTY_CHARS) : String.fromCharCode(0x20 + rng.int(0x5f));
  return out;
}

/** A random number of random magnitude and sign, integer or not (finite: JSON cannot carry the rest). */
export function randomNumber(rng: Rng): number {
  const magnitude = 10 ** (rng.int(40) - 8);
  const value = rng.next() * magnitude * (rng.next() < 0.3 ? -1 : 1);
  return rng.next() < 0.5 ? Math.round(value) : value;
}

/** A random JSON value up to `depth` levels deep. */
export function randomJson(rng: Rng, depth = 3): unknown {
  switch (rng.int(depth > 0 ? 7 : 5)) {
    case 0:
      return null;
    case 1:
      return rng.next() < 0.5;
    case 2:
      return randomNumber(rng);
    case 3:
    case 4:
      return randomText(rng);
    case 5:
      return Array.from({ length: rng.int(4) }, () => randomJson(rng, depth - 1));
    default:
      return Object.fromEntries(Array.from({ length: rng.int(4) }, () => [randomText(rng), randomJson(rng, depth - 1)]));
  }
}
