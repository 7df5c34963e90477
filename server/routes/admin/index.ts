import { Router } from 'express';
import type { AppContext } from '../../context.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { jsonBody, WEB_APP_BODY_LIMIT } from '../../middleware/jsonBody.js';
import { requireAdmin } from '../../middleware/requireAdmin.js';
import { adminAnalyticsRouter } from './analytics.js';
import { adminApiKeysRouter } from './apiKeys.js';
import { auditRouter } from '../audit.js';
import { adminCategoriesRouter } from './categories.js';
import { adminChannelsRouter } from './channels.js';
import { adminDeliveriesRouter } from './deliveries.js';
import { adminInvitationsRouter } from './invitations.js';
import { adminOutboxRouter } from './outbox.js';
import { adminSendsRouter } from './sends.js';
import { adminTopicsRouter } from './topics.js';
import { adminUsersRouter } from './users.js';
import { adminUserTokenSecretsRouter } from './userTokenSecrets.js';
import { adminWebhooksRouter } from './webhooks.js';

/** `/api/admin`: everything the admin pages use. Admin session + CSRF on every route. */
export function adminRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireAdmin(ctx.db), csrfProtection, jsonBody(WEB_APP_BODY_LIMIT));
  router.use('/users', adminUsersRouter(ctx));
  router.use('/invitations', adminInvitationsRouter(ctx));
  router.use('/api-keys', adminApiKeysRouter(ctx));
  router.use('/user-token-secrets', adminUserTokenSecretsRouter(ctx));
  router.use('/categories', adminCategoriesRouter(ctx));
  router.use('/topics', adminTopicsRouter(ctx));
  router.use('/sends', adminSendsRouter(ctx));
  router.use('/deliveries', adminDeliveriesRouter(ctx));
  router.use('/channels', adminChannelsRouter(ctx));
  router.use('/outbox', adminOutboxRouter(ctx));
  router.use('/audit', auditRouter(ctx));
  router.use('/analytics', adminAnalyticsRouter(ctx));
  router.use('/webhooks', adminWebhooksRouter(ctx));
  return router;
}
