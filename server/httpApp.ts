import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppContext } from './context.js';
import { apiNotFound, errorHandler } from './middleware/errorHandler.js';
import { authRouter } from './routes/auth.js';
import { notificationsRouter } from './routes/notifications.js';
import { preferencesRouter } from './routes/preferences.js';
import { adminRouter } from './routes/admin/index.js';
import { docsRouter } from './routes/docs.js';
import { emailActionsRouter } from './routes/emailActions.js';
import { healthCheck } from './routes/health.js';
import { pushRouter } from './routes/push.js';
import { pushReadRouter } from './routes/pushRead.js';
import { unsubscribeRouter } from './routes/unsubscribe.js';
import { v1Router } from './routes/v1/index.js';

/**
 * The Express app: `/api/v1` for services (API key, no cookies), `/api` for the web app (session +
 * CSRF), then the built client with an SPA fallback. Every error leaves as JSON through one handler.
 */
export function createHttpApp(ctx: AppContext, sessionMiddleware: RequestHandler): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (ctx.config.trustProxy) app.set('trust proxy', ctx.config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'upgrade-insecure-requests': ctx.config.cookieSecure ? [] : null },
      },
    }),
  );
  if (ctx.config.logLevel !== 'silent') app.use(pinoHttp({ logger: ctx.log, autoLogging: { ignore: (req) => req.url === '/api/health' } }));

  app.get('/api/health', healthCheck(ctx));
  app.use('/api/v1', express.json({ limit: '256kb' }), v1Router(ctx));
  app.use('/api', docsRouter(ctx));
  // Reached from mail clients and the service worker: no session cookie, no CSRF token; each request
  // carries a signed token instead.
  app.use('/api/unsubscribe', express.urlencoded({ extended: false, limit: '4kb' }), unsubscribeRouter(ctx));
  app.use('/api/push-actions', express.json({ limit: '4kb' }), pushReadRouter(ctx));
  app.use('/api/email-actions', emailActionsRouter(ctx));

  app.use('/api', express.json({ limit: '64kb' }), sessionMiddleware);
  app.use('/api/auth', authRouter(ctx));
  app.use('/api/notifications', notificationsRouter(ctx));
  app.use('/api/preferences', preferencesRouter(ctx));
  app.use('/api/push', pushRouter(ctx));
  app.use('/api/admin', adminRouter(ctx));
  app.use('/api', apiNotFound);

  serveClient(app, ctx.config.clientDistDir);
  app.use(errorHandler(ctx.log));
  return app;
}

/** Serves the Vite build; every non-API path gets index.html so client-side routes survive a reload. */
function serveClient(app: express.Express, distDir: string): void {
  const indexHtml = path.join(distDir, 'index.html');
  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.get('/{*splat}', (_req, res) => {
    if (existsSync(indexHtml)) res.sendFile(indexHtml);
    else res.status(503).type('text').send('The web client is not built yet: run `npm run build` (npm start does it for you).');
  });
}
