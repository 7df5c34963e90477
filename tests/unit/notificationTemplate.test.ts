import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../server/templates/notificationTemplate.js';
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
