import { existsSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants } from 'node:zlib';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import type { Config } from './config.js';

/** Vite names every file under assets/ by its content hash: a changed file is a new URL. */
const HASHED = 'public, max-age=31536000, immutable';
/** index.html, sw.js, favicon: same URL across releases, so the browser must revalidate (ETag → 304). */
const REVALIDATE = 'no-cache';

/**
 * Brotli quality for on-the-fly compression. Measured on the client build (697 KB of JS + CSS): quality 4
 * (the middleware's default) gives 206 KB, more than gzip's 203 KB; 5 gives 193 KB at about gzip's speed;
 * 11 would give 177 KB but costs ~40× the CPU of 5.
 */
const BROTLI_QUALITY = 5;

/**
 * Compression for static files (brotli or gzip as the browser accepts, above 1 KB, compressible types
 * only). On the fly rather than prebuilt .br/.gz files: one kept middleware instead of a build plugin plus
 * a negotiating file server, the same treatment for index.html and the docs' files, and little CPU, since
 * hashed assets are fetched about once per browser per release and index.html mostly answers 304.
 * Not on JSON API responses, which carry secrets (the CSRF token) beside reflected input (BREACH).
 *
 * @example
 * app.use('/api/docs', compressStatic());
 */
export function compressStatic(): RequestHandler {
  return compression({ brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } });
}

/**
 * Serves the Vite build: `/assets/*` cached for a year as immutable (a missing one is a 404, never
 * index.html); everything else revalidated on each use; every other non-API path gets index.html so
 * client-side routes survive a reload. In production, `.map` files are never served, whatever the build
 * left in the directory (the build emits none).
 *
 * @example
 * serveClient(app, ctx.config);
 */
export function serveClient(app: express.Express, config: Pick<Config, 'clientDistDir' | 'env'>): void {
  const distDir = config.clientDistDir;
  const indexHtml = path.join(distDir, 'index.html');
  app.use(compressStatic());
  if (config.env === 'production') {
    app.use((req, res, next) => {
      if (req.path.endsWith('.map')) res.status(404).type('text').send('Not found');
      else next();
    });
  }
  app.use(
    '/assets',
    express.static(path.join(distDir, 'assets'), { index: false, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', HASHED) }),
    (_req, res) => {
      res.status(404).type('text').send('Not found');
    },
  );
  app.use(express.static(distDir, { index: false, cacheControl: false, setHeaders: (res) => res.setHeader('Cache-Control', REVALIDATE) }));
  app.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    if (existsSync(indexHtml)) res.sendFile(indexHtml);
    else res.status(503).type('text').send('The web client is not built yet: run `npm run build` (npm start does it for you).');
  });
}
