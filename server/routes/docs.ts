import { createRequire } from 'node:module';
import path from 'node:path';
import { Router } from 'express';
import type { AppContext } from '../context.js';
import { openApiDocument } from '../openapi/document.js';
import { packagePath } from '../packageRoot.js';

/** Swagger UI's prebuilt files, served from the installed package: no CDN (installs may be air-gapped). */
const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const pageDir = packagePath('server', 'openapi', 'docsPage');

/** Only what our page loads: the package also ships a demo page that would fetch the public Petstore spec. */
const SWAGGER_UI_FILES = new Set(['swagger-ui-bundle.js', 'swagger-ui-bundle.js.map', 'swagger-ui.css', 'swagger-ui.css.map', 'favicon-32x32.png']);

/**
 * `/api/openapi.json` (the v1 and inbox APIs as OpenAPI 3.1) and `/api/docs` (Swagger UI on it). Public, like any API
 * reference: neither reveals data. Works under the app-wide helmet CSP as is: every script is a same-origin
 * file, and Swagger UI's inline styles and data: images are allowed by helmet's defaults.
 */
export function docsRouter(_ctx: AppContext): Router {
  const router = Router();

  router.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });

  router.get('/docs', (_req, res) => {
    res.sendFile(path.join(pageDir, 'index.html'));
  });
  router.get('/docs/init.js', (_req, res) => {
    res.sendFile(path.join(pageDir, 'init.js'));
  });
  router.get('/docs/:file', (req, res, next) => {
    if (!SWAGGER_UI_FILES.has(req.params.file)) return next();
    res.sendFile(path.join(swaggerUiDir, req.params.file), { maxAge: '1d' });
  });

  return router;
}
