/** One sample line of the Prometheus text format: `name{label="value",…} value`. */
export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A scrape, parsed: its samples and, from the `# TYPE` lines, every metric family the server declares. */
export interface PromScrape {
  samples: PromSample[];
  /** Family name → type (`counter`, `gauge`, `histogram`, `summary`). */
  families: Map<string, string>;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Parses the text exposition format (version 0.0.4) as prom-client writes it: no timestamps, label
 * values escaped with backslashes. Throws on a line it cannot read, so a malformed export fails the test.
 *
 * @example
 * const { samples } = parsePromText(await (await fetch(url)).text());
 */
export function parsePromText(text: string): PromScrape {
  const samples: PromSample[] = [];
  const families = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ')) continue;
    if (line.startsWith('# TYPE ')) {
      const [, , name, type] = line.split(' ');
      families.set(name!, type!);
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) labels[key!] = value!.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return { samples, families };
}

/**
 * The value of the one sample named `name` whose labels include `labels` (0 when there is none, as for a
 * counter never incremented); throws when several match, so a test names its series exactly.
 */
export function sampleValue(scrape: PromScrape, name: string, labels: Record<string, string> = {}): number {
  const matching = scrape.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (matching.length > 1) throw new Error(`${matching.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return matching[0]?.value ?? 0;
}

/** Every sample name a family exports: histograms as `_bucket`, `_sum` and `_count`, summaries as `_sum` and `_count` besides the name. */
export function exportedSampleNames(scrape: PromScrape): Set<string> {
  const names = new Set<string>();
  for (const [family, type] of scrape.families) {
    names.add(family);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(family + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(family + suffix);
  }
  return names;
}
