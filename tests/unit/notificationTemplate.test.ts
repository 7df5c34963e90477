import { describe, expect, it } from 'vitest';
import { compileTemplate, type TemplateContext } from '../../server/templates/notificationTemplate.js';
import { TEMPLATE_ITERATIONS_MAX, TEMPLATE_OUTPUT_MAX } from '../../server/templates/renderBudget.js';
import type { HttpError } from '../../server/errors.js';

const context = {
  recipient: { id: 'u1', name: 'Ada <Admin>', email: 'ada@example.com', externalId: 'ext-1', locale: 'en', timezone: 'UTC' },
  data: { orderId: 42, items: [{ sku: 'A1' }, { sku: 'B2' }], note: 'Tom & Jerry' },
};

describe('notification templates', () => {
  it('substitutes recipient and data variables, with block helpers', () => {
    const template = compileTemplate(
      'Hi {{recipient.name}}, order #{{data.orderId}}: {{#each data.items}}{{this.sku}} {{/each}}{{#if data.note}}({{data.note}}){{/if}}',
      'title',
    );
    expect(template.render(context)).toBe('Hi Ada <Admin>, order #42: A1 B2 (Tom & Jerry)');
  });

  it('escapes HTML by default for HTML output, and leaves plain text to its renderer', () => {
    const template = compileTemplate('{{recipient.name}} — {{data.note}}', 'body');
    expect(template.render(context, 'html')).toBe('Ada &lt;Admin&gt; — Tom &amp; Jerry');
    expect(template.render(context, 'text')).toBe('Ada <Admin> — Tom & Jerry');
  });

  it('renders a missing data key as empty', () => {
    expect(compileTemplate('[{{data.missing}}]', 'title').render(context)).toBe('[]');
  });

  it.each([
    ['{{recipient.passwordHash}}', 'Unknown variable'],
    ['{{user.name}}', 'Unknown variable'],
    ['{{constructor.constructor}}', 'Unknown variable'],
    ['{{#each data.items}}', 'Parse error'],
    ['{{> header}}', ''],
    ['{{lookup data "x"}}', ''],
    // `../` and `this.` reach the top level too: the same rule applies there.
    ['{{#each data.items}}{{../recipient.passwordHash}}{{/each}}', 'Unknown variable "{{../recipient.passwordHash}}"'],
    ['{{#with data.note}}{{#each ../data.items}}{{../../user.name}}{{/each}}{{/with}}', 'Unknown variable'],
    ['{{this.recipient.passwordHash}}', 'Unknown variable'],
    ['{{this}}', 'Unknown variable'],
    ['{{#each this}}{{this.passwordHash}}{{/each}}', 'Unknown variable'],
    ['{{../recipient.name}}', 'climbs above the top level'],
    ['{{#each data.items}}{{../../data.x}}{{/each}}', 'climbs above the top level'],
    ['{{@root.recipient.passwordHash}}', 'Unknown variable'],
    // A block whose context is the current one adds no `../` level in Handlebars: the check would count one.
    ['{{#each data.a}}{{#with this}}{{../typo}}{{/with}}{{/each}}', 'steps into nothing new'],
    ['{{#each data.a}}{{#with .}}{{x}}{{/with}}{{/each}}', 'steps into nothing new'],
    ['{{#each data.a}}{{#each data.b}}{{#with ..}}{{x}}{{/with}}{{/each}}{{/each}}', 'steps into nothing new'],
    ['{{@partial-block}}', 'Unknown variable'],
    // What passed the check before and failed only when rendered (a 500 at send time).
    ['{{> data.note}}', 'Partials are not available'],
    ['{{#*inline "p"}}x{{/inline}}', 'Decorators are not available'],
    ['{{data.note data.orderId}}', 'Helpers are not available'],
    ['{{#if data.note data.orderId}}x{{/if}}', 'takes exactly one value'],
    ['{{#each data.items key=data.note}}x{{/each}}', 'takes exactly one value'],
    ['{{#if (data.note)}}x{{/if}}', 'Sub-expressions are not available'],
    ['{{#data.items}}{{sku}}{{/data.items}}', 'Unknown block "{{#data.items}}"'],
    ['{{"data"}}', 'Literal values are not available'],
    // A bare built-in helper name inside a block calls the helper (`{{log}}` wrote to the console).
    ['{{#each data.items}}{{log}}{{/each}}', 'Helpers are not available in "{{log}}"'],
    ['{{#with data.note}}{{lookup}}{{/with}}', 'Helpers are not available in "{{lookup}}"'],
  ])('rejects %s with a 400 naming the field', (source, message) => {
    let error: HttpError | undefined;
    try {
      compileTemplate(source, 'body');
    } catch (err) {
      error = err as HttpError;
    }
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('template_error');
    expect(error?.details?.[0]?.path).toBe('body');
    expect(error?.details?.[0]?.message).toContain(message);
  });
});

describe('template error messages', () => {
  it('say in one line where and what', () => {
    let message = '';
    try {
      compileTemplate('Hi {{#if}}', 'title');
    } catch (err) {
      message = (err as HttpError).details![0]!.message;
    }
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Parse error on line 1: Expecting .+, got .+/);
  });
});

describe('what `../`, `this` and `@root` may read', () => {
  it('reach the enclosing item, the top level and the loop variables as documented', () => {
    const template = compileTemplate(
      '{{#each data.orders as |order|}}{{#each order.items}}{{@root.recipient.name}}/{{../../recipient.name}}/{{../id}}/{{sku}}/{{this.sku}}/{{@index}} {{/each}}{{/each}}',
      'body',
    );
    const data = { orders: [{ id: 'o1', items: [{ sku: 'A1' }, { sku: 'B2' }] }] };
    expect(template.render({ ...context, data })).toBe('Ada <Admin>/Ada <Admin>/o1/A1/A1/0 Ada <Admin>/Ada <Admin>/o1/B2/B2/1 ');
  });

  it('cannot read anything but recipient.<field> and data, whatever path gets past the check', () => {
    // Handlebars only counts a context change when the new context differs from the old one: here the
    // inner `with` keeps `data.note`, so its `../` reaches the top level although the check saw an item.
    const sneaky = compileTemplate('{{#with data.note}}{{#with ../data.note}}[{{../recipient.passwordHash}}]{{/with}}{{/with}}', 'body');
    const withSecret = { ...context, recipient: { ...context.recipient, passwordHash: '$argon2id$secret' } } as TemplateContext;
    expect(sneaky.render(withSecret)).toBe('[]');
  });
});

describe('render budget (review finding 1)', () => {
  const renderError = (source: string, data: Record<string, unknown>, field = 'body') => {
    try {
      compileTemplate(source, field).render({ ...context, data });
    } catch (err) {
      return err as HttpError;
    }
    return undefined;
  };

  it.each([
    ['a value repeated past the cap', '{{data.s}}'.repeat(10), { s: 'y'.repeat(15_000) }, 'Renders more than 65,536 characters'],
    ['an each over 1,000 items of 10,000 characters', '{{#each data.a}}{{../data.s}}{{/each}}', { a: Array.from({ length: 1000 }, (_, i) => i), s: 'y'.repeat(10_000) }, 'Renders more than 65,536 characters'],
    ['sibling each blocks adding up past the cap', '{{#each data.a}}{{../data.s}}{{/each}}'.repeat(2), { a: [1, 2, 3, 4], s: 'y'.repeat(10_000) }, 'Renders more than 65,536 characters'],
    ['nested each blocks that produce nothing', '{{#each data.a}}{{#each ../data.a}}{{#each ../../data.a}}{{/each}}{{/each}}{{/each}}', { a: Array.from({ length: 1000 }, (_, i) => i) }, `Runs more than ${TEMPLATE_ITERATIONS_MAX.toLocaleString('en')} {{#each}} items`],
  ])('refuses %s with a 422 naming the field', (_what, source, data, message) => {
    const error = renderError(source, data, 'title');
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('template_output_too_large');
    expect(error?.details).toEqual([{ path: 'title', message }]);
  });

  it('renders up to the cap, nested output counted once', () => {
    // 2 orders × 20 items × 1,000 characters = 40,000 characters: within the cap, though counting the
    // inner blocks' output again in the outer one would make it 80,000.
    const data = { orders: [1, 2], items: Array.from({ length: 20 }, () => 'y'.repeat(1000)) };
    const out = compileTemplate('{{#each data.orders}}{{#each ../data.items}}{{this}}{{/each}}{{/each}}', 'body').render({ ...context, data });
    expect(out).toHaveLength(40_000);
    expect(TEMPLATE_OUTPUT_MAX).toBe(65_536);
    const exactly = compileTemplate('{{data.s}}', 'body').render({ ...context, data: { s: 'y'.repeat(TEMPLATE_OUTPUT_MAX) } });
    expect(exactly).toHaveLength(TEMPLATE_OUTPUT_MAX);
    expect(renderError('{{data.s}}!', { s: 'y'.repeat(TEMPLATE_OUTPUT_MAX) })?.code).toBe('template_output_too_large');
  });

  it(`lets an each visit ${TEMPLATE_ITERATIONS_MAX} items, not one more`, () => {
    const items = (n: number) => ({ a: Array.from({ length: n }, (_, i) => i) });
    expect(compileTemplate('{{#each data.a}}.{{/each}}', 'body').render({ ...context, data: items(TEMPLATE_ITERATIONS_MAX) })).toHaveLength(TEMPLATE_ITERATIONS_MAX);
    expect(renderError('{{#each data.a}}.{{/each}}', items(TEMPLATE_ITERATIONS_MAX + 1))?.code).toBe('template_output_too_large');
  });
});

describe('render budget: a rendering stops as soon as it has read past the cap (review finding A)', () => {
  it('stops a plain {{data.s}} × 500 after the read that passes the cap, not after building all 500', () => {
    // 16,300 characters × 500 would be 8 MB. The getter counts how often the rendering reads it: the old
    // code read it 500 times and checked the output afterwards; now the 5th read (81,500 > 65,536) stops it.
    const s = 'y'.repeat(16_300);
    let reads = 0;
    const data = {
      get s() {
        reads += 1;
        return s;
      },
    };
    let error: HttpError | undefined;
    try {
      compileTemplate('{{data.s}}'.repeat(500), 'body').render({ ...context, data });
    } catch (err) {
      error = err as HttpError;
    }
    expect(error?.code).toBe('template_output_too_large');
    expect(error?.details).toEqual([{ path: 'body', message: 'Renders more than 65,536 characters' }]);
    expect(reads).toBe(Math.ceil((TEMPLATE_OUTPUT_MAX + 1) / s.length));
  });

  it('still renders prototype paths empty and leaves the data it was given as it was', () => {
    const data = { note: 'n', list: ['a', 'b'], nested: { x: 1 } };
    const before = structuredClone(data);
    const out = compileTemplate('{{#with data.nested}}[{{constructor}}][{{__proto__}}][{{x}}]{{/with}}{{data.list}}', 'body').render({ ...context, data });
    expect(out).toBe('[][][1]a,b');
    expect(data).toEqual(before);
  });
});

describe('compiled templates are cached (issue 9: Handlebars compiled on every send)', () => {
  it('the same source for the same field is compiled once; another field or source is its own entry', () => {
    const source = 'Order {{data.orderId}} for {{recipient.name}}';
    const first = compileTemplate(source, 'title');
    expect(compileTemplate(source, 'title')).toBe(first);
    expect(compileTemplate(source, 'body')).not.toBe(first);
    expect(compileTemplate(`${source}!`, 'title')).not.toBe(first);
  });

  it('a cached template renders each recipient with their own values, and errors name the right field', () => {
    const template = compileTemplate('{{recipient.name}}: {{data.n}}', 'title');
    const base = { id: 'u', email: 'a@example.com', externalId: null, locale: 'en', timezone: 'UTC' };
    expect(template.render({ recipient: { ...base, name: 'Ann' }, data: { n: 1 } })).toBe('Ann: 1');
    expect(compileTemplate('{{recipient.name}}: {{data.n}}', 'title').render({ recipient: { ...base, name: 'Bo' }, data: { n: 2 } })).toBe('Bo: 2');
    expect(() => compileTemplate('{{user.name}}', 'body')).toThrow(expect.objectContaining({ details: [expect.objectContaining({ path: 'body' })] }) as Error);
  });
});
