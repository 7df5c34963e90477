import { useIntl } from 'react-intl';
import { Link } from 'react-router';
import { Logo } from '../components/Logo';
import { NotificationBell } from '../features/inbox';
import { ConnectionStatus } from '../features/realtime';
import { ThemeSwitch } from '../features/theme';
import { UserMenu } from './UserMenu';

/** The top bar: product, realtime state, bell, theme and user. */
export function Header() {
  const intl = useIntl();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand" aria-label={intl.formatMessage({ id: 'app.header.home' })}>
        <Logo />
      </Link>
      <div className="app-header__actions">
        <ConnectionStatus />
        <NotificationBell />
        <ThemeSwitch />
        <span className="app-header__divider" aria-hidden />
        <UserMenu />
      </div>
    </header>
  );
}
