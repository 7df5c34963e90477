import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionList } from './SessionList';
import './account.css';

/** `/settings/account`: change the password, see and end the signed-in sessions. */
export function AccountPage() {
  return (
    <div className="account">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Account</h1>
          <p className="page-header__subtitle">Your password and the devices signed in to your account.</p>
        </div>
      </header>
      <ChangePasswordForm />
      <SessionList />
    </div>
  );
}
