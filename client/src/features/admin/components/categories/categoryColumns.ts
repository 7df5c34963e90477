import { ACTIONS_COLUMN, type DataTableColumn } from '../common/DataTable';

/** The categories table's columns; the inline edit row spans them all. */
export const CATEGORY_TABLE_COLUMNS: readonly DataTableColumn[] = ['Key', 'Label', 'Critical', 'Default channels', ACTIONS_COLUMN];

export const CATEGORY_COLUMNS = CATEGORY_TABLE_COLUMNS.length;
