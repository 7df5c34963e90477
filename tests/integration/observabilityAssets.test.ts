import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendNotification } from '../helpers/apiSender.js';
import { exportedSampleNames, parsePromText, type PromScrape } from '../helpers/prometheusText.js';
import { getTestServer, type TestServer } from '../helpers/testServer.js';

const TOKEN = 'metrics-token-0123456789abcdef';
const repoFile = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid: string };
  targets?: { refId: string; expr: string; datasource: { uid: string } }[];
}

/** alerts.yml is YAML in JSON-compatible flow style; its comments are whole lines starting with `#`. */
const alertsFile = () => JSON.parse(repoFile('ops/prometheus/alerts.yml').split('\n').filter((line) => !line.startsWith('#')).join('\n')) as { groups: { name: string; rules: Rule[] }[] };
const dashboardFile = () => JSON.parse(repoFile('ops/grafana/flashnotify.json')) as { uid: string; title: string; schemaVersion: number; templating: { list: { name: string; type: string }[] }; panels: Panel[] };

/** Labels Prometheus adds to every series at scrape time, and the histogram bucket label. */
const SCRAPE_LABELS = new Set(['instance', 'job']);

/** Every problem with the metric names and labels a PromQL expression uses, measured against a scrape. */
function problemsIn(expr: string, scrape: PromScrape, exported: Set<string>): string[] {
  const problems: string[] = [];
  const labelsOf = (name: string) => new Set(scrape.samples.filter((s) => s.name === name).flatMap((s) => Object.keys(s.labels)));
  const used = [...expr.matchAll(/\b(flashnotify_[a-zA-Z0-9_]+)(\{([^}]*)\})?/g)];
  if (used.length === 0) problems.push(`${expr}: uses no flashnotify metric`);
  const known = new Set<string>(SCRAPE_LABELS);
  for (const [, name, , matchers] of used) {
    if (!exported.has(name!)) {
      problems.push(`${name} is not exported by the server`);
      continue;
    }
    const labels = labelsOf(name!);
    labels.forEach((label) => known.add(label));
    for (const [, label] of (matchers ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)) {
      if (!labels.has(label!) && !SCRAPE_LABELS.has(label!)) problems.push(`${name} has no label ${label}`);
    }
  }
  for (const [, list] of expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)) {
    for (const label of list!.split(',').map((l) => l.trim()).filter(Boolean)) {
      if (!known.has(label)) problems.push(`${expr}: groups by ${label}, which none of its metrics has`);
    }
  }
  const balance = (open: string, close: string) => [...expr].reduce((n, c) => (n < 0 ? n : n + (c === open ? 1 : c === close ? -1 : 0)), 0);
  if (balance('(', ')') !== 0 || balance('{', '}') !== 0 || balance('[', ']') !== 0) problems.push(`${expr}: unbalanced brackets`);
  return problems;
}

let server: TestServer;
let scrape: PromScrape;
let exported: Set<string>;

beforeAll(async () => {
  server = await getTestServer({ METRICS_TOKEN: TOKEN });
  // One send, so the series labelled by what traffic brings (category, route) exist.
  expect((await sendNotification(server.url, { to: [{ email: 'alice@example.com' }], title: 'Hello' })).status).toBe(202);
  const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  scrape = parsePromText(await res.text());
  exported = exportedSampleNames(scrape);
});
afterAll(() => server?.stop());

describe('ops/prometheus/alerts.yml', () => {
  it('is a valid rule file with the alerts the runbook expects', () => {
    const { groups } = alertsFile();
    expect(groups.length).toBeGreaterThan(0);
    const rules = groups.flatMap((group) => {
      expect(group.name).toMatch(/\S/);
      return group.rules;
    });
    for (const rule of rules) {
      expect(rule.alert).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(rule.for).toMatch(/^\d+[smh]$/);
      expect(['warning', 'critical']).toContain(rule.labels.severity);
      expect(rule.annotations.summary).toMatch(/\S/);
      expect(rule.annotations.description).toMatch(/\S/);
    }
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    const byMetric = (name: string) => rules.filter((r) => r.expr.includes(name)).map((r) => r.alert);
    // Issue 12: queue age, dead letters, breaker open, e2e p99.
    expect(byMetric('flashnotify_delivery_oldest_due_age_seconds')).toHaveLength(1);
    expect(rules.find((r) => r.expr.includes('flashnotify_deliveries_total') && r.expr.includes('outcome="dead"'))).toBeDefined();
    expect(rules.find((r) => r.expr.includes('flashnotify_breaker_state') && r.expr.includes('state="open"'))).toBeDefined();
    expect(rules.find((r) => r.expr.includes('histogram_quantile(0.99') && r.expr.includes('flashnotify_emit_latency_seconds_bucket'))).toBeDefined();
  });

  it('uses only metrics and labels the server exports', () => {
    const problems = alertsFile().groups.flatMap((g) => g.rules).flatMap((rule) => problemsIn(rule.expr, scrape, exported));
    expect(problems).toEqual([]);
  });
});

describe('ops/grafana/flashnotify.json', () => {
  it('is a dashboard Grafana can import: panels placed on the grid, each query on the datasource variable', () => {
    const dashboard = dashboardFile();
    expect(dashboard.uid).toBe('flashnotify');
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
    expect(dashboard.templating.list).toContainEqual(expect.objectContaining({ name: 'datasource', type: 'datasource' }));
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
    for (const panel of dashboard.panels) {
      expect(panel.title).toMatch(/\S/);
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      if (panel.type === 'row') continue;
      expect(panel.datasource?.uid).toBe('${datasource}');
      expect(panel.targets!.length).toBeGreaterThan(0);
      for (const target of panel.targets!) {
        expect(target.datasource.uid).toBe('${datasource}');
        expect(target.expr).toMatch(/\S/);
      }
      expect(new Set(panel.targets!.map((t) => t.refId)).size).toBe(panel.targets!.length);
    }
  });

  it('uses only metrics and labels the server exports', () => {
    const problems = dashboardFile().panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => problemsIn(target.expr, scrape, exported)));
    expect(problems).toEqual([]);
  });

  it('charts every flashnotify_ metric the server exports (its own, not prom-client’s process set)', () => {
    const charted = new Set(dashboardFile().panels.flatMap((p) => (p.targets ?? []).flatMap((t) => [...t.expr.matchAll(/\b(flashnotify_[a-zA-Z0-9_]+)/g)].map((m) => m[1]!))));
    const chartedFamilies = new Set([...charted].map((name) => name.replace(/_(bucket|sum|count)$/, '')));
    const own = [...scrape.families.keys()].filter((name) => !/^flashnotify_(process|nodejs)_/.test(name));
    expect(own.filter((name) => !chartedFamilies.has(name))).toEqual([]);
  });
});
