import type { IntlShape } from 'react-intl';
import { ACTIONS_COLUMN, type DataTableColumn } from '../common/DataTable';

/** The categories table's column headings (also each cell's label in the narrow layout). */
export function categoryColumns(intl: IntlShape) {
  return {
    key: intl.formatMessage({ id: 'admin.apiKeys.col.key' }),
    label: intl.formatMessage({ id: 'admin.categories.col.label' }),
    critical: intl.formatMessage({ id: 'admin.categories.col.critical' }),
    channels: intl.formatMessage({ id: 'admin.categories.col.channels' }),
    retention: intl.formatMessage({ id: 'admin.categories.col.retention' }),
  };
}

/** The table's columns, in order; the inline edit row spans them all. */
export function categoryTableColumns(intl: IntlShape): DataTableColumn[] {
  const column = categoryColumns(intl);
  return [column.key, column.label, column.critical, column.channels, column.retention, ACTIONS_COLUMN];
}
