import type { ReactNode } from 'react';

interface ChartFigureProps {
  id: string;
  title: string;
  /** The chart itself: hidden from assistive technology, which reads `table` instead. */
  chart: ReactNode;
  /** The same figures as a table (always shown under the chart: the chart's text equivalent). */
  table: ReactNode;
}

/** A titled chart with its figures as a table beneath it, named by the title. */
export function ChartFigure({ id, title, chart, table }: ChartFigureProps) {
  return (
    <figure className="card analytics-figure" aria-labelledby={id} data-testid={id}>
      <figcaption id={id} className="card__title">
        {title}
      </figcaption>
      <div className="analytics-figure__chart" aria-hidden="true">
        {chart}
      </div>
      {table}
    </figure>
  );
}
