import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite mode under ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dialect).toBe('sqlite');
    expect(config.databaseUrl).toMatch(/^file:.*data[/\\]flashnotify\.db$/);
    expect(config.seedDemo).toBe(true);
  });

  it('switches to PostgreSQL for a postgres URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost/db' }).dialect).toBe('postgres');
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
  });

  it('requires a session secret and never seeds demo accounts in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32), SEED_DEMO: 'true' });
    expect(config.seedDemo).toBe(false);
  });

  it('drains a shutdown for 2 s by default (0 under NODE_ENV=test), or SHUTDOWN_DRAIN_MS, bounded', () => {
    expect(loadConfig({}).shutdownDrainMs).toBe(2000);
    expect(loadConfig({ NODE_ENV: 'test' }).shutdownDrainMs).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', SHUTDOWN_DRAIN_MS: '5000' }).shutdownDrainMs).toBe(5000);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '-1' })).toThrow(/SHUTDOWN_DRAIN_MS/);
    expect(() => loadConfig({ SHUTDOWN_DRAIN_MS: '600000' })).toThrow(/SHUTDOWN_DRAIN_MS/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', BOOTSTRAP_API_KEY: '' }).port).toBe(3000);
  });

  it('leaves HOST undecided when unset (the database decides, see chooseBindHost) and keeps it when set', () => {
    expect(loadConfig({}).host).toBeUndefined();
    expect(loadConfig({ SEED_DEMO: 'false' }).host).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::1', SEED_DEMO: 'false' }).host).toBe('::1');
  });
});

describe('TRUST_PROXY', () => {
  const trustProxy = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;

  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['1', 1], // a hop count, not the address "1" that Express would read from the string
    ['0', 0],
    [' 2 ', 2],
    ['loopback', ['loopback']],
    ['linklocal,uniquelocal', ['linklocal', 'uniquelocal']],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ['203.0.113.7', ['203.0.113.7']],
    ['203.0.113.7, 198.51.100.0/24', ['203.0.113.7', '198.51.100.0/24']],
    ['10.0.0.0/255.0.0.0', ['10.0.0.0/255.0.0.0']],
    ['::1, fd00::/8', ['::1', 'fd00::/8']],
  ])('%j → %j', (value, expected) => {
    expect(trustProxy(value)).toEqual(expected);
  });

  it('is off when unset', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '' }).trustProxy).toBe(false);
  });

  it.each(['yes', '-1', '1.5', '101', 'loopbak', '10.0.0.0/33', '::/129', '10.0.0.0/8/8', '300.1.1.1', 'loopback,', 'example.com'])(
    'rejects %j with a config error naming TRUST_PROXY and the bad entry',
    (value) => {
      expect(() => trustProxy(value)).toThrow(ConfigError);
      expect(() => trustProxy(value)).toThrow(/TRUST_PROXY: .*expected true, false, a hop count/);
    },
  );
});

describe('ALLOWED_ORIGINS', () => {
  it('parses comma-separated origins, normalized as browsers send them', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://Intranet.Example.com, http://localhost:5173/,https://a.example:443' }).allowedOrigins).toEqual([
      'https://intranet.example.com',
      'http://localhost:5173',
      'https://a.example',
    ]);
    expect(loadConfig({}).allowedOrigins).toEqual([]);
  });

  it.each(['*', 'null', 'intranet.example.com', 'https://a.example/inbox', 'ftp://a.example', 'https://a.example?x=1', 'https://user:pw@a.example'])(
    'rejects %j, naming the variable',
    (value) => {
      expect(() => loadConfig({ ALLOWED_ORIGINS: value })).toThrow(/ALLOWED_ORIGINS: .*is not an origin/);
    },
  );
});

describe('provider failover settings', () => {
  it('reads SMTP_URL as relays in failover order, named by host and port, never by their password', () => {
    const { smtpRelays } = loadConfig({ SMTP_URL: 'smtp://user:s3cret@relay1.example.com:2525, smtps://relay2.example.com,smtp://relay3.example.com' }).email;
    expect(smtpRelays.map((relay) => relay.name)).toEqual(['smtp:relay1.example.com:2525', 'smtp:relay2.example.com:465', 'smtp:relay3.example.com:587']);
    expect(smtpRelays[0]!.url).toBe('smtp://user:s3cret@relay1.example.com:2525');
    expect(smtpRelays.some((relay) => relay.name.includes('s3cret'))).toBe(false);
    expect(loadConfig({}).email.smtpRelays).toEqual([]);
  });

  it('names the faulty relay, and refuses the same host and port twice', () => {
    expect(() => loadConfig({ SMTP_URL: 'smtp://relay1.example.com,http://relay2.example.com' })).toThrow(/SMTP_URL: Relay 2: Must start with smtp:\/\/ or smtps:\/\//);
    expect(() => loadConfig({ SMTP_URL: 'smtp://relay1.example.com,' })).toThrow(/SMTP_URL: Relay 2: Must be an smtp/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://a:pw1@relay.example.com:25,smtp://b:pw2@relay.example.com:25' })).toThrow(/smtp:relay\.example\.com:25 is listed twice/);
    expect(() => loadConfig({ SMTP_URL: 'relay.example.com' })).toThrow(/SMTP_URL: Must be an smtp/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://relay.example.com,smtp://RELAY.Example.com:587' })).toThrow(/smtp:relay\.example\.com:587 is listed twice/);
  });

  it('names a relay by the port nodemailer connects to, query options included', () => {
    const { smtpRelays } = loadConfig({ SMTP_URL: 'smtp://one.example.com?secure=true,smtps://two.example.com?secure=false,smtp://three.example.com:25?port=2525' }).email;
    expect(smtpRelays.map((relay) => relay.name)).toEqual(['smtp:one.example.com:465', 'smtp:two.example.com:587', 'smtp:three.example.com:2525']);
  });

  it('adds a fallback Twilio account only when complete and beside a first one', () => {
    const first = { TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'first-token-0123456789', TWILIO_FROM: '+14155550100' };
    const fallback = { TWILIO_FALLBACK_ACCOUNT_SID: `AC${'2'.repeat(32)}`, TWILIO_FALLBACK_AUTH_TOKEN: 'second-token-0123456789', TWILIO_FALLBACK_MESSAGING_SERVICE_SID: `MG${'3'.repeat(32)}` };
    expect(loadConfig(first).twilio?.fallback).toBeUndefined();
    expect(loadConfig({ ...first, ...fallback }).twilio?.fallback).toEqual({
      accountSid: fallback.TWILIO_FALLBACK_ACCOUNT_SID,
      authToken: fallback.TWILIO_FALLBACK_AUTH_TOKEN,
      from: undefined,
      messagingServiceSid: fallback.TWILIO_FALLBACK_MESSAGING_SERVICE_SID,
    });
    expect(() => loadConfig({ ...first, TWILIO_FALLBACK_ACCOUNT_SID: fallback.TWILIO_FALLBACK_ACCOUNT_SID })).toThrow(/TWILIO_FALLBACK_\*/);
    expect(() => loadConfig(fallback)).toThrow(/TWILIO_FALLBACK_\*: Set TWILIO_ACCOUNT_SID/);
  });
});
