/**
 * The admin pages as one lazily loaded entry (`lazy(() => import('../features/admin/AdminRoutes'))`): kept
 * out of `index.ts`, whose static import would pull them into the main chunk.
 */
export { default } from './components/AdminRoutes';
