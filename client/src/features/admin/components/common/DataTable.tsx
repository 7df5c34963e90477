import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageId } from '../../../../i18n/messageIds';

/** A column heading: its text, or the text with options. */
export type DataTableColumn = string | { label: string; /** Right-aligned figures. */ numeric?: boolean; /** Read to screen readers only. */ srOnly?: boolean };

/** The unlabelled column of per-row buttons (its screen-reader name is translated by DataTable). */
export const ACTIONS_COLUMN: DataTableColumn = { label: 'Actions', srOnly: true };

/** Column headings given as catalog ids (this table's English literals stay valid headings too). */
const TRANSLATED_HEADINGS: Partial<Record<string, MessageId>> = { Actions: 'admin.table.actions' };

interface DataTableProps {
  testId: string;
  columns: readonly DataTableColumn[];
  /** The body's rows. */
  children: ReactNode;
  /**
   * Names the table's scroll area and makes it focusable, so a table wider than the page scrolls from the
   * keyboard too (tables with many figure columns).
   */
  scrollLabel?: string;
}

/** An admin table: horizontally scrollable, with a row of column headings over the given rows. */
export function DataTable({ testId, columns, children, scrollLabel }: DataTableProps) {
  const intl = useIntl();
  return (
    <div className="table-scroll" {...(scrollLabel ? { role: 'region', 'aria-label': scrollLabel, tabIndex: 0 } : {})}>
      <table className="data-table" data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => {
              const { label, numeric = false, srOnly = false } = typeof column === 'string' ? { label: column } : column;
              const id = srOnly ? TRANSLATED_HEADINGS[label] : undefined;
              const text = id ? intl.formatMessage({ id }) : label;
              return (
                <th key={label} scope="col" className={numeric ? 'num' : undefined}>
                  {srOnly ? <span className="sr-only">{text}</span> : text}
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
