import { describe, expect, it } from 'vitest';
import { findTooDeep } from '../../server/middleware/jsonBody.js';

describe('findTooDeep', () => {
  it('walks any depth without recursion and names the first too-deep path', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(findTooDeep(deep, 32)).toBe(Array.from({ length: 32 }, () => 'a').join('.'));
    expect(findTooDeep({ a: [{ b: [[1]] }] }, 4)).toBe('a.0.b.0');
  });

  it('accepts what is within the limit, scalars and empty containers included', () => {
    expect(findTooDeep({ a: [{ b: [] }] }, 4)).toBeUndefined();
    expect(findTooDeep('text', 1)).toBeUndefined();
    expect(findTooDeep(null, 1)).toBeUndefined();
    expect(findTooDeep({}, 1)).toBeUndefined();
  });
});
