import { FormattedMessage, useIntl } from 'react-intl';
import type { DemoAccount } from '@shared/schemas/auth';

const ROLE_LABELS = { admin: 'auth.demo.role.admin', user: 'auth.demo.role.user' } as const satisfies Record<DemoAccount['role'], string>;

/**
 * Hint box listing the demo accounts the server says exist (`GET /api/auth/config`); picking one fills
 * the form. Rendered only when there are some: a production install has none.
 */
export function DemoAccounts({ accounts, onPick }: { accounts: DemoAccount[]; onPick: (account: DemoAccount) => void }) {
  // Seeded accounts share one password; say it once when they do.
  const intl = useIntl();
  const shared = accounts.every((account) => account.password === accounts[0]?.password) ? accounts[0]?.password : undefined;
  return (
    // Named "Demo accounts" alone: a name containing "password" would compete with the password field's label.
    <section className="demo-accounts" aria-label={intl.formatMessage({ id: 'auth.demo.title' })} data-testid="demo-accounts">
      <h2 className="demo-accounts__title">
        <FormattedMessage id="auth.demo.title" />
        {shared !== undefined && (
          <>
            {' '}
            <FormattedMessage id="auth.demo.sharedPassword" values={{ password: <code>{shared}</code> }} />
          </>
        )}
      </h2>
      <ul className="demo-accounts__list">
        {accounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="demo-accounts__pick" onClick={() => onPick(account)}>
              <span>{account.email}</span>
              <span className="demo-accounts__role">{intl.formatMessage({ id: ROLE_LABELS[account.role] })}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
