import { Router } from 'express';
import { analyticsQuerySchema } from '../../../shared/schemas/analytics.js';
import type { AppContext } from '../../context.js';
import { parseInput } from '../../middleware/validate.js';
import { analyticsCsv } from '../../services/analytics/analyticsCsv.js';
import { getAnalytics } from '../../services/analytics/getAnalytics.js';

/**
 * `/api/admin/analytics?from=&to=&granularity=hour|day[&format=csv]`: the analytics page's figures from the
 * rollups, as JSON or as a CSV download of the same figures.
 */
export function adminAnalyticsRouter(ctx: AppContext): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const query = parseInput(analyticsQuerySchema, req.query, 'query string');
    const report = await getAnalytics(ctx, { from: new Date(query.from), to: new Date(query.to), granularity: query.granularity });
    if (query.format === 'json') {
      res.json(report);
      return;
    }
    const name = `flashnotify-analytics-${report.from.slice(0, 13)}-${report.to.slice(0, 13)}-${report.granularity}.csv`.replace(/:/g, '');
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
    res.send(analyticsCsv(report));
  });

  return router;
}
