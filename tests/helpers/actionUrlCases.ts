/**
 * The evil and good action URLs shared by the unit table (tests/unit/urls.test.ts) and the entry-point
 * tests (tests/integration/actionUrls.test.ts).
 */

/** A readable test name: the value as JSON, long ones shortened. */
export const show = (value: string) => (value.length > 60 ? `${JSON.stringify(value.slice(0, 20))}… (${value.length} chars)` : JSON.stringify(value));

/** Action URLs that must be refused at every entry point and by every builder, with the reason the rule gives. */
export const EVIL: [string, string][] = [
  ['/\t/evil.example/x', 'control characters or whitespace'],
  ['/\n/evil.example/x', 'control characters or whitespace'],
  ['/\r/evil.example/x', 'control characters or whitespace'],
  ['/x\t', 'control characters or whitespace'],
  ['\t/x', 'control characters or whitespace'],
  ['https://evil.example/\r\nSet-Cookie:x', 'control characters or whitespace'],
  ['/a\u0000b', 'control characters or whitespace'],
  ['/a\u007fb', 'control characters or whitespace'],
  ['/a\u0085b', 'control characters or whitespace'],
  ['/a\u202Eb', 'control characters or whitespace'],
  ['/a\u00A0b', 'control characters or whitespace'],
  [' /orders/1', 'control characters or whitespace'],
  ['/orders/1 ', 'control characters or whitespace'],
  ['https://shop.example/o/1 ', 'control characters or whitespace'],
  ['/\\evil.example', 'backslash'],
  ['\\\\evil.example', 'backslash'],
  ['/x\\y', 'backslash'],
  ['https://shop.example\\@evil.example/', 'backslash'],
  ['//evil.example', 'another host'],
  ['///evil.example', 'another host'],
  ['javascript:alert(1)', 'http(s) URL'],
  ['JAVASCRIPT:alert(1)', 'http(s) URL'],
  ['data:text/html,<script>alert(1)</script>', 'http(s) URL'],
  ['vbscript:msgbox(1)', 'http(s) URL'],
  ['ftp://files.example/x', 'http(s) URL'],
  ['orders/42', 'http(s) URL'],
  // The parser repairs these into another site's URL; a browser resolves the same text against the page.
  ['http:evil.example', 'full URL'],
  ['https:/evil.example', 'full URL'],
  ['HTTP:evil.example/x', 'full URL'],
  ['', 'empty'],
  ['http://user:pass@shop.example/x', 'user name or password'],
  ['https://bank.example@evil.example/', 'user name or password'],
  ['https://:secret@shop.example/', 'user name or password'],
  [`/${'x'.repeat(2048)}`, 'at most 2048'],
];

export const GOOD = [
  '/',
  '/orders/42',
  '/orders/42?tab=items#line-3',
  '/%09/evil.example', // encoded, not stripped: stays a path (checked below with the parser)
  '/%2F%2Fevil.example',
  '/%5Cevil.example',
  'https://shop.example/o/1',
  'HTTPS://shop.example/o/2',
  'http://localhost:3000/a?b=1',
  'https://bücher.example/straße',
  `/${'x'.repeat(1000)}`,
];

/** Test-table rows: [name, value, reason] and [name, value]. */
export const EVIL_ACTION_URLS = EVIL.map(([value, reason]) => [show(value), value, reason] as const);
export const GOOD_ACTION_URLS = GOOD.map((value) => [show(value), value] as const);
