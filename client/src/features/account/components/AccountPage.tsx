import { FormattedMessage } from 'react-intl';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionList } from './SessionList';
import './account.css';

/** `/settings/account`: change the password, see and end the signed-in sessions. */
export function AccountPage() {
  return (
    <div className="account">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">
            <FormattedMessage id="account.title" />
          </h1>
          <p className="page-header__subtitle">
            <FormattedMessage id="account.subtitle" />
          </p>
        </div>
      </header>
      <ChangePasswordForm />
      <SessionList />
    </div>
  );
}
