import type { DemoAccount } from '@shared/schemas/auth';

const ROLE_LABELS: Record<DemoAccount['role'], string> = { admin: 'Admin', user: 'User' };

/**
 * Hint box listing the demo accounts the server says exist (`GET /api/auth/config`); picking one fills
 * the form. Rendered only when there are some: a production install has none.
 */
export function DemoAccounts({ accounts, onPick }: { accounts: DemoAccount[]; onPick: (account: DemoAccount) => void }) {
  // Seeded accounts share one password; say it once when they do.
  const shared = accounts.every((account) => account.password === accounts[0]?.password) ? accounts[0]?.password : undefined;
  return (
    // Named "Demo accounts" alone: a name containing "password" would compete with the password field's label.
    <section className="demo-accounts" aria-label="Demo accounts" data-testid="demo-accounts">
      <h2 className="demo-accounts__title">
        Demo accounts{shared !== undefined && (
          <>
            {' '}· password <code>{shared}</code>
          </>
        )}
      </h2>
      <ul className="demo-accounts__list">
        {accounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="demo-accounts__pick" onClick={() => onPick(account)}>
              <span>{account.email}</span>
              <span className="demo-accounts__role">{ROLE_LABELS[account.role]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
