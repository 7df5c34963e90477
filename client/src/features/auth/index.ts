/** The auth feature's public surface: its pages, the session query and the signed-in user. */
export { sessionOptions } from './api/getSession';
export { useLogout } from './api/logout';
export { LoginPage } from './components/LoginPage';
export { OpenLinkPage } from './components/OpenLinkPage';
export { RequireAuth } from './components/RequireAuth';
export { SetPasswordPage } from './components/SetPasswordPage';
export { useCurrentUser } from './hooks/useCurrentUser';
