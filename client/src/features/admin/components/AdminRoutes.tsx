import { lazy, Suspense } from 'react';
import { useIntl } from 'react-intl';
import { Navigate, Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { ApiKeysPage } from './apiKeys/ApiKeysPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { CategoriesPage } from './categories/CategoriesPage';
import { ComposePage } from './compose/ComposePage';
import { DeliveriesPage } from './deliveries/DeliveriesPage';
import { OutboxPage } from './outbox/OutboxPage';
import { SendDetailPage } from './sends/SendDetailPage';
import { SendsPage } from './sends/SendsPage';
import { TopicsPage } from './topics/TopicsPage';
import { UsersPage } from './users/UsersPage';
import { UserTokenSecretsPage } from './userTokenSecrets/UserTokenSecretsPage';
import { WebhooksPage } from './webhooks/WebhooksPage';
import { TableSkeleton } from './common/QueryStates';
import './admin.css';
import './forms.css';
import './detail.css';
import './tables.css';
import './compose.css';
import './responsive.css';

/** The analytics page brings the charting library: its own chunk, loaded when the page is opened. */
const AnalyticsPage = lazy(() => import('./analytics/AnalyticsPage'));

function AnalyticsLoading() {
  const intl = useIntl();
  return <TableSkeleton label={intl.formatMessage({ id: 'admin.analytics.loading' })} />;
}

/** Everything under `/admin/*`; App mounts it lazily behind RequireAdmin, so users never download it. */
export default function AdminRoutes() {
  return (
    <Routes>
      <Route index element={<Navigate to="compose" replace />} />
      <Route path="compose" element={<ComposePage />} />
      <Route path="sends" element={<SendsPage />} />
      <Route path="sends/:id" element={<SendDetailPage />} />
      <Route path="api-keys" element={<ApiKeysPage />} />
      <Route path="user-tokens" element={<UserTokenSecretsPage />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="categories" element={<CategoriesPage />} />
      <Route path="topics" element={<TopicsPage />} />
      <Route path="deliveries" element={<DeliveriesPage />} />
      <Route path="outbox" element={<OutboxPage />} />
      <Route path="webhooks" element={<WebhooksPage />} />
      <Route path="audit" element={<AuditLogPage />} />
      <Route
        path="analytics"
        element={
          <Suspense fallback={<AnalyticsLoading />}>
            <AnalyticsPage />
          </Suspense>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
