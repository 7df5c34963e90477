/** The auth feature's public surface: its pages, the session's lifecycle and the signed-in user. */
export { endSession, refreshSession, reloadSession, useSession } from './api/getSession';
export { useLogout } from './api/logout';
export { ForgotPasswordPage } from './components/ForgotPasswordPage';
export { LoginPage } from './components/LoginPage';
export { OpenLinkPage } from './components/OpenLinkPage';
export { RequireAuth } from './components/RequireAuth';
export { SetPasswordPage } from './components/SetPasswordPage';
export { useCurrentUser } from './hooks/useCurrentUser';
export { passwordProblem } from './utils/passwordProblem';
