import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { installProcessErrorHandlers } from './processErrors.js';
import { startServer, type RunningServer } from './server.js';
import { startupWarnings } from './startupWarnings.js';

/** How long a shutdown may take after its drain (SHUTDOWN_DRAIN_MS) before the process exits anyway (in-flight sends are given this long). */
const SHUTDOWN_DEADLINE_MS = 15_000;

/** Entry point: `npm start` / `npm run dev`. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel, { pretty: process.stdout.isTTY && config.env !== 'production' });
  let server: RunningServer | undefined;
  let stopping = false;

  const stop = (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log.info(`${reason}: closing connections`);
    // A shutdown that hangs (a stuck connection, a database that no longer answers) must not keep a
    // process alive that has stopped serving.
    const deadlineMs = config.shutdownDrainMs + SHUTDOWN_DEADLINE_MS;
    setTimeout(() => {
      log.error(`Shutdown took longer than ${deadlineMs / 1000} s: exiting`);
      process.exit(exitCode || 1);
    }, deadlineMs).unref();
    (server?.close() ?? Promise.resolve()).then(
      () => process.exit(exitCode),
      (err: unknown) => {
        log.error({ err }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  installProcessErrorHandlers(log, { onFatal: () => stop('Fatal error', 1) });

  server = await startServer(config, { log });
  log.info(`FlashNotify is listening on ${server.url.replace('127.0.0.1', 'localhost')} (${config.dialect === 'sqlite' ? `SQLite at ${config.databaseUrl}` : 'PostgreSQL'})`);
  for (const warning of startupWarnings(config)) log.warn(warning);
  process.once('SIGTERM', () => stop('SIGTERM received', 0));
  process.once('SIGINT', () => stop('SIGINT received', 0));
}

main().catch((err: unknown) => {
  // A configuration or environment problem is one readable line; anything else is a bug worth its stack.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('FlashNotify failed to start:', err);
  process.exit(1);
});
