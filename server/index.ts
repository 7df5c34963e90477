import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

/** Entry point: `npm start` / `npm run dev`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { pretty: process.stdout.isTTY && config.env !== 'production' });
  const server = await startServer(config, { log });
  log.info(`FlashNotify is listening on ${server.url.replace('127.0.0.1', 'localhost')} (${config.dialect === 'sqlite' ? `SQLite at ${config.databaseUrl}` : 'PostgreSQL'})`);

  const shutdown = (signal: string) => {
    log.info(`${signal} received: closing connections`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('FlashNotify failed to start:', err);
  process.exit(1);
});
