import type Handlebars from 'handlebars';

/**
 * What one rendering of a title or body template may produce, in characters (UTF-16 code units): 64 KiB.
 * Far above what is kept (a title 200, a body 5,000 characters: the rest is cut with "…"), so a list that
 * runs a little long is cut as before; far below what a template could otherwise build (5,000 characters
 * of `{{data.s}}` with a 16 KiB `data.s` is 8 MB per recipient, and nested `{{#each}}` is unbounded).
 */
export const TEMPLATE_OUTPUT_MAX = 64 * 1024;

/**
 * `{{#each}}` items one rendering may visit, nested blocks' items included: a loop over a 1,000-item
 * list is fine, loops over loops that only burn time (`{{#each a}}{{#each ../a}}…` with empty bodies,
 * producing nothing the output cap could see) are not.
 */
export const TEMPLATE_ITERATIONS_MAX = 1000;

/** Thrown while rendering when a budget runs out; says which, for the 422's detail. */
export class RenderBudgetExceeded extends Error {}

interface Budget {
  iterations: number;
  /** Characters of the values the template has read from its context (see `meteredContext`). */
  read: number;
  /** Characters the outermost `each` blocks have produced (nested ones are inside those). */
  produced: number;
  /** How many `each` blocks are open. */
  depth: number;
}

// Rendering is synchronous, so the budget of the one rendering under way can live here.
let current: Budget | undefined;

/**
 * Runs `render` under a fresh budget and checks the whole output against TEMPLATE_OUTPUT_MAX. The
 * budget is checked as the rendering goes, so one that would build megabytes stops near the cap: the
 * `each` blocks count their items and output (see `budgetEach`), and every value read from a metered
 * context counts its length (see `meteredContext`). Only literal template text is not counted as it
 * goes; outside `each` blocks it is bounded by the template's own length (at most 5,000 characters).
 *
 * @throws RenderBudgetExceeded when the output or the iterations exceed their caps
 */
export function renderWithinBudget(render: () => string): string {
  const outer = current;
  current = { iterations: 0, read: 0, produced: 0, depth: 0 };
  try {
    const output = render();
    if (output.length > TEMPLATE_OUTPUT_MAX) throw tooLong();
    return output;
  } finally {
    current = outer;
  }
}

const tooLong = () => new RenderBudgetExceeded(`Renders more than ${TEMPLATE_OUTPUT_MAX.toLocaleString('en')} characters`);

/**
 * Replaces `engine`'s `each` helper with one that counts every item against the current rendering's
 * budget, and the characters it produces against TEMPLATE_OUTPUT_MAX (per block, and in total for the
 * outermost blocks). Handlebars' own `each` still does the iterating; only its block body is wrapped.
 */
export function budgetEach(engine: typeof Handlebars): void {
  const builtin = engine.helpers.each!;
  engine.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const budget = current;
    if (!budget) throw new Error('Notification templates render through renderWithinBudget');
    const body = options.fn;
    let local = 0;
    budget.depth += 1;
    const depth = budget.depth;
    const fn: Handlebars.TemplateDelegate = (value: unknown, runtimeOptions) => {
      budget.iterations += 1;
      if (budget.iterations > TEMPLATE_ITERATIONS_MAX) {
        throw new RenderBudgetExceeded(`Runs more than ${TEMPLATE_ITERATIONS_MAX.toLocaleString('en')} {{#each}} items`);
      }
      const out = body(value, runtimeOptions);
      local += out.length;
      if (depth === 1) budget.produced += out.length;
      if (local > TEMPLATE_OUTPUT_MAX || budget.produced > TEMPLATE_OUTPUT_MAX) throw tooLong();
      return out;
    };
    try {
      return builtin.call(this, context, { ...options, fn }) as string;
    } finally {
      budget.depth -= 1;
    }
  });
}

/** The metered view of each object a rendering has reached, made once per object (see `meteredContext`). */
const views = new WeakMap<object, object>();

/**
 * A read-only view of `target` (a template's context, or any object or array inside it) that charges
 * the length of every string, number or boolean read from it to the current rendering's budget, and
 * throws RenderBudgetExceeded once those reads pass TEMPLATE_OUTPUT_MAX. Whatever a mustache outputs is
 * a value read from the context (`{{data.s}}`, `{{this}}` in an `each`, an array's items when it is
 * shown joined), so the reads bound the output, and a template like `{{data.s}}` × 500 stops after a
 * few reads instead of building megabytes and checking them afterwards. Reads that are not output
 * (`{{#if data.s}}`) count too: an upper bound, it refuses only templates that read more than 64 KiB.
 * HTML escaping (the `html` format) can make the output up to 6 times what was read (`"` → `&quot;`):
 * the work stays bounded, and `renderWithinBudget`'s final check still refuses the longer output.
 *
 * Objects and arrays reached through it are metered too, lazily (a view is made when first reached
 * and kept for as long as the object lives). Only own properties are charged or wrapped: inherited
 * ones (`constructor`, `__proto__`) come back as they are, so Handlebars' prototype-access checks
 * (runtime `lookupProperty`) see what they saw before and still render them empty.
 *
 * @example
 * renderWithinBudget(() => compiled(meteredContext({ recipient, data })))
 */
export function meteredContext<T extends object>(target: T): T {
  let view = views.get(target);
  if (!view) {
    view = new Proxy(target, METERED);
    views.set(target, view);
  }
  return view as T;
}

const METERED: ProxyHandler<object> = {
  get(target, key, receiver) {
    const value: unknown = Reflect.get(target, key, receiver);
    if (typeof key !== 'string' || !Object.hasOwn(target, key)) return value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      charge(String(value).length);
      return value;
    }
    // A non-configurable, non-writable property must read as itself (a Proxy invariant).
    const own = Object.getOwnPropertyDescriptor(target, key);
    if (value !== null && typeof value === 'object' && own?.configurable !== false) return meteredContext(value);
    return value;
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};

function charge(length: number): void {
  const budget = current;
  if (!budget) throw new Error('Notification templates render through renderWithinBudget');
  budget.read += length;
  if (budget.read > TEMPLATE_OUTPUT_MAX) throw tooLong();
}
