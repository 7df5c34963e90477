/** The account feature's public surface: the page with the user's password and sessions. */
export { AccountPage } from './components/AccountPage';
