import clsx from 'clsx';

/** The FlashNotify mark and wordmark. */
export function Logo({ size = 'md' }: { size?: 'md' | 'lg' }) {
  return (
    <span className={clsx('logo', `logo--${size}`)}>
      <svg className="logo__mark" viewBox="0 0 24 24" aria-hidden>
        <rect width="24" height="24" rx="7" fill="var(--accent)" />
        <path d="M13.2 4.5 7.5 13.2h4.1l-1 6.3 5.9-8.9h-4.2l.9-6.1Z" fill="#fff" />
      </svg>
      <span className="logo__text">FlashNotify</span>
    </span>
  );
}
