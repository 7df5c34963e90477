import { fillPath, type AppRoute } from './appRoutes.js';
import type { AuthKind } from './catalog.js';
import { fieldsOf, fieldType, OMIT, type JsonSchema, type SchemaField } from './jsonSchema.js';
import { randomJson, randomText, type Rng } from './random.js';

/** A route with everything the generator needs: where its inputs are, and valid values for each. */
export interface RouteSpec {
  route: AppRoute;
  auth: AuthKind;
  /** A 4xx may be an HTML page (links people open from emails). */
  page: boolean;
  /** Accepts unknown query fields (RouteInputs.anyQuery); every other route must answer them with a 4xx. */
  anyQuery: boolean;
  endsSession: boolean;
  /** Valid (or at least harmless) path parameter values, unencoded. */
  params: Record<string, string>;
  query?: JsonSchema;
  body?: { schema: JsonSchema; root: unknown; base: unknown };
  bodyType: 'json' | 'form' | 'none';
  /** Documented request headers, e.g. `Idempotency-Key`. */
  headers: string[];
}

/** One request of the fuzz run. `as` picks the credentials sent with it. */
export interface FuzzCase {
  spec: RouteSpec;
  label: string;
  as: AuthKind;
  method: string;
  /** Path and query exactly as sent (already percent-encoded where meant to be). */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Deep-nesting cases only promise "no 5xx": the depth cap decides their status and code. */
  deep?: boolean;
  /** Sends a query field no route knows (`zz=1`): a 2xx/3xx answer means the route ignores its query. */
  unknownQueryField?: boolean;
}

/** Raw JSON text to splice where a value goes (numbers JSON can write but JS cannot hold, `__proto__` keys). */
class RawJson {
  constructor(readonly text: string) {}
}

/** Serializes a body, splicing RawJson values in as text. */
function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) return `\u0001raw${raws.push(v.text) - 1}\u0001`;
    return v;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}

const short = (v: unknown): string => {
  if (v === OMIT) return '(omitted)';
  if (v instanceof RawJson) return v.text.slice(0, 40);
  const text = typeof v === 'string' ? JSON.stringify(v) : toJson(v);
  return text.length > 48 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};

// Path parameters: undecodable escapes (invalid UTF-8, CESU surrogates: URIError), NUL, traversal,
// backslashes, very long, non-ASCII, numbers out of every range.
const PATH_VALUES = [
  '%ff', '%ED%A0%80', '%00', 'a%00b', '..', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%5C', 'x'.repeat(4000), '%F0%9F%98%80%E2%80%AE',
  '99999999999999999999',
];

// Query values (already encoded). Edge values may pass validation and reach a query: NUL, surrogates,
// numbers beyond 32 and 53 bits, impossible dates, cursors that decode to nonsense. The rest are wrong types.
// `2d2mh7dt6o1_x` is a (time, id) cursor whose time is one past the last instant a JavaScript Date can hold.
const QUERY_EDGE_VALUES = [
  '%00', 'a%00b', '%ED%A0%80', '99999999999999999999', '2147483648', '2024-02-30T00%3A00%3A00Z', `${(8.64e15 + 1).toString(36)}_x`,
  'zzzzzzzzzzzz_x', 'x'.repeat(500),
];
const QUERY_WRONG_VALUES = ['', '-1', '1.5', '1e400', 'NaN', 'true', '%ff'];

const DATE_VALUES = ['2024-02-30T00:00:00Z', '+275760-09-13T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00Z', '2030-01-01T00:00:00+24:00'];

/**
 * Bad values for one field. `edge` values are of the field's own type and may pass validation to reach the
 * database (NUL, lone surrogates, integers beyond 32 bits, impossible dates); `wrongType` ones test validation.
 */
function badValues(field: SchemaField, rng: Rng): { edge: unknown[]; wrongType: unknown[] } {
  const s = field.sample;
  const wrongType: unknown[] = [OMIT, null, true, 0, new RawJson('1e999'), '', [], {}, randomJson(rng)];
  const edge: unknown[] = [];
  switch (fieldType(field.schema)) {
    case 'string': {
      const text = String(s);
      edge.push(`${text}\u0000`, `${text}\ud800`);
      wrongType.push(`\u202e${text} `, 'x'.repeat(20_000), '😀'.repeat(300));
      if (field.schema.format === 'date-time') edge.push(...DATE_VALUES);
      break;
    }
    case 'integer':
    case 'number':
      edge.push(2147483648, 2 ** 53 + 2, new RawJson('123456789012345678901234567890'));
      wrongType.push(-1, 1.5, String(s));
      break;
    case 'boolean':
      wrongType.push('true', 1);
      break;
    case 'enum':
      edge.push(`${String(s)}\u0000`);
      wrongType.push(String(s).toUpperCase());
      break;
    case 'array':
      edge.push([null]);
      wrongType.push(Array.from({ length: 1001 }, () => s));
      break;
    default: {
      // Objects and unconstrained JSON (`data`): odd keys, NUL inside, prototype keys, big values.
      const obj = s && typeof s === 'object' && !Array.isArray(s) ? s : {};
      edge.push({ '\u0000': 1 }, { a: '\u0000' }, { a: '\ud800' }, new RawJson(`{"__proto__":{"polluted":true}}`));
      wrongType.push({ ...obj, zz: 1 }, [s], { a: 'x'.repeat(17_000) });
    }
  }
  return { edge, wrongType };
}

const fieldName = (path: string[]) => path.join('.');

/** Builds one request; credentials, body and path default to the route's valid ones. */
function makeCase(spec: RouteSpec, label: string, over: Partial<FuzzCase> = {}): FuzzCase {
  const headers: Record<string, string> = {};
  let body: string | undefined;
  if (spec.bodyType === 'json' && spec.body) {
    headers['content-type'] = 'application/json';
    body = toJson(spec.body.base);
  } else if (spec.bodyType === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = 'List-Unsubscribe=One-Click';
  }
  return {
    spec,
    label,
    as: spec.auth,
    method: spec.route.method,
    path: fillPath(spec.route, encodeAll(spec.params)),
    body,
    ...over,
    headers: { ...headers, ...over.headers },
  };
}

const encodeAll = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, encodeURIComponent(v)]));

/** Percent-encodes every UTF-8 byte (a lone surrogate becomes U+FFFD's bytes: encodeURIComponent would throw). */
const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** Malformed path parameters, one parameter at a time. */
export function pathCases(spec: RouteSpec, rng: Rng): FuzzCase[] {
  return spec.route.params.flatMap((name) =>
    [...PATH_VALUES, percentEncode(randomText(rng))].map((value) =>
      makeCase(spec, `path ${name}=${value.length > 40 ? `${value.slice(0, 12)}…(${value.length})` : value}`, {
        path: fillPath(spec.route, { ...encodeAll(spec.params), [name]: value }),
      }),
    ),
  );
}

/**
 * Malformed query strings: junk keys on every route; each documented field with bad values, repeated and
 * as an object. A field an earlier route had with the same schema (`limit`) gets only the edge values.
 */
export function queryCases(spec: RouteSpec, rng: Rng, seen: Set<string>): FuzzCase[] {
  const base = fillPath(spec.route, encodeAll(spec.params));
  const queries: string[] = ['zz=1', '__proto__[x]=1', '%ff=%ff'];
  for (const [name, schema] of Object.entries(spec.query?.properties ?? {})) {
    const key = `${name} ${JSON.stringify(schema)}`;
    queries.push(...QUERY_EDGE_VALUES.map((v) => `${name}=${v}`));
    if (!seen.has(key)) {
      queries.push(...[...QUERY_WRONG_VALUES, percentEncode(randomText(rng))].map((v) => `${name}=${v}`), `${name}=1&${name}=2`, `${name}[a]=1`);
    }
    seen.add(key);
  }
  return queries.map((q) => ({
    ...makeCase(spec, `query ?${q.length > 60 ? `${q.slice(0, 40)}…(${q.length})` : q}`, { path: `${base}?${q}` }),
    ...(q === 'zz=1' ? { unknownQueryField: true } : {}),
  }));
}

/**
 * Every field of the body schema with bad values, the rest of the body valid. A field whose schema an
 * earlier route already had (the same shared zod schema behind two routes) gets only its edge values here:
 * its validation is the same code, but what happens after it may differ.
 */
export function bodyCases(spec: RouteSpec, rng: Rng, seen: Set<string>): FuzzCase[] {
  if (!spec.body) return [];
  const { schema, root, base } = spec.body;
  return fieldsOf(schema, root, base).flatMap((field) => {
    const key = `${fieldName(field.path)} ${JSON.stringify(field.schema)}`;
    const { edge, wrongType } = badValues(field, rng);
    const values = seen.has(key) ? edge : [...edge, ...wrongType];
    seen.add(key);
    return values.map((value) => makeCase(spec, `body ${fieldName(field.path)}=${short(value)}`, { body: toJson(field.place(value)) }));
  });
}

/** Whole bodies that are not what the route takes: not JSON, not an object, wrong content types and encodings. */
export function rawBodyCases(spec: RouteSpec): FuzzCase[] {
  const json = { 'content-type': 'application/json' };
  const base = spec.body ? toJson(spec.body.base) : '{}';
  const raw: [string, Record<string, string>, string][] = [
    ['empty JSON body', json, ''],
    ['null', json, 'null'],
    ['array of the body', json, `[${base}]`],
    ['string', json, '"fuzz"'],
    ['invalid JSON', json, '{"a":'],
    ['NUL byte', json, '\u0000'],
    ['text/plain', { 'content-type': 'text/plain' }, base],
    ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&a=2&b[c]=%00'],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--'],
    ['UTF-16 charset', { 'content-type': 'application/json; charset=utf-16' }, base],
    ['gzip that is not gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, base],
    ['unknown encoding', { 'content-type': 'application/json', 'content-encoding': 'x-fuzz' }, base],
    ['over the size limit', json, `{"a":"${'x'.repeat(300_000)}"}`],
  ];
  // A route that reads no body only needs to show that its parsers and middleware cope with one.
  const wanted = spec.body ? raw : raw.filter(([label]) => /invalid JSON|gzip|size limit|form-encoded/.test(label));
  return wanted.map(([label, headers, body]) => makeCase(spec, `raw body: ${label}`, { headers, body }));
}

/** Bad values of the documented headers (`Idempotency-Key`). */
export function headerCases(spec: RouteSpec): FuzzCase[] {
  const values = ['', ' ', 'x'.repeat(300), 'é', 'a b', 'key\t1', '%00'];
  return spec.headers.flatMap((name) => values.map((value) => makeCase(spec, `header ${name}=${short(value)}`, { headers: { [name]: value } })));
}

/** Broken credentials for the kind the route takes (undecodable or forged cookies, malformed bearer tokens), and none. */
export function credentialCases(spec: RouteSpec): FuzzCase[] {
  const sessionJunk: [string, Record<string, string>][] = [
    ['undecodable session cookie', { cookie: 'flashnotify.sid=%ff' }],
    ['forged session cookie', { cookie: `flashnotify.sid=s%3A${'x'.repeat(5000)}.fuzz` }],
  ];
  const bearerJunk: [string, Record<string, string>][] = [
    ['bearer NUL', { authorization: 'Bearer %00' }],
    ['huge unknown bearer', { authorization: `Bearer fn_${'x'.repeat(5000)}` }],
  ];
  const junk = spec.auth === 'apiKey' ? bearerJunk : spec.auth === 'anonymous' ? [sessionJunk[0]!, bearerJunk[0]!] : sessionJunk;
  const cases = junk.map(([label, headers]) => makeCase(spec, `credentials: ${label}`, { as: 'anonymous', headers }));
  if (spec.auth === 'user' || spec.auth === 'admin') {
    cases.push(makeCase(spec, 'credentials: bad CSRF token', { headers: { 'x-csrf-token': 'x'.repeat(300) } }));
  }
  if (spec.auth !== 'anonymous') {
    cases.push(makeCase(spec, 'credentials: none', { as: 'anonymous' }));
    if (spec.route.params.length > 0) {
      const path = fillPath(spec.route, Object.fromEntries(spec.route.params.map((p) => [p, '%ff'])));
      cases.push(makeCase(spec, 'credentials: none, path %ff', { as: 'anonymous', path }));
    }
  }
  return cases;
}

/** Other methods on the route's path: OPTIONS, HEAD, and one the route does not serve. */
export function methodCases(spec: RouteSpec): FuzzCase[] {
  const other = spec.route.method === 'PATCH' ? 'PUT' : 'PATCH';
  const methods = ['OPTIONS', other, ...(spec.route.method === 'GET' ? ['HEAD'] : [])];
  return methods.map((method) => makeCase(spec, `method ${method}`, { method }));
}

/** JSON nested far deeper than any real body, at the top and in each object field. */
export function deepCases(spec: RouteSpec, depth: number): FuzzCase[] {
  const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const top = makeCase(spec, `deep: [×${depth}]`, { deep: true, headers: { 'content-type': 'application/json' }, body: arrays });
  if (spec.bodyType !== 'json' || !spec.body) return [top];
  const nested = new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
  const { schema, root, base } = spec.body;
  const cases = [top];
  for (const field of fieldsOf(schema, root, base, 2)) {
    const type = fieldType(field.schema);
    if (type === 'object' || type === 'array' || type === undefined) {
      cases.push(makeCase(spec, `deep: ${fieldName(field.path)}={"a":×${depth}}`, { deep: true, body: toJson(field.place(nested)) }));
    }
  }
  return cases;
}
