import type { ReactNode } from 'react';

/** A column heading: its text, or the text with options. */
export type DataTableColumn = string | { label: string; /** Right-aligned figures. */ numeric?: boolean; /** Read to screen readers only. */ srOnly?: boolean };

/** The unlabelled column of per-row buttons. */
export const ACTIONS_COLUMN: DataTableColumn = { label: 'Actions', srOnly: true };

interface DataTableProps {
  testId: string;
  columns: readonly DataTableColumn[];
  /** The body's rows. */
  children: ReactNode;
}

/** An admin table: horizontally scrollable, with a row of column headings over the given rows. */
export function DataTable({ testId, columns, children }: DataTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => {
              const { label, numeric = false, srOnly = false } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={label} scope="col" className={numeric ? 'num' : undefined}>
                  {srOnly ? <span className="sr-only">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
