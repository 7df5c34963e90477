import type { ReactNode } from 'react';
import { Logo } from '../../../components/Logo';
import './login.css';
import './publicPages.css';

/** The centred card of the pages reached without signing in (sign-in, email links, set password). */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="login">
      <div className="login__card">
        <Logo size="lg" />
        <h1 className="login__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
