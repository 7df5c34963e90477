/**
 * Just enough JSON Schema (2020-12 / OpenAPI 3.1, as zod and zod-openapi emit it) for the fuzz test: a
 * valid sample of a schema, and every field of a schema with a function that puts a value there while the
 * rest of the body stays valid, so a bad value reaches as deep into the server as it can.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
}

/** One place in a body: its path, its schema and how to build a whole body with `value` there. */
export interface SchemaField {
  path: string[];
  schema: JsonSchema;
  /** A valid value for this field. */
  sample: unknown;
  /** The whole body with `value` at this field (and `OMIT` removes the field). */
  place(value: unknown): unknown;
}

/** Put in place of a value to leave the field out. */
export const OMIT = Symbol('omit');

/** Strings tried, in order, as samples of a string schema: the first one its pattern, format and length accept. */
const STRING_CANDIDATES = ['fuzz', 'fuzz-1', 'fuzz@example.com', '+14155550123', '07:30', 'en', 'Europe/Paris', 'general'];
const FORMAT_SAMPLES: Record<string, string> = {
  email: 'fuzz@example.com',
  uri: 'https://push.example.com/fuzz',
  'date-time': '2030-01-01T00:00:00Z',
};

/** Resolves `$ref` against `root` (only local `#/…` references occur in our documents). */
export function deref(schema: JsonSchema, root: unknown): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 20; hops++) {
    const parts = current.$ref.replace(/^#\//, '').split('/');
    current = parts.reduce<any>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], root) as JsonSchema;
    if (!current) throw new Error(`Unresolvable $ref ${schema.$ref}`);
  }
  return current;
}

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);
const branchesOf = (s: JsonSchema): JsonSchema[] | undefined => s.anyOf ?? s.oneOf;

function sampleString(s: JsonSchema): string {
  if (s.format && FORMAT_SAMPLES[s.format]) return FORMAT_SAMPLES[s.format]!;
  const pattern = s.pattern ? new RegExp(s.pattern) : undefined;
  const fits = (v: string) => (!pattern || pattern.test(v)) && v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
  return STRING_CANDIDATES.find(fits) ?? 'x'.repeat(Math.max(1, s.minLength ?? 1));
}

/** A value `schema` accepts (as far as JSON Schema says; zod refinements are the caller's overrides). */
export function sampleOf(schema: JsonSchema, root: unknown): unknown {
  const s = deref(schema, root);
  if ('const' in s) return s.const;
  if (s.enum) return s.enum[0];
  const branches = branchesOf(s);
  if (branches) return sampleOf(branches.find((b) => deref(b, root).type !== 'null') ?? branches[0]!, root);
  switch (typeOf(s)) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((key) => [key, sampleOf(s.properties?.[key] ?? {}, root)]));
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sampleOf(s.items ?? {}, root));
    case 'string':
      return sampleString(s);
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {}; // unconstrained JSON (`data`)
  }
}

function setKey(container: unknown, key: string, value: unknown): unknown {
  if (Array.isArray(container)) {
    const copy = [...container];
    if (value === OMIT) copy.splice(Number(key), 1);
    else copy[Number(key)] = value;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(container as Record<string, unknown>) };
  if (value === OMIT) delete copy[key];
  else copy[key] = value;
  return copy;
}

/**
 * Every field of `schema` (depth-first, each `anyOf` branch on its own), each with a sample and a way to
 * build a whole body around a value. `base` is the valid body to start from (the schema's sample merged
 * with the route's overrides).
 */
export function fieldsOf(schema: JsonSchema, root: unknown, base: unknown, maxDepth = 6): SchemaField[] {
  const out: SchemaField[] = [];
  const walk = (node: JsonSchema, path: string[], sample: unknown, place: (v: unknown) => unknown, depth: number) => {
    const s = deref(node, root);
    if (path.length > 0) out.push({ path, schema: s, sample, place });
    if (depth >= maxDepth) return;
    const branches = branchesOf(s);
    if (branches) {
      for (const branch of branches) {
        const b = deref(branch, root);
        if (b.type === 'null') continue;
        const branchSample = sampleOf(b, root);
        // The branch's own fields, inside the branch's sample: a field of one branch next to another
        // branch's fields would only test the union's mismatch.
        walkChildren(b, path, branchSample, place, depth);
      }
      return;
    }
    walkChildren(s, path, sample, place, depth);
  };
  const walkChildren = (s: JsonSchema, path: string[], sample: unknown, place: (v: unknown) => unknown, depth: number) => {
    const type = typeOf(s);
    if (type === 'object' || s.properties) {
      const obj = (sample && typeof sample === 'object' && !Array.isArray(sample) ? sample : {}) as Record<string, unknown>;
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        const childSample = key in obj ? obj[key] : sampleOf(child, root);
        walk(child, [...path, key], childSample, (v) => place(setKey(obj, key, v)), depth + 1);
      }
      if (s.additionalProperties && typeof s.additionalProperties === 'object') {
        const key = s.propertyNames ? String(sampleOf(s.propertyNames, root)) : 'fuzz';
        const child = s.additionalProperties;
        walk(child, [...path, key], sampleOf(child, root), (v) => place(setKey(obj, key, v)), depth + 1);
      }
    } else if (type === 'array' && s.items) {
      const arr = Array.isArray(sample) && sample.length > 0 ? sample : [sampleOf(s.items, root)];
      walk(s.items, [...path, '0'], arr[0], (v) => place(setKey(arr, '0', v)), depth + 1);
    }
  };
  walk(schema, [], base, (v) => v, 0);
  return out;
}

/** The field's JSON type (`string`, `integer`, …), or undefined for unconstrained JSON. */
export const fieldType = (s: JsonSchema): string | undefined => (s.enum ? 'enum' : typeOf(s));
