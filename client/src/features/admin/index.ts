/**
 * The admin feature's public surface: what the app shell needs before the admin pages load. The pages
 * themselves are a separate chunk, loaded through `./AdminRoutes` (lazily, so people who are not admins never
 * download them); other features and the shell import nothing else from this folder.
 */
export { AdminNav } from './components/AdminNav';
export { RequireAdmin } from './components/RequireAdmin';
