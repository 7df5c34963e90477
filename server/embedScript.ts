import path from 'node:path';
import type express from 'express';
import type { Config } from './config.js';
import { HttpError } from './errors.js';
import { compressStatic } from './staticClient.js';

/** The stable URL host pages load the custom element from (README → Embeddable inbox). */
const EMBED_SCRIPT_PATH = '/embed/flashnotify.js';

/**
 * A new release reaches host pages within five minutes; in between, browsers revalidate cheaply (ETag → 304).
 * Not `immutable`: the URL is the same across releases, by design (hosts paste it once).
 */
const EMBED_CACHE = 'public, max-age=300';

/**
 * Serves the `<flashnotify-inbox>` module (scripts/build.mjs → `embed`) to pages on any origin: a
 * cross-origin `<script type="module">` is fetched in CORS mode, so it needs `Access-Control-Allow-Origin`
 * (`*`: the file is public and no credentials go with it), and helmet's `Cross-Origin-Resource-Policy:
 * same-origin` would make the browser drop it, so that is `cross-origin` here. Compressed like the app's
 * files; 503 with a hint when it has not been built.
 *
 * @example
 * serveEmbedScript(app, ctx.config);
 */
export function serveEmbedScript(app: express.Express, config: Pick<Config, 'embedDistDir'>): void {
  const file = path.join(config.embedDistDir, 'flashnotify.js');
  app.get(EMBED_SCRIPT_PATH, compressStatic(), (_req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.setHeader('Cache-Control', EMBED_CACHE);
    res.sendFile(file, { cacheControl: false }, (error?: NodeJS.ErrnoException & { status?: number }) => {
      if (!error) return;
      if (res.headersSent) return next(error);
      if (error.status !== 404 && error.code !== 'ENOENT') return next(error);
      res.setHeader('Cache-Control', 'no-store');
      res.status(503).type('text').send('The embeddable inbox is not built yet: run `npm run build` (npm start does it for you).');
    });
  });
  // Anything else under /embed is a mistyped snippet (or a source map, never published): a 404 the browser
  // reports as such, not the web app's index.html, which a module script would refuse with a MIME-type error.
  app.use('/embed', (_req, _res, next) => next(new HttpError(404, 'not_found', `No such file: the embeddable inbox is ${EMBED_SCRIPT_PATH}`)));
}
