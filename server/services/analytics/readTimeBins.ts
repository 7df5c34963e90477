/**
 * The time-to-read histogram of the analytics rollups: fixed log-scale bins, two per doubling. Bin 0 holds
 * reads under 1 s; bin b (1…MAX_READ_BIN-1) holds [2^((b-1)/2), 2^(b/2)) seconds; the last bin everything
 * from 2^((MAX-1)/2) s (≈ 24 days) on. Fixed bins add up across hours, categories and channels, so a
 * percentile over any range is read from the summed counts.
 */
export const MAX_READ_BIN = 43;

/** The bin of a time-to-read in milliseconds (negative clock skew counts as instant). */
export function readTimeBin(ms: number): number {
  const seconds = ms / 1000;
  if (!(seconds >= 1)) return 0;
  return Math.min(MAX_READ_BIN, 1 + Math.floor(2 * Math.log2(seconds)));
}

/**
 * The `q` quantile (0…1) in seconds of a histogram (`counts[bin]`), or null when it is empty. The answer is
 * the geometric middle of the bin the quantile falls in, so it is within a factor 2^(1/4) (±19 %) of the
 * exact value; bin 0 answers 0.5 s, the open last bin its lower bound.
 */
export function histogramQuantile(counts: ReadonlyMap<number, number>, q: number): number | null {
  let total = 0;
  for (const count of counts.values()) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bin of [...counts.keys()].sort((a, b) => a - b)) {
    seen += counts.get(bin)!;
    if (seen >= rank) return binMiddleSeconds(bin);
  }
  return null;
}

function binMiddleSeconds(bin: number): number {
  if (bin === 0) return 0.5;
  if (bin >= MAX_READ_BIN) return round(2 ** ((MAX_READ_BIN - 1) / 2));
  return round(2 ** ((bin - 0.5) / 2));
}

const round = (seconds: number): number => Math.round(seconds * 10) / 10;
