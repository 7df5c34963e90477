import cors from 'cors';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { AppContext } from './context.js';
import { redactRequestLog, redactResponseLog } from './logRedaction.js';
import { apiNotFound, errorHandler } from './middleware/errorHandler.js';
import { expectedUser } from './middleware/expectedUser.js';
import { corsPolicy } from './middleware/corsPolicy.js';
import { originCheck } from './middleware/originCheck.js';
import { untrustedProxyWarning } from './middleware/untrustedProxyWarning.js';
import { jsonBody } from './middleware/jsonBody.js';
import { accountRouter } from './routes/account.js';
import { authRouter } from './routes/auth.js';
import { notificationsRouter } from './routes/notifications.js';
import { preferencesRouter } from './routes/preferences.js';
import { adminRouter } from './routes/admin/index.js';
import { docsRouter } from './routes/docs.js';
import { emailActionsRouter } from './routes/emailActions.js';
import { emailActLinksRouter } from './routes/emailActLinks.js';
import { healthCheck, livenessCheck, readinessCheck } from './routes/health.js';
import { httpMetrics } from './metrics/httpMetrics.js';
import { traceRequests } from './tracing/traceRequests.js';
import { metricsRoute } from './metrics/metricsEndpoint.js';
import { pushRouter } from './routes/push.js';
import { pushReadRouter } from './routes/pushRead.js';
import { unsubscribeRouter } from './routes/unsubscribe.js';
import { v1Router } from './routes/v1/index.js';
import { serveEmbedScript } from './embedScript.js';
import { compressStatic, serveClient } from './staticClient.js';

/** The inbox API: what a user token may reach (requireInboxUser), cross-origin for ALLOWED_ORIGINS. */
const INBOX_API_PATHS = ['/api/notifications', '/api/preferences', '/api/push'];
/** Polled every few seconds by load balancers, orchestrators and Prometheus: not worth a log line each. */
const PROBE_PATHS = new Set(['/api/health', '/api/health/live', '/api/health/ready', '/metrics']);

/**
 * The Express app: `/api/v1` for services (API key, no cookies), `/api` for the web app (session +
 * CSRF), the embeddable inbox's module, then the built client with an SPA fallback. Every error leaves as JSON through one handler.
 */
export function createHttpApp(ctx: AppContext, sessionMiddleware: RequestHandler): express.Express {
  const app = express();
  app.use(httpMetrics(app, ctx.metrics));
  if (ctx.config.otel.endpoint) app.use(traceRequests());
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(untrustedProxyWarning(ctx));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'upgrade-insecure-requests': ctx.config.cookieSecure ? [] : null,
          // Notification icons and avatars (issue 11) come from wherever the senders host them (a CDN, Gravatar):
          // any https: image. Images cannot run script, and only https: or this site's own paths pass the icon
          // rule (shared/urls.ts), so no http: fetch leaks what is read; the <img> sends no Referer. The cost,
          // said plainly: the image host sees the viewer's IP address when an inbox shows its icon — the same
          // as an email client showing a remote image. A host allowlist would be stricter, but it would have to
          // be kept in sync with every sender's CDN, and a wrong entry silently shows no icon.
          'img-src': ["'self'", 'data:', 'https:'],
        },
      },
    }),
  );
  if (ctx.config.logLevel !== 'silent') {
    app.use(
      pinoHttp({
        logger: ctx.log,
        autoLogging: { ignore: (req) => PROBE_PATHS.has(req.url ?? '') },
        // Behind a proxy the socket's peer is the proxy; req.ip is the client, per TRUST_PROXY.
        customProps: (req, res) => ({ clientIp: (req as express.Request).ip, ...(res as express.Response).locals?.traceIds }),
        // Signed tokens in paths, the CSRF header and cookies stay out of the logs (logRedaction.ts).
        serializers: { req: redactRequestLog, res: redactResponseLog },
      }),
    );
  }

  app.get('/api/health', healthCheck(ctx));
  app.get('/api/health/live', livenessCheck());
  app.get('/api/health/ready', readinessCheck(ctx));
  app.get('/metrics', metricsRoute(ctx.config, ctx.metrics));
  // Bodies are parsed inside: after the API key is checked (v1Router).
  app.use('/api/v1', v1Router(ctx));
  app.use('/api/docs', compressStatic());
  app.use('/api', docsRouter(ctx));
  // Reached from mail clients and the service worker: no session cookie, no CSRF token; each request
  // carries a signed token instead.
  app.use('/api/unsubscribe', express.urlencoded({ extended: false, limit: '4kb' }), unsubscribeRouter(ctx));
  app.use('/api/push-actions', jsonBody('4kb'), pushReadRouter(ctx));
  // An email's acknowledge button: a confirmation page and its empty form POST (no body to parse).
  app.use('/api/email-actions/act', emailActLinksRouter(ctx));
  app.use('/api/email-actions', jsonBody('4kb'), emailActionsRouter(ctx));

  // The inbox API (user tokens or cookie) answers pages of ALLOWED_ORIGINS, preflights included: before
  // the Origin check and the session, which a preflight must not reach.
  app.use(INBOX_API_PATHS, cors(corsPolicy(ctx.config)));
  // No body parsing here: each session router parses JSON after its own credential checks (sessionJsonBody).
  app.use('/api', originCheck(ctx), sessionMiddleware);
  app.use('/api/auth', authRouter(ctx));
  // A tab still acting for the user this browser signed out: 401 session_changed, not the new user's data.
  app.use('/api', expectedUser);
  app.use('/api/notifications', notificationsRouter(ctx));
  app.use('/api/preferences', preferencesRouter(ctx));
  app.use('/api/account', accountRouter(ctx));
  app.use('/api/push', pushRouter(ctx));
  app.use('/api/admin', adminRouter(ctx));
  app.use('/api', apiNotFound);

  serveEmbedScript(app, ctx.config);
  serveClient(app, ctx.config);
  // Any other method on a web-app path: the JSON 404 too, not Express's default HTML page.
  app.use(apiNotFound);
  app.use(errorHandler(ctx.log));
  return app;
}
