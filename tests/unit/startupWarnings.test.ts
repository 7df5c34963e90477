import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import { isLoopbackHost, startupWarnings } from '../../server/startupWarnings.js';

describe('startupWarnings', () => {
  it('is quiet for the defaults: no proxy', () => {
    expect(startupWarnings(loadConfig({}))).toEqual([]);
    expect(startupWarnings(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }))).toEqual([]);
  });

  it('warns when a proxy is trusted but PUBLIC_URL is unset', () => {
    expect(startupWarnings(loadConfig({ TRUST_PROXY: '1' }))[0]).toMatch(/PUBLIC_URL is not/);
    expect(startupWarnings(loadConfig({ TRUST_PROXY: '1', PUBLIC_URL: 'https://notify.example.com' }))).toEqual([]);
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['127.example.com', false],
  ])('isLoopbackHost(%j) → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});
