import type { ReactNode } from 'react';
import clsx from 'clsx';

interface TableCardProps {
  /** id of the heading, which names the card. */
  titleId: string;
  title: string;
  /** Shown in a pill after the title once known, e.g. the number of rows. */
  count?: ReactNode;
  /** Classes besides `card card--flush`. */
  className?: string;
  children: ReactNode;
}

/** A flush card holding a table under a padded title with an optional count. */
export function TableCard({ titleId, title, count, className, children }: TableCardProps) {
  return (
    <section className={clsx('card card--flush', className)} aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title card__title--padded">
        {title} {count !== undefined && <span className="card__count">{count}</span>}
      </h2>
      {children}
    </section>
  );
}
