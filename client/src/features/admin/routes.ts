/**
 * The admin pages as one lazily loaded entry (`lazy(() => import('../features/admin/routes'))`): kept
 * out of `index.ts`, whose static import would pull them into the main chunk.
 */
export { default } from './components/AdminRoutes';
