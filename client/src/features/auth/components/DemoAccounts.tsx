/** Seeded accounts of the embedded mode (README); they all share one password. */
const DEMO_ACCOUNTS = [
  { email: 'admin@example.com', role: 'Admin' },
  { email: 'alice@example.com', role: 'User' },
  { email: 'bob@example.com', role: 'User' },
];
/** Password of every demo account. */
export const DEMO_PASSWORD = 'flashnotify';

/** Hint box listing the demo accounts; picking one fills the form. */
export function DemoAccounts({ onPick }: { onPick: (email: string) => void }) {
  return (
    <div className="demo-accounts">
      <p className="demo-accounts__title">
        Demo accounts · password <code>{DEMO_PASSWORD}</code>
      </p>
      <ul className="demo-accounts__list">
        {DEMO_ACCOUNTS.map(({ email, role }) => (
          <li key={email}>
            <button type="button" className="demo-accounts__pick" onClick={() => onPick(email)}>
              <span>{email}</span>
              <span className="demo-accounts__role">{role}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
